/**
 * Transactions as the cloud (MongoDB underneath) runs them: snapshot reads, write conflicts detected
 * when the write is made, all-or-nothing commit.
 *
 * - Snapshot: a transaction reads the state at its start. Instead of versioning every document we
 *   keep, per open transaction, the before-image of each document a commit changes after that start
 *   (copy-on-write, captured by the store's before-write hook). Open transactions are few and short.
 * - Conflict: writing a document that another open transaction has written (in-flight) or that was
 *   committed after this transaction started fails with DATABASE_TRANSACTION_CONFLICT, as MongoDB's
 *   WriteConflict does. The transaction is then doomed: it can only be rolled back.
 * - A plain (non-transactional) write to a document an open transaction has written is not blocked
 *   (MongoDB would make it wait for the transaction); instead the transaction fails at commit with
 *   DATABASE_TRANSACTION_CONFLICT. No update is lost either way; see docs/local-database.md.
 * - Commit re-checks versions, then commits the whole write set as one store batch (one journal
 *   record). An open transaction that nobody finishes expires after TRANSACTION_LIFETIME_MS.
 */
import { randomBytes } from 'node:crypto';
import { DbError, transactionConflict } from './errors';
import { Doc, DocId, docKey } from './document';
import { Store, Write } from './store';

/** MongoDB's default transactionLifetimeLimitSeconds. */
export const TRANSACTION_LIFETIME_MS = 60_000;

interface Transaction {
  readonly id: string;
  readonly snapshot: number;
  readonly startedAt: number;
  /** docKey -> document as it was at the snapshot, for documents committed since */
  readonly before: Map<string, Doc | null>;
  /** docKey -> staged write */
  readonly writes: Map<string, Write>;
  conflict?: DbError;
}

function notActive(id: string): DbError {
  return new DbError(
    'DATABASE_TRANSACTION_FAIL',
    `transaction ${id} is not active: it was committed, rolled back, or expired after ${TRANSACTION_LIFETIME_MS / 1000}s`,
  );
}

export class Transactions {
  private readonly open = new Map<string, Transaction>();
  /** docKey -> id of the open transaction that has written it */
  private readonly locks = new Map<string, string>();

  constructor(
    private readonly store: Store,
    /** Monotonic milliseconds for expiry (never the shifted business clock). */
    private readonly clock: () => number = () => performance.now(),
  ) {
    store.onBeforeWrite((key, before) => {
      for (const transaction of this.open.values()) {
        if (!transaction.before.has(key)) transaction.before.set(key, before);
      }
    });
  }

  start(): string {
    this.expire();
    const id = randomBytes(12).toString('hex');
    this.open.set(id, { id, snapshot: this.store.sequence, startedAt: this.clock(), before: new Map(), writes: new Map() });
    return id;
  }

  /** The document as this transaction sees it: its own writes, else the state at its start. */
  read(transactionId: string, collection: string, id: DocId): Doc | undefined {
    const transaction = this.active(transactionId);
    this.store.assertCollection(collection);
    const key = docKey(collection, id);
    const staged = transaction.writes.get(key);
    if (staged) return staged.after ?? undefined;
    if (transaction.before.has(key)) return transaction.before.get(key) ?? undefined;
    return this.store.get(collection, id);
  }

  /** Stage writes; the first conflicting one dooms the transaction and throws. */
  write(transactionId: string, writes: Write[]): void {
    const transaction = this.active(transactionId);
    for (const write of writes) {
      const key = docKey(write.collection, write.id);
      const holder = this.locks.get(key);
      const heldByOther = holder !== undefined && holder !== transaction.id;
      if (heldByOther || this.store.versionOf(key) > transaction.snapshot) {
        this.doom(transaction, transactionConflict(write.collection, write.id));
      }
    }
    // Unique indexes are checked against the committed state plus everything this transaction wrote.
    const staged = new Map(transaction.writes);
    for (const write of writes) staged.set(docKey(write.collection, write.id), { ...write, insert: false });
    this.store.validate([...staged.values()]);
    for (const [key, write] of staged) {
      transaction.writes.set(key, write);
      this.locks.set(key, transaction.id);
    }
  }

  /** Commit, or fail and end the transaction (as a failed MongoDB commit ends it). */
  commit(transactionId: string): void {
    const transaction = this.active(transactionId);
    try {
      for (const [key, write] of transaction.writes) {
        if (this.store.versionOf(key) > transaction.snapshot) throw transactionConflict(write.collection, write.id);
      }
      this.store.commit([...transaction.writes.values()]);
    } finally {
      this.finish(transaction);
    }
  }

  abort(transactionId: string): void {
    const transaction = this.open.get(transactionId);
    if (!transaction) throw notActive(transactionId);
    this.finish(transaction);
  }

  private active(transactionId: string): Transaction {
    this.expire();
    const transaction = this.open.get(transactionId);
    if (!transaction) throw notActive(transactionId);
    if (transaction.conflict) throw transaction.conflict;
    return transaction;
  }

  private doom(transaction: Transaction, error: DbError): never {
    transaction.conflict = error;
    this.releaseLocks(transaction);
    throw error;
  }

  private finish(transaction: Transaction): void {
    this.releaseLocks(transaction);
    this.open.delete(transaction.id);
  }

  private releaseLocks(transaction: Transaction): void {
    for (const key of transaction.writes.keys()) {
      if (this.locks.get(key) === transaction.id) this.locks.delete(key);
    }
  }

  private expire(): void {
    const now = this.clock();
    for (const transaction of this.open.values()) {
      if (now - transaction.startedAt > TRANSACTION_LIFETIME_MS) this.finish(transaction);
    }
  }
}
