/**
 * MongoDB Extended JSON as the SDK speaks it.
 *
 * The SDK (@cloudbase/database) sends queries, updates and documents as canonical EJSON strings
 * (`bson.EJSON.stringify(x, {relaxed: false})`: every number wrapped, dates as `$date.$numberLong`)
 * and reads answers with `bson.EJSON.parse` (relaxed). We decode and encode here ourselves rather than
 * import `bson`, which is only a transitive dependency of the SDK and could move under us.
 *
 * Stored documents are plain JS values (Date for dates, number for every numeric type); the journal
 * uses the same encoding as the wire so one codec serves both.
 */

import { isDate, isRegExp } from './value-kinds';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Decode one EJSON wrapper object, or return undefined when `obj` is an ordinary object. */
function decodeWrapper(obj: Record<string, unknown>): { value: unknown } | undefined {
  const keys = Object.keys(obj);
  if (keys.length === 0 || keys.length > 2 || !keys[0].startsWith('$')) return undefined;
  const [key] = keys;
  const raw = obj[key];
  if (keys.length === 1) {
    switch (key) {
      case '$numberInt':
      case '$numberLong':
      case '$numberDouble':
      case '$numberDecimal':
        // Decimal128 and longs beyond 2^53 lose precision: JS has only doubles (documented deviation).
        return typeof raw === 'string' ? { value: Number(raw) } : undefined;
      case '$date':
        if (typeof raw === 'number') return { value: new Date(raw) };
        if (typeof raw === 'string') return { value: new Date(raw) };
        return undefined;
      case '$oid':
        // The WeChat SDK never produces ObjectIds; keep the hex string so it stays comparable.
        return typeof raw === 'string' ? { value: raw } : undefined;
      case '$regularExpression': {
        const re = raw as { pattern?: unknown; options?: unknown } | null;
        if (re && typeof re.pattern === 'string') {
          return { value: new RegExp(re.pattern, typeof re.options === 'string' ? re.options : '') };
        }
        return undefined;
      }
      case '$undefined':
        return { value: undefined };
      default:
        return undefined;
    }
  }
  return undefined;
}

/** Parse an EJSON string (canonical or relaxed) into plain JS values (Date, RegExp, number). */
export function parseEjson(text: string): unknown {
  // JSON.parse revives bottom-up, so `{"$date":{"$numberLong":"5"}}` first becomes `{"$date":5}`.
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const decoded = decodeWrapper(value as Record<string, unknown>);
      if (decoded) return decoded.value;
    }
    return value;
  });
}

/** Turn plain JS values into the JSON tree of their EJSON form (undefined fields dropped, as BSON does). */
export function toEjsonTree(value: unknown): Json | undefined {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : { $numberDouble: String(value) };
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      return { $numberLong: value.toString() };
    default:
      break;
  }
  if (isDate(value)) return { $date: { $numberLong: String(value.getTime()) } };
  if (isRegExp(value)) {
    return { $regularExpression: { pattern: value.source, options: value.flags } };
  }
  if (Array.isArray(value)) return value.map((item) => toEjsonTree(item) ?? null);
  const out: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const encoded = toEjsonTree(item);
    if (encoded !== undefined) out[key] = encoded;
  }
  return out;
}

/** Serialise plain JS values as an EJSON string that `bson.EJSON.parse` reads back identically. */
export function stringifyEjson(value: unknown): string {
  return JSON.stringify(toEjsonTree(value) ?? null);
}
