/**
 * Persistence: an append-only journal of checksummed lines, one line per request.
 *
 * A line is `<crc32 hex> <EJSON record>\n` and holds the after-image of every document the request
 * changed (or its deletion), so replay is "put these, delete those" and is idempotent. The line is
 * written with one synchronous write() before the request is answered: once handle() resolves the
 * bytes are in the kernel and survive a SIGKILL of this process (not a power cut: we do not fsync
 * per request, see docs/local-database.md). A torn or unchecked last line is ignored and cut off on
 * replay; a bad line anywhere else is corruption and stops the open loudly.
 *
 * On open the journal is compacted: the replayed state is written to a temporary file, fsynced and
 * renamed over the journal, so the file never grows past one line per document plus the session's
 * requests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import { parseEjson, stringifyEjson } from './ejson';
import { Doc, DocId } from './document';

export interface JournalRecord {
  /** [collection, document after the request] */
  put: [string, Doc][];
  /** [collection, _id] of deleted documents */
  del: [string, DocId][];
}

const JOURNAL_FILE = 'journal.ndjson';
/** Documents per line when compacting: keeps lines short without a line per document. */
const COMPACT_BATCH = 200;

function encodeLine(record: JournalRecord): string {
  const body = stringifyEjson(record);
  return `${crc32(body).toString(16)} ${body}\n`;
}

function decodeLine(line: string): JournalRecord | undefined {
  const space = line.indexOf(' ');
  if (space <= 0) return undefined;
  const body = line.slice(space + 1);
  if (crc32(body).toString(16) !== line.slice(0, space)) return undefined;
  return parseEjson(body) as JournalRecord;
}

export class Journal {
  private constructor(
    private fd: number | undefined,
    readonly file: string,
  ) {}

  /**
   * Replay the journal in `dir` through `apply`, then compact it to `snapshot()`'s documents.
   * `snapshot` is called after replay, so it sees the replayed state.
   */
  static open(
    dir: string,
    apply: (record: JournalRecord) => void,
    snapshot: () => Iterable<[string, Doc]>,
  ): Journal {
    const file = path.join(dir, JOURNAL_FILE);
    if (fs.existsSync(file)) replay(file, apply);
    compact(file, snapshot());
    return new Journal(fs.openSync(file, 'a'), file);
  }

  /** Durable (against a process crash) before it returns; throws if the disk refuses the write. */
  append(record: JournalRecord): void {
    if (this.fd === undefined) throw new Error('local database: journal is closed');
    const line = Buffer.from(encodeLine(record));
    let written = 0;
    while (written < line.length) written += fs.writeSync(this.fd, line, written);
  }

  close(): void {
    if (this.fd === undefined) return;
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

function replay(file: string, apply: (record: JournalRecord) => void): void {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  // The text after the last newline is a torn write (or empty): never applied.
  const complete = lines.slice(0, -1);
  complete.forEach((line, index) => {
    const record = decodeLine(line);
    if (record) {
      apply(record);
    } else if (index !== complete.length - 1) {
      throw new Error(
        `local database: ${file} line ${index + 1} fails its checksum and is not the last line: ` +
          'the journal is corrupt. Restore it from a copy or delete the data folder.',
      );
    }
  });
}

function compact(file: string, docs: Iterable<[string, Doc]>): void {
  const temp = `${file}.compact`;
  const fd = fs.openSync(temp, 'w');
  let batch: [string, Doc][] = [];
  const flush = (): void => {
    if (batch.length === 0) return;
    fs.writeSync(fd, encodeLine({ put: batch, del: [] }));
    batch = [];
  };
  for (const entry of docs) {
    batch.push(entry);
    if (batch.length >= COMPACT_BATCH) flush();
  }
  flush();
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  // rename() is atomic: after a crash we find either the old journal or the compacted one.
  fs.renameSync(temp, file);
  const dirFd = fs.openSync(path.dirname(file), 'r');
  fs.fsyncSync(dirFd);
  fs.closeSync(dirFd);
}
