/**
 * Transactions through the real SDK: db.runTransaction and db.startTransaction.
 * Snapshot isolation, write conflicts, all-or-nothing commit, single-document operations only.
 */
import { LocalCloud, startLocalCloud } from './support/local-cloud';
import { rejection } from './support/rejection';

let harness: LocalCloud;
let db: any;
let _: any;
let counter = 0;

/** A fresh document in `seats` so tests do not share state. */
async function seat(fields: Record<string, unknown>): Promise<string> {
  counter += 1;
  const _id = `seat-${counter}`;
  await db.collection('seats').add({ data: { _id, ...fields } });
  return _id;
}

const stored = (id: string) => harness.local.find('seats', { _id: id })[0];

beforeAll(async () => {
  harness = await startLocalCloud();
  db = harness.db;
  _ = db.command;
});

afterAll(() => harness.close());

test('runTransaction commits every write together and returns the callback value', async () => {
  const from = await seat({ balance: 100 });
  const to = await seat({ balance: 0 });
  const result = await db.runTransaction(async (t: any) => {
    const { data } = await t.collection('seats').doc(from).get();
    await t.collection('seats').doc(from).update({ data: { balance: data.balance - 30 } });
    await t.collection('seats').doc(to).update({ data: { balance: _.inc(30) } });
    const added = await t.collection('seats').add({ data: { kind: 'transfer-log' } });
    return { moved: 30, logId: added._id };
  });
  expect(result).toEqual({ moved: 30, logId: expect.any(String) });
  expect(stored(from).balance).toBe(70);
  expect(stored(to).balance).toBe(30);
  expect(stored(result.logId)).toEqual({ _id: result.logId, kind: 'transfer-log' });
});

test('writes are invisible outside until commit; a failing callback writes nothing', async () => {
  const id = await seat({ n: 1 });
  const error = await rejection(
    db.runTransaction(async (t: any) => {
      await t.collection('seats').doc(id).update({ data: { n: 2 } });
      await t.collection('seats').add({ data: { _id: 'never-committed' } });
      expect((await db.collection('seats').doc(id).get()).data.n).toBe(1);
      throw new Error('business rule says no');
    }),
  );
  expect(error.message).toBe('business rule says no');
  expect(stored(id).n).toBe(1);
  expect(stored('never-committed')).toBeUndefined();
});

test('t.rollback(reason) discards the writes and runTransaction rejects with the reason', async () => {
  const id = await seat({ n: 1 });
  const reason = await rejection(
    db.runTransaction(async (t: any) => {
      await t.collection('seats').doc(id).update({ data: { n: 99 } });
      await t.rollback('sold out');
    }),
  );
  expect(reason).toBe('sold out');
  expect(stored(id).n).toBe(1);
});

test('snapshot isolation: a transaction reads the state at its start, even after others commit', async () => {
  const id = await seat({ n: 1 });
  const t = await db.startTransaction();
  await db.collection('seats').doc(id).update({ data: { n: 2 } });
  const other = await db.startTransaction();
  await other.collection('seats').add({ data: { _id: `${id}-late` } });
  await other.commit();
  expect((await t.collection('seats').doc(id).get()).data.n).toBe(1);
  expect((await rejection(t.collection('seats').doc(`${id}-late`).get())).errMsg).toMatch(/does not exist/);
  expect((await db.collection('seats').doc(id).get()).data.n).toBe(2);
  await t.rollback();
});

test('a transaction reads its own writes', async () => {
  const id = await seat({ n: 1 });
  const t = await db.startTransaction();
  await t.collection('seats').doc(id).update({ data: { n: _.inc(5) } });
  expect((await t.collection('seats').doc(id).get()).data.n).toBe(6);
  await t.commit();
  expect(stored(id).n).toBe(6);
});

test('conflict with an in-flight transaction: the second writer fails (errCode -501001, TransactionConflict)', async () => {
  const id = await seat({ n: 0 });
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await t1.collection('seats').doc(id).update({ data: { n: 1 } });
  const error = await rejection(t2.collection('seats').doc(id).update({ data: { n: 2 } }));
  // wx-server-sdk's TCB_ERR_CODE has no DATABASE_TRANSACTION_CONFLICT entry: it surfaces as SYS_ERR.
  expect(error.errCode).toBe(-501001);
  expect(error.errMsg).toMatch(/^document\.update:fail -501001 .*TransactionConflict/);
  await t1.commit();
  await t2.rollback();
  expect(stored(id).n).toBe(1);
});

