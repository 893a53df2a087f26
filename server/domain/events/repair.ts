/**
 * The seat ledger's reconciler, run by the events timer. Every multi-step events write changes the
 * entry and the ledger (the event document) in two writes; a crash between them (kill -9, a
 * timeout) leaves one without the other. Issue 10 found cancelled entries still holding seats.
 * Which half-done states exist, and how each is settled (every step keyed by the entry, so running
 * beside live calls or another run is harmless):
 *   - pending entry (sign-up cut off)            settled by the timer's existing `settle` pass;
 *   - ended entry still in the ledger            (cancel / expiry / no-show cut off after the entry
 *     write) its seats are released or its place left, then the freed seats are offered on;
 *   - waitlisted entry holding seats             (an offer cut off after the ledger write) the offer
 *     is finished: offered, with its claim window and message;
 *   - free seats while people wait               (a cancel cut off after the release) offered on;
 *   - applied entry holding seats                (a lottery draw cut off) finished by running 抽签
 *     again (draw.ts applies the recorded draw).
 */
import type { EntryStatus } from '../../../contract/events/model';
import type { HandlerContext } from '../../runtime/context';
import { markOffered, promote } from './promote';
import { leaveLedger } from './signup';
import { entriesOf, eventsOf } from './store';

const ENDED: EntryStatus[] = ['cancelled', 'expired', 'no_show'];
/** An offer is finished by its own call within this; older, it was cut off. */
const STALE_OFFER_MS = 120_000;
const IDS_PER_READ = 100;

export async function repairLedgers(ctx: HandlerContext): Promise<number> {
  const _ = ctx.db.command;
  const events = await eventsOf(ctx.db)
    .where({ status: _.in(['published', 'closed']), endsAt: _.gt(ctx.now) })
    .field({ held: true, w: true, seatsLeft: true, waiting: true, title: true, startsAt: true, endsAt: true, venue: true, claimHours: true })
    .limit(100)
    .get();
  let repaired = 0;
  for (const event of events.data) {
    const held = event.held ?? {};
    const ids = [...Object.keys(held), ...Object.keys(event.w ?? {})];
    for (let i = 0; i < ids.length; i += IDS_PER_READ) {
      const wrong = await entriesOf(ctx.db)
        .where({ _id: _.in(ids.slice(i, i + IDS_PER_READ)), status: _.in([...ENDED, 'waitlisted']) })
        .limit(IDS_PER_READ)
        .get();
      for (const entry of wrong.data) {
        const holds = held[entry._id] !== undefined;
        if (ENDED.includes(entry.status)) {
          await leaveLedger(ctx, entry, holds ? 'confirmed' : 'waitlisted');
          repaired += 1;
        } else if (holds && entry.updatedAt.getTime() < ctx.now.getTime() - STALE_OFFER_MS) {
          if (await markOffered(ctx, event, entry)) repaired += 1;
        }
      }
    }
    // Seats freed by a call cut off before it offered them on.
    if (event.seatsLeft > 0 && event.waiting > 0) repaired += (await promote(ctx, event._id)).length;
  }
  return repaired;
}
