/**
 * The database's invariants, checked over every document (property, authz and crash tests).
 * Each returns a list of violations (empty = holds), so a failure says exactly what broke.
 */
import { ACTIVE_ENTRY_STATUSES, SEAT_HOLDING_STATUSES, type EntryStatus } from '../../contract/events/model';
import type { LocalCloud } from '../../local-cloud';
import { dollarKeys, everyDocument } from './db-docs';

type D = Record<string, unknown>;

export interface InvariantReport {
  checked: number;
  violations: string[];
}

/**
 * `settled`: also require that no events ledger step is left in flight (after the timer has run);
 * without it the events checks hold at any instant, counting each step in flight by where it is.
 */
export function checkInvariants(cloud: LocalCloud, opts: { settled?: boolean } = {}): InvariantReport {
  const all = everyDocument(cloud);
  const violations: string[] = [];
  let checked = 0;
  const expect = (ok: boolean, what: string) => {
    checked += 1;
    if (!ok) violations.push(what);
  };

  // 1. Nothing stored has an operator key or an own __proto__ key.
  for (const [collection, docs] of Object.entries(all)) {
    for (const doc of docs) {
      const keys = dollarKeys(doc);
      expect(keys.length === 0, `${collection}/${String(doc._id)} has $-keys ${keys.join(',')}`);
      expect(!JSON.stringify(doc).includes('"__proto__"'), `${collection}/${String(doc._id)} stores a __proto__ key`);
    }
  }

  // 2. Events: seats never below zero; the counters equal the entries at any instant, each ledger
  //    step in flight counted by where it has got to (server/domain/events/steps.ts):
  //      capacity − seatsLeft = seats of confirmed/offered/checked-in entries
  //                             + a take mark not yet recorded (entry pending or applied)
  //                             + an offer mark not recorded on its entry (offerBy differs)
  //                             + an ended entry whose release has not reached the counters
  //      waiting              = waitlisted entries + a join mark not yet recorded
  //                             − an offer mark not recorded + an ended entry whose leave has not;
  //    waitlist numbers unique and ≤ qNext; nothing left on the old in-document ledger; with
  //    `settled`, no step or mark in flight at all. One active entry per worker per event.
  type Entry = D & { _id: string; eventId: string; openid: string; status: EntryStatus; seats: number; seq?: number; step?: { op: string }; offerBy?: string };
  type Mark = { op: string; by?: string };
  const entries = all.event_entries as Entry[];
  for (const ev of all.events as (D & { capacity?: number; seatsLeft?: number; waiting?: number; qNext?: number; tx?: Record<string, Mark> })[]) {
    if (typeof ev.capacity !== 'number') continue; // a hand-made figure fixture, not a live event
    const mine = entries.filter((e) => e.eventId === ev._id);
    const marks = ev.tx ?? {};
    let held = 0;
    let waits = 0;
    for (const e of mine) {
      const mark = marks[e._id];
      if (SEAT_HOLDING_STATUSES.includes(e.status)) held += e.seats;
      if (e.status === 'waitlisted') waits += 1;
      if (mark?.op === 'take' && (e.status === 'pending' || e.status === 'applied')) held += e.seats;
      if (mark?.op === 'join' && (e.status === 'pending' || e.status === 'applied')) waits += 1;
      if (mark?.op === 'offer' && e.offerBy !== mark.by) {
        held += e.seats;
        waits -= 1;
      }
      if (e.step?.op === 'release' && mark?.op !== 'release') held += e.seats;
      if (e.step?.op === 'leave' && mark?.op !== 'leave') waits += 1;
    }
    const inFlight = Object.keys(marks).length + mine.filter((e) => e.step !== undefined).length;
    expect((ev.seatsLeft ?? 0) >= 0, `event ${String(ev._id)}: seatsLeft ${ev.seatsLeft} < 0`);
    expect(!('held' in ev) && !('queue' in ev), `event ${String(ev._id)}: still on the old in-document ledger`);
    if (opts.settled) expect(inFlight === 0, `event ${String(ev._id)}: ${inFlight} ledger steps left in flight`);
    expect(ev.capacity - (ev.seatsLeft ?? 0) === held, `event ${String(ev._id)}: counters hold ${ev.capacity - (ev.seatsLeft ?? 0)} seats, entries ${held}`);
    expect(ev.waiting === waits, `event ${String(ev._id)}: waiting ${ev.waiting}, entries ${waits}`);
    const seqs = mine.filter((e) => e.status === 'waitlisted').map((e) => e.seq);
    expect(new Set(seqs).size === seqs.length && seqs.every((q) => typeof q === 'number' && q <= (ev.qNext ?? 0)), `event ${String(ev._id)}: waitlist numbers repeat or exceed qNext`);
  }
  const active = new Map<string, number>();
  for (const e of entries) {
    if (!ACTIVE_ENTRY_STATUSES.includes(e.status) || !e.openid) continue;
    const key = `${e.eventId}:${e.openid}`;
    active.set(key, (active.get(key) ?? 0) + 1);
  }
  for (const [key, n] of active) expect(n === 1, `${n} active entries for ${key}`);
  checked += active.size === 0 ? 1 : 0;

  // 3. Slots: never below zero, never above their seats, and taken seats = bookings that hold one.
  const bookings = all.bookings as (D & { slotId: string; status: string; activeKey: string })[];
  for (const slot of all.slots as (D & { seats: number; left: number })[]) {
    const taken = bookings.filter((b) => b.slotId === slot._id && b.status !== 'cancelled').length;
    expect(slot.left >= 0 && slot.left <= slot.seats, `slot ${String(slot._id)}: left ${slot.left} of ${slot.seats}`);
    expect(slot.seats - slot.left === taken, `slot ${String(slot._id)}: ${slot.seats - slot.left} seats taken, ${taken} bookings hold one`);
  }
  // Bookings record their units in the counters (`m.<bookingId>`, booking-repair.ts): a slot's
  // markers are exactly the marked bookings holding a seat in it (not cancelled), a weekly quota's
  // exactly those holding a unit of it (not cancelled or closed); none pending.
  for (const b of bookings) expect(b.pending === undefined, `booking ${String(b._id)} still pending ${String(b.pending)}`);
  const marked = bookings.filter((b) => b.marked === true);
  const markersMatch = (name: string, counter: D & { m?: Record<string, boolean> }, holders: D[]) => {
    if (!counter.m) return; // a counter from before markers
    const marks = Object.keys(counter.m).sort();
    const held = holders.map((b) => String(b._id)).sort();
    expect(JSON.stringify(marks) === JSON.stringify(held), `${name}/${String(counter._id)}: marked by ${marks.join(',')}, held by ${held.join(',')}`);
  };
  for (const slot of all.slots as D[]) markersMatch('slots', slot, marked.filter((b) => b.slotId === slot._id && b.status !== 'cancelled'));
  for (const quota of all.booking_quotas as D[]) {
    markersMatch('booking_quotas', quota, marked.filter((b) => b.quotaId === quota._id && b.status !== 'cancelled' && b.status !== 'closed'));
  }
  const keys = new Set<string>();
  for (const b of bookings) {
    expect(!keys.has(b.activeKey), `two bookings share activeKey ${b.activeKey}`);
    keys.add(b.activeKey);
  }

  // 4. Counters with a floor: gift stock, weekly booking quotas, daily consultation quotas, 便民日 windows.
  const taps = all.station_taps as (D & { campaignId: string; serviceId: string; kind: string })[];
  for (const s of all.station_stock as (D & { campaignId: string; serviceId: string; stock: number; left: number })[]) {
    const given = taps.filter((t) => t.kind === 'gift' && t.campaignId === s.campaignId && t.serviceId === s.serviceId).length;
    expect(s.left >= 0, `stock ${String(s._id)}: left ${s.left} < 0`);
    expect(s.stock - s.left === given, `stock ${String(s._id)}: ${s.stock - s.left} given out, ${given} gift taps`);
  }
  // Station taps record their unit in the counters they moved (`m.<tapId>`): stock given = its
  // markers, an hourly 人次 = its markers, and each marker belongs to an existing tap.
  const tapIds = new Set(taps.map((t) => String(t._id)));
  for (const name of ['station_stock', 'station_counts'] as const) {
    for (const c of all[name] as (D & { m?: Record<string, boolean>; stock?: number; left?: number; n?: number })[]) {
      if (!c.m) continue; // a counter from before markers (seed figures)
      const marks = Object.keys(c.m);
      const moved = name === 'station_stock' ? (c.stock ?? 0) - (c.left ?? 0) : (c.n ?? 0);
      expect(moved === marks.length, `${name}/${String(c._id)}: moved ${moved}, ${marks.length} taps marked`);
      for (const id of marks) expect(tapIds.has(id), `${name}/${String(c._id)}: marked by tap ${id}, which does not exist`);
    }
  }
  for (const name of ['booking_quotas', 'rights_quotas'] as const) {
    for (const q of all[name] as (D & { left: number })[]) expect(q.left >= 0, `${name}/${String(q._id)}: left ${q.left} < 0`);
  }
  for (const q of all.fair_queues as (D & { windowsLeft?: Record<string, number>; issued: number; serving: number })[]) {
    for (const [w, left] of Object.entries(q.windowsLeft ?? {})) expect(left >= 0, `fair queue ${String(q._id)} window ${w}: left ${left} < 0`);
    expect(q.serving <= q.issued, `fair queue ${String(q._id)}: serving ${q.serving} > issued ${q.issued}`);
    // Every ticket's number was issued, and no two share one (a number take is one transaction; a
    // number given back and taken again moves its ticket to a new number).
    const numbers = (all.fair_tickets as (D & { queueKey: string; number: number })[]).filter((t) => t.queueKey === q._id).map((t) => t.number);
    expect(new Set(numbers).size === numbers.length && numbers.every((n) => n >= 1 && n <= q.issued), `fair queue ${String(q._id)}: issued ${q.issued}, tickets ${numbers.join(',')}`);
  }

  // 5. Roles are only ever what the contract allows.
  for (const r of all.roles as (D & { role: string; centreIds?: unknown })[]) {
    expect(r.role === 'admin' || r.role === 'centre_staff', `roles/${String(r._id)}: role ${String(r.role)}`);
    expect(Array.isArray(r.centreIds ?? []), `roles/${String(r._id)}: centreIds not a list`);
  }

  // 6. 帮扶: a decided application has exactly one decision step and a decision matching its status;
  //    an open one has none; at most one 集体欠薪 alert per employer and window start.
  for (const a of (all.aid_applications ?? []) as (D & { status: string; history: { status: string }[]; decision: { outcome: string } | null })[]) {
    const decided = a.status === 'done' || a.status === 'refused';
    const steps = a.history.filter((h) => h.status === 'done' || h.status === 'refused').length;
    expect(decided ? steps === 1 && a.decision?.outcome === a.status : steps === 0 && a.decision === null, `aid_applications/${String(a._id)}: status ${a.status} with ${steps} decision steps`);
  }
  const alertKeys = ((all.wage_alerts ?? []) as (D & { employerKey: string; windowStart: Date })[]).map((w) => `${w.employerKey}@${String(w.windowStart)}`);
  expect(new Set(alertKeys).size === alertKeys.length, `wage_alerts: two alerts for one employer and window`);
  return { checked, violations };
}
