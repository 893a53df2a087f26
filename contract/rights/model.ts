/**
 * 维权普法 and 法律咨询: the shapes and names both sides use (zod-free; imported by the client).
 * ArticleContent is THE shape of a legal Q&A article: the content team writes it
 * (content/articles/), staff edit it (ArticleDraft), workers read it (ArticleView), search indexes it.
 */
import type { SensitiveKind } from '../privacy';

export type ArticleCategory =
  | 'contract'
  | 'wages'
  | 'hours'
  | 'social-insurance'
  | 'injury'
  | 'termination'
  | 'women'
  | 'dispatch'
  | 'dispute'
  | 'migrant';

/** One legal basis: every legal claim in an article is backed by one of these. */
export interface LegalBasis {
  /** The law's name in 《》, e.g. 《中华人民共和国劳动合同法》 */
  law: string;
  /** The article number, e.g. 第八十二条 */
  article: string;
  /** The version in force, e.g. 2012年12月28日修正，2013年7月1日起施行 */
  version: string;
  /** What the article says, in the team's own plain words */
  gist: string;
}

export interface ArticleDeadline {
  what: string;
  limit: string;
  basis: string;
}

/** An adapted case (改编): no real names, employers or case numbers. */
export interface ArticleCase {
  title: string;
  story: string;
  outcome: string;
}

export interface ArticleContent {
  /** Stable kebab-case English id. */
  slug: string;
  category: ArticleCategory;
  /** The question as a worker would ask it (no 《》). */
  title: string;
  /** The worker's situation in their own words, 1–3 sentences. */
  question: string;
  /** The answer first, at most 80 characters. */
  shortAnswer: string;
  /** What to do, in order. */
  steps: string[];
  /** Evidence to keep. */
  evidence: string[];
  deadlines: ArticleDeadline[];
  basis: LegalBasis[];
  /** Guangdong / Foshan specifics. */
  localNotes: string[];
  case: ArticleCase;
  /** How workers say it (for search). */
  keywords: string[];
  /** Slugs of related articles. */
  related: string[];
  /** Who wrote it, e.g. 九江镇总工会法律服务团队 (shown to workers). */
  author: string;
  /** Where it stands with the union's lawyer; only the review action changes it. */
  review: ArticleReview;
  /** 'YYYY-MM-DD': the day the law cited was checked as in force. */
  effectiveLawCheckedAt: string;
}

/**
 * An article's review by the union's lawyer (an admin: docs/rights.md). 'draft-unreviewed' is a
 * staff-only state: workers see the reviewer and date of a reviewed article, and nothing at all
 * about an unreviewed one.
 */
export type ArticleReview = { state: 'draft-unreviewed' } | { state: 'reviewed'; reviewer: string; reviewedAt: string };
export type ArticleReviewState = ArticleReview['state'];
export const ARTICLE_REVIEW_LABELS: Record<ArticleReviewState, string> = { 'draft-unreviewed': '待律师复核', reviewed: '律师已复核' };

