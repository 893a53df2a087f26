/** Reads through the real SDK: get/where/limit/skip/orderBy/field/count and their return shapes. */
import { LocalCloud, startLocalCloud } from './support/local-cloud';
import { rejection } from './support/rejection';

let harness: LocalCloud;
let db: any;
let _: any;

beforeAll(async () => {
  harness = await startLocalCloud();
  db = harness.db;
  _ = db.command;
  // 1,100 documents in one array add (the SDK's add({data: [...]}) answers {_ids}).
  const data = Array.from({ length: 1100 }, (__, i) => ({ kind: i % 2 ? 'odd' : 'even', n: i }));
  const result = await db.collection('items').add({ data });
  expect(result._ids).toHaveLength(1100);
});

afterAll(() => harness.close());

test('get() without limit returns 100 documents (the SDK asks for 100)', async () => {
  const { data, errMsg } = await db.collection('items').get();
  expect(data).toHaveLength(100);
  expect(errMsg).toBe('collection.get:ok');
});

test('limit(1000) returns 1000 and limit(5000) is cut to 1000', async () => {
  expect((await db.collection('items').limit(1000).get()).data).toHaveLength(1000);
  expect((await db.collection('items').limit(5000).get()).data).toHaveLength(1000);
});

test('skip + limit pages past the end; natural order is insertion order', async () => {
  const { data } = await db.collection('items').skip(1050).limit(100).get();
  expect(data).toHaveLength(50);
  expect(data[0].n).toBe(1050);
});

test('where({}) matches everything; count() answers {total}', async () => {
  const result = await db.collection('items').where({}).count();
  expect(result).toEqual({ total: 1100, errMsg: 'collection.count:ok' });
});

test('orderBy desc, field projection keeps _id', async () => {
  const { data } = await db.collection('items').where({ kind: 'odd' }).orderBy('n', 'desc').field({ n: true }).limit(2).get();
  expect(data).toEqual([
    { _id: expect.any(String), n: 1099 },
    { _id: expect.any(String), n: 1097 },
  ]);
});

test('query commands: gt/lt/in/neq/or/exists/RegExp', async () => {
  const count = async (query: object) => (await db.collection('items').where(query).count()).total;
  expect(await count({ n: _.gte(10).and(_.lt(20)) })).toBe(10);
  expect(await count({ n: _.in([1, 2, 3, 5000]) })).toBe(3);
  expect(await count({ kind: _.neq('odd'), n: _.lt(10) })).toBe(5);
  expect(await count(_.or([{ n: 1 }, { n: 2 }]))).toBe(2);
  expect(await count({ missing: _.exists(false), n: 0 })).toBe(1);
  expect(await count({ kind: db.RegExp({ regexp: '^OD', options: 'i' }) })).toBe(550);
});

test('doc(id).get() answers {data} with the document', async () => {
  const { data: [first] } = await db.collection('items').limit(1).get();
  const result = await db.collection('items').doc(first._id).get();
  expect(result).toEqual({ data: first, errMsg: 'document.get:ok' });
});

test('doc(id).get() on a missing id THROWS (document.get:fail ... does not exist)', async () => {
  const error = await rejection(db.collection('items').doc('no-such-id').get());
  expect(error.errMsg).toBe('document.get:fail document with _id no-such-id does not exist');
});

test('where() on a missing id answers an empty list, not an error', async () => {
  expect((await db.collection('items').where({ _id: 'no-such-id' }).get()).data).toEqual([]);
});

test('"1" and 1 are different _ids', async () => {
  await db.collection('seats').add({ data: { _id: 1, t: 'number' } });
  await db.collection('seats').add({ data: { _id: '1', t: 'string' } });
  expect((await db.collection('seats').doc(1).get()).data.t).toBe('number');
  expect((await db.collection('seats').doc('1').get()).data.t).toBe('string');
});
