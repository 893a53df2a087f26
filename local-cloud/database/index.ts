/**
 * The local cloud's database: an embedded, persistent store that answers the TCB database actions
 * the real wx-server-sdk sends (see docs/local-database.md).
 *
 * One LocalDatabase per data folder and per process; it lives on the main thread and every cloud
 * function instance's requests reach it through `handle`, the single point of truth.
 */
import * as fs from 'node:fs';
import { cloneDoc } from './document';
import { lockFolder } from './folder-lock';
import { RequestHandler } from './handle';
import { Journal } from './journal';
import type { JournalOptions } from './journal';
import { compileFilter } from './mongo-semantics';
import { Store } from './store';
import { Transactions } from './transactions';
import type { IndexSpec } from './unique-index';

export type { IndexSpec } from './unique-index';

export interface LocalDatabaseOptions {
  /** Data folder; created if missing. */
  dir: string;
  /** From server/db/schema.ts (SCHEMA); only these collections exist. */
  schema: Record<string, { indexes: IndexSpec[] }>;
  /** Clock for serverDate (default Date.now); the runtime shifts it in tests. */
  now?: () => number;
  /** Compaction threshold, and the test seam for failing writes (local-cloud/database/journal.ts). */
  journal?: JournalOptions;
}

export class LocalDatabase {
  private readonly counts = { requests: 0, byAction: {} as Record<string, number> };
  private closed = false;

  private constructor(
    private readonly store: Store,
    private readonly handler: RequestHandler,
    private readonly journal: Journal,
    private readonly unlock: () => void,
  ) {}

  /** Async so that every failure (folder locked, journal corrupt) is a rejection, never a throw. */
  static async open(opts: LocalDatabaseOptions): Promise<LocalDatabase> {
    fs.mkdirSync(opts.dir, { recursive: true });
    const unlock = lockFolder(opts.dir);
    let journal: Journal | undefined;
    try {
      const store = new Store(opts.schema);
      const opened = Journal.open(opts.dir, (record) => store.replay(record), () => store.entries(), opts.journal);
      journal = opened;
      store.verifyUniqueIndexes();
      store.persistWith((record) => opened.append(record));
      const handler = new RequestHandler(store, new Transactions(store), opts.now ?? Date.now);
      return new LocalDatabase(store, handler, opened, unlock);
    } catch (error) {
      journal?.close();
      unlock();
      throw error;
    }
  }

  /**
   * Answer one request exactly as the TCB server answers the SDK's tcbapirequester.request for
   * params.action (database.* actions): `{data: ...}` or `{code, message}`, plus a requestId.
   * Runs synchronously to the end before the promise settles: one request is one atomic step.
   */
  handle(params: Record<string, unknown>): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('local database: handle() after close()'));
    const action = String(params.action);
    this.counts.requests += 1;
    this.counts.byAction[action] = (this.counts.byAction[action] ?? 0) + 1;
    try {
      return Promise.resolve(this.handler.handle(params));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Journal compactions since open (beyond the one every open does). */
  get compactions(): number {
    return this.journal.compactions;
  }

  /** Counters for benchmarks: total requests, per action, and bytes journaled since open. */
  stats(): { requests: number; byAction: Record<string, number>; journaledBytes: number } {
    return { requests: this.counts.requests, byAction: { ...this.counts.byAction }, journaledBytes: this.journal.appendedBytes };
  }

  /** Direct read for test assertions (plain JS docs, no EJSON; copies, so callers cannot corrupt state). */
  find(collection: string, query: object = {}): Record<string, unknown>[] {
    const matches = compileFilter(query as Record<string, unknown>);
    return [...this.store.all(collection)].filter(matches).map((doc) => cloneDoc(doc));
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.journal.close();
    this.unlock();
    return Promise.resolve();
  }
}
