/**
 * The worker's side of 维权普法: the tab, a category, an article (read count, own vote and
 * favourite, related articles), 有用/没用 and favourites.
 */
import {
  ARTICLE_CATEGORIES,
  ARTICLE_CATEGORY_LABELS,
  RIGHTS_LIMITS,
  UNION_HOTLINE,
  type ArticleCategory,
  type ArticleSummary,
  type ArticleView,
  type RightsHome,
  type UnhelpfulReason,
  type Vote,
} from '../../../contract/rights/model';
import { fromShanghai, shanghaiDay } from '../../../contract/time';
import { isDuplicateKey } from '../../db/counters';
import type { Doc } from '../../db/database';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { hashId } from '../centres/records';
import { contentOf, favouriteId, SUMMARY_FIELDS, toSummary, voteId, type ArticleDoc, type FavouriteDoc, type VoteDoc } from './records';

type SummaryDoc = Pick<ArticleDoc, '_id' | 'category' | 'title' | 'shortAnswer' | 'reads' | 'featured'>;

/** A worker's read of an article on one Shanghai day (countRead). */
type ReadDoc = Doc & { until: Date };

const DAY_MS = 24 * 60 * 60 * 1000;

const articles = (ctx: HandlerContext) => ctx.db.collection<ArticleDoc>(COLLECTIONS.rightsArticles);

async function publishedSummaries(ctx: HandlerContext, where: Record<string, unknown> = {}): Promise<SummaryDoc[]> {
  const res = await ctx.db
    .collection<SummaryDoc>(COLLECTIONS.rightsArticles)
    .where({ status: 'published', ...where })
    .field(SUMMARY_FIELDS)
    .limit(1000)
    .get();
  return res.data;
}

/** The 维权 tab: categories with counts, featured and most-read. One database request. */
export async function rightsHome(ctx: HandlerContext): Promise<RightsHome> {
  const docs = await publishedSummaries(ctx);
  const byReads = [...docs].sort((a, b) => (b.reads ?? 0) - (a.reads ?? 0) || (a._id < b._id ? -1 : 1));
  const featured = docs.filter((d) => d.featured).slice(0, RIGHTS_LIMITS.featuredMax);
  const featuredIds = new Set(featured.map((d) => d._id));
  return {
    categories: ARTICLE_CATEGORIES.map((category) => ({
      category,
      label: ARTICLE_CATEGORY_LABELS[category],
      count: docs.filter((d) => d.category === category).length,
    })),
    featured: featured.map(toSummary),
    popular: byReads.filter((d) => !featuredIds.has(d._id)).slice(0, RIGHTS_LIMITS.popularMax).map(toSummary),
    hotline: UNION_HOTLINE,
  };
}

export async function categoryArticles(ctx: HandlerContext, input: { category: ArticleCategory }): Promise<ArticleSummary[]> {
  const docs = await publishedSummaries(ctx, { category: input.category });
  return docs.sort((a, b) => (b.reads ?? 0) - (a.reads ?? 0) || (a._id < b._id ? -1 : 1)).map(toSummary);
}

/**
 * One article: the published article, the caller's vote and favourite in parallel, then the read
 * counted (once per worker per day, below), then the related articles.
 */
export async function getArticle(ctx: HandlerContext, input: { slug: string }): Promise<ArticleView> {
  const _ = ctx.db.command;
  const [found, vote, favourite] = await Promise.all([
    articles(ctx).where({ _id: input.slug, status: 'published' }).limit(1).get(),
    ctx.openid
      ? ctx.db.collection<VoteDoc>(COLLECTIONS.rightsVotes).where({ _id: voteId(input.slug, ctx.openid) }).limit(1).get()
      : Promise.resolve({ data: [] as VoteDoc[] }),
    ctx.openid
      ? ctx.db.collection<FavouriteDoc>(COLLECTIONS.rightsFavourites).where({ _id: favouriteId(ctx.openid, input.slug) }).limit(1).get()
      : Promise.resolve({ data: [] as FavouriteDoc[] }),
  ]);
  const doc = found.data[0];
  if (!doc) throw new AppError('ARTICLE_NOT_FOUND');
  const reads = (doc.reads ?? 0) + ((await countRead(ctx, input.slug)) ? 1 : 0);
  const related = doc.related.length > 0 ? await publishedSummaries(ctx, { _id: _.in(doc.related) }) : [];
  const order = new Map(doc.related.map((slug, i) => [slug, i]));
  related.sort((a, b) => (order.get(a._id) ?? 0) - (order.get(b._id) ?? 0));
  return {
    ...contentOf(doc),
    status: doc.status,
    reads,
    helpful: doc.helpful ?? 0,
    unhelpful: doc.unhelpful ?? 0,
    myVote: vote.data[0]?.vote ?? null,
    favourite: favourite.data.length > 0,
    related: related.map(toSummary),
  };
}

