/**
 * How 维权 records are stored, and how they are shown to each audience: the owner sees their own
 * case in full; staff see no OPENID, a masked phone, and no name on an anonymous question.
 */
import { createHash } from 'node:crypto';
import { reviewDueOf } from '../../../contract/rights/model';
import type {
  ArticleContent,
  ArticleStatus,
  ArticleSummary,
  Consultation,
  ConsultationStatus,
  ConsultationSummary,
  StaffArticle,
  StaffArticleRow,
  StaffConsultation,
  AnswerRating,
  UnhelpfulReason,
  Vote,
} from '../../../contract/rights/model';
import { maskPhone } from '../../../contract/privacy';
import { dayTimeText, shanghaiDay } from '../../../contract/time';

/** A stable, opaque id from parts (OPENIDs never appear in ids that could reach a screen). */
export function hashId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);
}

export interface ArticleDoc extends Omit<ArticleContent, 'slug'> {
  _id: string;
  featured: boolean;
  status: ArticleStatus;
  reads: number;
  helpful: number;
  unhelpful: number;
  createdAt: Date;
  updatedAt: Date;
  publishedAt?: Date | null;
  /** The content/ version this article was last written from (shipped-articles.ts); absent for staff-created ones. */
  shippedVersion?: string;
  /** Set by every staff save (the editor's name): from then on a content sync leaves the article alone. */
  editedBy?: string;
}

/** The fields a list needs: read with a projection, never the whole article. */
export const SUMMARY_FIELDS = { _id: true, category: true, title: true, shortAnswer: true, reads: true, status: true, featured: true } as const;

export function toSummary(doc: Pick<ArticleDoc, '_id' | 'category' | 'title' | 'shortAnswer' | 'reads'>): ArticleSummary {
  return { slug: doc._id, category: doc.category, title: doc.title, shortAnswer: doc.shortAnswer, reads: doc.reads ?? 0 };
}

const UNREVIEWED: ArticleContent['review'] = { state: 'draft-unreviewed' };

/** Records written before articles carried a review state count as unreviewed. */
export function reviewOf(doc: Pick<ArticleDoc, 'review'>): ArticleContent['review'] {
  return doc.review ?? UNREVIEWED;
}

/** A reviewed article is due again a year after its review; an unreviewed one needs it now. */
function reviewNeeded(review: ArticleContent['review'], now: Date): boolean {
  const due = reviewDueOf(review);
  return due === null || due < shanghaiDay(now);
}

