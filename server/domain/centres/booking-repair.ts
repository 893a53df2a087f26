/**
 * Crash safety of the booking writes (issue 10, item 4; docs/centres.md). Book, reschedule and the
 * endings that give units back are several writes each; a crash (kill -9, a timeout) can cut them
 * between any two. Every unit a booking holds in a counter (its seat, its weekly quota) is taken
 * and given back with the booking's _id as marker (TakeSpec.marker, server/db/counters.ts: the
 * station's mechanism), so each step can be redone without guessing whether it happened. The
 * booking document records the write under way (`pending`, with `pendingSince`) in its first
 * write, and the last write clears it:
 *   book    the booking was inserted, its quota and seat are being taken; the worker is not told
 *           it is booked until `pending` is cleared. Stale: given up (undo) — the units go back,
 *           the document goes, as for a gift tap nobody was told to collect.
 *   move    a reschedule is taking the new start's seat (and week's quota): pendingSlotId /
 *           pendingQuotaId. Stale: given up (unmove) — the new units go back, the booking stays
 *           where it was.
 *   give    the booking ended or moved and the units named are being given back. Always finished
 *           (by the next call on the booking, or the timer): giving back by marker is idempotent.
 * `undo` and `unmove` are set first when giving up, so a late call of the cut-off write (whose
 * last write is conditional on `book` / `move`) can no longer complete it; it takes its own
 * units back instead. `settleBookings` is the pass the centres timer runs every 5 minutes.
 */
import type { Doc } from '../../db/database';
import { giveBack, markHeldUnit } from '../../db/counters';
import { COLLECTIONS } from '../../db/schema';
import type { HandlerContext } from '../../runtime/context';
import type { BookingDoc, PendingOp } from './records';

/** A write still pending after this was cut off: far beyond the function's 10 s timeout. */
export const STALE_PENDING_MS = 120_000;
const BATCH = 100;

export interface Units {
  slotId?: string;
  quotaId?: string;
}

/** Gives back the units this booking holds in the named counters; each at most once. */
export async function giveUnits(ctx: HandlerContext, bookingId: string, units: Units): Promise<void> {
  await Promise.all([
    units.slotId ? giveBack(ctx.db, ctx.db.collection<Doc>(COLLECTIONS.slots), units.slotId, bookingId) : undefined,
    units.quotaId ? giveBack(ctx.db, ctx.db.collection<Doc>(COLLECTIONS.bookingQuotas), units.quotaId, bookingId) : undefined,
  ]);
}

/** The fields that clear a pending write. */
export function clearedPending(ctx: HandlerContext): Doc {
  const _ = ctx.db.command;
  return { pending: _.remove(), pendingSince: _.remove(), pendingSlotId: _.remove(), pendingQuotaId: _.remove() };
}

/** The condition "this very pending write" (the op and its time: a later one is another write). */
export function pendingIs(doc: Pick<BookingDoc, '_id' | 'pendingSince'>, op: PendingOp): Doc {
  return { _id: doc._id, pending: op, pendingSince: doc.pendingSince };
}

/** Clears this pending write, if it is still the one recorded. */
export async function clearPending(ctx: HandlerContext, doc: Pick<BookingDoc, '_id' | 'pendingSince'>, op: PendingOp): Promise<boolean> {
  const res = await ctx.db.collection<BookingDoc>(COLLECTIONS.bookings).where(pendingIs(doc, op)).update({ data: clearedPending(ctx) });
  return res.stats.updated === 1;
}

/** Switches a stale book / move to its giving-up op; false if it moved on meanwhile. */
async function giveUp(ctx: HandlerContext, doc: BookingDoc, from: PendingOp, to: PendingOp): Promise<boolean> {
  const res = await ctx.db.collection<BookingDoc>(COLLECTIONS.bookings).where(pendingIs(doc, from)).update({ data: { pending: to } });
  return res.stats.updated === 1;
}

export type Settled = 'undone' | 'unmoved' | 'given' | null;

/**
 * Settles the booking's pending write if it can be: a `give` always, a `book` or `move` once stale.
 * Safe beside the live write and beside other settlers: every step is conditional or idempotent.
 */
