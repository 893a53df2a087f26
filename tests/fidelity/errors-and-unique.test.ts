/** Error answers as the SDK surfaces them, and unique indexes (E11000 duplicate key). */
import { LocalCloud, startLocalCloud } from './support/local-cloud';
import { rejection } from './support/rejection';

let harness: LocalCloud;
let db: any;

beforeAll(async () => {
  harness = await startLocalCloud();
  db = harness.db;
});

afterAll(() => harness.close());

describe('a collection not declared in the schema does not exist', () => {
  test('get -> errCode -502005 "database collection not exists"', async () => {
    const error = await rejection(db.collection('undeclared').get());
    expect(error.errCode).toBe(-502005);
    expect(error.errMsg).toMatch(/^collection\.get:fail -502005 database collection not exists\. .*Db or Table not exist: undeclared/);
  });

  test('add, doc().get, update, count fail the same way', async () => {
    const calls = [
      db.collection('undeclared').add({ data: { a: 1 } }),
      db.collection('undeclared').doc('x').get(),
      db.collection('undeclared').where({}).update({ data: { a: 1 } }),
      db.collection('undeclared').count(),
    ];
    for (const call of calls) expect((await rejection(call)).errCode).toBe(-502005);
  });

  test('SDK quirk: aggregate().end() surfaces every server error with errCode -1 (it skips the code mapping)', async () => {
    const error = await rejection(db.collection('undeclared').aggregate().match({}).end());
    expect(error.errCode).toBe(-1);
    expect(error.errMsg).toMatch(/^collection\.aggregate:fail .*Db or Table not exist: undeclared/);
  });
});

test('db.createCollection(): a declared one already exists, an undeclared one is refused with the reason', async () => {
  expect((await rejection(db.createCollection('items'))).errMsg).toMatch(/^createCollection:fail .*Table exist: items/);
  expect((await rejection(db.createCollection('brand_new'))).errMsg).toMatch(/declare brand_new in server\/db\/schema\.ts/);
  expect((await rejection(db.collection('brand_new').get())).errCode).toBe(-502005);
});

describe('unique indexes', () => {
  test('a duplicate insert fails with E11000 naming the index and key; nothing is written', async () => {
    await db.collection('people').add({ data: { name: 'A', phone: '13800000000' } });
    const error = await rejection(db.collection('people').add({ data: { name: 'B', phone: '13800000000' } }));
    expect(error.errCode).toBe(-502001);
    expect(error.errMsg).toMatch(
      /E11000 duplicate key error collection: people index: phone_unique dup key: \{ phone: "13800000000" \}/,
    );
    expect(harness.local.find('people', { phone: '13800000000' })).toHaveLength(1);
  });

  test('a duplicate _id fails with E11000 on index _id_', async () => {
    await db.collection('items').add({ data: { _id: 'dup' } });
    const error = await rejection(db.collection('items').add({ data: { _id: 'dup' } }));
    expect(error.errMsg).toMatch(/E11000 duplicate key error collection: items index: _id_ dup key: \{ _id: "dup" \}/);
  });

  test('compound unique index: the same pair fails, either half alone is fine', async () => {
    await db.collection('signups').add({ data: { eventId: 'e1', openid: 'u1' } });
    await db.collection('signups').add({ data: { eventId: 'e1', openid: 'u2' } });
    await db.collection('signups').add({ data: { eventId: 'e2', openid: 'u1' } });
    const error = await rejection(db.collection('signups').add({ data: { eventId: 'e1', openid: 'u1', extra: true } }));
    expect(error.errMsg).toMatch(/E11000 duplicate key.*index: event_openid_unique dup key: \{ eventId: "e1", openid: "u1" \}/);
    expect(harness.local.find('signups')).toHaveLength(3);
  });

  test('a missing field indexes as null: a second document without it collides (MongoDB semantics)', async () => {
    await db.collection('people').add({ data: { name: 'no phone 1' } });
    const error = await rejection(db.collection('people').add({ data: { name: 'no phone 2' } }));
    expect(error.errMsg).toMatch(/E11000 duplicate key.*dup key: \{ phone: null \}/);
  });

  test('an update into a taken key fails and leaves the document unchanged', async () => {
    const { _id } = await db.collection('people').add({ data: { name: 'C', phone: '13900000000' } });
    const error = await rejection(db.collection('people').doc(_id).update({ data: { phone: '13800000000' } }));
    expect(error.errMsg).toMatch(/E11000 duplicate key/);
    expect(harness.local.find('people', { _id })[0].phone).toBe('13900000000');
  });

  test('a multi-document update that would duplicate is all-or-nothing', async () => {
    await db.collection('people').add({ data: [{ team: 't', phone: '1' }, { team: 't', phone: '2' }] });
    const error = await rejection(db.collection('people').where({ team: 't' }).update({ data: { phone: '3' } }));
    expect(error.errMsg).toMatch(/E11000 duplicate key/);
    expect(harness.local.find('people', { team: 't' }).map((d) => d.phone)).toEqual(['1', '2']);
  });

  test('a document may keep its own key, and a freed key can be taken', async () => {
    const { _id } = await db.collection('people').add({ data: { phone: '555' } });
    await db.collection('people').doc(_id).update({ data: { name: 'same phone, new name', phone: '555' } });
    await db.collection('people').doc(_id).remove();
    await db.collection('people').add({ data: { phone: '555' } });
    expect(harness.local.find('people', { phone: '555' })).toHaveLength(1);
  });

  test('concurrent duplicate signups: exactly one wins', async () => {
    const attempts = Array.from({ length: 25 }, () =>
      db.collection('signups').add({ data: { eventId: 'race', openid: 'same-user' } }).then(
        () => 'ok',
        (error: any) => (/E11000/.test(error.errMsg) ? 'dup' : `unexpected ${error.errMsg}`),
      ),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'dup')).toHaveLength(24);
  });
});

test('a malformed query answers an error, never a crash', async () => {
  const error = await rejection(db.collection('items').where({ n: { $nonsense: 1 } }).get());
  expect(error.errCode).toBe(-502001);
});
