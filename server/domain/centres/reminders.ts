/**
 * The day-before reminder, run by the centres function's timer (timer.ts) from 18:00 Beijing time.
 * Only bookings whose owner accepted the reminder. Every reminder is queued in the outbox (keyed
 * by the booking and its day, so overlapping runs queue it once) before the booking is marked
 * reminded; this run sends what it can in its time budget and the events timer sends the rest.
 * A run in quiet hours (a late trigger, a manual cloud:trigger) queues nothing, so a later run
 * still reminds.
 */
import { isQuietHour, shanghaiDay } from '../../../contract/time';
import { COLLECTIONS } from '../../db/schema';
import type { HandlerContext } from '../../runtime/context';
import { queueMessages, sendQueued } from '../messages/outbox';
import { wallClock } from './bookings';
import { BOOKING_PAGE, reminderData } from './messages';
import { isUnconfirmed, type BookingDoc } from './records';
import { addDays } from './slots';

export async function remindTomorrow(
  ctx: HandlerContext,
): Promise<{ date: string; due: number; queued: number; sent: number; refused: number; left: number; quiet: boolean }> {
  const date = addDays(shanghaiDay(ctx.now), 1);
  if (isQuietHour(ctx.now)) return { date, due: 0, queued: 0, sent: 0, refused: 0, left: 0, quiet: true };
  const bookings = ctx.db.collection<BookingDoc>(COLLECTIONS.bookings);
  const found = await bookings.where({ date, status: 'booked', remind: true, reminded: false }).limit(1000).get();
  const due = { data: found.data.filter((doc) => !isUnconfirmed(doc)) };
  const queued = await queueMessages(
    ctx,
    due.data.map((doc) => ({
      key: `bookingReminder:${doc._id}:${date}`,
      touser: doc.openid,
      template: 'bookingReminder' as const,
      page: `${BOOKING_PAGE}?id=${doc._id}`,
      data: reminderData({ ...doc, when: wallClock(new Date(doc.start)) }),
    })),
  );
  const _ = ctx.db.command;
  for (let i = 0; i < due.data.length; i += 500) {
    const ids = due.data.slice(i, i + 500).map((doc) => doc._id);
    await bookings.where({ _id: _.in(ids), reminded: false }).update({ data: { reminded: true, remindedAt: ctx.now } });
  }
  const report = await sendQueued(ctx, queued);
  return { date, due: due.data.length, queued: queued.length, sent: report.sent, refused: report.refused, left: report.left, quiet: false };
}
