/**
 * Reading the fields of one TCB database request (as @cloudbase/database 1.4.3 builds them) into
 * checked JS values. Bad input is answered INVALID_PARAM, as the server does.
 */
import { parseEjson } from './ejson';
import { invalidParam } from './errors';
import { DocId, asDocId } from './document';
import { isDate, isRegExp } from './value-kinds';
import { Filter, SortSpec } from './mongo-semantics';
import { resolveServerDates } from './server-date';

export type Params = Record<string, unknown>;

/** The SDK asks for 100 when no limit is given and never more than 1000; the server holds the same line. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export function collectionName(params: Params): string {
  const name = params.collectionName;
  if (typeof name !== 'string' || name === '') throw invalidParam('collectionName must be a non-empty string');
  return name;
}

export function transactionId(params: Params): string | undefined {
  const id = params.transactionId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isDate(value) && !isRegExp(value);
}

/** An EJSON-encoded object field (query, data, order, projection), server dates resolved. */
export function ejsonObject(params: Params, field: string, now: number): Record<string, unknown> | undefined {
  const raw = params[field];
  if (raw === undefined || raw === null || raw === '') return undefined;
  let value: unknown;
  try {
    value = typeof raw === 'string' ? parseEjson(raw) : raw;
  } catch {
    throw invalidParam(`${field} is not valid EJSON`);
  }
  if (!isPlainObject(value)) throw invalidParam(`${field} must be an object`);
  return resolveServerDates(value, now) as Record<string, unknown>;
}

export function filterOf(params: Params, now: number): Filter {
  return ejsonObject(params, 'query', now) ?? {};
}

/** The _id of a single-document (queryType DOC) request. */
export function docIdOf(filter: Filter): DocId {
  return asDocId(filter._id);
}

export function isDocRequest(params: Params): boolean {
  return params.queryType === 'DOC';
}

export function orderOf(params: Params, now: number): SortSpec | undefined {
  const order = ejsonObject(params, 'order', now);
  if (!order) return undefined;
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) throw invalidParam(`order of ${field} must be 1 or -1`);
  }
  return order as SortSpec;
}

function nonNegativeInteger(params: Params, field: string): number | undefined {
  const value = params[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalidParam(`${field} must be a non-negative integer`);
  }
  return value;
}

export function limitOf(params: Params): number {
  const limit = nonNegativeInteger(params, 'limit');
  return limit ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT;
}

export function offsetOf(params: Params): number {
  return nonNegativeInteger(params, 'offset') ?? 0;
}

/** insertDocument's `data`: an array of EJSON documents. */
export function documentsOf(params: Params, now: number): Record<string, unknown>[] {
  const data = params.data;
  if (!Array.isArray(data) || data.length === 0) throw invalidParam('data must be a non-empty array of documents');
  return data.map((item, index) => {
    const doc = ejsonObject({ item }, 'item', now);
    if (!doc) throw invalidParam(`data[${index}] must be a document`);
    return doc;
  });
}

/** aggregateDocuments' `stages`: [{stageKey: '$match', stageValue: EJSON}] -> a MongoDB pipeline. */
export function pipelineOf(params: Params, now: number): Record<string, unknown>[] {
  const stages = params.stages;
  if (!Array.isArray(stages)) throw invalidParam('stages must be an array');
  return stages.map((stage: unknown) => {
    const { stageKey, stageValue } = (stage ?? {}) as { stageKey?: unknown; stageValue?: unknown };
    if (typeof stageKey !== 'string' || !stageKey.startsWith('$') || typeof stageValue !== 'string') {
      throw invalidParam('each stage must be {stageKey: "$stage", stageValue: string}');
    }
    let value: unknown;
    try {
      value = parseEjson(stageValue);
    } catch {
      throw invalidParam(`stage ${stageKey} is not valid EJSON`);
    }
    return { [stageKey]: resolveServerDates(value, now) };
  });
}
