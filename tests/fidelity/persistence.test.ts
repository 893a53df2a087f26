/**
 * Persistence: data survives close/reopen and a SIGKILL; a torn journal tail is never visible;
 * one process per data folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LocalDatabase } from '../../local-cloud/database';
import { LocalCloud, TEST_SCHEMA, startLocalCloud, tempDir } from './support/local-cloud';
import { rejection } from './support/rejection';

const JOURNAL = 'journal.ndjson';
const GROUP_SIZE = 20;
const open = (dir: string) => LocalDatabase.open({ dir, schema: TEST_SCHEMA });
const journalLines = (dir: string) => fs.readFileSync(path.join(dir, JOURNAL), 'utf8').split('\n').filter(Boolean);

describe('close and reopen', () => {
  let harness: LocalCloud;
  let db: any;

  beforeAll(async () => {
    harness = await startLocalCloud();
    db = harness.db;
  });

  afterAll(() => harness.close());

  test('every kind of write is there after reopen, dates as Dates, unique indexes rebuilt', async () => {
    const _ = db.command;
    const at = new Date('2025-03-04T05:06:07.089Z');
    const { _id } = await db.collection('items').add({ data: { kind: 'p', at, n: 1 } });
    await db.collection('items').doc(_id).update({ data: { n: _.inc(41), tags: _.push(['x']) } });
    await db.collection('items').add({ data: [{ kind: 'gone' }, { kind: 'gone' }] });
    await db.collection('items').where({ kind: 'gone' }).remove();
    await db.collection('items').doc('set').set({ data: { v: 1 } });
    await db.collection('people').add({ data: { phone: '1' } });
    await db.runTransaction(async (t: any) => {
      await t.collection('items').doc('set').update({ data: { v: 2 } });
    });

    await harness.reopen();

    const { data } = await db.collection('items').doc(_id).get();
    expect(data).toEqual({ _id, kind: 'p', at, n: 42, tags: ['x'] });
    expect(data.at).toBeInstanceOf(Date);
    expect((await db.collection('items').where({ kind: 'gone' }).count()).total).toBe(0);
    expect((await db.collection('items').doc('set').get()).data).toEqual({ _id: 'set', v: 2 });
    expect((await rejection(db.collection('people').add({ data: { phone: '1' } }))).errMsg).toMatch(/E11000/);
  });

  test('reopening compacts the journal: 300 updates of one document leave one line', async () => {
    await db.collection('seats').add({ data: { _id: 'hot', n: 0 } });
    for (let i = 0; i < 300; i += 1) await db.collection('seats').doc('hot').update({ data: { n: i + 1 } });
    const before = journalLines(harness.dir).length;
    await harness.reopen();
    expect(before).toBeGreaterThan(300);
    expect(journalLines(harness.dir).length).toBeLessThan(5);
    expect((await db.collection('seats').doc('hot').get()).data.n).toBe(300);
  });
});

describe('the journal tail', () => {
  async function folderWithTwoDocs(): Promise<string> {
    const dir = tempDir();
    const local = await open(dir);
    await local.handle({ action: 'database.insertDocument', collectionName: 'items', data: ['{"_id":"a"}'] });
    await local.handle({ action: 'database.insertDocument', collectionName: 'items', data: ['{"_id":"b"}'] });
    await local.close();
    return dir;
  }

  test('a torn last line (no newline) is ignored and cut off', async () => {
    const dir = await folderWithTwoDocs();
    fs.appendFileSync(path.join(dir, JOURNAL), '5f3a1c22 {"put":[["items",{"_id":"torn"');
    const local = await open(dir);
    expect(local.find('items').map((d) => d._id)).toEqual(['a', 'b']);
    await local.close();
    expect(fs.readFileSync(path.join(dir, JOURNAL), 'utf8')).not.toMatch(/torn/);
  });

  test('a complete last line that fails its checksum is ignored', async () => {
    const dir = await folderWithTwoDocs();
    fs.appendFileSync(path.join(dir, JOURNAL), '0 {"put":[["items",{"_id":"bad"}]],"del":[]}\n');
    const local = await open(dir);
    expect(local.find('items').map((d) => d._id)).toEqual(['a', 'b']);
    await local.close();
  });

  test('a bad line before the end is corruption: open refuses loudly', async () => {
    const dir = await folderWithTwoDocs();
    const file = path.join(dir, JOURNAL);
    fs.writeFileSync(file, `0 {"put":[],"del":[]}\n${fs.readFileSync(file, 'utf8')}`);
    await expect(open(dir)).rejects.toThrow(/line 1 fails its checksum.*corrupt/);
    expect(fs.existsSync(path.join(dir, 'LOCK'))).toBe(false);
  });
});

describe('schema changes between runs', () => {
  const insert = (local: LocalDatabase, collection: string, doc: string) =>
    local.handle({ action: 'database.insertDocument', collectionName: collection, data: [doc] });

  test('a collection dropped from the schema disappears but its data is kept for when it returns', async () => {
    const dir = tempDir();
    const full = await open(dir);
    await insert(full, 'seats', '{"_id":"kept"}');
    await full.close();

    const { seats: _dropped, ...withoutSeats } = TEST_SCHEMA;
    const narrow = await LocalDatabase.open({ dir, schema: withoutSeats });
    expect(await insert(narrow, 'seats', '{"_id":"x"}')).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    await narrow.close();

    const again = await open(dir);
    expect(again.find('seats')).toEqual([{ _id: 'kept' }]);
    await again.close();
  });

  test('declaring a unique index that stored documents violate refuses to open, naming the duplicate', async () => {
    const dir = tempDir();
    const local = await open(dir);
    await insert(local, 'items', '{"code":"same"}');
    await insert(local, 'items', '{"code":"same"}');
    await local.close();
    const schema = { ...TEST_SCHEMA, items: { indexes: [{ name: 'code_unique', keys: { code: 1 as const }, unique: true }] } };
    await expect(LocalDatabase.open({ dir, schema })).rejects.toThrow(/violate the unique index.*code_unique dup key: \{ code: "same" \}/);
    expect(fs.existsSync(path.join(dir, 'LOCK'))).toBe(false);
  });
});

describe('one process per data folder', () => {
  test('a second open of an open folder fails and names the owner; close releases the lock', async () => {
    const dir = tempDir();
    const first = await open(dir);
    await expect(open(dir)).rejects.toThrow(new RegExp(`already open by process ${process.pid}`));
    await first.close();
    expect(fs.existsSync(path.join(dir, 'LOCK'))).toBe(false);
    await (await open(dir)).close();
  });

  test('a stale lock left by a dead process is taken over', async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    fs.writeFileSync(path.join(dir, 'LOCK'), String(dead));
    const local = await open(dir);
    expect(fs.readFileSync(path.join(dir, 'LOCK'), 'utf8')).toBe(String(process.pid));
    await local.close();
  });
});

describe('SIGKILL in the middle of a write storm', () => {
  const waitFor = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 20_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  // The second run compacts every few dozen writes (tiny threshold): the kill falls among
  // compactions, each a temp file written, fsynced and renamed over the journal.
  test.each([
    ['', null],
    [' while the journal compacts again and again', 24_000],
  ])('every acknowledged write is there after restart, multi-document writes are whole, nothing torn%s', async (_label, compactMinBytes) => {
    const dir = tempDir();
    const ackFile = path.join(tempDir(), 'acks');
    fs.writeFileSync(ackFile, '');
    const args = [dir, ackFile, String(GROUP_SIZE), ...(compactMinBytes ? [String(compactMinBytes)] : [])];
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support/crash-writer.ts'), ...args], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const acked = () => fs.readFileSync(ackFile, 'utf8').split('\n').filter((line) => line.startsWith('A ')).length;
    try {
      await waitFor(() => acked() >= 400 || child.exitCode !== null, 'the child to acknowledge 400 writes');
      if (compactMinBytes) {
        const compactions = () => fs.readFileSync(ackFile, 'utf8').split('\n').filter((line) => line.startsWith('C ')).length;
        await waitFor(() => compactions() >= 3 || child.exitCode !== null, 'three compactions');
      }
      expect(stderr).toBe('');
      expect(child.exitCode).toBeNull();
      // While it runs, the folder is locked to it.
      await expect(open(dir)).rejects.toThrow(new RegExp(`already open by process ${child.pid}`));
    } finally {
      // Never leave the writer running, whatever failed above.
      child.kill('SIGKILL');
      await exited;
    }

    const lines = fs.readFileSync(ackFile, 'utf8').split('\n').slice(0, -1); // a line is acked once it ends
    const adds = lines.filter((l) => l.startsWith('A ')).map((l) => l.split(' '));
    const updates = lines.filter((l) => l.startsWith('U '));
    expect(updates.every((l) => l === `U ${GROUP_SIZE}`)).toBe(true);

    const local = await open(dir); // takes over the dead child's lock, replays, ignores a torn tail
    try {
      const seats = new Map(local.find('seats').map((doc) => [doc._id, doc]));
      for (const [, id, i] of adds) {
        expect(seats.get(id)).toEqual({ _id: id, i: Number(i), at: new Date(1_700_000_000_000 + Number(i)), pad: 'x'.repeat(Number(i) % 700) });
      }
      // At most the one write in flight at the kill may be there unacknowledged.
      expect(seats.size - adds.length).toBeGreaterThanOrEqual(0);
      expect(seats.size - adds.length).toBeLessThanOrEqual(1);
      const counters = local.find('items', { group: 'crash' }).map((doc) => doc.n as number);
      expect(counters).toHaveLength(GROUP_SIZE);
      expect(new Set(counters).size).toBe(1); // all-or-nothing
      expect(counters[0] - updates.length).toBeGreaterThanOrEqual(0);
      expect(counters[0] - updates.length).toBeLessThanOrEqual(1);
    } finally {
      await local.close();
    }
  });
});
