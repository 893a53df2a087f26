/**
 * Freed seats go to the waitlist in order: the next waiting entry that fits is offered the seats,
 * held for it during the claim window (pretix's "waiting list with automatic promotion").
 * The offer is ledger.offerSeats — one conditional write that takes the seats and marks the entry,
 * so only one caller can make it per entry — followed by the entry's own conditional transition
 * waitlisted -> offered, then the mark is removed (steps.ts: an offer whose entry ended meanwhile
 * is undone; one cut off is finished by the timer).
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database';
import type { HandlerContext } from '../../runtime/context';
import { clearMark, ledgerView, offerSeats, undoOffer } from './ledger';
import { notifyOnce } from './notify';
import type { EntryDoc, EventDoc } from './records';
import { entriesOf, eventsOf } from './store';

const CANDIDATES_PER_READ = 20;
const MAX_ROUNDS = 50;

async function seatState(db: Database, eventId: string) {
  const res = await eventsOf(db)
    .where({ _id: eventId })
    .field({ seatsLeft: true, waiting: true, status: true, title: true, startsAt: true, endsAt: true, venue: true, claimHours: true })
    .limit(1)
    .get();
  return res.data[0] as Pick<EventDoc, 'seatsLeft' | 'waiting' | 'status' | 'title' | 'startsAt' | 'endsAt' | 'venue' | 'claimHours'> | undefined;
}

/** Offers free seats to waiting entries until none fit. Returns the entries offered by this call. */
export async function promote(ctx: HandlerContext, eventId: string): Promise<string[]> {
  const { db } = ctx;
  const offered: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const event = await seatState(db, eventId);
    if (!event || event.status === 'cancelled' || ctx.now >= event.endsAt) return offered;
    if (event.seatsLeft <= 0 || event.waiting <= 0) return offered;
    const candidates = await entriesOf(db)
      .where({ eventId, status: 'waitlisted' })
      .orderBy('seq', 'asc')
      .limit(CANDIDATES_PER_READ)
      .get();
    let progressed = false;
    for (const candidate of candidates.data) {
      if (candidate.seats > event.seatsLeft) continue; // a group that does not fit keeps its place
      const by = randomBytes(8).toString('hex');
      if (await offerSeats(ctx, eventId, candidate._id, candidate.seats, by)) {
        const made = await markOffered(ctx, event, candidate, by);
        if (made) offered.push(candidate._id);
        // Go round again while seats we saw are left (or came back). Seats freed after our read
        // are offered by whoever freed them, so we stop once ours are used.
        progressed = !made || event.seatsLeft - candidate.seats > 0;
        break;
      }
      // No mark: the seats are gone (or nobody is counted as waiting); stop in order. A mark: another
      // promoter is offering this entry (with seats it saw), or its end is in flight: try the next.
      const view = await ledgerView(db, eventId, candidate._id);
      if (!view || !view.mark) return offered;
    }
    if (!progressed) return offered;
  }
  return offered;
}

/**
 * The second write of an offer: the entry waitlisted -> offered (the counters already hold its
 * seats, under its mark), then the mark removed. Also run by the timer (steps.ts resolveMark) for
 * an offer cut off between the two writes.
 */
export async function markOffered(
  ctx: HandlerContext,
  event: Pick<EventDoc, 'title' | 'startsAt' | 'endsAt' | 'venue' | 'claimHours'>,
  entry: EntryDoc,
  by: string,
): Promise<boolean> {
  const claimEnds = new Date(Math.min(ctx.now.getTime() + event.claimHours * 3600_000, event.endsAt.getTime()));
  const _ = ctx.db.command;
  const res = await entriesOf(ctx.db)
    .where({ _id: entry._id, status: 'waitlisted', step: _.exists(false) })
    .update({ data: { status: 'offered', offeredAt: ctx.now, offerExpiresAt: claimEnds, offerBy: by, updatedAt: ctx.now } });
  if (res.stats.updated !== 1) {
    // Another run finished this same offer: the seats are the entry's. Otherwise the worker
    // cancelled meanwhile (their cancel waits for this mark), or another promoter's offer reached
    // the entry first (we read it as waiting before that): give the seats and the place back.
    const now = (await entriesOf(ctx.db).where({ _id: entry._id }).limit(1).get()).data[0];
    if (now?.offerBy === by) await clearMark(ctx.db, entry.eventId, entry._id, 'offer', by);
    else await undoOffer(ctx.db, entry.eventId, entry._id, entry.seats, by);
    return false;
  }
  await clearMark(ctx.db, entry.eventId, entry._id, 'offer', by);
  await notifyOnce(ctx, 'waitlistOffer', event, { ...entry, offerExpiresAt: claimEnds });
  return true;
}