export async function settleBooking(ctx: HandlerContext, doc: BookingDoc): Promise<Settled> {
  const stale = !!doc.pendingSince && new Date(doc.pendingSince).getTime() < ctx.now.getTime() - STALE_PENDING_MS;
  if (doc.pending === 'book' && stale && (await giveUp(ctx, doc, 'book', 'undo'))) return undoBook(ctx, doc);
  if (doc.pending === 'undo') return undoBook(ctx, doc);
  if (doc.pending === 'move' && stale && (await giveUp(ctx, doc, 'move', 'unmove'))) return unmove(ctx, doc);
  if (doc.pending === 'unmove') return unmove(ctx, doc);
  if (doc.pending === 'give') {
    await giveUnits(ctx, doc._id, { slotId: doc.pendingSlotId, quotaId: doc.pendingQuotaId });
    return (await clearPending(ctx, doc, 'give')) ? 'given' : null;
  }
  return null;
}

/** A booking given up: its units go back, then the document (so a run cut off between is redone). */
async function undoBook(ctx: HandlerContext, doc: BookingDoc): Promise<Settled> {
  await giveUnits(ctx, doc._id, { slotId: doc.slotId, quotaId: doc.quotaId });
  const res = await ctx.db.collection<BookingDoc>(COLLECTIONS.bookings).where(pendingIs(doc, 'undo')).remove();
  return res.stats.removed === 1 ? 'undone' : null;
}

/** A move given up: the new start's units go back, the booking stays where it was. */
async function unmove(ctx: HandlerContext, doc: BookingDoc): Promise<Settled> {
  await giveUnits(ctx, doc._id, { slotId: doc.pendingSlotId, quotaId: doc.pendingQuotaId });
  return (await clearPending(ctx, doc, 'unmove')) ? 'unmoved' : null;
}

/**
 * A booking made before markers holds unmarked units: mark them as its own (counters first, then
 * the booking, so a cut in between is redone) before anything gives them back by marker.
 */
async function adopt(ctx: HandlerContext, doc: BookingDoc): Promise<BookingDoc> {
  const _ = ctx.db.command;
  await Promise.all([
    markHeldUnit(ctx.db.collection<Doc>(COLLECTIONS.slots), doc.slotId, doc._id),
    doc.quotaId ? markHeldUnit(ctx.db.collection<Doc>(COLLECTIONS.bookingQuotas), doc.quotaId, doc._id) : undefined,
  ]);
  await ctx.db.collection<BookingDoc>(COLLECTIONS.bookings).where({ _id: doc._id, marked: _.exists(false) }).update({ data: { marked: true } });
  return { ...doc, marked: true };
}

/**
 * Before a call acts on a booking: adopts one from before markers, settles what it can of a write
 * left pending; answers the booking as it is now.
 */
export async function settledFirst(ctx: HandlerContext, doc: BookingDoc): Promise<BookingDoc> {
  if (doc.source === 'worker' && doc.status === 'booked' && !doc.pending && !doc.marked) return adopt(ctx, doc);
  if (!doc.pending || !(await settleBooking(ctx, doc))) return doc;
  return (await ctx.db.collection<BookingDoc>(COLLECTIONS.bookings).where({ _id: doc._id }).limit(1).get()).data[0] ?? doc;
}

export interface BookingSettleReport {
  undone: number;
  unmoved: number;
  given: number;
}

/** The timer pass: every booking write cut off more than STALE_PENDING_MS ago is settled. */
export async function settleBookings(ctx: HandlerContext): Promise<BookingSettleReport> {
  const _ = ctx.db.command;
  const stale = await ctx.db
    .collection<BookingDoc>(COLLECTIONS.bookings)
    .where({ pendingSince: _.lt(new Date(ctx.now.getTime() - STALE_PENDING_MS)) })
    .limit(BATCH)
    .get();
  const report: BookingSettleReport = { undone: 0, unmoved: 0, given: 0 };
  for (const doc of stale.data) {
    const settled = await settleBooking(ctx, doc);
    if (settled) report[settled] += 1;
  }
  return report;
}
