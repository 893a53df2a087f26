/**
 * The committed state: collections of documents keyed by _id, their unique indexes, and the
 * sequence number of the last write to every document (what transactions check for conflicts).
 *
 * `commit` is the only way state changes after open: it checks every unique constraint for the
 * whole batch, writes ONE journal record, then applies the batch — all synchronously, so a batch
 * is all-or-nothing in memory, on disk and across a crash, and no other request can interleave.
 */
import { collectionNotExist } from './errors';
import { Doc, DocId, docKey, idKey } from './document';
import { JournalRecord } from './journal';
import { IndexSpec, UniqueIndex, duplicateIdError } from './unique-index';

export interface Write {
  collection: string;
  id: DocId;
  /** The document after the write; null deletes it. Ownership passes to the store. */
  after: Doc | null;
  /** An insert: fails with E11000 on index _id_ when the _id is taken. */
  insert?: boolean;
}

export interface CollectionSchema {
  indexes: IndexSpec[];
}

class Collection {
  readonly docs = new Map<string, Doc>();
  readonly uniques: UniqueIndex[];

  constructor(name: string, schema: CollectionSchema) {
    this.uniques = schema.indexes.filter((spec) => spec.unique).map((spec) => new UniqueIndex(name, spec));
  }

  put(doc: Doc): void {
    const key = idKey(doc._id);
    const before = this.docs.get(key);
    if (before) for (const index of this.uniques) index.remove(before);
    this.docs.set(key, doc);
    for (const index of this.uniques) index.add(doc);
  }

  delete(id: DocId): void {
    const key = idKey(id);
    const before = this.docs.get(key);
    if (!before) return;
    for (const index of this.uniques) index.remove(before);
    this.docs.delete(key);
  }
}

/** Told the state of a document just before a commit changes it (transactions keep snapshots). */
export type BeforeWriteListener = (key: string, before: Doc | null) => void;

export class Store {
  private readonly collections = new Map<string, Collection>();
  /** Collections found in the journal but no longer declared: kept on disk, invisible to requests. */
  private readonly dormant = new Map<string, Collection>();
  private readonly versions = new Map<string, number>();
  private readonly beforeWrite: BeforeWriteListener[] = [];
  private journalAppend?: (record: JournalRecord) => void;
  private lastSequence = 0;

  constructor(schema: Record<string, CollectionSchema>) {
    for (const [name, spec] of Object.entries(schema)) this.collections.set(name, new Collection(name, spec));
  }

  /** From now on every commit is journaled before it is applied. */
  persistWith(append: (record: JournalRecord) => void): void {
    this.journalAppend = append;
  }

  onBeforeWrite(listener: BeforeWriteListener): void {
    this.beforeWrite.push(listener);
  }

  get sequence(): number {
    return this.lastSequence;
  }

  /** Sequence number of the last committed write to this document (0: never written this session). */
  versionOf(key: string): number {
    return this.versions.get(key) ?? 0;
  }

  has(name: string): boolean {
    return this.collections.has(name);
  }

  assertCollection(name: string): void {
    this.collection(name);
  }

  get(collection: string, id: DocId): Doc | undefined {
    return this.collection(collection).docs.get(idKey(id));
  }

  /** All documents of a collection in insertion order (MongoDB's natural order, near enough). */
  all(collection: string): Iterable<Doc> {
    return this.collection(collection).docs.values();
  }

  /** Throws the E11000 error the batch would raise, without changing anything. */
  validate(writes: Write[]): void {
    const byCollection = new Map<string, Write[]>();
    for (const write of writes) {
      const group = byCollection.get(write.collection) ?? [];
      group.push(write);
      byCollection.set(write.collection, group);
    }
    for (const [name, group] of byCollection) {
      const collection = this.collection(name);
      const seenIds = new Set<string>();
      for (const write of group) {
        const key = idKey(write.id);
        if (write.insert && (collection.docs.has(key) || seenIds.has(key))) throw duplicateIdError(name, write.id);
        seenIds.add(key);
      }
      for (const index of collection.uniques) checkUnique(index, collection, group);
    }
  }

  commit(writes: Write[]): void {
    if (writes.length === 0) return;
    this.validate(writes);
    this.journalAppend?.({
      put: writes.filter((w) => w.after).map((w) => [w.collection, w.after as Doc]),
      del: writes.filter((w) => !w.after).map((w) => [w.collection, w.id]),
    });
    this.lastSequence += 1;
    for (const write of writes) {
      const key = docKey(write.collection, write.id);
      const before = this.get(write.collection, write.id) ?? null;
      for (const listener of this.beforeWrite) listener(key, before);
      const collection = this.collection(write.collection);
      if (write.after) collection.put(write.after);
      else collection.delete(write.id);
      this.versions.set(key, this.lastSequence);
    }
  }

  /** Re-apply a journal record at open: no checks, no journaling (the record is the truth). */
  replay(record: JournalRecord): void {
    for (const [name, doc] of record.put) this.replayTarget(name).put(doc);
    for (const [name, id] of record.del) this.replayTarget(name).delete(id);
  }

  /**
   * After replay: documents written before a unique index was declared may violate it. Refuse to
   * start rather than run with an index that cannot hold.
   */
  verifyUniqueIndexes(): void {
    for (const collection of this.collections.values()) {
      for (const index of collection.uniques) {
        const seen = new Set<string>();
        for (const doc of collection.docs.values()) {
          const key = index.keyOf(doc);
          if (seen.has(key)) {
            throw new Error(
              `local database: stored documents violate the unique index declared in the schema — ${index.duplicateError(doc).message}. ` +
                'Remove the duplicates (or the data folder) before declaring the index.',
            );
          }
          seen.add(key);
        }
      }
    }
  }

  /** Every stored document, declared collections or not, for compaction. */
  *entries(): Iterable<[string, Doc]> {
    for (const collections of [this.collections, this.dormant]) {
      for (const [name, collection] of collections) {
        for (const doc of collection.docs.values()) yield [name, doc];
      }
    }
  }

  private replayTarget(name: string): Collection {
    const declared = this.collections.get(name);
    if (declared) return declared;
    const dormant = this.dormant.get(name) ?? new Collection(name, { indexes: [] });
    this.dormant.set(name, dormant);
    return dormant;
  }

  private collection(name: string): Collection {
    const collection = this.collections.get(name);
    if (!collection) throw collectionNotExist(name);
    return collection;
  }
}

/**
 * A key is free for a write if nobody holds it, or its holder is itself rewritten in this batch
 * (and so gives it up); two writes of one batch may not claim the same key.
 */
function checkUnique(index: UniqueIndex, collection: Collection, group: Write[]): void {
  const released = new Set<string>();
  for (const write of group) {
    const before = collection.docs.get(idKey(write.id));
    if (before) released.add(index.keyOf(before));
  }
  const claimed = new Set<string>();
  for (const write of group) {
    if (!write.after) continue;
    const key = index.keyOf(write.after);
    if (claimed.has(key) || (index.owner(key) !== undefined && !released.has(key))) {
      throw index.duplicateError(write.after);
    }
    claimed.add(key);
  }
}
