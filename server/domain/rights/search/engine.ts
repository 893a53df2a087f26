/**
 * The search engine: BM25F over five fields of each article, with the tokens of tokens.ts.
 * Pure: documents in, an index out; an index and a query in, ranked ids out. The rights
 * function builds one index per instance from the published articles (see ../search-cache.ts).
 *
 * Scoring: for each query token t with weight q(t),
 *   score(d) = Σ q(t) · idf(t) · tf'(t,d) / (k1 + tf'(t,d)),
 *   tf'(t,d) = Σ_fields w_f · tf_f(t,d) / (1 − b + b · len_f(d) / avglen_f)
 * tf' does not depend on the query, so it is computed once at build time: a posting is a
 * (document, tf') pair in typed arrays, small enough for thousands of articles per instance.
 */
import { analyseQuery, textTokens } from './tokens';
import { buildVocabulary, type Vocabulary } from './vocabulary';

export const FIELDS = ['title', 'keywords', 'question', 'answer', 'body'] as const;
export type Field = (typeof FIELDS)[number];

/** A worker's question is best answered by an article whose title or keywords say it. */
export const FIELD_WEIGHTS: Record<Field, number> = { title: 3, keywords: 3, question: 2, answer: 1.5, body: 1 };

const K1 = 1.2;
const B = 0.75;
/** Results scoring below this share of the best one are noise, not answers. */
const RELATIVE_CUTOFF = 0.2;


export interface SearchDocument {
  id: string;
  fields: Record<Field, string>;
  /** Extra terms for the vocabulary (the article's keywords). */
  terms?: string[];
}

interface Posting {
  docs: Int32Array;
  tf: Float32Array;
}

export interface SearchIndex {
  vocab: Vocabulary;
  ids: string[];
  postings: Map<string, Posting>;
}

export interface SearchHit {
  id: string;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Typo corrections the engine applied, e.g. { typed: '公伤', term: '工伤' }. */
  corrections: Array<{ typed: string; term: string }>;
}

export function buildIndex(documents: readonly SearchDocument[]): SearchIndex {
  const vocab = buildVocabulary(documents.flatMap((d) => d.terms ?? []));
  const perDoc = documents.map((d) => FIELDS.map((f) => textTokens(vocab, d.fields[f])));
  const avg = FIELDS.map((_, fi) => perDoc.reduce((sum, fields) => sum + fields[fi].length, 0) / Math.max(1, documents.length) || 1);

  const building = new Map<string, { docs: number[]; tf: number[] }>();
  perDoc.forEach((fields, di) => {
    const weighted = new Map<string, number>();
    fields.forEach((tokens, fi) => {
      const norm = 1 - B + (B * tokens.length) / avg[fi];
      const w = FIELD_WEIGHTS[FIELDS[fi]] / norm;
      for (const t of tokens) weighted.set(t, (weighted.get(t) ?? 0) + w);
    });
    for (const [token, tf] of weighted) {
      let p = building.get(token);
      if (!p) {
        p = { docs: [], tf: [] };
        building.set(token, p);
      }
      p.docs.push(di);
      p.tf.push(tf);
    }
  });
  const postings = new Map<string, Posting>();
  for (const [token, p] of building) postings.set(token, { docs: Int32Array.from(p.docs), tf: Float32Array.from(p.tf) });
  return { vocab, ids: documents.map((d) => d.id), postings };
}

export function search(index: SearchIndex, query: string, limit = 10): SearchResult {
  const { weights, corrections } = analyseQuery(index.vocab, query);
  const n = index.ids.length;
  const scores = new Float64Array(n);
  // A document must match more than single characters to count as a result.
  const strong = new Uint8Array(n);
  for (const [token, q] of weights) {
    const p = index.postings.get(token);
    if (!p) continue;
    const df = p.docs.length;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const isStrong = !token.startsWith('u:');
    for (let i = 0; i < df; i += 1) {
      const tf = p.tf[i];
      scores[p.docs[i]] += (q * idf * tf) / (K1 + tf);
      if (isStrong) strong[p.docs[i]] = 1;
    }
  }
  const hits: SearchHit[] = [];
  for (let d = 0; d < n; d += 1) if (strong[d] && scores[d] > 0) hits.push({ id: index.ids[d], score: scores[d] });
  hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const best = hits[0]?.score ?? 0;
  return { hits: hits.filter((h) => h.score >= best * RELATIVE_CUTOFF).slice(0, limit), corrections };
}

