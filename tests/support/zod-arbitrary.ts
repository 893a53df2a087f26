/**
 * fast-check arbitraries made from the contract's zod schemas, so the property and authz tests
 * cover every action the contract lists — including actions added after these tests were written.
 *   validish(schema)  values shaped like the schema (refinements and cross-field rules may still fail)
 *   HOSTILE           what an attacker or a broken client sends: operators, prototype keys, huge,
 *                     deep, wrong types, emoji, SQL and script text
 *   mutated(schema)   a validish value with one field replaced by something hostile, or an extra field
 */
import fc from 'fast-check';

// zod v4 keeps its definition on `_zod.def`; only the parts we read are typed here.
interface Def {
  type: string;
  [key: string]: unknown;
}
interface Schema {
  _zod: { def: Def };
}
const defOf = (s: unknown) => (s as Schema)._zod.def;

interface Check {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
const checksOf = (def: Def): Check[] => ((def.checks as { _zod: { def: Check } }[] | undefined) ?? []).map((c) => c._zod.def);

/** Ids of records that exist, so generated inputs reach the handlers' deeper paths. */
export type IdPool = Record<string, string[]>;

const ID_KEY = /(^id$|Id$|^slug$|^code$)/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const isoDay = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const isoInstant = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => {
    const local = new Date(d.getTime() + 8 * 3600_000);
    return `${local.toISOString().slice(0, 10)}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00+08:00`;
  });
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('王小明', '九江镇总工会', '沙头', '欠薪', '工伤怎么办', '13812345678', '😀👨‍👩‍👧', 'a'),
);

function stringArb(def: Def, key: string, pool: IdPool): fc.Arbitrary<string> {
  const checks = checksOf(def);
  if (def.format === 'date') return isoDay;
  if (def.format === 'datetime') return isoInstant;
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 60;
  const regex = checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern;
  const known = pool[key] ?? (ID_KEY.test(key) ? pool.id : undefined);
  let base: fc.Arbitrary<string>;
  if (regex) base = fc.stringMatching(regex).filter((s) => s.length >= min && s.length <= max);
  else base = fc.oneof(text, fc.string({ minLength: min, maxLength: Math.min(max, 40) })).filter((s) => s.trim().length >= min && s.length <= max);
  return known && known.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 3 }, { arbitrary: base, weight: 1 }) : base;
}

function numberArb(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const int = checks.some((c) => c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32'));
  const lo = checks.find((c) => c.check === 'greater_than')?.value ?? -1e6;
  const hi = checks.find((c) => c.check === 'less_than')?.value ?? 1e6;
  return int ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** Values shaped like the schema. */
export function validish(schema: unknown, pool: IdPool = {}, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const arbs: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [k, s] of Object.entries(shape)) {
        arbs[k] = validish(s, pool, k);
        const t = defOf(s).type;
        if (t !== 'optional' && t !== 'default' && t !== 'prefault') required.push(k);
      }
      return fc.record(arbs, { requiredKeys: required as never[] });
    }
    case 'string':
      return stringArb(def, key, pool);
    case 'number':
      return numberArb(def);
    case 'boolean':
      return fc.boolean();
    case 'date':
      return isoInstant;
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array': {
      const checks = checksOf(def);
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 5, 5);
      return fc.array(validish(def.element, pool, key), { minLength: Math.min(min, max), maxLength: Math.max(max, min) });
    }
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return validish(def.innerType, pool, key);
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => validish(o, pool, key)));
    case 'record':
      return fc.dictionary(fc.constantFrom('name', 'phone', 'employer', 'hukou', 'note', 'x1'), validish(def.valueType, pool, key), { maxKeys: 4 });
    case 'pipe':
      return validish(def.in, pool, key);
    default:
      return fc.anything();
  }
}

const deep = (depth: number): unknown => (depth === 0 ? 'bottom' : { a: deep(depth - 1) });
const deepArray = (depth: number): unknown => (depth === 0 ? [] : [deepArray(depth - 1)]);

/** Things nobody should be able to send to a cloud function and get anything but a typed error for. */
export const HOSTILE_VALUES: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'function(){ while(true){} }' },
  { $regex: '.*' },
  { $set: { role: 'admin' } },
  { $inc: { seatsLeft: 1000 } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  { prototype: { isAdmin: true } },
  "' OR '1'='1' --",
  '"; DROP TABLE events; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '😀'.repeat(500),
  '\u0000\u202e\ufeff',
  'x'.repeat(5_000),
  'y'.repeat(70_000),
  '中'.repeat(20_000),
  -1,
  0,
  1e308,
  -0,
  9_007_199_254_740_993,
  3.14159,
  true,
  null,
  [],
  [{ $gt: '' }],
  {},
  deep(60),
  deepArray(200),
  Array.from({ length: 2000 }, (_, i) => i),
  '2024-02-30',
  '9999-12-31T23:59:59+08:00',
  '../../etc/passwd',
  'oAbCdEfGhIjKlMnOpQrStUvWxYz0',
];

export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_VALUES), weight: 4 },
  { arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: false }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 50 }), weight: 1 },
);

/** A validish value with one field replaced by a hostile value, or an unknown / operator field added. */
export function mutated(schema: unknown, pool: IdPool = {}): fc.Arbitrary<unknown> {
  return fc.tuple(validish(schema, pool), hostile, fc.nat(), fc.constantFrom('replace', 'add', 'operatorKey', 'protoKey')).map(([value, bad, n, how]) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (how === 'replace' && keys.length > 0) copy[keys[n % keys.length]] = bad;
    else if (how === 'operatorKey') copy[['$where', '$set', 'a.$b', '$gt'][n % 4]] = bad;
    else if (how === 'protoKey') return JSON.parse(`{"__proto__": ${JSON.stringify(bad) ?? 'null'}, ${JSON.stringify(copy).slice(1)}`.replace(/, }$/, '}'));
    else copy[['openid', 'OPENID', '_openid', 'role', 'unknownField', '_id'][n % 6]] = bad;
    return copy;
  });
}

/** What travels to a cloud function: JSON (undefined, NaN, functions and Dates do not survive). */
export function asJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}
