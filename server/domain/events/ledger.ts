/**
 * The seat ledger's writes: each one a single conditional update of the event document, so it is
 * atomic and its invariants (records.ts) hold after every write, whatever runs concurrently.
 * Each write is keyed by the entry (held.<id>, w.<id>), so repeating one is harmless: a retry,
 * a double tap or two promoters racing can move an entry's seats at most once.
 */
import { COLLECTIONS } from '../../db/schema';
import type { Database } from '../../db/database';

const events = (db: Database) => db.collection(COLLECTIONS.events);
const held = (entryId: string) => `held.${entryId}`;
const waits = (entryId: string) => `w.${entryId}`;

/**
 * Part of the update that ends an entry's wait (w.<id> true, so it is in `queue`): it leaves the
 * queue and qBase counts it, so everyone's qBase + index — their sequence — stays as it was.
 */
function outOfQueue(db: Database, entryId: string) {
  const _ = db.command;
  return { queue: _.pull(entryId), qBase: _.inc(1) };
}

/**
 * A new sign-up takes its seats: only while nobody waits (no queue jumping) and only once per entry.
 * Taken iff updated === 1.
 */
export async function takeSeats(db: Database, eventId: string, entryId: string, seats: number): Promise<boolean> {
  const _ = db.command;
  const res = await events(db)
    .where({
      _id: eventId,
      seatsLeft: _.gte(seats),
      waiting: 0,
      [held(entryId)]: _.exists(false),
      [waits(entryId)]: _.exists(false),
    })
    .update({ data: { seatsLeft: _.inc(-seats), [held(entryId)]: seats } });
  return res.stats.updated === 1;
}

/**
 * Joins the waitlist: only when takeSeats could not succeed (too few seats, or people already
 * waiting) — the two conditions are complementary, so a sign-up that loses one race wins the other
 * on the next try and no seat is stranded. Appends to the queue: its index is the entry's sequence.
 */
export async function joinQueue(db: Database, eventId: string, entryId: string, seats: number, limit: number): Promise<boolean> {
  const _ = db.command;
  const res = await events(db)
    .where(
      _.and([
        { _id: eventId, waiting: _.lt(limit), [held(entryId)]: _.exists(false), [waits(entryId)]: _.exists(false) },
        _.or([{ seatsLeft: _.lt(seats) }, { waiting: _.gt(0) }]),
      ]),
    )
    .update({ data: { queue: _.push(entryId), waiting: _.inc(1), [waits(entryId)]: true } });
  return res.stats.updated === 1;
}

/** Lottery losers join the waitlist in draw order, whatever the seats. */
export async function appendToQueue(db: Database, eventId: string, entryId: string): Promise<boolean> {
  const _ = db.command;
  const res = await events(db)
    .where({ _id: eventId, [held(entryId)]: _.exists(false), [waits(entryId)]: _.exists(false) })
    .update({ data: { queue: _.push(entryId), waiting: _.inc(1), [waits(entryId)]: true } });
  return res.stats.updated === 1;
}

/** Lottery winners take their seats in draw order (nobody waits yet). */
export async function grantSeats(db: Database, eventId: string, entryId: string, seats: number): Promise<boolean> {
  const _ = db.command;
  const res = await events(db)
    .where({ _id: eventId, seatsLeft: _.gte(seats), [held(entryId)]: _.exists(false), [waits(entryId)]: _.exists(false) })
    .update({ data: { seatsLeft: _.inc(-seats), [held(entryId)]: seats } });
  return res.stats.updated === 1;
}

export interface LedgerView {
  /** 1-based sequence in the waitlist, or null when the entry is not in the queue (never, or no longer). */
  seq: number | null;
  holds: boolean;
  waits: boolean;
  seatsLeft: number;
  waiting: number;
}

/** Where one entry stands in the ledger, in one small read (the queue itself is not sent back). */
export async function ledgerView(db: Database, eventId: string, entryId: string): Promise<LedgerView | null> {
  const $ = db.command.aggregate;
  const res = await events(db)
    .aggregate()
    .match({ _id: eventId })
    .project({
      _id: 0,
      pos: $.indexOfArray([$.ifNull(['$queue', []]), entryId]),
      qBase: $.ifNull(['$qBase', 0]),
      heldSeats: `$held.${entryId}`,
      waits: `$w.${entryId}`,
      seatsLeft: 1,
      waiting: 1,
    })
    .limit(1)
    .end();
  const row = res.list[0] as { pos?: number; qBase?: number; heldSeats?: number; waits?: boolean; seatsLeft: number; waiting: number } | undefined;
  if (!row) return null;
  return {
    seq: typeof row.pos === 'number' && row.pos >= 0 ? (row.qBase ?? 0) + row.pos + 1 : null,
    holds: typeof row.heldSeats === 'number',
    waits: row.waits === true,
    seatsLeft: row.seatsLeft,
    waiting: row.waiting,
  };
}

/** Moves a waiting entry onto freed seats (an offer). Exactly one caller can do it per entry. */
export async function offerSeats(db: Database, eventId: string, entryId: string, seats: number): Promise<boolean> {
  const _ = db.command;
  const res = await events(db)
    .where({ _id: eventId, seatsLeft: _.gte(seats), [waits(entryId)]: true, [held(entryId)]: _.exists(false) })
    .update({ data: { seatsLeft: _.inc(-seats), waiting: _.inc(-1), [waits(entryId)]: _.remove(), [held(entryId)]: seats, ...outOfQueue(db, entryId) } });
  return res.stats.updated === 1;
}

/** Gives an entry's seats back. Only the first caller frees them; true iff this call did. */
export async function releaseSeats(db: Database, eventId: string, entryId: string, seats: number): Promise<boolean> {
  const _ = db.command;
  const res = await events(db)
    .where({ _id: eventId, [held(entryId)]: seats })
    .update({ data: { seatsLeft: _.inc(seats), [held(entryId)]: _.remove() } });
  return res.stats.updated === 1;
}

/** Takes an entry off the waitlist. */
export async function leaveQueue(db: Database, eventId: string, entryId: string): Promise<boolean> {
  const _ = db.command;
  const res = await events(db)
    .where({ _id: eventId, [waits(entryId)]: true })
    .update({ data: { waiting: _.inc(-1), [waits(entryId)]: _.remove(), ...outOfQueue(db, entryId) } });
  return res.stats.updated === 1;
}

/** Raises or lowers capacity; lowering only takes seats that are free. */
export async function changeCapacity(db: Database, eventId: string, delta: number): Promise<boolean> {
  const _ = db.command;
  const condition = delta < 0 ? { _id: eventId, seatsLeft: _.gte(-delta) } : { _id: eventId };
  const res = await events(db).where(condition).update({ data: { capacity: _.inc(delta), seatsLeft: _.inc(delta) } });
  return res.stats.updated === 1;
}
