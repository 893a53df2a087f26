/**
 * Staff's side of 维权普法: the article list with its feedback, writing and editing (admins),
 * publishing and retiring, and what workers could not find (zero-result searches, 没用 reasons).
 * Every write sets updatedAt: that is what tells every instance's search index to rebuild.
 */
import {
  UNHELPFUL_REASONS,
  type ArticleDraft,
  type ArticleReview,
  type ArticleStatus,
  type ArticleSyncReport,
  type RightsInsights,
  type StaffArticle,
  type StaffArticleRow,
} from '../../../contract/rights/model';
import { shanghaiDay } from '../../../contract/time';
import { addOnce, pressKey } from '../../db/once-per-press';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { toStaffArticle, toStaffRow, type ArticleDoc, type VoteDoc } from './records';
import { shippedUpdateKept, syncShippedArticles } from './shipped-articles';

const articles = (ctx: HandlerContext) => ctx.db.collection<ArticleDoc>(COLLECTIONS.rightsArticles);

export async function staffArticles(ctx: HandlerContext): Promise<StaffArticleRow[]> {
  const res = await articles(ctx)
    .field({ steps: false, evidence: false, deadlines: false, basis: false, localNotes: false, case: false, question: false })
    .orderBy('updatedAt', 'desc')
    .limit(1000)
    .get();
  return res.data.map((d) => toStaffRow(d, ctx.now, shippedUpdateKept(d)));
}

export async function staffArticle(ctx: HandlerContext, input: { slug: string }): Promise<StaffArticle> {
  const res = await articles(ctx).where({ _id: input.slug }).limit(1).get();
  const doc = res.data[0];
  if (!doc) throw new AppError('ARTICLE_NOT_FOUND');
  return toStaffArticle(doc);
}

/** A related link to an article that does not exist would be a dead end for the worker. */
async function assertRelatedExist(ctx: HandlerContext, related: string[]): Promise<void> {
  if (related.length === 0) return;
  const found = await articles(ctx).where({ _id: ctx.db.command.in(related) }).field({ _id: true }).limit(related.length).get();
  const known = new Set(found.data.map((d) => d._id));
  const missing = related.filter((r) => !known.has(r));
  if (missing.length > 0) {
    throw new AppError('RELATED_NOT_FOUND', undefined, { 'draft.related': `没有这些编号的文章：${missing.join('、')}` });
  }
}

/** What the lawyer reviewed is the text they read: a new or edited text is unreviewed again. */
const UNREVIEWED: ArticleReview = { state: 'draft-unreviewed' };

/**
 * A new article starts as an unreviewed draft; editing keeps its status and counters, makes it
 * unreviewed again, and marks it staff-edited (editedBy) so a content sync never overwrites it.
 */
export async function staffSaveArticle(ctx: HandlerContext, input: { draft: ArticleDraft; isNew: boolean; requestId?: string }): Promise<StaffArticle> {
  const { slug, ...content } = input.draft;
  const editedBy = ctx.staff?.name ?? '';
  if (content.related.includes(slug)) throw new AppError('BAD_INPUT', '相关文章不能是它自己', { 'draft.related': '相关文章不能是它自己' });
  await assertRelatedExist(ctx, content.related);
  if (input.isNew) {
    // The slug is the clerk's, so it can be taken by someone else's article; the same press
    // (a double tap, a retry) is answered with the article it made (server/db/once-per-press.ts).
    const made = await addOnce(
      articles(ctx),
      {
        _id: slug,
        ...content,
        review: UNREVIEWED,
        editedBy,
        status: 'draft',
        reads: 0,
        helpful: 0,
        unhelpful: 0,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        publishedAt: null,
      },
      pressKey(ctx.openid, input.requestId),
    );
    if (made === 'taken') throw new AppError('SLUG_TAKEN', undefined, { 'draft.slug': '这个编号已经有了' });
  } else {
    const _ = ctx.db.command;
    const res = await articles(ctx)
      .where({ _id: slug })
      .update({ data: { ...content, case: _.set(content.case), review: _.set(UNREVIEWED), updatedAt: ctx.now, editedBy } });
    if (res.stats.updated !== 1) throw new AppError('ARTICLE_NOT_FOUND');
  }
  return staffArticle(ctx, { slug });
}

