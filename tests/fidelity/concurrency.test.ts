/**
 * The capacity idiom under concurrency: `where({_id, left: _.gt(0)}).update({data: {left: _.inc(-1)}})`
 * takes a seat iff stats.updated === 1, and never oversells, whatever the interleaving.
 */
import { LocalCloud, startLocalCloud } from './support/local-cloud';

let harness: LocalCloud;
let db: any;
let _: any;

beforeAll(async () => {
  harness = await startLocalCloud({ jitter: true });
  db = harness.db;
  _ = db.command;
});

afterAll(() => harness.close());

async function takeSeats(query: object, attempts: number): Promise<number> {
  const results = await Promise.all(
    Array.from({ length: attempts }, () => db.collection('seats').where(query).update({ data: { left: _.inc(-1) } })),
  );
  for (const result of results) expect([0, 1]).toContain(result.stats.updated);
  return results.filter((result: any) => result.stats.updated === 1).length;
}

test('200 concurrent takers for 25 seats (lookup by _id): exactly 25 succeed, left ends at 0', async () => {
  await db.collection('seats').add({ data: { _id: 'event-1', left: 25 } });
  const taken = await takeSeats({ _id: 'event-1', left: _.gt(0) }, 200);
  expect(taken).toBe(25);
  expect(harness.local.find('seats', { _id: 'event-1' })[0].left).toBe(0);
});

test('the same through a scanned query (no _id): never below zero', async () => {
  await db.collection('seats').add({ data: [{ slot: 's1', left: 7 }, { slot: 'other', left: 100 }] });
  const taken = await takeSeats({ slot: 's1', left: _.gt(0) }, 60);
  expect(taken).toBe(7);
  expect(harness.local.find('seats', { slot: 's1' })[0].left).toBe(0);
  expect(harness.local.find('seats', { slot: 'other' })[0].left).toBe(100);
});

test('read-then-write is NOT safe (why the idiom exists): the database does not serialise a get and a later update', async () => {
  await db.collection('seats').add({ data: { _id: 'naive', left: 5 } });
  const results = await Promise.all(
    Array.from({ length: 40 }, async () => {
      const { data } = await db.collection('seats').doc('naive').get();
      if (data.left <= 0) return 0;
      await db.collection('seats').doc('naive').update({ data: { left: data.left - 1 } });
      return 1;
    }),
  );
  // More than 5 "succeed": requests interleave between the read and the write, as in the cloud.
  expect(results.filter((r) => r === 1).length).toBeGreaterThan(5);
});
