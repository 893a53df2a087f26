/** The size and depth limits the HTTP door (on text) and every entry (on values) apply alike. */
import { EVENT_LIMITS, eventExcess, jsonTextTooDeep } from '../../server/runtime/event-limits';

const nest = (depth: number): unknown => {
  let value: unknown = {};
  for (let i = 1; i < depth; i += 1) value = { a: value };
  return value;
};

test('text and value checks agree on the depth limit, at the boundary', () => {
  for (const depth of [EVENT_LIMITS.maxDepth, EVENT_LIMITS.maxDepth + 1]) {
    const value = nest(depth);
    const over = depth > EVENT_LIMITS.maxDepth;
    expect(jsonTextTooDeep(JSON.stringify(value))).toBe(over);
    expect(eventExcess(value)).toBe(over ? 'too_deep' : null);
  }
});

test('brackets inside strings, escaped quotes included, are not nesting', () => {
  const tricky = JSON.stringify({ a: '"[[[[', b: '\\', c: '\\"{{{{' + '['.repeat(100) });
  expect(jsonTextTooDeep(tricky, 2)).toBe(false);
  expect(jsonTextTooDeep(`{"a":"\\\\"}${'['.repeat(3)}`, 2)).toBe(true); // an escaped backslash ends the string
});

test('size: the JSON length a value would have, refused past the limit without walking it all', () => {
  expect(eventExcess({ q: 'x'.repeat(EVENT_LIMITS.maxBytes - 20) })).toBeNull();
  expect(eventExcess({ q: 'x'.repeat(EVENT_LIMITS.maxBytes) })).toBe('too_large');
  expect(eventExcess({ list: new Array(10_000_000).fill(0) })).toBe('too_large');
});