export async function staffSetArticleStatus(ctx: HandlerContext, input: { slug: string; status: ArticleStatus }): Promise<StaffArticle> {
  const res = await articles(ctx)
    .where({ _id: input.slug })
    .update({ data: { status: input.status, updatedAt: ctx.now, ...(input.status === 'published' ? { publishedAt: ctx.now } : {}) } });
  if (res.stats.updated !== 1) throw new AppError('ARTICLE_NOT_FOUND');
  return staffArticle(ctx, input);
}

/**
 * The union's lawyer (an admin) marks the article reviewed, in their own name from the roles
 * record. `updatedAt` names the version they read: if the text changed since (a staff save, a
 * content sync), the conditional write matches nothing and they are asked to read it again.
 */
export async function staffReviewArticle(ctx: HandlerContext, input: { slug: string; updatedAt: string }): Promise<StaffArticle> {
  const _ = ctx.db.command;
  const review: ArticleReview = { state: 'reviewed', reviewer: ctx.staff?.name || '工会管理员', reviewedAt: shanghaiDay(ctx.now) };
  const res = await articles(ctx)
    .where({ _id: input.slug, updatedAt: new Date(input.updatedAt) })
    .update({ data: { review: _.set(review), updatedAt: ctx.now } });
  if (res.stats.updated !== 1) {
    const exists = await articles(ctx).where({ _id: input.slug }).field({ _id: true }).limit(1).get();
    throw new AppError(exists.data.length > 0 ? 'ARTICLE_CHANGED' : 'ARTICLE_NOT_FOUND');
  }
  ctx.audit?.note({ reviewer: review.reviewer });
  return staffArticle(ctx, input);
}

/** 更新内置文章: the content sync, run by an admin after a deploy on WeChat's cloud. */
export async function staffSyncArticles(ctx: HandlerContext): Promise<ArticleSyncReport> {
  return syncShippedArticles(ctx.db, ctx.now);
}

/** What to write next: the most frequent zero-result searches and the latest 没用 reasons. */
export async function staffInsights(ctx: HandlerContext): Promise<RightsInsights> {
  const [misses, downs] = await Promise.all([
    ctx.db
      .collection<{ query: string; n: number; firstAt: Date }>(COLLECTIONS.rightsSearchMisses)
      .orderBy('n', 'desc')
      .limit(50)
      .get(),
    ctx.db.collection<VoteDoc>(COLLECTIONS.rightsVotes).where({ vote: 'down' }).orderBy('createdAt', 'desc').limit(50).get(),
  ]);
  const slugs = [...new Set(downs.data.map((v) => v.slug))];
  const titles = new Map<string, string>();
  if (slugs.length > 0) {
    const res = await ctx.db
      .collection<Pick<ArticleDoc, '_id' | 'title'>>(COLLECTIONS.rightsArticles)
      .where({ _id: ctx.db.command.in(slugs) })
      .field({ title: true })
      .limit(100)
      .get();
    for (const d of res.data) titles.set(d._id, d.title);
  }
  return {
    misses: misses.data.map((m) => ({ query: m.query, count: m.n, firstAt: new Date(m.firstAt).toISOString() })),
    unhelpful: downs.data.map((v) => ({
      slug: v.slug,
      title: titles.get(v.slug) ?? v.slug,
      reason: v.reason,
      reasonLabel: v.reason ? UNHELPFUL_REASONS[v.reason] : '',
      text: v.text,
      at: new Date(v.createdAt).toISOString(),
    })),
  };
}
