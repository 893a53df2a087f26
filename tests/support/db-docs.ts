/**
 * Writing and scanning documents straight in a test cloud's database (as the console would):
 * for figures built from records the clock cannot reach (last month's check-ins), and for the
 * whole-database checks of the authz, property and crash tests.
 */
import { COLLECTIONS } from '../../server/db/schema';
import type { LocalCloud } from '../../local-cloud';

function toEjson(value: unknown): unknown {
  if (value instanceof Date) return { $date: { $numberLong: String(value.getTime()) } };
  if (Array.isArray(value)) return value.map(toEjson);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toEjson(v)]));
  if (typeof value === 'number' && Number.isInteger(value)) return { $numberInt: String(value) };
  if (typeof value === 'number') return { $numberDouble: String(value) };
  return value;
}

export async function insertDocs(cloud: LocalCloud, collection: string, docs: Record<string, unknown>[]): Promise<void> {
  const answer = (await cloud.db.handle({
    action: 'database.insertDocument',
    collectionName: collection,
    data: docs.map((d) => JSON.stringify(toEjson(d))),
  })) as { code?: string; message?: string };
  if (answer.code) throw new Error(`insert into ${collection} failed: ${answer.message}`);
}

/** Every document of every declared collection, by collection name. */
export function everyDocument(cloud: LocalCloud): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(Object.values(COLLECTIONS).map((name) => [name, cloud.db.find(name)]));
}

/** Paths of keys starting with `$` anywhere in a document (operators must never be stored). */
export function dollarKeys(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => dollarKeys(v, `${at}[${i}]`));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) => [...(k.startsWith('$') ? [`${at}.${k}`] : []), ...dollarKeys(v, `${at}.${k}`)]);
  }
  return [];
}