export function toStaffRow(doc: ArticleDoc, now: Date, shippedUpdateKept: boolean): StaffArticleRow {
  return {
    slug: doc._id,
    category: doc.category,
    title: doc.title,
    status: doc.status,
    featured: Boolean(doc.featured),
    reads: doc.reads ?? 0,
    helpful: doc.helpful ?? 0,
    unhelpful: doc.unhelpful ?? 0,
    review: reviewOf(doc),
    reviewDue: reviewDueOf(reviewOf(doc)),
    reviewNeeded: reviewNeeded(reviewOf(doc), now),
    shippedUpdateKept,
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

/** The article's content as the contract shapes it (what workers read and staff edit). */
export function contentOf(doc: ArticleDoc): ArticleContent {
  return {
    slug: doc._id,
    category: doc.category,
    title: doc.title,
    question: doc.question,
    shortAnswer: doc.shortAnswer,
    steps: doc.steps,
    evidence: doc.evidence,
    deadlines: doc.deadlines,
    basis: doc.basis,
    localNotes: doc.localNotes ?? [],
    case: doc.case,
    keywords: doc.keywords,
    related: doc.related,
    author: doc.author ?? '',
    review: reviewOf(doc),
    effectiveLawCheckedAt: doc.effectiveLawCheckedAt,
  };
}

export function toStaffArticle(doc: ArticleDoc): StaffArticle {
  return {
    ...contentOf(doc),
    reviewDue: reviewDueOf(reviewOf(doc)),
    featured: Boolean(doc.featured),
    status: doc.status,
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

export interface VoteDoc {
  _id: string;
  slug: string;
  openid: string;
  vote: Vote;
  reason: UnhelpfulReason | null;
  text: string;
  createdAt: Date;
}

export interface FavouriteDoc {
  _id: string;
  openid: string;
  slug: string;
  createdAt: Date;
}

export function voteId(slug: string, openid: string): string {
  return `${slug}:${openid}`;
}

export function favouriteId(openid: string, slug: string): string {
  return `${openid}:${slug}`;
}

// ---------------------------------------------------------------------------------------------
// Consultations

export interface ConsultationDoc {
  _id: string;
  openid: string;
  requestId: string;
  code: string;
  category: Consultation['category'];
  description: string;
  anonymous: boolean;
  noEmployerContact: boolean;
  phone: string;
  /** The worker's nickname when they asked (not kept for an anonymous question). */
  who: string;
  articleSlug: string | null;
  status: ConsultationStatus;
  flagged: boolean;
  createdAt: Date;
  dueAt: Date;
  history: Array<{ status: ConsultationStatus; at: Date }>;
  answer: { text: string; by: string; at: Date } | null;
  rating: AnswerRating | null;
  /** When the worker ticked the consent for sensitive information (SENSITIVE_CATEGORIES); absent otherwise. */
  sensitiveConsentAt?: Date;
}

/** e.g. 11月26日 周三 18:00前: the one date display format (contract/time.ts). */
export function dueText(dueAt: Date): string {
  return `${dayTimeText(dueAt)}前`;
}

function iso(d: Date | string): string {
  return new Date(d).toISOString();
}

function answerOf(doc: ConsultationDoc): Consultation['answer'] {
  return doc.answer ? { text: doc.answer.text, by: doc.answer.by, at: iso(doc.answer.at) } : null;
}

export function isOverdue(doc: Pick<ConsultationDoc, 'status' | 'dueAt'>, now: Date): boolean {
  return (doc.status === 'submitted' || doc.status === 'processing') && new Date(doc.dueAt).getTime() < now.getTime();
}

export function toConsultation(doc: ConsultationDoc): Consultation {
  return {
    id: doc._id,
    code: doc.code,
    category: doc.category,
    description: doc.description,
    anonymous: doc.anonymous,
    noEmployerContact: doc.noEmployerContact,
    phone: doc.phone,
    articleSlug: doc.articleSlug,
    status: doc.status,
    createdAt: iso(doc.createdAt),
    dueAt: iso(doc.dueAt),
    dueText: dueText(new Date(doc.dueAt)),
    history: doc.history.map((h) => ({ status: h.status, at: iso(h.at) })),
    answer: answerOf(doc),
    rating: doc.rating ?? null,
  };
}

export function toConsultationSummary(doc: ConsultationDoc, now: Date): ConsultationSummary {
  const excerpt = [...doc.description];
  return {
    id: doc._id,
    code: doc.code,
    category: doc.category,
    status: doc.status,
    createdAt: iso(doc.createdAt),
    dueText: dueText(new Date(doc.dueAt)),
    excerpt: excerpt.length > 40 ? `${excerpt.slice(0, 40).join('')}…` : doc.description,
    overdue: isOverdue(doc, now),
  };
}

export function toStaffConsultation(doc: ConsultationDoc, now: Date): StaffConsultation {
  return {
    id: doc._id,
    code: doc.code,
    category: doc.category,
    description: doc.description,
    anonymous: doc.anonymous,
    noEmployerContact: doc.noEmployerContact,
    maskedPhone: maskPhone(doc.phone),
    who: doc.anonymous ? '匿名' : doc.who || '职工',
    articleSlug: doc.articleSlug,
    status: doc.status,
    flagged: doc.flagged,
    createdAt: iso(doc.createdAt),
    dueAt: iso(doc.dueAt),
    dueText: dueText(new Date(doc.dueAt)),
    overdue: isOverdue(doc, now),
    answer: answerOf(doc),
    rating: doc.rating ?? null,
  };
}
