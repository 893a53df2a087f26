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
 * A write the disk refuses (ENOSPC, EIO) may leave part of a line behind. The journal truncates the
 * file back to the end of the last good line before the request fails, so the next acknowledged
 * line never lands glued to a remnant; if even the truncation fails, the journal refuses every
 * later write until the database is reopened. Journals written before this rule may hold such a
 * glued line mid-file: replay accepts it only when its tail is a complete, checksummed line and its
 * head is the start of one (the remnant of a write that failed, so never acknowledged).
 *
 * Compaction rewrites the journal as the current documents: on open, and whenever the file grows
 * past max(`compactMinBytes`, 2 × its size after the last compaction) — so churn (the same
 * documents rewritten again and again) cannot grow the disk without bound. The snapshot goes to a
 * temporary file, is fsynced and renamed over the journal (atomic): a crash at any point leaves
 * either the old journal or the new one, both complete.
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
/** The journal may grow to this multiple of its size after the last compaction. */
const COMPACT_GROWTH = 2;

export interface JournalOptions {
  /** Never compact below this size (default 4 MB): small journals are cheap to replay. */
  compactMinBytes?: number;
  /** Test seam: the write the journal appends with (a test makes it fail like a full disk). */
  writeSync?: (fd: number, buffer: Buffer, offset: number) => number;
}

const DEFAULT_COMPACT_MIN_BYTES = 4 * 1024 * 1024;

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
  /** End of the last complete line: where a failed append is cut back to. */
  private size: number;
  private compactAt: number;
  /** Set when a failed append could not be cut back: writing on would glue lines together. */
  private broken: Error | null = null;
  private readonly writeSync: WriteSync;
  private readonly compactMinBytes: number;
  compactions = 0;
  /** Bytes appended since open (compactions not counted): what the writes cost the disk, for the bench. */
  appendedBytes = 0;

  private constructor(
    private fd: number | undefined,
    readonly file: string,
    private readonly snapshot: () => Iterable<[string, Doc]>,
    options: JournalOptions,
  ) {
    this.writeSync = options.writeSync ?? defaultWrite;
    this.compactMinBytes = options.compactMinBytes ?? DEFAULT_COMPACT_MIN_BYTES;
    this.size = fs.statSync(file).size;
    this.compactAt = this.nextCompactAt();
  }

  /**
   * Replay the journal in `dir` through `apply`, then compact it to `snapshot()`'s documents.
   * `snapshot` is called after replay, so it sees the replayed state, and again at each later
   * compaction, where it must give the state before the record being appended.
   */
  static open(
    dir: string,
    apply: (record: JournalRecord) => void,
    snapshot: () => Iterable<[string, Doc]>,
    options: JournalOptions = {},
  ): Journal {
    const file = path.join(dir, JOURNAL_FILE);
    const goodEnd = fs.existsSync(file) ? replay(file, apply) : 0;
    const write = options.writeSync ?? defaultWrite;
    try {
      compact(file, snapshot(), write);
    } catch (error) {
      // A disk still full must not keep the database from starting: keep the replayed journal,
      // cut back to its last good line so appends never follow a torn one.
      console.error('[local database] could not compact the journal at open, continuing with it:', error);
      if (fs.existsSync(file)) fs.truncateSync(file, goodEnd);
      else fs.writeFileSync(file, '');
    }
    return new Journal(fs.openSync(file, 'a'), file, snapshot, options);
  }

  /**
   * Durable (against a process crash) before it returns; throws if the disk refuses the write,
   * having cut the file back to its last complete line. Called before the record is applied, so
   * a compaction here snapshots exactly the state the record follows.
   */
  append(record: JournalRecord): void {
    if (this.fd === undefined) throw new Error('local database: journal is closed');
    if (this.broken) {
      throw new Error(`local database: a failed journal write could not be undone (${this.broken.message}); restart to recover`);
    }
    const line = Buffer.from(encodeLine(record));
    if (this.size + line.length > this.compactAt) this.compactNow();
    let written = 0;
    try {
      while (written < line.length) written += this.writeSync(this.fd, line, written);
    } catch (error) {
      this.cutBack();
      throw error;
    }
    this.size += line.length;
    this.appendedBytes += line.length;
  }

  close(): void {
    if (this.fd === undefined) return;
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private nextCompactAt(): number {
    return Math.max(this.compactMinBytes, COMPACT_GROWTH * this.size);
  }

  private cutBack(): void {
    try {
      fs.ftruncateSync(this.fd as number, this.size);
    } catch (error) {
      this.broken = error instanceof Error ? error : new Error(String(error));
    }
  }

  /** Rewrites the journal as the current documents; on failure keeps appending to the old one. */
  private compactNow(): void {
    try {
      compact(this.file, this.snapshot(), this.writeSync);
    } catch (error) {
      // Most likely the disk is full: the old journal is intact; try again after more growth.
      console.error('[local database] journal compaction failed, will retry later:', error);
      this.compactAt = this.size + this.compactMinBytes;
      return;
    }
    fs.closeSync(this.fd as number);
    this.fd = fs.openSync(this.file, 'a');
    this.size = fs.statSync(this.file).size;
    this.compactAt = this.nextCompactAt();
    this.compactions += 1;
  }
}

