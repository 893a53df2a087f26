/**
 * 维权 figures: search latency over 2,000 articles (synthesised by varying the team's 18), in
 * process on the search module and through the local cloud, and database requests per article
 * view, search and consultation submit (the local database's request counter).
 */
import { ARTICLES } from '../content/articles';
import type { LegalArticle } from '../content/articles/article';
import { LABELLED_QUERIES } from '../tests/fixtures/search-queries';
import { articleDocument } from '../server/domain/rights/search/article-document';
import { buildIndex, search } from '../server/domain/rights/search/engine';
import { COLLECTIONS } from '../server/db/schema';
import { startTestCloud, worker } from '../tests/support/local-cloud';
import { percentile, round } from './support';

const TARGET = 2000;
const PLACES = ['九江镇', '沙头', '烟南村', '下北', '南海', '佛山', '公资园区', '儒林'];
const TRADES = ['注塑厂', '家具厂', '制衣厂', '五金厂', '电子厂', '食品厂', '物流仓', '酒楼'];

/** The i-th variant of an article: a different slug, place and trade in the title, steps in another order. */
function variant(a: LegalArticle, i: number): LegalArticle {
  const place = PLACES[i % PLACES.length];
  const trade = TRADES[Math.floor(i / PLACES.length) % TRADES.length];
  const rotate = i % a.steps.length;
  return {
    ...a,
    slug: `${a.slug}-v${i}`,
    title: `${a.title}（${place}${trade}）`,
    steps: [...a.steps.slice(rotate), ...a.steps.slice(0, rotate)],
    related: [],
  };
}

export function synthesise(n = TARGET): LegalArticle[] {
  return Array.from({ length: n }, (_, i) => variant(ARTICLES[i % ARTICLES.length], Math.floor(i / ARTICLES.length)));
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: samples.length, p50Ms: round(percentile(sorted, 50), 2), p95Ms: round(percentile(sorted, 95), 2), maxMs: round(sorted[sorted.length - 1], 2) };
}

function inProcess(articles: LegalArticle[]) {
  const started = process.hrtime.bigint();
  const index = buildIndex(articles.map(articleDocument));
  const buildMs = Number(process.hrtime.bigint() - started) / 1e6;
  const samples: number[] = [];
  for (let round_ = 0; round_ < 3; round_ += 1) {
    for (const { query } of LABELLED_QUERIES) {
      const t = process.hrtime.bigint();
      search(index, query, 10);
      samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return { articles: articles.length, indexBuildMs: round(buildMs), postings: index.postings.size, search: stats(samples) };
}

async function throughCloud(articles: LegalArticle[]) {
  const cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: 1 });
  try {
    const now = new Date();
    // The seed holds the 18 originals; add the variants straight into the database.
    const stamp = { $date: now.toISOString() };
    const docs = articles
      .filter((x) => x.slug.includes('-v'))
      .map(({ slug, ...rest }) =>
        JSON.stringify({ _id: slug, ...rest, localNotes: rest.localNotes ?? [], featured: false, reviewDue: '2027-11-24', status: 'published', reads: 0, helpful: 0, unhelpful: 0, createdAt: stamp, updatedAt: stamp }),
      );
    const answer = (await cloud.db.handle({ action: 'database.insertDocument', collectionName: COLLECTIONS.rightsArticles, data: docs })) as {
      code?: string;
      message?: string;
    };
    if (answer.code) throw new Error(answer.message);
    const who = worker('bench');
    const call = async (action: string, input: unknown) => {
      const res = (await cloud.invoke('rights', { action, input }, who)) as { ok: boolean; error?: unknown };
      if (!res.ok) throw new Error(`rights.${action} failed: ${JSON.stringify(res.error)}`);
      return res;
    };
    const coldStart = process.hrtime.bigint();
    await call('search', { q: '工伤' }); // builds the instance's index
    const firstSearchMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
    const samples: number[] = [];
    for (const { query } of LABELLED_QUERIES) {
      const t = process.hrtime.bigint();
      await call('search', { q: query });
      samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const requests = async (action: string, input: unknown) => {
      const before = cloud.db.stats().requests;
      await call(action, input);
      return cloud.db.stats().requests - before;
    };
    await call('article', { slug: 'unpaid-wages' }); // warm
    return {
      articlesInDatabase: articles.length,
      firstSearchWithIndexBuildMs: round(firstSearchMs),
      search: stats(samples),
      dbRequests: {
        articleView: await requests('article', { slug: 'unpaid-wages' }),
        search: await requests('search', { q: '老板不发工资' }),
        searchWithNoResult: await requests('search', { q: '天气预报' }),
        vote: await requests('vote', { slug: 'unpaid-wages', vote: 'up' }),
        consultationSubmit: await requests('ask', {
          category: 'wages',
          description: '厂里两个月没发工资了，我们该怎么办？',
          anonymous: false,
          noEmployerContact: true,
          requestId: 'bench-request-0001',
        }),
      },
    };
  } finally {
    await cloud.destroy();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const articles = synthesise();
  return { inProcess: inProcess(articles), throughLocalCloud: await throughCloud(articles) };
}
