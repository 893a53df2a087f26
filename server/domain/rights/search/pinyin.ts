/**
 * The typo layer's notion of "sounds the same": toneless pinyin with the confusions a pinyin
 * keyboard produces (the wrong candidate of the right syllable: 公伤 for 工伤, 社宝 for 社保) and
 * those of southern speakers, who type what they hear: zh/z, ch/c, sh/s, n/l, and -ng/-n after
 * a, e, i (ang/an, eng/en, ing/in). Derived from the syllables, not from any list of queries.
 */
import { PINYIN_TABLE } from './pinyin-table';

const READINGS = new Map<string, string[]>();
for (const [syllable, chars] of Object.entries(PINYIN_TABLE)) {
  for (const ch of chars) {
    const list = READINGS.get(ch);
    if (list) list.push(syllable);
    else READINGS.set(ch, [syllable]);
  }
}

/** A syllable with the usual confusions folded: shang -> san, zhi -> zi, lv -> nv, ling -> nin. */
export function fuzzySyllable(syllable: string): string {
  return syllable
    .replace(/^zh/, 'z')
    .replace(/^ch/, 'c')
    .replace(/^sh/, 's')
    .replace(/^l/, 'n')
    .replace(/([aei])ng$/, '$1n');
}

/** The fuzzy readings of one character (several for 多音字), or none for a character not in GB 2312. */
export function fuzzyReadings(ch: string): string[] {
  const readings = READINGS.get(ch);
  if (!readings) return [];
  return [...new Set(readings.map(fuzzySyllable))];
}

/** Whether two characters can be typed one for the other through the same fuzzy syllable. */
export function soundAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const ra = fuzzyReadings(a);
  if (ra.length === 0) return false;
  const rb = fuzzyReadings(b);
  return rb.some((r) => ra.includes(r));
}

/**
 * Fuzzy pinyin keys of a string ('gon-san' for 工伤), one per combination of readings, capped:
 * a word of 多音字 does not explode into hundreds of keys.
 */
export function fuzzyKeys(text: string, cap = 16): string[] {
  let keys = [''];
  for (const ch of text) {
    const readings = fuzzyReadings(ch);
    if (readings.length === 0) return [];
    const next: string[] = [];
    for (const k of keys) for (const r of readings) if (next.length < cap) next.push(k ? `${k}-${r}` : r);
    keys = next;
  }
  return keys;
}
