/**
 * Events stored before the ledger moved onto the entries kept it inside the event document:
 * held.<entryId> = seats, w.<entryId> = true, queue = [entryId, ...] (seq = qBase + index + 1).
 * migrateLedger turns one into the counters of ledger.ts, once (the write is conditional on the old
 * maps being there), run lazily by loadEvent, by the events timer and by the seed. The counters are
 * recounted from the entries, which also settles what the old ledger left half-done: an ended
 * entry still holding seats gives them back, a waitlisted one holding seats (an offer cut off) waits
 * again — the timer then offers the free seats on. A pending sign-up keeps what the old ledger gave
 * it as a mark, with a step cut off long ago, so the timer or a retry finishes it (steps.ts).
 */
import { SEAT_HOLDING_STATUSES } from '../../../contract/events/model';
import type { Database } from '../../db/database';
import type { Mark } from './ledger';
import type { EntryDoc, EventDoc } from './records';
import { entriesOf, eventsOf } from './store';

interface LegacyLedger {
  held?: Record<string, number>;
  w?: Record<string, boolean>;
  queue?: string[];
  qBase?: number;
}

const PAGE = 1000;
/** Older than any lease: a step or mark stamped with it is cut off. */
const LONG_AGO = new Date(0);

async function entriesOfEvent(db: Database, eventId: string): Promise<EntryDoc[]> {
  const all: EntryDoc[] = [];
  for (let page = 0; ; page++) {
    const batch = (await entriesOf(db).where({ eventId }).orderBy('_id', 'asc').skip(page * PAGE).limit(PAGE).get()).data;
    all.push(...batch);
    if (batch.length < PAGE) return all;
  }
}

/** True iff this call migrated the event. */
export async function migrateLedger(db: Database, eventId: string): Promise<boolean> {
  const _ = db.command;
  const doc = (await eventsOf(db).where({ _id: eventId, held: _.exists(true) }).limit(1).get()).data[0] as (EventDoc & LegacyLedger) | undefined;
  if (!doc) return false;
  const held = doc.held ?? {};
  const queue = doc.queue ?? [];
  const qBase = doc.qBase ?? 0;
  let taken = 0;
  let waiting = 0;
  let qNext = qBase + queue.length;
  const tx: Record<string, Mark> = {};
  const pendingWithoutStep: string[] = [];
  for (const e of await entriesOfEvent(db, eventId)) {
    qNext = Math.max(qNext, e.seq ?? 0);
    if (SEAT_HOLDING_STATUSES.includes(e.status)) taken += e.seats;
    else if (e.status === 'waitlisted') waiting += 1;
    else if (e.status === 'pending') {
      if (!e.step) pendingWithoutStep.push(e._id);
      if (held[e._id] !== undefined) {
        taken += held[e._id];
        tx[e._id] = { op: 'take', at: LONG_AGO };
      } else if (doc.w?.[e._id]) {
        waiting += 1;
        tx[e._id] = { op: 'join', seq: qBase + queue.indexOf(e._id) + 1, at: LONG_AGO };
      }
    }
  }
  // The entries first: a crash after them and before the event leaves the event still to migrate.
  for (const id of pendingWithoutStep) {
    await entriesOf(db)
      .where({ _id: id, status: 'pending', step: _.exists(false) })
      .update({ data: { step: { op: 'settle', at: LONG_AGO } } });
  }
  const res = await eventsOf(db)
    .where({ _id: eventId, held: _.exists(true) })
    .update({
      data: { seatsLeft: doc.capacity - taken, waiting, qNext, tx: _.set(tx), held: _.remove(), w: _.remove(), queue: _.remove(), qBase: _.remove() },
    });
  return res.stats.updated === 1;
}

/** Every event still on the old ledger (the timer and the seed run it; each event once). */
export async function migrateLedgers(db: Database): Promise<number> {
  const _ = db.command;
  let migrated = 0;
  for (;;) {
    const legacy = (await eventsOf(db).where({ held: _.exists(true) }).field({ _id: true }).limit(100).get()).data;
    for (const e of legacy) if (await migrateLedger(db, e._id)) migrated += 1;
    if (legacy.length < 100) return migrated;
  }
}
