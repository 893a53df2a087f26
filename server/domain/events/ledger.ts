/**
 * The seat ledger's counter writes: each one a single conditional update of the event document's
 * counters (capacity, seatsLeft, waiting, qNext), so no write can oversell, jump the queue or
 * exceed the waitlist, whatever runs concurrently.
 *
 * Each write also sets the entry's MARK, `tx.<entryId> = { op, seq? }`, and requires that no mark
 * for the entry is there: the mark says "this entry's counter step is done" until the entry itself
 * records the outcome (steps.ts), then it is removed. So the event document holds only the
 * counters and the marks of steps in flight — a few hundred bytes, whatever the sign-ups (issue 10:
 * keyed maps of every entry made it ~48 KB, journaled whole by every seat write).
 */
import { COLLECTIONS } from '../../db/schema';
import type { Database } from '../../db/database';

/** What a counter step did for an entry. take/grant: seats held; join: waitlist place `seq`. */
export type LedgerOp = 'take' | 'join' | 'offer' | 'release' | 'leave';
export interface Mark {
  op: LedgerOp;
  seq?: number;
  /** When the counter step was made: a mark older than the lease was left by a cut-off step (steps.ts). */
  at: Date;
  /** offer: the promoter's token, recorded on the entry with the offer (an offer is made counter first). */
  by?: string;
}

/** What every ledger write needs: the database, and the time it stamps on its mark. */
export interface LedgerCtx {
  db: Database;
  now: Date;
}

const events = (db: Database) => db.collection(COLLECTIONS.events);
const mark = (entryId: string) => `tx.${entryId}`;

/** The counters, and the entry's mark if its counter step is done but not yet recorded on it. */
export interface LedgerView {
  seatsLeft: number;
  waiting: number;
  qNext: number;
  mark: Mark | null;
}

export async function ledgerView(db: Database, eventId: string, entryId: string): Promise<LedgerView | null> {
  const res = await events(db)
    .where({ _id: eventId })
    .field({ seatsLeft: true, waiting: true, qNext: true, [mark(entryId)]: true })
    .limit(1)
    .get();
  const doc = res.data[0] as { seatsLeft: number; waiting: number; qNext?: number; tx?: Record<string, Mark> } | undefined;
  if (!doc) return null;
  return { seatsLeft: doc.seatsLeft, waiting: doc.waiting, qNext: doc.qNext ?? 0, mark: doc.tx?.[entryId] ?? null };
}

async function apply(db: Database, condition: Record<string, unknown>, change: Record<string, unknown>): Promise<boolean> {
  const res = await events(db).where(condition).update({ data: change });
  return res.stats.updated === 1;
}

/**
 * A new sign-up takes its seats: only while nobody waits (no queue jumping). A lottery winner
 * (`queueFirst: false`) takes them in draw order, before anyone waits. Taken iff true.
 */
export function takeSeats({ db, now }: LedgerCtx, eventId: string, entryId: string, seats: number, queueFirst = true): Promise<boolean> {
  const _ = db.command;
  return apply(
    db,
    { _id: eventId, seatsLeft: _.gte(seats), ...(queueFirst ? { waiting: 0 } : {}), [mark(entryId)]: _.exists(false) },
    { seatsLeft: _.inc(-seats), [mark(entryId)]: { op: 'take', at: now } },
  );
}

/**
 * Joins the waitlist as number `view.qNext + 1`: only if qNext is still what the caller read (so
 * numbers are handed out once, in order, without gaps) and, for a sign-up, only when takeSeats
 * could not succeed (too few seats, or people already waiting) — the conditions are complementary,
 * so a sign-up that loses one race wins the other on the next try and no seat is stranded.
 * `anySeats` (lottery losers) joins whatever the seats. The place's number, or null.
 */
export async function joinQueue(
  { db, now }: LedgerCtx,
  eventId: string,
  entryId: string,
  view: LedgerView,
  rule: { seats: number; limit: number } | 'anySeats',
): Promise<number | null> {
  const _ = db.command;
  const seq = view.qNext + 1;
  const base = { _id: eventId, qNext: view.qNext, [mark(entryId)]: _.exists(false) };
  const condition =
    rule === 'anySeats'
      ? base
      : _.and([{ ...base, waiting: _.lt(rule.limit) }, _.or([{ seatsLeft: _.lt(rule.seats) }, { waiting: _.gt(0) }])]);
  const joined = await apply(db, condition, { waiting: _.inc(1), qNext: seq, [mark(entryId)]: { op: 'join', seq, at: now } });
  return joined ? seq : null;
}

/** Moves a waiting entry onto freed seats (an offer); `by` tells this offer from an earlier one of the entry. */
export function offerSeats({ db, now }: LedgerCtx, eventId: string, entryId: string, seats: number, by: string): Promise<boolean> {
  const _ = db.command;
  return apply(
    db,
    { _id: eventId, seatsLeft: _.gte(seats), waiting: _.gt(0), [mark(entryId)]: _.exists(false) },
    { seatsLeft: _.inc(-seats), waiting: _.inc(-1), [mark(entryId)]: { op: 'offer', at: now, by } },
  );
}

/** Gives an ended entry's seats back. */
export function releaseSeats({ db, now }: LedgerCtx, eventId: string, entryId: string, seats: number): Promise<boolean> {
  const _ = db.command;
  return apply(db, { _id: eventId, [mark(entryId)]: _.exists(false) }, { seatsLeft: _.inc(seats), [mark(entryId)]: { op: 'release', at: now } });
}

/** Takes an ended entry's place off the waitlist count (its number is never handed out again). */
export function leaveQueue({ db, now }: LedgerCtx, eventId: string, entryId: string): Promise<boolean> {
  const _ = db.command;
  return apply(db, { _id: eventId, waiting: _.gt(0), [mark(entryId)]: _.exists(false) }, { waiting: _.inc(-1), [mark(entryId)]: { op: 'leave', at: now } });
}

/** Removes the entry's mark for `op` (an offer's: made `by`) once the entry records the outcome, or a leftover one. */
export async function clearMark(db: Database, eventId: string, entryId: string, op: LedgerOp, by?: string): Promise<void> {
  const _ = db.command;
  await apply(db, { _id: eventId, [`${mark(entryId)}.op`]: op, ...(by ? { [`${mark(entryId)}.by`]: by } : {}) }, { [mark(entryId)]: _.remove() });
}

/** Gives back what offer `by` took, when its entry could not be offered (it ended, or was offered by another). */
export function undoOffer(db: Database, eventId: string, entryId: string, seats: number, by: string): Promise<boolean> {
  const _ = db.command;
  return apply(
    db,
    { _id: eventId, [`${mark(entryId)}.op`]: 'offer', [`${mark(entryId)}.by`]: by },
    { seatsLeft: _.inc(seats), waiting: _.inc(1), [mark(entryId)]: _.remove() },
  );
}

/** Raises or lowers capacity; lowering only takes seats that are free. */
export function changeCapacity(db: Database, eventId: string, delta: number): Promise<boolean> {
  const _ = db.command;
  const condition = delta < 0 ? { _id: eventId, seatsLeft: _.gte(-delta) } : { _id: eventId };
  return apply(db, condition, { capacity: _.inc(delta), seatsLeft: _.inc(delta) });
}