/** Applies every good line; returns the byte offset after the last one (where appends resume). */
function replay(file: string, apply: (record: JournalRecord) => void): number {
  const bytes = fs.readFileSync(file);
  let goodEnd = 0;
  let lineNo = 0;
  // Only lines that end with a newline are complete: what follows the last one is a torn write.
  for (let start = 0, end = bytes.indexOf(0x0a); end >= 0; start = end + 1, end = bytes.indexOf(0x0a, start)) {
    lineNo += 1;
    const line = bytes.subarray(start, end).toString('utf8');
    const isLast = bytes.indexOf(0x0a, end + 1) < 0;
    const record = decodeLine(line) ?? (isLast ? undefined : afterRemnant(line));
    if (record) {
      apply(record);
      goodEnd = end + 1;
    } else if (!isLast) {
      throw new Error(
        `local database: ${file} line ${lineNo} fails its checksum and is not the last line: ` +
          'the journal is corrupt. Restore it from a copy or delete the data folder.',
      );
    }
  }
  return goodEnd;
}

/** Where a line's record starts: every encoded record begins with its `put` list. */
const RECORD_START = '{"put":';
const LINE_START = /^[0-9a-f]{1,8} \{"put":/;

/**
 * A bad line that is the remnant of a failed write glued to the next complete line (journals
 * written before failed appends were cut back): the head must look like the start of a line and
 * the tail must be a whole line whose checksum holds. The tail is an acknowledged write and is
 * kept; the head never was (its write threw) and is dropped.
 */
function afterRemnant(line: string): JournalRecord | undefined {
  if (!LINE_START.test(line)) return undefined;
  for (let at = line.indexOf(RECORD_START, 1); at > 0; at = line.indexOf(RECORD_START, at + 1)) {
    // The tail's checksum is up to 8 hex digits and a space right before its record.
    for (let start = Math.max(1, at - 9); start <= at - 2; start += 1) {
      const tail = line.slice(start);
      if (!LINE_START.test(tail)) continue;
      const record = decodeLine(tail);
      if (record) return record;
    }
  }
  return undefined;
}

type WriteSync = (fd: number, buffer: Buffer, offset: number) => number;

const defaultWrite: WriteSync = (fd, buffer, offset) => fs.writeSync(fd, buffer, offset);

function compact(file: string, docs: Iterable<[string, Doc]>, write: WriteSync): void {
  const temp = `${file}.compact`;
  const fd = fs.openSync(temp, 'w');
  try {
    let batch: [string, Doc][] = [];
    const flush = (): void => {
      if (batch.length === 0) return;
      const line = Buffer.from(encodeLine({ put: batch, del: [] }));
      let written = 0;
      while (written < line.length) written += write(fd, line, written);
      batch = [];
    };
    for (const entry of docs) {
      batch.push(entry);
      if (batch.length >= COMPACT_BATCH) flush();
    }
    flush();
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  // rename() is atomic: after a crash we find either the old journal or the compacted one.
  fs.renameSync(temp, file);
  const dirFd = fs.openSync(path.dirname(file), 'r');
  fs.fsyncSync(dirFd);
  fs.closeSync(dirFd);
}
