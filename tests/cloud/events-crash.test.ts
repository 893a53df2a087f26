/**
 * Issue 10, item 4: every events write that moves seats, cut off after each of its writes (as by
 * kill -9: nothing after the k-th write reaches the database), leaves a state the events timer
 * settles — run twice at once, past the step lease — with every invariant holding: counters equal
 * the entries' seats and places, no step or mark left in flight, no lost or double seat.
 * Cut: a cancel, a sign-up (seat free and waitlisted), the lottery draw, and the timer's own
 * offer expiry (the seat passing to the next person).
 */
import { cutAfter as cutDb } from '../support/db-cut';
import { checkInvariants } from '../support/invariants';
import { checkLedger, entries, form, ok, publishEvent, requestIds, STAFF, useEventsCloud, worker } from './events-helpers';

jest.setTimeout(180_000);

const ctx = useEventsCloud(2);

const rid = requestIds('crash');

const cutAfter = <T>(k: number, fn: () => Promise<T>) => cutDb(ctx.cloud, k, fn);

const HOUR = 3600_000;
/** Past the step lease (steps.ts): the cut-off call is gone, the timer takes its steps over. */
const AFTER_LEASE = 3 * 60_000;

/** Two overlapping timer runs, `offset` from now. */
async function timerTwiceAt(offset: number): Promise<void> {
  ctx.cloud.setTimeOffset(offset);
  await Promise.all([ctx.cloud.runTimer('events'), ctx.cloud.runTimer('events')]);
}

/** How many writes `fn` makes when nothing cuts it (the k to go up to). */
async function writesOf(fn: () => Promise<unknown>): Promise<number> {
  return (await cutAfter(Infinity, fn)).writes;
}

async function seatAndWaiter(tag: string) {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, { capacity: 1 });
  const holder = await ok(cloud, worker(`${tag}-holder`), 'signUp', { eventId, requestId: rid(), form: form(1) });
  const waiter = await ok(cloud, worker(`${tag}-waiter`), 'signUp', { eventId, requestId: rid(), form: form(2) });
  expect([holder.status, waiter.status]).toEqual(['confirmed', 'waitlisted']);
  return { eventId, holder, waiter };
}

test('a cancel cut after each write: the timer releases the seat and offers it on', async () => {
  const { cloud } = ctx;
  const whole = await seatAndWaiter('whole');
  const { writes: steps } = await cutAfter(Infinity, () => ok(cloud, worker('whole-holder'), 'cancel', { entryId: whole.holder.id }));
  expect(steps).toBeGreaterThanOrEqual(4);
  for (let k = 1; k <= steps; k++) {
    const { eventId, holder, waiter } = await seatAndWaiter(`k${k}`);
    await cutAfter(k, () => cloud.invoke('events', { action: 'cancel', input: { entryId: holder.id } }, worker(`k${k}-holder`)));
    expect([k, checkInvariants(cloud).violations]).toEqual([k, []]); // as the cut left it
    cloud.setTimeOffset(3 * 60_000);
    await Promise.all([cloud.runTimer('events'), cloud.runTimer('events')]); // overlapping runs
    cloud.setTimeOffset(0);
    const byId = new Map(entries(cloud, eventId).map((e) => [e._id, e.status]));
    // Cut before the entry's own write (the rate-limit counter comes first) nothing happened;
    // after it, the cancel is carried through.
    const after = byId.get(holder.id) === 'cancelled' ? 'offered' : 'waitlisted';
    expect([k, byId.get(holder.id), byId.get(waiter.id)]).toEqual([k, after === 'offered' ? 'cancelled' : 'confirmed', after]);
    if (k === steps) expect(byId.get(holder.id)).toBe('cancelled');
    expect(checkInvariants(cloud, { settled: true }).violations).toEqual([]);
  }
});

test('a sign-up cut after each write: the timer (or a retry) finishes it, once', async () => {
  const { cloud } = ctx;
  for (const kind of ['seat free', 'waitlisted'] as const) {
    const setUp = async (tag: string) => {
      const eventId = await publishEvent(cloud, { capacity: 1 });
      if (kind === 'waitlisted') await ok(cloud, worker(`${tag}-first`), 'signUp', { eventId, requestId: rid(), form: form(1) });
      return eventId;
    };
    const whole = await setUp(`su-${kind}-whole`);
    const steps = await writesOf(() => ok(cloud, worker(`su-${kind}-whole`), 'signUp', { eventId: whole, requestId: rid(), form: form(2) }));
    expect(steps).toBeGreaterThanOrEqual(4);
    for (let k = 1; k < steps; k++) {
      const tag = `su-${kind}-${k}`;
      const eventId = await setUp(tag);
      const requestId = rid();
      await cutAfter(k, () => cloud.invoke('events', { action: 'signUp', input: { eventId, requestId, form: form(2) } }, worker(tag)));
      expect([k, checkInvariants(cloud).violations]).toEqual([k, []]); // as the cut left it
      await timerTwiceAt(AFTER_LEASE);
      const mine = entries(cloud, eventId).filter((e) => e.openid === worker(tag).openid);
      // Cut before the insert (the rate-limit counter comes first) there is no entry; after it, the
      // timer has carried the sign-up through.
      expect([k, mine.map((e) => e.status)]).toEqual([k, mine.length === 0 ? [] : [kind === 'seat free' ? 'confirmed' : 'waitlisted']]);
      if (kind === 'waitlisted' && mine.length) expect(mine[0].seq).toBe(1);
      expect([k, checkInvariants(cloud, { settled: true }).violations]).toEqual([k, []]);
      // The worker's retry of the same request returns that entry and moves nothing.
      const retry = await ok(cloud, worker(tag), 'signUp', { eventId, requestId, form: form(2) });
      expect(retry.status).toBe(kind === 'seat free' ? 'confirmed' : 'waitlisted');
      expect(entries(cloud, eventId).filter((e) => e.openid === worker(tag).openid)).toHaveLength(1);
      expect([k, checkLedger(cloud, eventId)]).toEqual([k, expect.objectContaining({ seatsLeft: 0, heldSum: 1, heldSeatsByEntries: 1, nothingInFlight: true })]);
      cloud.setTimeOffset(0);
    }
  }
});

