/**
 * How big and how deep a function's event may be, checked before any other work — by the local
 * cloud's HTTP door on the raw text (local-cloud/http/json.ts) and by every function's entry on the
 * parsed value (server/runtime/entry.ts), because on WeChat the entry is the only door we own.
 *
 * Size mirrors the platform: CloudBase refuses a cloud function request body over 100 KB of text
 * (EXCEED_MAX_PAYLOAD_SIZE), and the callFunction docs advise wx.cloud.CDN above 100 KB. Depth
 * has no platform limit, which is the hole: a 36 KB body nested 6,000 deep overflows recursive
 * code (structured clone, JSON.stringify, zod) and held an instance until its timeout. Our deepest
 * event is `{input: {answers: {field: [value]}}}`, so 32 levels leave ample room for growth.
 *
 * Both checks are iterative (no recursion a hostile body could overflow) and stop at the first
 * excess, so a refused body costs time proportional to the limit, never to the body.
 */
export const EVENT_LIMITS = {
  maxBytes: 100 * 1024,
  maxDepth: 32,
} as const;

export type EventExcess = 'too_large' | 'too_deep' | null;

/**
 * Nesting depth of JSON text over the limit? Counts brackets outside strings; does not validate
 * the JSON (JSON.parse does that afterwards, once the depth is known to be safe).
 */
export function jsonTextTooDeep(text: string, maxDepth: number = EVENT_LIMITS.maxDepth): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i += 1;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * The same limits on an already parsed event (what a function receives). Size is the JSON length
 * the value would have, estimated from its strings, keys and punctuation while walking; the walk
 * stops as soon as either limit is passed.
 */
export function eventExcess(event: unknown, limits: typeof EVENT_LIMITS = EVENT_LIMITS): EventExcess {
  const stack: [unknown, number][] = [[event, 1]];
  let bytes = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value === 'string') bytes += value.length + 2;
    else if (typeof value !== 'object' || value === null) bytes += 8;
    else {
      if (depth > limits.maxDepth) return 'too_deep';
      bytes += 2;
      if (Array.isArray(value)) {
        // Counted before pushing: a huge array is refused without queueing its items.
        bytes += value.length;
        if (bytes > limits.maxBytes) return 'too_large';
        for (const item of value) stack.push([item, depth + 1]);
      } else {
        for (const [key, item] of Object.entries(value)) {
          bytes += key.length + 4;
          stack.push([item, depth + 1]);
        }
      }
    }
    if (bytes > limits.maxBytes) return 'too_large';
  }
  return null;
}
