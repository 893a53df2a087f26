/**
 * `db.serverDate({offset})` travels as `{$tcb_server_date: {offset}}` inside documents, updates and
 * queries; the server replaces it with its own clock. One request reads the clock once, so every
 * serverDate of one request is the same instant (as one server-side write is).
 */
import { isDate, isRegExp } from './value-kinds';

function isServerDate(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$tcb_server_date';
}

export function resolveServerDates(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object' || isDate(value) || isRegExp(value)) return value;
  if (Array.isArray(value)) return value.map((item) => resolveServerDates(item, now));
  const record = value as Record<string, unknown>;
  if (isServerDate(record)) {
    const spec = record.$tcb_server_date as { offset?: unknown } | null;
    const offset = spec && typeof spec.offset === 'number' ? spec.offset : 0;
    return new Date(now + offset);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) out[key] = resolveServerDates(item, now);
  return out;
}
