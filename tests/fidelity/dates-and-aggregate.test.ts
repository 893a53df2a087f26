/** Dates round-trip as Date, db.serverDate() uses the server clock, aggregate's default page of 20. */
import { LocalCloud, startLocalCloud } from './support/local-cloud';

const SERVER_NOW = Date.UTC(2025, 4, 1, 2, 3, 4, 567); // the shifted clock the runtime may pass
let harness: LocalCloud;
let db: any;
let _: any;

beforeAll(async () => {
  harness = await startLocalCloud({ now: () => SERVER_NOW });
  db = harness.db;
  _ = db.command;
});

afterAll(() => harness.close());

test('runs in UTC (the cloud functions do)', () => {
  expect(new Date(0).getTimezoneOffset()).toBe(0);
});

test('a Date is stored and read back as a Date with the same instant, nested and in arrays too', async () => {
  const at = new Date('2024-02-29T23:59:59.999Z');
  const old = new Date('1969-07-20T20:17:40Z');
  const { _id } = await db.collection('items').add({ data: { at, nested: { old }, list: [at] } });
  const { data } = await db.collection('items').doc(_id).get();
  expect(data.at).toBeInstanceOf(Date);
  expect(data.at.getTime()).toBe(at.getTime());
  expect(data.nested.old.getTime()).toBe(old.getTime());
  expect(data.list[0]).toBeInstanceOf(Date);
  expect(harness.local.find('items', { _id })[0].at).toBeInstanceOf(Date);
});

test('dates compare as dates in queries', async () => {
  await db.collection('items').add({ data: [{ kind: 'd', at: new Date('2025-01-01T00:00:00Z') }, { kind: 'd', at: new Date('2025-06-01T00:00:00Z') }] });
  const { total } = await db.collection('items').where({ kind: 'd', at: _.gt(new Date('2025-03-01T00:00:00Z')) }).count();
  expect(total).toBe(1);
});

test('db.serverDate() becomes the server clock on add, update (with offset) and in queries', async () => {
  const { _id } = await db.collection('items').add({ data: { kind: 'sd', created: db.serverDate() } });
  await db.collection('items').doc(_id).update({ data: { later: db.serverDate({ offset: 60_000 }) } });
  const { data } = await db.collection('items').doc(_id).get();
  expect(data.created).toEqual(new Date(SERVER_NOW));
  expect(data.later).toEqual(new Date(SERVER_NOW + 60_000));
  const { total } = await db.collection('items').where({ kind: 'sd', created: _.lte(db.serverDate()) }).count();
  expect(total).toBe(1);
});

describe('aggregate', () => {
  beforeAll(async () => {
    const data = Array.from({ length: 30 }, (__, i) => ({ kind: 'agg', group: i % 3, n: i }));
    await db.collection('seats').add({ data });
  });

  test('without a limit stage the answer is the first 20', async () => {
    const result = await db.collection('seats').aggregate().match({ kind: 'agg' }).end();
    expect(result.list).toHaveLength(20);
    expect(result.errMsg).toBe('collection.aggregate:ok');
  });

  test('with limit(25) it is 25', async () => {
    expect((await db.collection('seats').aggregate().match({ kind: 'agg' }).limit(25).end()).list).toHaveLength(25);
  });

  test('group/sort/project use MongoDB semantics', async () => {
    const $ = db.command.aggregate;
    const { list } = await db
      .collection('seats')
      .aggregate()
      .match({ kind: 'agg' })
      .group({ _id: '$group', total: $.sum('$n'), count: $.sum(1) })
      .sort({ _id: 1 })
      .end();
    expect(list).toEqual([
      { _id: 0, total: 135, count: 10 },
      { _id: 1, total: 145, count: 10 },
      { _id: 2, total: 155, count: 10 },
    ]);
  });

  test('lookup reads another declared collection', async () => {
    await db.collection('items').add({ data: { _id: 'g1', label: 'group one' } });
    await db.collection('seats').add({ data: { kind: 'lk', groupRef: 'g1' } });
    const { list } = await db
      .collection('seats')
      .aggregate()
      .match({ kind: 'lk' })
      .lookup({ from: 'items', localField: 'groupRef', foreignField: '_id', as: 'group' })
      .project({ _id: 0, label: '$group.label' })
      .end();
    expect(list).toEqual([{ label: ['group one'] }]);
  });
});
