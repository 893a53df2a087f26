/**
 * Turning text into search tokens. Chinese has no spaces, so a text yields:
 *   u:<char>   single characters (weak: only for partial matches and typos)
 *   b:<2 chars> character bigrams (the workhorse: any word of two or more characters matches)
 *   a:<ascii>  runs of letters and digits (12351, n+1, 2n)
 *   w:<term>   every known term found in it (domain words, synonyms, keywords)
 *   g:<group>  the synonym group of each term found: 炒鱿鱼 and 辞退 both yield the same token
 * A query yields the same, with weights, plus the typo layer's corrections.
 */
import { isHan, normalise } from './normalise';
import { fuzzyKeys, soundAlike } from './pinyin';
import { findTerms, type Vocabulary } from './vocabulary';

export const QUERY_WEIGHTS = { u: 0.15, b: 1, a: 1.5, w: 0.8, g: 1.2 } as const;
/** A corrected term counts less than one the worker typed. */
export const TYPO_FACTOR = 1;

type Kind = keyof typeof QUERY_WEIGHTS;

/**
 * Question words and particles: they carry no topic, yet as bigrams (怎么, 么办, 了怎) they look
 * rare and informative. They separate runs instead of forming bigrams, in documents and queries
 * alike; known terms are still found in the full text (算不算工伤, 不干了).
 */
const STOP = /怎么办|怎么样|怎么|咋办|咋样|什么|为什么|是不是|能不能|可不可以|有没有|会不会|吗|呢|吧|啊|呀|嘛|了|的|我|你/g;

function pushRuns(text: string, emit: (kind: Kind, value: string) => void): void {
  const chars = [...text];
  let run: string[] = [];
  const flushHan = () => {
    for (let i = 0; i < run.length; i += 1) {
      emit('u', run[i]);
      if (i + 1 < run.length) emit('b', run[i] + run[i + 1]);
    }
    run = [];
  };
  let ascii = '';
  const flushAscii = () => {
    const token = ascii.replace(/[.+]+$/, '');
    if (token) emit('a', token);
    ascii = '';
  };
  for (const ch of chars) {
    if (isHan(ch)) {
      flushAscii();
      run.push(ch);
    } else if (/[a-z0-9]/.test(ch) || (ascii && /[+.]/.test(ch))) {
      flushHan();
      ascii += ch;
    } else {
      flushHan();
      flushAscii();
    }
  }
  flushHan();
  flushAscii();
}

function termTokens(vocab: Vocabulary, term: string, emit: (kind: Kind, value: string) => void): void {
  emit('w', term);
  for (const g of vocab.groups.get(term) ?? []) emit('g', String(g));
}

/** The tokens of a document field (with repeats: term frequency counts). */
export function textTokens(vocab: Vocabulary, raw: string): string[] {
  const text = normalise(raw);
  const out: string[] = [];
  const emit = (kind: Kind, value: string) => out.push(`${kind}:${value}`);
  pushRuns(text.replace(STOP, ' '), emit);
  for (const m of findTerms(vocab, text)) termTokens(vocab, m.term, emit);
  return out;
}

export interface AnalysedQuery {
  /** token -> weight */
  weights: Map<string, number>;
  /** Terms the typo layer read into the query, e.g. 公伤 -> 工伤 (shown as "按…搜索"). */
  corrections: Array<{ typed: string; term: string }>;
}

/**
 * Windows of the query that are not known terms but sound like one, differing in at most one
 * character (two for words of four or more): 公伤 -> 工伤, 加版费 -> 加班费, 实用期 -> 试用期.
 */
function typoCorrections(vocab: Vocabulary, text: string, exact: Set<string>): Array<{ typed: string; term: string }> {
  const found: Array<{ typed: string; term: string }> = [];
  const runs = text.match(/[\u3400-\u4dbf\u4e00-\u9fff]+/g) ?? [];
  for (const run of runs) {
    const chars = [...run];
    for (let len = 2; len <= Math.min(6, chars.length); len += 1) {
      for (let i = 0; i + len <= chars.length; i += 1) {
        const window = chars.slice(i, i + len);
        const typed = window.join('');
        if (vocab.words.has(typed) || exact.has(typed)) continue;
        const allowed = len >= 4 ? 2 : 1;
        for (const term of candidates(vocab, window)) {
          const termChars = [...term];
          let differing = 0;
          let ok = true;
          for (let k = 0; k < len && ok; k += 1) {
            if (termChars[k] === window[k]) continue;
            differing += 1;
            ok = differing <= allowed && soundAlike(termChars[k], window[k]);
          }
          if (ok && differing > 0 && !found.some((f) => f.typed === typed && f.term === term)) found.push({ typed, term });
        }
      }
    }
  }
  return found;
}

/** Terms of the same length that sound like the window (a cheap pre-filter through pinyin keys). */
function candidates(vocab: Vocabulary, window: string[]): string[] {
  const out = new Set<string>();
  for (const key of fuzzyKeys(window.join(''), 32)) for (const term of vocab.bySound.get(key) ?? []) out.add(term);
  return [...out];
}

/** A query's weighted tokens. */
export function analyseQuery(vocab: Vocabulary, raw: string): AnalysedQuery {
  const text = normalise(raw);
  const weights = new Map<string, number>();
  const put = (token: string, weight: number) => {
    if (weight > (weights.get(token) ?? 0)) weights.set(token, weight);
  };
  pushRuns(text.replace(STOP, ' '), (kind, value) => put(`${kind}:${value}`, QUERY_WEIGHTS[kind]));
  const exact = new Set<string>();
  for (const m of findTerms(vocab, text)) {
    exact.add(m.term);
    termTokens(vocab, m.term, (kind, value) => put(`${kind}:${value}`, QUERY_WEIGHTS[kind]));
  }
  const corrections = typoCorrections(vocab, text, exact);
  for (const { term } of corrections) {
    termTokens(vocab, term, (kind, value) => put(`${kind}:${value}`, QUERY_WEIGHTS[kind] * TYPO_FACTOR));
    pushRuns(term, (kind, value) => {
      if (kind === 'b') put(`${kind}:${value}`, QUERY_WEIGHTS.b * TYPO_FACTOR);
    });
  }
  return { weights, corrections };
}
