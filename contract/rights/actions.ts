import * as z from 'zod';
import { requestIdSchema as requestId } from '../request-id-schema';
import { action } from '../define';
import { mobilePhone } from '../phone-schema';
import { phoneRevealInput } from '../phone-reveal-schema';
import type { RevealedPhone } from '../privacy';
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
const articleSlug = slug.describe('文章');
const consultationId = id.describe('咨询');
const category = z.enum(ARTICLE_CATEGORIES as [ArticleCategory, ...ArticleCategory[]]).describe('问题类别');
const day = z.iso.date();
/** A client-made id for one press of a button: a retry of the same press is answered, not repeated. */
const text = (max: number, min = 1) => z.string().trim().min(min).max(max);
const lines = (max = L.listMax) => z.array(text(L.itemMax)).max(max);

const articleDraft = z.strictObject({
  slug: slug.describe('编号'),
  category: category.describe('类别'),
  title: text(L.titleMax).describe('标题'),
  question: text(L.itemMax).describe('职工的处境'),
  shortAnswer: text(L.itemMax).describe('先说答案'),
  steps: lines().min(1, '至少写一步').describe('怎么做'),
  evidence: lines().describe('要留的证据'),
  deadlines: z
    .array(z.strictObject({ what: text(60).describe('期限的事项'), limit: text(L.itemMax).describe('期限'), basis: text(120).describe('期限的依据') }))
    .max(L.listMax)
    .describe('期限'),
  basis: z
    .array(
      z.strictObject({
        law: text(60).describe('法律名称'),
        article: text(30).describe('第几条'),
        version: text(80).describe('法律版本'),
        gist: text(L.itemMax).describe('条文说了什么'),
      }),
    )
    .min(1, '至少写一条法律依据')
    .max(L.listMax)
    .describe('法律依据'),
  localNotes: lines().describe('广东、佛山的规定'),
  case: z
    .strictObject({ title: text(60).describe('案例标题'), story: text(1000).describe('案例经过'), outcome: text(1000).describe('案例结果') })
    .describe('案例'),
  keywords: z.array(text(20)).max(L.keywordsMax).describe('职工的说法'),
  related: z.array(slug).max(8).describe('相关文章编号'),
  author: text(60).describe('整理人'),
  effectiveLawCheckedAt: day.describe('法律条文核对日期'),
  featured: z.boolean().describe('工会推荐'),
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
  search: action<SearchAnswer>()({ input: z.strictObject({ q: z.string().trim().max(L.queryMax).describe('要搜的话') }), access: 'public' }),
  article: action<ArticleView>()({ input: z.strictObject({ slug: articleSlug }), access: 'public' }),

  vote: action<Pick<ArticleView, 'helpful' | 'unhelpful' | 'myVote'>>()({
    input: z.strictObject({
      slug: articleSlug,
      vote: z.enum(['up', 'down']).describe('有用还是没用'),
      reason: z.enum(Object.keys(UNHELPFUL_REASONS) as [UnhelpfulReason, ...UnhelpfulReason[]]).optional().describe('没用的原因'),
      text: z.string().trim().max(L.reasonTextMax).optional().describe('还想说的话'),
    }),
    access: 'worker',
  }),
  favourite: action<{ favourite: boolean }>()({ input: z.strictObject({ slug: articleSlug, on: z.boolean().describe('收藏') }), access: 'worker' }),
  myFavourites: action<ArticleSummary[]>()({ input: z.strictObject({}), access: 'worker' }),

  ask: action<Consultation>()({
    input: z.strictObject({
      category,
      description: text(L.descriptionMax, L.descriptionMin).describe('问题描述'),
      anonymous: z.boolean().default(false).describe('匿名'),
      /** 不要联系我的单位 */
      noEmployerContact: z.boolean().default(false).describe('不要联系我的单位'),
      phone: mobilePhone.optional(),
      /** The employer, optional: unpaid-wages questions naming one feed the 集体欠薪 early warning (docs/aid.md). */
      employer: z.string().trim().max(60).optional().describe('单位名称'),
      articleSlug: articleSlug.optional(),
      requestId,
      /** The worker's own tick for sensitive information (SENSITIVE_CATEGORIES, e.g. 工伤): refused without it. */
      sensitiveConsent: z.boolean().default(false).describe('同意提供健康信息'),
    }),
    access: 'worker',
  }),
  myConsultations: action<ConsultationSummary[]>()({ input: z.strictObject({}), access: 'worker' }),
  consultation: action<Consultation>()({ input: z.strictObject({ id: consultationId }), access: 'worker' }),
  rate: action<Consultation>()({
    input: z.strictObject({ id: consultationId, rating: z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('评价') }),
    access: 'worker',
  }),

  staffArticles: action<StaffArticleRow[]>()({ input: z.strictObject({}), access: 'staff', kind: 'read' }),
  staffArticle: action<StaffArticle>()({ input: z.strictObject({ slug: articleSlug }), access: 'staff', kind: 'read' }),
  staffSaveArticle: action<StaffArticle>()({
    // A new article's 保存 carries its press's request id: a double tap or a retry makes one article.
    input: z.strictObject({ draft: articleDraft.describe('文章'), isNew: z.boolean().describe('新文章'), requestId: requestId.optional() }),
    access: 'admin',
  }),
  staffSetArticleStatus: action<StaffArticle>()({
    input: z.strictObject({ slug: articleSlug, status: z.enum(['draft', 'published', 'retired']).describe('文章状态') }),
    access: 'admin',
  }),
  /** The union's lawyer (an admin) signs off the version they read (its updatedAt). */
  staffReviewArticle: action<StaffArticle>()({
    input: z.strictObject({ slug: articleSlug, updatedAt: z.iso.datetime().describe('复核的版本') }),
    access: 'admin',
  }),
  /** 更新内置文章: bring content/ fixes into the database (docs/deploying.md); staff edits are kept. */
  staffSyncArticles: action<ArticleSyncReport>()({ input: z.strictObject({}), access: 'admin' }),
  staffConsultations: action<StaffConsultation[]>()({
    input: z.strictObject({ status: z.enum(['submitted', 'processing', 'answered', 'closed', 'open']).default('open').describe('咨询状态') }),
    access: 'staff',
    kind: 'read',
  }),
  staffConsultation: action<StaffConsultation>()({ input: z.strictObject({ id: consultationId }), access: 'staff', kind: 'read' }),
  staffClaim: action<StaffConsultation>()({ input: z.strictObject({ id: consultationId }), access: 'staff' }),
  staffAnswer: action<StaffConsultation>()({
    input: z.strictObject({ id: consultationId, text: text(L.answerMax, L.answerMin).describe('答复') }),
    access: 'staff',
  }),
  /** 显示号码: the number the worker left, in full, for the reason chosen (audited as a reveal). */
  staffRevealPhone: action<RevealedPhone>()({ input: phoneRevealInput, access: 'staff', kind: 'reveal' }),
  staffInsights: action<RightsInsights>()({ input: z.strictObject({}), access: 'staff', kind: 'read' }),
};
