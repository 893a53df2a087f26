/**
 * The events function's timer (every 5 minutes, Beijing time): passes on offers nobody claimed in
 * time, finishes sign-ups and ledger writes interrupted mid-way (repair.ts), removes ended
 * rate-limit windows, and sends the
 * day-before reminders — each only where
 * the worker granted it. Every step is a conditional write, so overlapping runs do no harm.
 * Last, it continues the outbox: every area's messages a call could not send in time.
 */
import { isQuietHour } from '../../../contract/time';
import type { HandlerContext } from '../../runtime/context';
import { removeEndedWindows } from '../rate-limits';
import { removeEndedReads } from '../rights/articles';
import { drainOutbox, type SendReport } from '../messages/outbox';
import { notifyOnce } from './notify';
import { repairLedgers } from './repair';
import { endFromCurrent } from './signup';
import { entriesOf, loadEvent } from './store';

const BATCH = 100;
const REMIND_WITHIN_MS = 24 * 3600_000;

export interface TickReport {
  expired: number;
  repaired: number;
  reminded: number;
  outbox: SendReport;
}

export async function tick(ctx: HandlerContext): Promise<TickReport> {
  const _ = ctx.db.command;
  const report: Omit<TickReport, 'outbox'> = { expired: 0, repaired: 0, reminded: 0 };

  const lapsed = await entriesOf(ctx.db).where({ status: 'offered', offerExpiresAt: _.lte(ctx.now) }).limit(BATCH).get();
  for (const entry of lapsed.data) {
    const ended = await endFromCurrent(ctx, entry, ['offered'], 'expired');
    if (ended.status === 'expired') report.expired += 1;
  }

  // Ledger steps cut off half-way, sign-ups left pending among them (repair.ts).
  report.repaired = await repairLedgers(ctx);

  // Housekeeping for every area's rate limits (server/domain/rate-limits.ts) and the day's article
  // read marks (rights/articles.ts): this is the timer that runs often enough to keep both
  // collections to the current windows and day.
  await removeEndedWindows(ctx);
  await removeEndedReads(ctx);

  // No messages at night: the reminder waits for the first run after quiet hours.
  if (!isQuietHour(ctx.now)) {
    const due = await entriesOf(ctx.db)
      .where({
        status: 'confirmed',
        'subs.eventReminder': true,
        startsAt: _.gt(ctx.now).and(_.lte(new Date(ctx.now.getTime() + REMIND_WITHIN_MS))),
      })
      .limit(BATCH)
      .get();
    const events = new Map<string, Awaited<ReturnType<typeof loadEvent>>>();
    for (const entry of due.data) {
      const event = events.get(entry.eventId) ?? (await loadEvent(ctx.db, entry.eventId, { drafts: true }));
      events.set(entry.eventId, event);
      if (event.status === 'cancelled') continue;
      if (await notifyOnce(ctx, 'eventReminder', event, entry)) report.reminded += 1;
    }
  }
  return { ...report, outbox: await drainOutbox(ctx) };
}
