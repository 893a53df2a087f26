/**
 * Events stored before the seat ledger moved onto the entries (held/w/queue maps in the event
 * document) keep working: the first call that loads the event migrates it (ledger-migration.ts),
 * half-done work the old ledger held is finished, and the timer migrates the ones nobody loads.
 */
import { entryIdOf } from '../../server/domain/events/store';
import { insertDocs } from '../support/db-docs';
import { checkInvariants } from '../support/invariants';
import { checkLedger, entries, eventDoc, form, ok, publishEvent, useEventsCloud, worker } from './events-helpers';

jest.setTimeout(120_000);

const ctx = useEventsCloud(2);

type Who = 'a' | 'b' | 'c' | 'd' | 'e';
const STATUS: Record<Who, string> = { a: 'confirmed', b: 'pending', c: 'cancelled', d: 'waitlisted', e: 'pending' };

/**
 * An event as the old ledger left it, capacity 3: A confirmed; B's sign-up cut off after its ledger
 * write (pending, in held); C's cancel cut off before its ledger write (cancelled, still in held);
 * D waiting (seq 1); E's sign-up cut off after joining the queue (pending, in w, second in queue).
 */
async function legacyEvent(tag: string) {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, { capacity: 3 });
  const ids = {} as Record<Who, string>;
  const docs = (Object.keys(STATUS) as Who[]).map((who) => {
    const openid = worker(`${tag}-${who}`).openid;
    const requestId = `legacy-${tag}-${who}-req`;
    const id = entryIdOf(eventId, openid, requestId);
    ids[who] = id;
    const now = new Date();
    return {
      _id: id, eventId, openid, requestId, activeKey: STATUS[who] === 'cancelled' ? id : `${eventId}:${openid}`,
      ticketCode: `${id}-ticket`, status: STATUS[who], seats: 1, name: `职工${who}`, phone: '13800000000', employer: '九江某厂',
      form: form(5), party: [], subs: {}, startsAt: new Date(Date.now() + 72 * 3600_000), series: '',
      ...(who === 'd' ? { seq: 1 } : {}), createdAt: now, updatedAt: now,
    };
  });
  await insertDocs(cloud, 'event_entries', docs);
  await cloud.db.handle({
    action: 'database.modifyDocument', collectionName: 'events', queryType: 'DOC', query: JSON.stringify({ _id: eventId }),
    data: JSON.stringify({
      $set: { seatsLeft: 0, waiting: 2, held: { [ids.a]: 1, [ids.b]: 1, [ids.c]: 1 }, w: { [ids.d]: true, [ids.e]: true }, queue: [ids.d, ids.e], qBase: 0 },
      $unset: { qNext: '' },
    }),
    multi: false, merge: true, upsert: false,
  });
  return { eventId, ids };
}

test('an event on the old ledger is migrated by the first call that loads it; cut-off work is finished', async () => {
  const { cloud } = ctx;
  const { eventId, ids } = await legacyEvent('lazy');
  expect(Object.keys((eventDoc(cloud, eventId) as unknown as { held: object }).held)).toHaveLength(3);

  await ok(cloud, worker('lazy-reader'), 'get', { id: eventId });
  const ev = eventDoc(cloud, eventId) as unknown as Record<string, unknown>;
  expect(['held', 'w', 'queue', 'qBase'].filter((k) => k in ev)).toEqual([]);
  // C's seat is back; B keeps its seat and E its place as marks, finished below.
  expect(ev).toMatchObject({ capacity: 3, seatsLeft: 1, waiting: 2, qNext: 2 });
  expect(Object.keys(ev.tx as object).sort()).toEqual([ids.b, ids.e].sort());

  // E retries its sign-up after the function's timeout: it gets its old place, number 2.
  cloud.setTimeOffset(3 * 60_000);
  const e = await ok(cloud, worker('lazy-e'), 'signUp', { eventId, requestId: 'legacy-lazy-e-req', form: form(5) });
  expect([e.id, e.status]).toEqual([ids.e, 'waitlisted']);
  // The timer finishes B and offers the seat C gave back to the first in line, D.
  await Promise.all([cloud.runTimer('events'), cloud.runTimer('events')]);
  const status = new Map(entries(cloud, eventId).map((x) => [x._id, [x.status, x.seq]]));
  expect([ids.a, ids.b, ids.c, ids.d, ids.e].map((id) => status.get(id))).toEqual([
    ['confirmed', undefined], ['confirmed', undefined], ['cancelled', undefined], ['offered', 1], ['waitlisted', 2],
  ]);
  expect(checkLedger(cloud, eventId)).toMatchObject({ seatsLeft: 0, heldSum: 3, heldSeatsByEntries: 3, waiting: 1, nothingInFlight: true });
  // A newcomer waits behind E with the next number.
  const late = await ok(cloud, worker('lazy-late'), 'signUp', { eventId, requestId: 'legacy-lazy-late-req', form: form(9) });
  expect([late.status, entries(cloud, eventId).find((x) => x._id === late.id)?.seq]).toEqual(['waitlisted', 3]);
  expect(checkInvariants(cloud, { settled: true }).violations).toEqual([]);
});

test('the events timer migrates an old-ledger event nobody loads, once, even when two runs overlap', async () => {
  const { cloud } = ctx;
  const { eventId, ids } = await legacyEvent('timer');
  cloud.setTimeOffset(3 * 60_000);
  await Promise.all([cloud.runTimer('events'), cloud.runTimer('events')]);
  const status = new Map(entries(cloud, eventId).map((x) => [x._id, x.status]));
  expect([ids.a, ids.b, ids.c, ids.d, ids.e].map((id) => status.get(id))).toEqual(['confirmed', 'confirmed', 'cancelled', 'offered', 'waitlisted']);
  expect(checkLedger(cloud, eventId)).toMatchObject({ seatsLeft: 0, heldSum: 3, heldSeatsByEntries: 3, waiting: 1, nothingInFlight: true });
  expect(checkInvariants(cloud, { settled: true }).violations).toEqual([]);
});