test('the lottery draw cut after each write: the timer leaves a consistent ledger, 抽签 again finishes the same draw', async () => {
  const { cloud } = ctx;
  const setUp = async (tag: string) => {
    const eventId = await publishEvent(cloud, { allocation: 'lottery', capacity: 2 });
    for (let i = 0; i < 4; i++) await ok(cloud, worker(`${tag}-${i}`), 'signUp', { eventId, requestId: rid(), form: form(i) });
    return eventId;
  };
  const pastClose = 49 * HOUR;
  const whole = await setUp('draw-whole');
  cloud.setTimeOffset(pastClose);
  const steps = await writesOf(() => ok(cloud, STAFF, 'draw', { id: whole }));
  cloud.setTimeOffset(0);
  expect(steps).toBeGreaterThanOrEqual(4 * 3);
  for (let k = 1; k < steps; k++) {
    const eventId = await setUp(`draw-${k}`);
    cloud.setTimeOffset(pastClose);
    await cutAfter(k, () => cloud.invoke('events', { action: 'draw', input: { id: eventId } }, STAFF));
    expect([k, checkInvariants(cloud).violations]).toEqual([k, []]); // as the cut left it
    await timerTwiceAt(pastClose + AFTER_LEASE);
    expect([k, checkInvariants(cloud, { settled: true }).violations]).toEqual([k, []]);
    await ok(cloud, STAFF, 'draw', { id: eventId });
    const record = cloud.db.find('event_draws', { _id: eventId })[0] as { winners: string[]; waitlist: string[] };
    const byId = new Map(entries(cloud, eventId).map((e) => [e._id, e]));
    expect([k, record.winners.map((id) => byId.get(id)?.status)]).toEqual([k, ['confirmed', 'confirmed']]);
    expect([k, record.waitlist.map((id) => [byId.get(id)?.status, byId.get(id)?.seq])]).toEqual([k, [['waitlisted', 1], ['waitlisted', 2]]]);
    expect([k, checkInvariants(cloud, { settled: true }).violations]).toEqual([k, []]);
    cloud.setTimeOffset(0);
  }
});

test('an offer expiring, cut after each write of the timer run: the seat passes to the next person, once', async () => {
  const { cloud } = ctx;
  const setUp = async (tag: string) => {
    const { eventId, holder, waiter } = await seatAndWaiter(tag);
    const next = await ok(cloud, worker(`${tag}-next`), 'signUp', { eventId, requestId: rid(), form: form(3) });
    await ok(cloud, worker(`${tag}-holder`), 'cancel', { entryId: holder.id });
    const byId = new Map(entries(cloud, eventId).map((e) => [e._id, e.status]));
    expect([byId.get(waiter.id), byId.get(next.id)]).toEqual(['offered', 'waitlisted']);
    return { eventId, waiter, next };
  };
  const expiry = 13 * HOUR; // past the 12-hour claim window
  await setUp('exp-whole');
  cloud.setTimeOffset(expiry);
  // The whole run: every event's expiry, repairs and messages in this cloud; its writes bound k.
  const steps = await writesOf(() => cloud.runTimer('events'));
  cloud.setTimeOffset(0);
  expect(steps).toBeGreaterThanOrEqual(6);
  for (let k = 1; k <= steps; k++) {
    const { eventId, waiter, next } = await setUp(`exp-${k}`);
    cloud.setTimeOffset(expiry);
    await cutAfter(k, () => cloud.runTimer('events'));
    expect([k, checkInvariants(cloud).violations]).toEqual([k, []]); // as the cut left it
    await timerTwiceAt(expiry + AFTER_LEASE);
    const byId = new Map(entries(cloud, eventId).map((e) => [e._id, e.status]));
    expect([k, byId.get(waiter.id), byId.get(next.id)]).toEqual([k, 'expired', 'offered']);
    expect([k, checkLedger(cloud, eventId)]).toEqual([k, expect.objectContaining({ seatsLeft: 0, heldSum: 1, heldSeatsByEntries: 1, waiting: 0, nothingInFlight: true })]);
    expect([k, checkInvariants(cloud, { settled: true }).violations]).toEqual([k, []]);
    cloud.setTimeOffset(0);
  }
});