test('conflict with a transaction committed after this one started', async () => {
  const id = await seat({ n: 0 });
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await t2.collection('seats').doc(id).update({ data: { n: 2 } });
  await t2.commit();
  expect((await rejection(t1.collection('seats').doc(id).update({ data: { n: 1 } }))).errMsg).toMatch(/TransactionConflict/);
  // A doomed transaction cannot commit what it staged before the conflict either.
  const commitError = await rejection(t1.commit());
  expect(commitError.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  await t1.rollback();
  expect(stored(id).n).toBe(2);
});

test('a plain write to a document an open transaction wrote makes that commit fail; runTransaction retries it', async () => {
  const id = await seat({ n: 0 });
  let attempts = 0;
  const result = await db.runTransaction(async (t: any) => {
    attempts += 1;
    const { data } = await t.collection('seats').doc(id).get();
    await t.collection('seats').doc(id).update({ data: { n: data.n + 1 } });
    if (attempts === 1) await db.collection('seats').doc(id).update({ data: { n: _.inc(100) } });
    return data.n;
  });
  expect(attempts).toBe(2);
  expect(result).toBe(100);
  expect(stored(id).n).toBe(101); // no lost update
});

test('a conflict raised by a write INSIDE runTransaction is not retried: rolled back and rethrown', async () => {
  const id = await seat({ n: 0 });
  const holder = await db.startTransaction();
  await holder.collection('seats').doc(id).update({ data: { n: 1 } });
  let attempts = 0;
  const error = await rejection(
    db.runTransaction(async (t: any) => {
      attempts += 1;
      await t.collection('seats').add({ data: { _id: `${id}-side-effect` } });
      await t.collection('seats').doc(id).update({ data: { n: 2 } });
    }),
  );
  expect(attempts).toBe(1);
  expect(error.errCode).toBe(-501001);
  expect(error.errMsg).toMatch(/TransactionConflict/);
  await holder.commit();
  expect(stored(id).n).toBe(1);
  expect(stored(`${id}-side-effect`)).toBeUndefined();
});

test('runTransaction gives up after its retries (times = 3 -> 4 attempts) and rejects with the conflict', async () => {
  const id = await seat({ n: 0 });
  let attempts = 0;
  const error = await rejection(
    db.runTransaction(async (t: any) => {
      attempts += 1;
      await t.collection('seats').doc(id).update({ data: { n: _.inc(1) } });
      await db.collection('seats').doc(id).update({ data: { n: _.inc(100) } });
    }),
  );
  expect(attempts).toBe(4);
  expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(stored(id).n).toBe(400);
});

test('only single-document operations: where().get() in a transaction is refused', async () => {
  const error = await rejection(
    db.runTransaction(async (t: any) => {
      await t.collection('seats').where({ n: 1 }).get();
    }),
  );
  expect(error.errMsg).toMatch(/single-document operations only/);
});

test('SDK trap: where().update()/remove()/count() on t.collection() are sent WITHOUT the transaction id', async () => {
  // @cloudbase/database drops transactionId for these: they run at once, outside the transaction,
  // and survive its rollback. Domain code must never use them inside a transaction.
  const id = await seat({ n: 0, tag: 'trap' });
  const t = await db.startTransaction();
  await t.collection('seats').where({ tag: 'trap' }).update({ data: { n: 5 } });
  await t.rollback();
  expect(stored(id).n).toBe(5);
});

test('a unique index is enforced inside a transaction and the commit is all-or-nothing', async () => {
  await db.collection('signups').add({ data: { eventId: 'tx', openid: 'taken' } });
  const error = await rejection(
    db.runTransaction(async (t: any) => {
      await t.collection('signups').add({ data: { eventId: 'tx', openid: 'fresh' } });
      await t.collection('signups').add({ data: { eventId: 'tx', openid: 'taken' } });
    }),
  );
  expect(error.errMsg).toMatch(/E11000 duplicate key/);
  expect(harness.local.find('signups', { eventId: 'tx' }).map((d) => d.openid)).toEqual(['taken']);
});

test('doc().set() and remove() inside a transaction', async () => {
  const keep = await seat({ n: 1 });
  const drop = await seat({ n: 2 });
  await db.runTransaction(async (t: any) => {
    await t.collection('seats').doc(keep).set({ data: { replaced: true } });
    await t.collection('seats').doc(drop).remove();
  });
  expect(stored(keep)).toEqual({ _id: keep, replaced: true });
  expect(stored(drop)).toBeUndefined();
});