/**
 * `reads` counts workers, not page loads: a read is counted once per worker per article per
 * Shanghai day. The day's mark has a deterministic _id (hash of slug + OPENID + day), so a reload,
 * a second tab or concurrent calls collide on the insert and only the one that created the mark
 * increases the counter (conditionally: only on a published article). A call without an OPENID
 * (outside WeChat, not signed in) cannot be told apart from a reload and is not counted.
 */
async function countRead(ctx: HandlerContext, slug: string): Promise<boolean> {
  if (!ctx.openid) return false;
  const day = shanghaiDay(ctx.now);
  try {
    await ctx.db.collection<ReadDoc>(COLLECTIONS.rightsReads).add({
      data: { _id: hashId('read', slug, ctx.openid, day), until: new Date(fromShanghai(`${day} 00:00`).getTime() + DAY_MS) },
    });
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
  const _ = ctx.db.command;
  const counted = await articles(ctx)
    .where({ _id: slug, status: 'published' })
    .update({ data: { reads: _.inc(1) } });
  return counted.stats.updated === 1;
}

/** Removes the read marks of ended days (the events timer's housekeeping). One request. */
export async function removeEndedReads(ctx: HandlerContext): Promise<number> {
  const res = await ctx.db.collection<ReadDoc>(COLLECTIONS.rightsReads).where({ until: ctx.db.command.lt(ctx.now) }).remove();
  return res.stats.removed;
}

/**
 * 有用 / 没用, once per worker per article: the vote's _id is deterministic, so a second vote (or
 * a retried one) collides and changes no counter. The counter is increased only after the vote
 * is stored, and only on a published article.
 */
export async function voteArticle(
  ctx: HandlerContext,
  input: { slug: string; vote: Vote; reason?: UnhelpfulReason; text?: string },
): Promise<Pick<ArticleView, 'helpful' | 'unhelpful' | 'myVote'>> {
  const _ = ctx.db.command;
  const text = input.vote === 'down' ? (input.text ?? '') : '';
  if (text && (await ctx.platform.checkText(text, ctx.openid)) === 'risky') throw new AppError('TEXT_REFUSED');
  const votes = ctx.db.collection<VoteDoc>(COLLECTIONS.rightsVotes);
  const id = voteId(input.slug, ctx.openid);
  let myVote: Vote = input.vote;
  try {
    await votes.add({
      data: {
        _id: id,
        slug: input.slug,
        openid: ctx.openid,
        vote: input.vote,
        reason: input.vote === 'down' ? (input.reason ?? null) : null,
        text,
        createdAt: ctx.now,
      },
    });
    const field = input.vote === 'up' ? 'helpful' : 'unhelpful';
    const counted = await articles(ctx)
      .where({ _id: input.slug, status: 'published' })
      .update({ data: { [field]: _.inc(1) } });
    if (counted.stats.updated !== 1) {
      await votes.doc(id).remove();
      throw new AppError('ARTICLE_NOT_FOUND');
    }
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await votes.where({ _id: id }).limit(1).get();
    myVote = existing.data[0]?.vote ?? input.vote;
  }
  const res = await ctx.db
    .collection<Pick<ArticleDoc, 'helpful' | 'unhelpful'>>(COLLECTIONS.rightsArticles)
    .where({ _id: input.slug })
    .field({ helpful: true, unhelpful: true })
    .limit(1)
    .get();
  const doc = res.data[0];
  if (!doc) throw new AppError('ARTICLE_NOT_FOUND');
  return { helpful: doc.helpful ?? 0, unhelpful: doc.unhelpful ?? 0, myVote };
}

/** Keeps or drops a favourite: set / remove on a deterministic _id, so repeating it changes nothing. */
export async function setFavourite(ctx: HandlerContext, input: { slug: string; on: boolean }): Promise<{ favourite: boolean }> {
  const ref = ctx.db.collection(COLLECTIONS.rightsFavourites).doc(favouriteId(ctx.openid, input.slug));
  if (input.on) await ref.set({ data: { openid: ctx.openid, slug: input.slug, createdAt: ctx.now } });
  else await ctx.db.collection(COLLECTIONS.rightsFavourites).where({ _id: favouriteId(ctx.openid, input.slug) }).remove();
  return { favourite: input.on };
}

/** 我的收藏, newest first; an article retired since is left out. Two requests. */
export async function myFavourites(ctx: HandlerContext): Promise<ArticleSummary[]> {
  const favs = await ctx.db
    .collection<FavouriteDoc>(COLLECTIONS.rightsFavourites)
    .where({ openid: ctx.openid })
    .orderBy('createdAt', 'desc')
    .limit(200)
    .get();
  if (favs.data.length === 0) return [];
  const docs = await publishedSummaries(ctx, { _id: ctx.db.command.in(favs.data.map((f) => f.slug)) });
  const bySlug = new Map(docs.map((d) => [d._id, d]));
  return favs.data.map((f) => bySlug.get(f.slug)).filter((d): d is SummaryDoc => Boolean(d)).map(toSummary);
}
