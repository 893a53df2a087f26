/**
 * The seat ledger's reconciler, run by the events timer. Every ledger step changes the entry and
 * the event's counters in separate writes (steps.ts); a crash between them (kill -9, a timeout)
 * leaves one without the other. Issue 10 found cancelled entries still holding seats. The timer:
 *   1. moves events still on the old in-document ledger to the counters (ledger-migration.ts);
 *   2. takes over every step older than the lease and carries it through: a sign-up left pending
 *      is settled, an ended entry gives its seats or place back (then they are offered on), a
 *      lottery applicant gets the draw's outcome;
 *   3. settles every mark older than the lease (resolveMark): an offer cut off after taking the
 *      seats is finished, or undone if its entry has ended; a leftover mark is removed;
 *   4. offers free seats while people wait (a cancel cut off after giving its seats back).
 * Every write is keyed by the entry, so a run beside live calls or beside another run is harmless.
 */
import type { HandlerContext } from '../../runtime/context';
import { migrateLedgers } from './ledger-migration';
import { promote } from './promote';
import type { EventDoc } from './records';
import { isStale, resolveMark, resumeStep, STEP_LEASE_MS, takeOver } from './steps';
import { entriesOf, eventsOf } from './store';

const BATCH = 100;

export async function repairLedgers(ctx: HandlerContext): Promise<number> {
  const _ = ctx.db.command;
  let repaired = await migrateLedgers(ctx.db);

  const cutOff = await entriesOf(ctx.db)
    .where({ 'step.at': _.lt(new Date(ctx.now.getTime() - STEP_LEASE_MS)) })
    .limit(BATCH)
    .get();
  for (const entry of cutOff.data) {
    const mine = await takeOver(ctx, entry);
    if (!mine) continue; // another run has it
    try {
      await resumeStep(ctx, mine);
      repaired += 1;
    } catch (error) {
      console.error('[events] could not finish the ledger step of', entry._id, error);
    }
  }

  const events = await eventsOf(ctx.db)
    .where({ status: _.in(['published', 'closed']), endsAt: _.gt(ctx.now) })
    .field({ tx: true, seatsLeft: true, waiting: true })
    .limit(BATCH)
    .get();
  for (const event of events.data as Pick<EventDoc, '_id' | 'tx' | 'seatsLeft' | 'waiting'>[]) {
    for (const [entryId, mark] of Object.entries(event.tx ?? {})) {
      if (!isStale(ctx, mark.at)) continue;
      await resolveMark(ctx, event._id, entryId, mark);
      repaired += 1;
    }
    if (event.seatsLeft > 0 && event.waiting > 0) repaired += (await promote(ctx, event._id)).length;
  }
  return repaired;
}
