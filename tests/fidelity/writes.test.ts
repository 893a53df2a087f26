/** Writes through the real SDK: add/set/update/remove, their return shapes and update operators. */
import { LocalCloud, startLocalCloud } from './support/local-cloud';
import { rejection } from './support/rejection';

let harness: LocalCloud;
let db: any;
let _: any;

beforeAll(async () => {
  harness = await startLocalCloud();
  db = harness.db;
  _ = db.command;
});

afterAll(() => harness.close());

test('add() returns {_id} (a 32-hex id) and nothing else; undefined fields are dropped', async () => {
  const result = await db.collection('items').add({ data: { kind: 'a', gone: undefined, nested: { x: 1, y: undefined } } });
  expect(result).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{32}$/), errMsg: 'collection.add:ok' });
  const [stored] = harness.local.find('items', { _id: result._id });
  expect(stored).toEqual({ _id: result._id, kind: 'a', nested: { x: 1 } });
  expect('gone' in stored).toBe(false);
});

test('add() with an explicit _id keeps it', async () => {
  expect((await db.collection('items').add({ data: { _id: 'mine', kind: 'b' } }))._id).toBe('mine');
});

test('where().update() returns {stats: {updated}} counting modified documents', async () => {
  await db.collection('items').add({ data: [{ kind: 'w', n: 1 }, { kind: 'w', n: 2 }, { kind: 'w', n: 3 }] });
  const result = await db.collection('items').where({ kind: 'w', n: _.gte(2) }).update({ data: { n: _.inc(10) } });
  expect(result).toEqual({ stats: { updated: 2 }, errMsg: 'collection.update:ok' });
  expect(harness.local.find('items', { kind: 'w' }).map((d) => d.n)).toEqual([1, 12, 13]);
});

test('an update that changes nothing reports updated: 0 (MongoDB nModified)', async () => {
  const { _id } = await db.collection('items').add({ data: { kind: 'same', n: 1 } });
  expect((await db.collection('items').doc(_id).update({ data: { n: 1 } })).stats).toEqual({ updated: 0 });
  expect((await db.collection('items').where({ kind: 'nothing-matches' }).update({ data: { n: 1 } })).stats).toEqual({ updated: 0 });
});

test('doc(id).update() on a missing id does not throw: updated 0', async () => {
  expect(await db.collection('items').doc('missing').update({ data: { n: 1 } })).toEqual({
    stats: { updated: 0 },
    errMsg: 'document.update:ok',
  });
});

test('update merges nested objects; _.set replaces them; _.remove unsets', async () => {
  const { _id } = await db.collection('items').add({ data: { profile: { city: 'Jiujiang', age: 30 }, tmp: 1 } });
  await db.collection('items').doc(_id).update({ data: { profile: { city: 'Foshan' } } });
  expect((await db.collection('items').doc(_id).get()).data.profile).toEqual({ city: 'Foshan', age: 30 });
  await db.collection('items').doc(_id).update({ data: { profile: _.set({ city: 'Guangzhou' }), tmp: _.remove() } });
  const { data } = await db.collection('items').doc(_id).get();
  expect(data.profile).toEqual({ city: 'Guangzhou' });
  expect('tmp' in data).toBe(false);
});

test('array and arithmetic operators: push/pull/addToSet/pop/inc/mul/min/max', async () => {
  const { _id } = await db.collection('items').add({ data: { tags: ['a'], n: 2, lo: 5, hi: 5 } });
  const ref = db.collection('items').doc(_id);
  await ref.update({ data: { tags: _.push(['b', 'c']), n: _.mul(3), lo: _.min(1), hi: _.max(9) } });
  await ref.update({ data: { tags: _.addToSet('a') } });
  await ref.update({ data: { tags: _.pull('b') } });
  await ref.update({ data: { tags: _.pop(), n: _.inc(-1) } });
  const { data } = await ref.get();
  expect(data).toEqual({ _id, tags: ['a'], n: 5, lo: 1, hi: 9 });
});

test('$inc on a non-number fails like MongoDB (DATABASE_REQUEST_FAILED -> errCode -502001)', async () => {
  const { _id } = await db.collection('items').add({ data: { n: 'text' } });
  const error = await rejection(db.collection('items').doc(_id).update({ data: { n: _.inc(1) } }));
  expect(error.errCode).toBe(-502001);
  expect(error.errMsg).toMatch(/Cannot apply \$inc to a value of non-numeric type/);
  expect(harness.local.find('items', { _id })[0].n).toBe('text');
});

test('doc(id).set() creates (created 1) then replaces the whole document (updated 1)', async () => {
  const ref = db.collection('items').doc('set-me');
  expect(await ref.set({ data: { a: 1, b: 2 } })).toEqual({
    _id: 'set-me',
    stats: { updated: 0, created: 1 },
    errMsg: 'document.set:ok',
  });
  expect(await ref.set({ data: { c: 3 } })).toEqual({ _id: 'set-me', stats: { updated: 1, created: 0 }, errMsg: 'document.set:ok' });
  expect((await ref.get()).data).toEqual({ _id: 'set-me', c: 3 });
});

test('remove: doc(id).remove() -> {stats: {removed}}, where().remove() removes all matches', async () => {
  await db.collection('items').add({ data: [{ kind: 'rm' }, { kind: 'rm' }, { kind: 'rm' }] });
  const [one] = harness.local.find('items', { kind: 'rm' });
  expect(await db.collection('items').doc(one._id).remove()).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' });
  expect(await db.collection('items').doc(one._id).remove()).toEqual({ stats: { removed: 0 }, errMsg: 'document.remove:ok' });
  expect(await db.collection('items').where({ kind: 'rm' }).remove()).toEqual({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' });
  expect(harness.local.find('items', { kind: 'rm' })).toEqual([]);
});

test('the SDK refuses _id in update data before sending anything', async () => {
  const before = harness.local.stats().requests;
  const error = await rejection(db.collection('items').doc('mine').update({ data: { _id: 'other' } }));
  expect(String(error.errMsg ?? error.message)).toMatch(/不能更新_id的值/);
  expect(harness.local.stats().requests).toBe(before);
});
