/**
 * Freed seats go to the waitlist in order: the next waiting entry that fits is offered the seats,
 * held for it during the claim window (pretix's "waiting list with automatic promotion").
 * The offer is ledger.offerSeats — one conditional write that only one caller can make per entry —
 * followed by the entry's own conditional transition waitlisted -> offered.
 */
import { SEAT_HOLDING_STATUSES } from '../../../contract/events/model';
import type { Database } from '../../db/database';
import type { HandlerContext } from '../../runtime/context';
import { ledgerView, offerSeats, releaseSeats } from './ledger';
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
      if (await offerSeats(db, eventId, candidate._id, candidate.seats)) {
        const made = await markOffered(ctx, event, candidate);
        if (made) offered.push(candidate._id);
        // Go round again while seats we saw are left (or came back). Seats freed after our read
        // are offered by whoever freed them, so we stop once ours are used.
        progressed = !made || event.seatsLeft - candidate.seats > 0;
        break;
      }
      // Lost the race for this entry: if it still waits, the seats are gone; stop in order.
      const view = await ledgerView(db, eventId, candidate._id);
      if (!view || view.waits) return offered;
    }
    if (!progressed) return offered;
  }
  return offered;
}

/**
 * The second write of an offer: the entry waitlisted -> offered (the ledger already holds its
 * seats). Also run by the timer (repair.ts) for an offer cut off between the two writes.
 */
export async function markOffered(
  ctx: HandlerContext,
  event: Pick<EventDoc, 'title' | 'startsAt' | 'endsAt' | 'venue' | 'claimHours'>,
  entry: EntryDoc,
): Promise<boolean> {
  const claimEnds = new Date(Math.min(ctx.now.getTime() + event.claimHours * 3600_000, event.endsAt.getTime()));
  const res = await entriesOf(ctx.db)
    .where({ _id: entry._id, status: 'waitlisted' })
    .update({ data: { status: 'offered', offeredAt: ctx.now, offerExpiresAt: claimEnds, updatedAt: ctx.now } });
  if (res.stats.updated !== 1) {
    // The worker cancelled meanwhile: give the seats back (their own cancel may already have).
    // Only then: another run finishing the same offer must keep them.
    const now = (await entriesOf(ctx.db).where({ _id: entry._id }).limit(1).get()).data[0];
    if (!now || !SEAT_HOLDING_STATUSES.includes(now.status)) await releaseSeats(ctx.db, entry.eventId, entry._id, entry.seats);
    return false;
  }
  await notifyOnce(ctx, 'waitlistOffer', event, { ...entry, offerExpiresAt: claimEnds });
  return true;
}
