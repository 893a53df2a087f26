/**
 * The journal under a full disk and under churn (issue 10, items 5 and 6): a write the disk
 * refuses leaves nothing behind that could hide later writes; the database starts even while the
 * disk is still full; rewriting the same documents forever keeps the data folder bounded.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LocalDatabase } from '../../local-cloud/database';
import type { JournalOptions } from '../../local-cloud/database/journal';
import { TEST_SCHEMA, tempDir } from './support/local-cloud';

const JOURNAL = 'journal.ndjson';
const open = (dir: string, journal?: JournalOptions) => LocalDatabase.open({ dir, schema: TEST_SCHEMA, journal });
const insert = (local: LocalDatabase, id: string, extra = '') =>
  local.handle({ action: 'database.insertDocument', collectionName: 'items', data: [`{"_id":"${id}"${extra}}`] });
const ids = (local: LocalDatabase) => local.find('items').map((d) => d._id).sort();

function enospc(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

/**
 * A disk that can be filled: while full, a write puts down the first half of what it was given
 * (as a real short write does) and the next write of the same line fails with ENOSPC.
 */
function fillableDisk() {
  const disk = { full: false, failures: 0 };
  const writeSync = (fd: number, buffer: Buffer, offset: number): number => {
    if (!disk.full) return fs.writeSync(fd, buffer, offset);
    if (offset === 0 && buffer.length > 1) return fs.writeSync(fd, buffer, 0, Math.floor(buffer.length / 2));
    disk.failures += 1;
    throw enospc();
  };
  return { disk, writeSync };
}

describe('a briefly full disk', () => {
  test('a failed append is cut back: every later acknowledged write is there after restart', async () => {
    const dir = tempDir();
    const { disk, writeSync } = fillableDisk();
    const local = await open(dir, { writeSync });
    await insert(local, 'a');
    await insert(local, 'b');
    disk.full = true;
    const refused = await insert(local, 'lost').then(
      (answer) => answer,
      (error: Error) => error,
    );
    expect(disk.failures).toBe(1);
    expect(String((refused as { message?: string }).message ?? JSON.stringify(refused))).toMatch(/ENOSPC/);
    expect(ids(local)).toEqual(['a', 'b']); // the refused write changed nothing
    // The half line is gone from the file at once, not at the next open.
    expect(fs.readFileSync(path.join(dir, JOURNAL), 'utf8')).not.toMatch(/lost/);
    disk.full = false;
    await insert(local, 'c');
    await insert(local, 'd');
    await local.close();

    const again = await open(dir);
    expect(ids(again)).toEqual(['a', 'b', 'c', 'd']);
    await again.close();
  });

  test('the database starts while the disk is still full (compaction fails, the journal is kept)', async () => {
    const dir = tempDir();
    const first = await open(dir);
    await insert(first, 'a');
    await insert(first, 'b');
    await first.close();
    // A torn tail from the crash that came with the full disk.
    fs.appendFileSync(path.join(dir, JOURNAL), '5f3a1c22 {"put":[["items",{"_id":"torn"');

    const { disk, writeSync } = fillableDisk();
    disk.full = true;
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const local = await open(dir, { writeSync });
    errors.mockRestore();
    expect(ids(local)).toEqual(['a', 'b']);
    expect(fs.readFileSync(path.join(dir, JOURNAL), 'utf8')).not.toMatch(/torn/); // cut back at open
    expect(fs.existsSync(path.join(dir, `${JOURNAL}.compact`))).toBe(false);
    disk.full = false;
    await insert(local, 'c');
    await local.close();
    const again = await open(dir);
    expect(ids(again)).toEqual(['a', 'b', 'c']);
    await again.close();
  });

  test('a journal written before the fix (a remnant glued to the next line mid-file) opens, keeping the acknowledged line', async () => {
    const dir = tempDir();
    const local = await open(dir);
    await insert(local, 'a');
    await local.close();
    const file = path.join(dir, JOURNAL);
    const valid = fs.readFileSync(file, 'utf8');
    // Lines as the journal writes them, taken from real databases.
    const lineFor = async (id: string) => {
      const scratch = tempDir();
      const db = await open(scratch);
      await insert(db, id);
      await db.close();
      return fs.readFileSync(path.join(scratch, JOURNAL), 'utf8');
    };
    const lost = await lineFor('lost');
    const b = await lineFor('b');
    const c = await lineFor('c');
    fs.writeFileSync(file, `${valid}${lost.slice(0, Math.floor(lost.length / 2))}${b}${c}`);
    const reopened = await open(dir);
    expect(ids(reopened)).toEqual(['a', 'b', 'c']);
    await reopened.close();

    // Anything else mid-file is still corruption: a head that is not a line's start.
    fs.writeFileSync(file, `${valid}garbage${b}${c}`);
    await expect(open(dir)).rejects.toThrow(/line 2 fails its checksum.*corrupt/);
  });
});

describe('churn', () => {
  test('rewriting the same documents keeps the journal and the data folder bounded; a reopen has the last values', async () => {
    const dir = tempDir();
    const compactMinBytes = 32 * 1024;
    const local = await open(dir, { compactMinBytes });
    const pad = 'x'.repeat(400);
    for (let i = 0; i < 5; i += 1) await insert(local, `doc${i}`, `,"n":0,"pad":"${pad}"`);
    const folderBytes = () => fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
    let largest = 0;
    for (let round = 1; round <= 1000; round += 1) {
      await local.handle({
        action: 'database.modifyDocument',
        collectionName: 'items',
        queryType: 'DOC',
        query: JSON.stringify({ _id: `doc${round % 5}` }),
        data: JSON.stringify({ $set: { n: round } }),
        multi: false,
        merge: true,
        upsert: false,
      });
      largest = Math.max(largest, folderBytes());
    }
    // ~500 KB were journaled; the folder never held more than the threshold plus one line.
    expect(local.compactions).toBeGreaterThan(5);
    expect(largest).toBeLessThan(compactMinBytes + 4 * 1024);
    const last = Object.fromEntries(local.find('items').map((d) => [d._id, d.n]));
    await local.close();
    const again = await open(dir);
    expect(Object.fromEntries(again.find('items').map((d) => [d._id, d.n]))).toEqual(last);
    expect(last).toEqual({ doc0: 1000, doc1: 996, doc2: 997, doc3: 998, doc4: 999 });
    await again.close();
  });

  test('a compaction cut short (temp file half written, never renamed) loses nothing and is redone', async () => {
    const dir = tempDir();
    const local = await open(dir);
    await insert(local, 'a');
    await insert(local, 'b');
    await local.close();
    fs.writeFileSync(path.join(dir, `${JOURNAL}.compact`), '1234abcd {"put":[["items",{"_id":"hal');
    const again = await open(dir);
    expect(ids(again)).toEqual(['a', 'b']);
    expect(fs.existsSync(path.join(dir, `${JOURNAL}.compact`))).toBe(false);
    await again.close();
  });
});
