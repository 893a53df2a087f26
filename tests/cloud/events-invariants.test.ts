/**
 * The sign-up invariants under real concurrency: several local-cloud instances (worker threads,
 * each with its own getWXContext) racing at the one database.
 */
import { call, checkLedger, entries, eventDoc, form, ok, publishEvent, useEventsCloud, worker } from './events-helpers';

jest.setTimeout(120_000);

const ctx = useEventsCloud(8);

const rid = (i: number | string, n = 0) => `req-${i}-${n}-abcdef`;

test('events: 1,000 workers at once for 300 seats -> 300 confirmed, 700 waitlisted 1..700, no duplicates', async () => {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, { capacity: 300, title: '年夜饭（压力测试）' });
  // While the storm runs, sample the ledger between requests: after every single write the counters
  // equal the entries plus the counter steps in flight (a mark whose entry is still pending).
  const samples: string[] = [];
  const sampler = setInterval(() => {
    const ev = eventDoc(cloud, eventId);
    const list = entries(cloud, eventId);
    const marked = (op: string) => list.filter((e) => e.status === 'pending' && ev.tx?.[e._id]?.op === op);
    const held = list.filter((e) => e.status === 'confirmed').length + marked('take').length;
    const waits = list.filter((e) => e.status === 'waitlisted').length + marked('join').length;
    const bad = ev.seatsLeft < 0 || ev.seatsLeft + held !== ev.capacity || ev.waiting !== waits;
    samples.push(bad ? `seatsLeft=${ev.seatsLeft} held=${held} waiting=${ev.waiting} waits=${waits}` : 'ok');
  }, 20);
  const results = await Promise.all(
    Array.from({ length: 1000 }, (_, i) => call(cloud, worker(i), 'signUp', { eventId, requestId: rid(i), form: form(i) })),
  );
  clearInterval(sampler);
  expect(samples.length).toBeGreaterThan(10);
  expect(samples.filter((x) => x !== 'ok')).toEqual([]);
  const failed = results.filter((r) => !r.ok);
  expect(failed.map((r) => r.error)).toEqual([]);
  const list = entries(cloud, eventId);
  expect(list).toHaveLength(1000);
  expect(new Set(list.map((e) => e.openid)).size).toBe(1000);
  const confirmed = list.filter((e) => e.status === 'confirmed');
  const waitlisted = list.filter((e) => e.status === 'waitlisted');
  expect(confirmed).toHaveLength(300);
  expect(waitlisted).toHaveLength(700);
  const seqs = waitlisted.map((e) => e.seq!).sort((a, b) => a - b);
  expect(new Set(seqs).size).toBe(700);
  expect(seqs).toEqual(Array.from({ length: 700 }, (_, i) => i + 1));
  const ledger = checkLedger(cloud, eventId);
  expect(ledger).toMatchObject({ seatsLeft: 0, heldSum: 300, heldSeatsByEntries: 300, nothingInFlight: true, waiting: 700, waitlistedEntries: 700, seqUnique: true });

  // Positions as each worker sees them: 1..700 in sequence order.
  const bySeq = [...waitlisted].sort((a, b) => a.seq! - b.seq!);
  for (const k of [0, 1, 349, 699]) {
    const i = Number(bySeq[k].openid.replace('oWorker-', ''));
    const detail = await ok(cloud, worker(i), 'get', { id: eventId });
    expect(detail.myEntry.position).toBe(k + 1);
  }

  // ---- 50 concurrent cancellations -> exactly 50 offers, to the first 50 in line
  const cancellers = confirmed.slice(0, 50);
  const cancelled = await Promise.all(
    cancellers.map((e) => call(cloud, { openid: e.openid }, 'cancel', { entryId: e._id })),
  );
  expect(cancelled.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
  const after = entries(cloud, eventId);
  const offered = after.filter((e) => e.status === 'offered');
  expect(offered).toHaveLength(50);
  expect(offered.map((e) => e.seq!).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  expect(after.filter((e) => e.status === 'cancelled')).toHaveLength(50);
  expect(checkLedger(cloud, eventId)).toMatchObject({ seatsLeft: 0, heldSum: 300, heldSeatsByEntries: 300, nothingInFlight: true, waiting: 650, waitlistedEntries: 650 });

  // A newcomer now waits behind everyone: freed seats never jump the queue.
  const late = await ok(cloud, worker('late'), 'signUp', { eventId, requestId: rid('late'), form: form(5000) });
  expect(late.status).toBe('waitlisted');
  expect(late.position).toBe(651);
});

test('events: the same worker tapping 20 times at once (same and different request ids) -> one entry', async () => {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, { capacity: 5 });
  const me = worker('tapper');
  const taps = await Promise.all(
    Array.from({ length: 20 }, (_, n) => call(cloud, me, 'signUp', { eventId, requestId: rid('tapper', n % 2 === 0 ? 0 : n), form: form(7) })),
  );
  expect(taps.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
  const mine = entries(cloud, eventId).filter((e) => e.openid === me.openid);
  expect(mine).toHaveLength(1);
  expect(new Set(taps.map((t) => (t.data as { id: string }).id))).toEqual(new Set([mine[0]._id]));
  expect(eventDoc(cloud, eventId).seatsLeft).toBe(4);

  // A retry after a cancel with the old request id returns the cancelled entry, not a second seat.
  await ok(cloud, me, 'cancel', { entryId: mine[0]._id });
  const winningRequest = (cloud.db.find('event_entries', { _id: mine[0]._id })[0] as { requestId: string }).requestId;
  const retry = await ok(cloud, me, 'signUp', { eventId, requestId: winningRequest, form: form(7) });
  expect(retry.status).toBe('cancelled');
  expect(eventDoc(cloud, eventId).seatsLeft).toBe(5);
  // A new tap (new request id) signs up again.
  const again = await ok(cloud, me, 'signUp', { eventId, requestId: rid('tapper', 99), form: form(7) });
  expect(again.status).toBe('confirmed');
  expect(checkLedger(cloud, eventId)).toMatchObject({ seatsLeft: 4, heldSum: 1, nothingInFlight: true });
});

test('events: families and teams take all their seats or none, concurrently', async () => {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, {
    capacity: 25,
    group: { kind: 'team', size: 10, memberLabel: '队员' },
  });
  const members = Array.from({ length: 9 }, (_, k) => `队员${k}`);
  const res = await Promise.all(
    Array.from({ length: 6 }, (_, i) => call(cloud, worker(`team-${i}`), 'signUp', { eventId, requestId: rid(`team-${i}`), form: form(i), members })),
  );
  expect(res.filter((r) => !r.ok)).toEqual([]);
  const list = entries(cloud, eventId);
  expect(list.filter((e) => e.status === 'confirmed')).toHaveLength(2);
  expect(list.filter((e) => e.status === 'waitlisted')).toHaveLength(4);
  expect(checkLedger(cloud, eventId)).toMatchObject({ seatsLeft: 5, heldSum: 20, heldSeatsByEntries: 20, nothingInFlight: true });
  // A wrong-sized team is refused at the form, before any seat moves.
  const short = await call(cloud, worker('team-short'), 'signUp', { eventId, requestId: rid('short'), form: form(1), members: ['一个人'] });
  expect(short.ok).toBe(false);
  expect(short.error?.code).toBe('BAD_INPUT');
  expect(eventDoc(cloud, eventId).seatsLeft).toBe(5);
});

