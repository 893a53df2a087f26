import * as z from 'zod';
import { requestIdSchema as requestId } from '../request-id-schema';
import { action } from '../define';
import { mobilePhone } from '../phone-schema';
import {
  ARTICLE_CATEGORIES,
  RIGHTS_LIMITS as L,
  UNHELPFUL_REASONS,
  type ArticleCategory,
  type ArticleSummary,
  type ArticleSyncReport,
  type ArticleView,
  type Consultation,
  type ConsultationSummary,
  type RightsHome,
  type RightsInsights,
  type SearchAnswer,
  type StaffArticle,
  type StaffArticleRow,
  type StaffConsultation,
  type UnhelpfulReason,
} from './model';

const slug = z.string().trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '编号只能用小写字母、数字和短横线').max(L.slugMax);
const id = z.string().trim().min(1).max(64);
const category = z.enum(ARTICLE_CATEGORIES as [ArticleCategory, ...ArticleCategory[]]);
const day = z.iso.date();
/** A client-made id for one press of a button: a retry of the same press is answered, not repeated. */
const text = (max: number, min = 1) => z.string().trim().min(min).max(max);
const lines = (max = L.listMax) => z.array(text(L.itemMax)).max(max);

const articleDraft = z.strictObject({
  slug,
  category,
  title: text(L.titleMax),
  question: text(L.itemMax),
  shortAnswer: text(L.itemMax),
  steps: lines().min(1, '至少写一步'),
  evidence: lines(),
  deadlines: z.array(z.strictObject({ what: text(60), limit: text(L.itemMax), basis: text(120) })).max(L.listMax),
  basis: z
    .array(z.strictObject({ law: text(60), article: text(30), version: text(80), gist: text(L.itemMax) }))
    .min(1, '至少写一条法律依据')
    .max(L.listMax),
  localNotes: lines(),
  case: z.strictObject({ title: text(60), story: text(1000), outcome: text(1000) }),
  keywords: z.array(text(20)).max(L.keywordsMax),
  related: z.array(slug).max(8),
  author: text(60),
  effectiveLawCheckedAt: day,
  featured: z.boolean(),
});

/**
 * Function `rights`: 维权普法 articles, search, votes, favourites, and 法律咨询 (consultations).
 * Workers read and search (public), vote, keep favourites and ask (worker). Staff (`staff*`)
 * answer consultations and see what workers could not find; admins write, publish and retire
 * articles, and the union's lawyer (an admin) marks them reviewed.
 */
export const rights = {
  home: action<RightsHome>()({ input: z.strictObject({}), access: 'public' }),
  category: action<ArticleSummary[]>()({ input: z.strictObject({ category }), access: 'public' }),
  search: action<SearchAnswer>()({ input: z.strictObject({ q: z.string().trim().max(L.queryMax) }), access: 'public' }),
  article: action<ArticleView>()({ input: z.strictObject({ slug }), access: 'public' }),

  vote: action<Pick<ArticleView, 'helpful' | 'unhelpful' | 'myVote'>>()({
    input: z.strictObject({
      slug,
      vote: z.enum(['up', 'down']),
      reason: z.enum(Object.keys(UNHELPFUL_REASONS) as [UnhelpfulReason, ...UnhelpfulReason[]]).optional(),
      text: z.string().trim().max(L.reasonTextMax).optional(),
    }),
    access: 'worker',
  }),
  favourite: action<{ favourite: boolean }>()({ input: z.strictObject({ slug, on: z.boolean() }), access: 'worker' }),
  myFavourites: action<ArticleSummary[]>()({ input: z.strictObject({}), access: 'worker' }),

  ask: action<Consultation>()({
    input: z.strictObject({
      category,
      description: text(L.descriptionMax, L.descriptionMin),
      anonymous: z.boolean().default(false),
      /** 不要联系我的单位 */
      noEmployerContact: z.boolean().default(false),
      phone: mobilePhone.optional(),
      /** The employer, optional: unpaid-wages questions naming one feed the 集体欠薪 early warning (docs/aid.md). */
      employer: z.string().trim().max(60).optional(),
      articleSlug: slug.optional(),
      requestId,
      /** The worker's own tick for sensitive information (SENSITIVE_CATEGORIES, e.g. 工伤): refused without it. */
      sensitiveConsent: z.boolean().default(false),
    }),
    access: 'worker',
  }),
  myConsultations: action<ConsultationSummary[]>()({ input: z.strictObject({}), access: 'worker' }),
  consultation: action<Consultation>()({ input: z.strictObject({ id }), access: 'worker' }),
  rate: action<Consultation>()({
    input: z.strictObject({ id, rating: z.union([z.literal(1), z.literal(2), z.literal(3)]) }),
    access: 'worker',
  }),

  staffArticles: action<StaffArticleRow[]>()({ input: z.strictObject({}), access: 'staff' }),
  staffArticle: action<StaffArticle>()({ input: z.strictObject({ slug }), access: 'staff' }),
  staffSaveArticle: action<StaffArticle>()({
    // A new article's 保存 carries its press's request id: a double tap or a retry makes one article.
    input: z.strictObject({ draft: articleDraft, isNew: z.boolean(), requestId: requestId.optional() }),
    access: 'admin',
  }),
  staffSetArticleStatus: action<StaffArticle>()({
    input: z.strictObject({ slug, status: z.enum(['draft', 'published', 'retired']) }),
    access: 'admin',
  }),
  /** The union's lawyer (an admin) signs off the version they read (its updatedAt). */
  staffReviewArticle: action<StaffArticle>()({
    input: z.strictObject({ slug, updatedAt: z.iso.datetime() }),
    access: 'admin',
  }),
  /** 更新内置文章: bring content/ fixes into the database (docs/deploying.md); staff edits are kept. */
  staffSyncArticles: action<ArticleSyncReport>()({ input: z.strictObject({}), access: 'admin' }),
  staffConsultations: action<StaffConsultation[]>()({
    input: z.strictObject({ status: z.enum(['submitted', 'processing', 'answered', 'closed', 'open']).default('open') }),
    access: 'staff',
  }),
  staffConsultation: action<StaffConsultation>()({ input: z.strictObject({ id }), access: 'staff' }),
  staffClaim: action<StaffConsultation>()({ input: z.strictObject({ id }), access: 'staff' }),
  staffAnswer: action<StaffConsultation>()({
    input: z.strictObject({ id, text: text(L.answerMax, L.answerMin) }),
    access: 'staff',
  }),
  staffInsights: action<RightsInsights>()({ input: z.strictObject({}), access: 'staff' }),
};
