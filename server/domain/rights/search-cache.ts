/**
 * The search index of one function instance. Built from the published articles on the first
 * search, kept in memory, and rebuilt when an article changes: every search first reads the
 * newest `updatedAt` of the articles (one small indexed request) and compares it with the stamp
 * the index was built from. A staff edit, publish or retire sets updatedAt, so it shows up in the
 * very next search of every instance; counters (reads, votes) do not touch it.
 */
import type { ArticleSummary, SearchAnswer } from '../../../contract/rights/model';
import { RIGHTS_LIMITS } from '../../../contract/rights/model';
import type { Database } from '../../db/database';
import { increment } from '../../db/counters';
import { COLLECTIONS } from '../../db/schema';
import type { HandlerContext } from '../../runtime/context';
import { hashId, toSummary, type ArticleDoc } from './records';
import { articleDocument } from './search/article-document';
import { buildIndex, search, type SearchIndex } from './search/engine';
import { normaliseQuery } from './search/normalise';

interface Cached {
  stamp: number;
  index: SearchIndex;
  summaries: Map<string, ArticleSummary>;
}

let cached: Cached | null = null;
let building: Promise<Cached> | null = null;

const PAGE = 1000;

async function loadPublished(db: Database): Promise<ArticleDoc[]> {
  const out: ArticleDoc[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await db
      .collection<ArticleDoc>(COLLECTIONS.rightsArticles)
      .where({ status: 'published' })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get();
    out.push(...page.data);
    if (page.data.length < PAGE) return out;
  }
}

async function stampOf(db: Database): Promise<number> {
  const head = await db
    .collection<Pick<ArticleDoc, 'updatedAt'>>(COLLECTIONS.rightsArticles)
    .orderBy('updatedAt', 'desc')
    .limit(1)
    .field({ updatedAt: true })
    .get();
  const at = head.data[0]?.updatedAt;
  return at ? new Date(at).getTime() : 0;
}

/** The instance's index, rebuilt if any article changed since it was built. */
export async function currentIndex(db: Database): Promise<Cached> {
  const stamp = await stampOf(db);
  if (cached && cached.stamp === stamp) return cached;
  if (!building) {
    building = (async () => {
      const docs = await loadPublished(db);
      const next: Cached = {
        stamp,
        index: buildIndex(docs.map((d) => articleDocument({ ...d, slug: d._id }))),
        summaries: new Map(docs.map((d) => [d._id, toSummary(d)])),
      };
      cached = next;
      return next;
    })().finally(() => {
      building = null;
    });
  }
  return building;
}

/** For tests of the cache itself: forget the instance's index. */
export function dropSearchCache(): void {
  cached = null;
}

export async function searchArticles(ctx: HandlerContext, input: { q: string }): Promise<SearchAnswer> {
  const query = normaliseQuery(input.q);
  if (!query) return { query: '', results: [], corrections: [] };
  const { index, summaries } = await currentIndex(ctx.db);
  const { hits, corrections } = search(index, query, RIGHTS_LIMITS.searchResults);
  const results = hits.map((h) => summaries.get(h.id)).filter((s): s is ArticleSummary => Boolean(s));
  if (results.length === 0) {
    // Recorded for staff: one counter per normalised query, increased in the write (no read first).
    await increment(ctx.db, ctx.db.collection(COLLECTIONS.rightsSearchMisses), hashId(query), { query, firstAt: ctx.now });
  }
  return { query, results, corrections };
}