test('events: seats freed while people wait never go to a newcomer (a canceller that crashed before offering)', async () => {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, { capacity: 1 });
  const a = await ok(cloud, worker('crash-a'), 'signUp', { eventId, requestId: rid('crash-a'), form: form(1) });
  const b = await ok(cloud, worker('crash-b'), 'signUp', { eventId, requestId: rid('crash-b'), form: form(2) });
  expect([a.status, b.status]).toEqual(['confirmed', 'waitlisted']);
  // A's cancel got as far as giving the seat back (its step finished), then its instance died
  // before promoting anyone.
  const modify = (collectionName: string, id: string, data: object) =>
    cloud.db.handle({ action: 'database.modifyDocument', collectionName, queryType: 'DOC', query: JSON.stringify({ _id: id }), data: JSON.stringify(data), multi: false, merge: true, upsert: false });
  await modify('event_entries', a.id, { $set: { status: 'cancelled', activeKey: a.id } });
  await modify('events', eventId, { $inc: { seatsLeft: 1 } });

  const c = await ok(cloud, worker('crash-c'), 'signUp', { eventId, requestId: rid('crash-c'), form: form(3) });
  expect(c.status).toBe('waitlisted');
  const bNow = entries(cloud, eventId).find((e) => e._id === b.id)!;
  expect(bNow.status).toBe('offered');
  expect(checkLedger(cloud, eventId)).toMatchObject({ seatsLeft: 0, heldSum: 1, nothingInFlight: true, waiting: 1 });
});

test('events: an interrupted sign-up (pending) is finished by a retry of the same request, once', async () => {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, { capacity: 2 });
  const first = await ok(cloud, worker('pend'), 'signUp', { eventId, requestId: rid('pend'), form: form(1) });
  // Roll the entry back to "inserted but never settled" (its settle step begun, nothing more), and
  // its seat back to the pool.
  const modify = (collectionName: string, id: string, data: object) =>
    cloud.db.handle({ action: 'database.modifyDocument', collectionName, queryType: 'DOC', query: JSON.stringify({ _id: id }), data: JSON.stringify(data), multi: false, merge: true, upsert: false });
  await modify('event_entries', first.id, { $set: { status: 'pending', step: { op: 'settle', at: { $date: new Date().toISOString() } } } });
  await modify('events', eventId, { $inc: { seatsLeft: 1 } });
  // The retries come after the function's timeout: the first call is gone, its step past the lease.
  cloud.setTimeOffset(2 * 60_000);
  const retries = await Promise.all(Array.from({ length: 5 }, () => ok(cloud, worker('pend'), 'signUp', { eventId, requestId: rid('pend'), form: form(1) }))).finally(() =>
    cloud.setTimeOffset(0),
  );
  expect(new Set(retries.map((r) => r.id))).toEqual(new Set([first.id]));
  expect(retries.map((r) => r.status)).toEqual(Array(5).fill('confirmed'));
  expect(entries(cloud, eventId).map((e) => e.status)).toEqual(['confirmed']);
  expect(checkLedger(cloud, eventId)).toMatchObject({ seatsLeft: 1, heldSum: 1, nothingInFlight: true });
});
