/**
 * The search, measured on the content team's labelled queries (tests/fixtures/search-queries.ts):
 * how workers type, typos and Cantonese included. Prints the hit rates as one JSON line and keeps
 * them from falling below floors set just under what the engine achieves today.
 */
import { ARTICLES } from '../../content/articles';
import { LABELLED_QUERIES } from '../fixtures/search-queries';
import { articleDocument } from '../../server/domain/rights/search/article-document';
import { buildIndex, search } from '../../server/domain/rights/search/engine';

/** Floors: measured 136/143 top-1 and 143/143 top-3 when set (docs/rights.md); issue 11 asks for 0.90 / 0.97. */
const TOP1_FLOOR = 0.92;
const TOP3_FLOOR = 0.98;
/** Each article needs queries of its own, or a new article could hide behind the old ones' hits. */
const QUERIES_PER_ARTICLE = 3;

const index = buildIndex(ARTICLES.map(articleDocument));

describe('search hit rates on the labelled queries', () => {
  it(`finds the expected article first for >= ${TOP1_FLOOR} and in the top 3 for >= ${TOP3_FLOOR} of the queries`, () => {
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const { query, expected } of LABELLED_QUERIES) {
      const ids = search(index, query, 10).hits.map((h) => h.id);
      if (ids[0] === expected) top1 += 1;
      else misses.push(`${query} -> ${ids.slice(0, 3).join(', ') || '(nothing)'} (want ${expected})`);
      if (ids.slice(0, 3).includes(expected)) top3 += 1;
    }
    const n = LABELLED_QUERIES.length;
    const figures = { searchHitRates: { queries: n, top1: +(top1 / n).toFixed(3), top3: +(top3 / n).toFixed(3), top1Misses: misses } };
    console.log(JSON.stringify(figures));
    expect(n).toBeGreaterThanOrEqual(50);
    expect(top1 / n).toBeGreaterThanOrEqual(TOP1_FLOOR);
    expect(top3 / n).toBeGreaterThanOrEqual(TOP3_FLOOR);
  });

  it(`has at least ${QUERIES_PER_ARTICLE} labelled queries for every article`, () => {
    const few = ARTICLES.filter((a) => LABELLED_QUERIES.filter((q) => q.expected === a.slug).length < QUERIES_PER_ARTICLE).map((a) => a.slug);
    expect(few).toEqual([]);
  });

  it('labels only articles that exist', () => {
    const slugs = new Set(ARTICLES.map((a) => a.slug));
    expect(LABELLED_QUERIES.filter((q) => !slugs.has(q.expected))).toEqual([]);
  });

  it('every article is reachable by its own title', () => {
    for (const a of ARTICLES) expect(search(index, a.title, 3).hits[0]?.id).toBe(a.slug);
  });
});
