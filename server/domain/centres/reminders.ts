/**
 * The day-before reminder, run by the centres function's timer trigger (18:00 Beijing time).
 * Only bookings whose owner accepted the reminder; each is claimed by a conditional write
 * (reminded: false -> true) before sending, so two overlapping runs never send twice. A run in
 * quiet hours (a late trigger, a manual cloud:trigger) claims nothing, so a later run still sends.
 */
import { isQuietHour, shanghaiDay } from '../../../contract/time';
import { COLLECTIONS } from '../../db/schema';
import type { HandlerContext } from '../../runtime/context';
import { wallClock } from './bookings';
import { BOOKING_PAGE, reminderData, sendMessage } from './messages';
import type { BookingDoc } from './records';
import { addDays } from './slots';

export async function remindTomorrow(
  ctx: HandlerContext,
): Promise<{ date: string; due: number; sent: number; refused: number; quiet: boolean }> {
  const date = addDays(shanghaiDay(ctx.now), 1);
  if (isQuietHour(ctx.now)) return { date, due: 0, sent: 0, refused: 0, quiet: true };
  const bookings = ctx.db.collection<BookingDoc>(COLLECTIONS.bookings);
  const due = await bookings.where({ date, status: 'booked', remind: true, reminded: false }).limit(1000).get();
  let sent = 0;
  let refused = 0;
  for (const doc of due.data) {
    const claimed = await bookings.where({ _id: doc._id, reminded: false }).update({ data: { reminded: true, remindedAt: ctx.now } });
    if (claimed.stats.updated !== 1) continue;
    const ok = await sendMessage(ctx, doc.openid, 'bookingReminder', reminderData({ ...doc, when: wallClock(new Date(doc.start)) }), `${BOOKING_PAGE}?id=${doc._id}`).catch(
      () => false,
    );
    if (ok) sent += 1;
    else refused += 1;
  }
  return { date, due: due.data.length, sent, refused, quiet: false };
}