/** Legal content is checked again a year after its review: 'YYYY-MM-DD', or null while unreviewed. */
export function reviewDueOf(review: ArticleReview): string | null {
  if (review.state !== 'reviewed') return null;
  const [y, m, d] = review.reviewedAt.split('-');
  return `${Number(y) + 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
}

/** Categories in the order the 维权 tab shows them, with the words a worker would use. */
export const ARTICLE_CATEGORY_LABELS: Record<ArticleCategory, string> = {
  wages: '工资欠薪',
  injury: '工伤',
  contract: '劳动合同',
  termination: '辞退辞职',
  'social-insurance': '社保',
  hours: '加班休假',
  women: '女职工',
  dispatch: '劳务派遣',
  dispute: '仲裁打官司',
  migrant: '找工会帮忙',
};
export const ARTICLE_CATEGORIES = Object.keys(ARTICLE_CATEGORY_LABELS) as ArticleCategory[];

/**
 * Categories whose question tells sensitive information (docs/privacy.md): a 工伤 question
 * describes the injury, i.e. health information. Asking needs that consent.
 */
export const SENSITIVE_CATEGORIES: Partial<Record<ArticleCategory, SensitiveKind>> = { injury: 'health' };

export type ArticleStatus = 'draft' | 'published' | 'retired';
export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = { draft: '草稿', published: '已发布', retired: '已下架' };

/** Limits written once: the schemas enforce them, the forms show them. */
export const RIGHTS_LIMITS = {
  queryMax: 50,
  searchResults: 10,
  reasonTextMax: 200,
  descriptionMin: 10,
  descriptionMax: 1000,
  answerMin: 10,
  answerMax: 2000,
  /** Consultations a worker may submit per Shanghai calendar day. */
  consultationsPerDay: 3,
  /** The promise shown to the worker: an answer within this many working days. */
  answerWorkingDays: 2,
  slugMax: 60,
  titleMax: 60,
  listMax: 30,
  itemMax: 300,
  keywordsMax: 30,
  featuredMax: 6,
  popularMax: 6,
} as const;

/** What a list shows about an article. */
export interface ArticleSummary {
  slug: string;
  category: ArticleCategory;
  title: string;
  shortAnswer: string;
  reads: number;
}

/** The reasons offered with 没用 (plus an optional free text). */
export const UNHELPFUL_REASONS = {
  'not-my-case': '没说到我的情况',
  'hard-to-read': '看不懂',
  'not-enough': '不够具体，不知道怎么做',
  'seems-wrong': '好像不对',
  other: '其他',
} as const;
export type UnhelpfulReason = keyof typeof UNHELPFUL_REASONS;

export type Vote = 'up' | 'down';

/** The article page: the article, its counters, and the caller's own vote and favourite. */
export interface ArticleView extends Omit<ArticleContent, 'related'> {
  status: ArticleStatus;
  reads: number;
  helpful: number;
  unhelpful: number;
  /** null when the caller has not voted (or is not signed in). */
  myVote: Vote | null;
  favourite: boolean;
  related: ArticleSummary[];
}

export interface RightsHome {
  categories: Array<{ category: ArticleCategory; label: string; count: number }>;
  featured: ArticleSummary[];
  popular: ArticleSummary[];
  hotline: string;
}

export interface SearchAnswer {
  query: string;
  results: ArticleSummary[];
  /** Typos read as known words, e.g. [{ typed: '公伤', term: '工伤' }]: the page says 已按“工伤”搜索. */
  corrections: Array<{ typed: string; term: string }>;
}

// ---------------------------------------------------------------------------------------------
// Consultations (法律咨询)

export type ConsultationStatus = 'submitted' | 'processing' | 'answered' | 'closed';
export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = {
  submitted: '已提交',
  processing: '处理中',
  answered: '已答复',
  closed: '已结束',
};
export const CONSULTATION_STATUSES = Object.keys(CONSULTATION_STATUS_LABELS) as ConsultationStatus[];

/** A worker's rating of the answer. */
export const ANSWER_RATINGS = { 3: '解决了', 2: '有点帮助', 1: '没解决' } as const;
export type AnswerRating = 1 | 2 | 3;

export interface ConsultationStep {
  status: ConsultationStatus;
  /** ISO instant */
  at: string;
}

/** A consultation as its owner sees it. */
export interface Consultation {
  id: string;
  /** Short code to quote on the phone, e.g. ZX3F8K2Q. */
  code: string;
  category: ArticleCategory;
  description: string;
  anonymous: boolean;
  noEmployerContact: boolean;
  /** The worker's own phone, in full (only they see it). */
  phone: string;
  /** The article the question came from, if any. */
  articleSlug: string | null;
  status: ConsultationStatus;
  createdAt: string;
  /** The promised answer time (ISO), and the same in Shanghai 'M月D日 HH:mm' ready to show. */
  dueAt: string;
  dueText: string;
  /** Steps so far, oldest first. */
  history: ConsultationStep[];
  answer: { text: string; by: string; at: string } | null;
  rating: AnswerRating | null;
}

export type ConsultationSummary = Pick<Consultation, 'id' | 'code' | 'category' | 'status' | 'createdAt' | 'dueText'> & {
  /** The first words of the description. */
  excerpt: string;
  overdue: boolean;
};

/** A consultation in the staff pages: no OPENID, phone masked, name hidden when anonymous. */
export interface StaffConsultation {
  id: string;
  code: string;
  category: ArticleCategory;
  description: string;
  anonymous: boolean;
  noEmployerContact: boolean;
  /** e.g. 138****5678, or '' when none was given. */
  maskedPhone: string;
  /** The worker's nickname, or '匿名' for an anonymous question. */
  who: string;
  articleSlug: string | null;
  status: ConsultationStatus;
  /** The content check asked for a person to look (msgSecCheck: review). */
  flagged: boolean;
  createdAt: string;
  dueAt: string;
  dueText: string;
  overdue: boolean;
  answer: { text: string; by: string; at: string } | null;
  rating: AnswerRating | null;
}

// ---------------------------------------------------------------------------------------------
// Staff: articles and what workers could not find

export interface StaffArticleRow {
  slug: string;
  category: ArticleCategory;
  title: string;
  status: ArticleStatus;
  featured: boolean;
  reads: number;
  helpful: number;
  unhelpful: number;
  review: ArticleReview;
  /** 'YYYY-MM-DD': when the legal content must be checked again; null while unreviewed. */
  reviewDue: string | null;
  /** Unreviewed, or reviewed more than a year ago. */
  reviewNeeded: boolean;
  /** content/ ships a newer version that was not applied because staff edited the article. */
  shippedUpdateKept: boolean;
  updatedAt: string;
}

/** The editable content of an article (what staff write). The review is not typed in: the lawyer's action sets it. */
export interface ArticleDraft extends Omit<ArticleContent, 'review'> {
  featured: boolean;
}

export interface StaffArticle extends ArticleDraft {
  review: ArticleReview;
  reviewDue: string | null;
  status: ArticleStatus;
  /** ISO instant; the review action names the version the lawyer read by it. */
  updatedAt: string;
}

/** What a content sync did (server/domain/rights/shipped-articles.ts): slugs by outcome. */
export interface ArticleSyncReport {
  articles: number;
  added: string[];
  updated: string[];
  /** A newer shipped version exists, but staff edited the article since: their edit is kept. */
  keptStaffEdit: string[];
}

export interface RightsInsights {
  /** Searches that found nothing, most frequent first. */
  misses: Array<{ query: string; count: number; firstAt: string }>;
  /** 没用 votes with their reasons, newest first. */
  unhelpful: Array<{ slug: string; title: string; reason: UnhelpfulReason | null; reasonLabel: string; text: string; at: string }>;
}

/** The union's national hotline. */
export const UNION_HOTLINE = '12351';
