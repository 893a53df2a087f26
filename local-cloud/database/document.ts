/**
 * What a stored document is, and the few operations every other part needs on one.
 */
import { randomBytes } from 'node:crypto';
import { invalidParam } from './errors';
import { stringifyEjson } from './ejson';
import { isDate, isRegExp } from './value-kinds';

export type DocId = string | number;
export type Doc = Record<string, unknown> & { _id: DocId };

/** Map key for an _id: "1" and 1 are different ids in MongoDB, so the type is part of the key. */
export function idKey(id: DocId): string {
  return typeof id === 'number' ? `#${id}` : `$${id}`;
}

export function asDocId(value: unknown): DocId {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw invalidParam(`_id must be a non-empty string or a number, got ${JSON.stringify(value)}`);
}

/** A new _id shaped like the cloud's (32 lowercase hex characters). */
export function newDocId(): string {
  return randomBytes(16).toString('hex');
}

/** Value at a dot path; undefined when any step is missing (arrays are not traversed). */
export function valueAtPath(doc: Record<string, unknown>, path: string): unknown {
  let current: unknown = doc;
  for (const step of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/**
 * Deep copy of a stored value (JSON types, Date, RegExp): stored documents are never shared with
 * callers or updates. Not structuredClone: it builds Dates of another realm under jest's sandbox.
 */
export function cloneDoc<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (isDate(value)) return new Date(value.getTime()) as T;
  if (isRegExp(value)) return new RegExp(value.source, value.flags) as T;
  if (Array.isArray(value)) return value.map((item) => cloneDoc(item)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) copy[key] = cloneDoc(item);
  return copy as T;
}

/** Same content, field order included (MongoDB compares documents field by field in order). */
export function sameDoc(a: unknown, b: unknown): boolean {
  return stringifyEjson(a) === stringifyEjson(b);
}

/** Key of one document across collections: versions, locks and snapshots are kept per document. */
export function docKey(collection: string, id: DocId): string {
  return `${collection}\u0000${idKey(id)}`;
}
