/**
 * The cloud database as domain code sees it: the subset of wx-server-sdk's API we use, with the
 * SDK's callback-style unions (`Promise<T> | void | string`) narrowed to promises, and collection
 * names restricted to the schema's. At runtime it IS `cloud.database()` (see asDatabase); this file
 * only types it, so a misspelt collection or a wrong result shape fails the type check.
 */
import type * as cloud from 'wx-server-sdk';
import type { CollectionName } from './schema';

export type Doc = Record<string, unknown>;
/** A query or update condition; operators come from db.command (`_`). */
export type Condition = Record<string, unknown>;

export interface QueryResult<T> {
  data: T[];
}

export interface UpdateResult {
  stats: { updated: number };
}

export interface RemoveResult {
  stats: { removed: number };
}

export interface Query<T> {
  where(condition: Condition): Query<T>;
  orderBy(field: string, order: 'asc' | 'desc'): Query<T>;
  skip(n: number): Query<T>;
  /** The SDK defaults to 100 and caps at 1000 per request. */
  limit(n: number): Query<T>;
  field(projection: Record<string, boolean | 0 | 1>): Query<T>;
  get(): Promise<QueryResult<T>>;
  count(): Promise<{ total: number }>;
  /** Applied to each matching document atomically; `updated` tells how many changed. */
  update(options: { data: Condition }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface DocumentRef<T> {
  /** Throws when the document does not exist. */
  get(): Promise<{ data: T }>;
  /** Creates or replaces the whole document. */
  set(options: { data: Doc }): Promise<{ _id: string; stats: { updated: number; created: number } }>;
  update(options: { data: Condition }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface Collection<T> extends Query<T> {
  doc(id: string): DocumentRef<T>;
  add(options: { data: Doc }): Promise<{ _id: string }>;
  aggregate(): Aggregate;
}

export interface Aggregate {
  match(condition: Condition): Aggregate;
  group(spec: Doc): Aggregate;
  project(spec: Doc): Aggregate;
  sort(spec: Record<string, 1 | -1>): Aggregate;
  skip(n: number): Aggregate;
  /** Without limit() the cloud returns only 20 rows. */
  limit(n: number): Aggregate;
  unwind(spec: string | Doc): Aggregate;
  end(): Promise<{ list: Doc[] }>;
}

/** Inside a transaction only single-document operations exist. */
export interface TransactionCollection<T> {
  doc(id: string): DocumentRef<T>;
  add(options: { data: Doc }): Promise<{ _id: string }>;
}

export interface Transaction {
  collection<T = Doc>(name: CollectionName): TransactionCollection<T>;
  rollback(reason?: unknown): Promise<unknown>;
}

/** The query and update operators (`_.gt`, `_.inc`, ...). Opaque values the SDK serialises. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Command = any;

export interface Database {
  collection<T = Doc>(name: CollectionName): Collection<T>;
  command: Command;
  serverDate(options?: { offset?: number }): unknown;
  /** Runs `fn` in a transaction, retried by the SDK on conflict; rejects with what fn rolled back with. */
  runTransaction<R>(fn: (tx: Transaction) => Promise<R>, retries?: number): Promise<R>;
}

/**
 * A document by _id, or null when there is none: doc(id).get() throws for a missing document (in
 * a transaction too, where a where() query is not allowed), with the SDK's "does not exist" text.
 */
export async function getOrNull<T>(ref: DocumentRef<T>): Promise<T | null> {
  try {
    return (await ref.get()).data;
  } catch (error) {
    const text = typeof error === 'string' ? error : String((error as { errMsg?: string })?.errMsg ?? (error as Error)?.message ?? '');
    if (/does not exist/.test(text)) return null;
    throw error;
  }
}

export function asDatabase(db: ReturnType<typeof cloud.database>): Database {
  return db as unknown as Database;
}
