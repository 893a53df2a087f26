/**
 * Text normalisation shared by the index and the query: full-width -> half-width (NFKC), lower
 * case, common traditional characters -> simplified. Nothing else: Chinese has no stemming.
 */
import { TRADITIONAL_TO_SIMPLIFIED } from './traditional';

const TRAD = new Map<string, string>(TRADITIONAL_TO_SIMPLIFIED.map((pair) => [pair[0], pair[1]]));

export function normalise(text: string): string {
  const nfkc = text.normalize('NFKC').toLowerCase();
  let out = '';
  for (const ch of nfkc) out += TRAD.get(ch) ?? ch;
  return out;
}

/** A query as it is recorded for staff: normalised, spaces collapsed, bounded. */
export function normaliseQuery(text: string): string {
  return normalise(text).replace(/\s+/g, ' ').trim().slice(0, 50);
}

/** A CJK unified ideograph (the basic block and extension A). */
export function isHan(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}
