/**
 * 法律咨询: a worker asks, staff answer, the worker reads the answer and rates it.
 *   submitted (已提交) -> processing (处理中, a staff member took it) -> answered (已答复) -> closed (已结束)
 * Every step is one conditional update on the current status, so two staff members cannot both
 * answer, and a rating cannot land on an unanswered case.
 */
import type { AnswerRating, ArticleCategory, Consultation, ConsultationStatus, ConsultationSummary, StaffConsultation } from '../../../contract/rights/model';
import { RIGHTS_LIMITS, SENSITIVE_CATEGORIES } from '../../../contract/rights/model';
import type { PhoneRevealInput } from '../../../contract/phone-reveal-schema';
import type { RevealedPhone } from '../../../contract/privacy';
import { shanghaiDay } from '../../../contract/time';
import { giveBack, isDuplicateKey, takeOne } from '../../db/counters';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { sensitiveConsent } from '../account/consent';
import { reportUnpaidWages } from '../aid/wage-alerts';
import { revealPhone } from '../staff/phone-reveal';
import { answerDue } from './answer-due';
import { hashId, toConsultation, toConsultationSummary, toStaffConsultation, type ConsultationDoc } from './records';

const consultations = (ctx: HandlerContext) => ctx.db.collection<ConsultationDoc>(COLLECTIONS.rightsConsultations);

async function findById(ctx: HandlerContext, id: string): Promise<ConsultationDoc | null> {
  const res = await consultations(ctx).where({ _id: id }).limit(1).get();
  return res.data[0] ?? null;
}

/** The owner's case, or NOT_FOUND: another worker's id looks exactly like an id that does not exist. */
async function findOwn(ctx: HandlerContext, id: string): Promise<ConsultationDoc> {
  const res = await consultations(ctx).where({ _id: id, openid: ctx.openid }).limit(1).get();
  const doc = res.data[0];
  if (!doc) throw new AppError('CONSULTATION_NOT_FOUND');
  return doc;
}

export interface AskInput {
  category: ArticleCategory;
  description: string;
  anonymous: boolean;
  noEmployerContact: boolean;
  phone?: string;
  employer?: string;
  articleSlug?: string;
  requestId: string;
  sensitiveConsent?: boolean;
}

/**
 * Submits a question. A sensitive category (工伤) needs its consent tick before anything else. The
 * text passes the content check next (risky: refused; review: accepted
 * and flagged for staff). The daily limit is a counter per worker and Shanghai day taken by one
 * conditional update; the case's _id comes from the request id, so a retried press returns the
 * same case (and gives its quota unit back) instead of filing a second one.
 */
export async function ask(ctx: HandlerContext, input: AskInput): Promise<Consultation> {
  const consent = sensitiveConsent(ctx.now, SENSITIVE_CATEGORIES[input.category] ?? null, input.sensitiveConsent);
  const verdict = await ctx.platform.checkText(input.description, ctx.openid);
  if (verdict === 'risky') throw new AppError('TEXT_REFUSED', '内容没有通过安全检查，请去掉不相关的话，只写你遇到的事');
  const id = hashId(ctx.openid, input.requestId);
  const day = shanghaiDay(ctx.now);
  const quotas = ctx.db.collection(COLLECTIONS.rightsQuotas);
  const quotaId = hashId(ctx.openid, day);
  const taken = await takeOne(ctx.db, quotas, { id: quotaId, init: { date: day }, capacity: RIGHTS_LIMITS.consultationsPerDay });
  if (!taken) {
    const again = await findById(ctx, id);
    if (again && again.openid === ctx.openid) return toConsultation(again);
    throw new AppError('DAILY_LIMIT', `每人每天最多提交${RIGHTS_LIMITS.consultationsPerDay}个咨询，今天的已经用完了。请明天再来；急事请打12351`);
  }
  let who = '';
  if (!input.anonymous) {
    const user = await ctx.db.collection<{ nickname?: string }>(COLLECTIONS.users).where({ _id: ctx.openid }).limit(1).get();
    who = user.data[0]?.nickname ?? '';
  }
  const doc: ConsultationDoc = {
    _id: id,
    openid: ctx.openid,
    requestId: input.requestId,
    code: `ZX${id.slice(0, 6).toUpperCase()}`,
    category: input.category,
    description: input.description,
    anonymous: input.anonymous,
    noEmployerContact: input.noEmployerContact,
    phone: input.phone ?? '',
    who,
    articleSlug: input.articleSlug ?? null,
    status: 'submitted',
    flagged: verdict === 'review',
    createdAt: ctx.now,
    dueAt: answerDue(ctx.now, RIGHTS_LIMITS.answerWorkingDays),
    history: [{ status: 'submitted', at: ctx.now }],
    answer: null,
    rating: null,
    ...consent,
  };
  try {
    await consultations(ctx).add({ data: { ...doc } });
    if (input.category === 'wages' && input.employer) await reportUnpaidWages(ctx, { employer: input.employer, name: who });
    return toConsultation(doc);
  } catch (error) {
    if (!isDuplicateKey(error)) {
      await giveBack(ctx.db, quotas, quotaId);
      throw error;
    }
  }
  // The same press again: give the unit back, answer the case that press filed.
  await giveBack(ctx.db, quotas, quotaId);
  const existing = await findById(ctx, id);
  if (!existing || existing.openid !== ctx.openid) throw new AppError('CONFLICT');
  return toConsultation(existing);
}

export async function myConsultations(ctx: HandlerContext): Promise<ConsultationSummary[]> {
  const res = await consultations(ctx).where({ openid: ctx.openid }).orderBy('createdAt', 'desc').limit(100).get();
  return res.data.map((d) => toConsultationSummary(d, ctx.now));
}

export async function getConsultation(ctx: HandlerContext, input: { id: string }): Promise<Consultation> {
  return toConsultation(await findOwn(ctx, input.id));
}

/** The worker rates the answer; that ends the case. */
export async function rateAnswer(ctx: HandlerContext, input: { id: string; rating: AnswerRating }): Promise<Consultation> {
  const _ = ctx.db.command;
  const res = await consultations(ctx)
    .where({ _id: input.id, openid: ctx.openid, status: 'answered' })
    .update({ data: { rating: input.rating, status: 'closed', history: _.push([{ status: 'closed', at: ctx.now }]) } });
  const doc = await findOwn(ctx, input.id);
  if (res.stats.updated === 1) return toConsultation(doc);
  if (doc.status === 'closed') throw new AppError('CONSULTATION_CLOSED');
  throw new AppError('NOT_ANSWERED_YET');
}

// ---------------------------------------------------------------------------------------------
// Staff

const OPEN: ConsultationStatus[] = ['submitted', 'processing'];

export async function staffConsultations(
  ctx: HandlerContext,
  input: { status: ConsultationStatus | 'open' },
): Promise<StaffConsultation[]> {
  const _ = ctx.db.command;
  const status = input.status === 'open' ? _.in(OPEN) : input.status;
  // Open cases oldest first (the one waiting longest on top); finished ones newest first.
  const order = input.status === 'open' ? 'asc' : 'desc';
  const res = await consultations(ctx).where({ status }).orderBy('createdAt', order).limit(200).get();
  return res.data.map((d) => toStaffConsultation(d, ctx.now));
}

async function staffFind(ctx: HandlerContext, id: string): Promise<ConsultationDoc> {
  const doc = await findById(ctx, id);
  if (!doc) throw new AppError('CONSULTATION_NOT_FOUND');
  return doc;
}

export async function staffConsultation(ctx: HandlerContext, input: { id: string }): Promise<StaffConsultation> {
  return toStaffConsultation(await staffFind(ctx, input.id), ctx.now);
}

/** 显示号码: any staff member may take and answer a consultation, so any may call its worker back. */
export async function staffRevealPhone(ctx: HandlerContext, input: PhoneRevealInput): Promise<RevealedPhone> {
  return revealPhone(ctx, input, async (id) => (await staffFind(ctx, id)).phone);
}

/** A staff member takes the case: 已提交 -> 处理中 (taking it again is harmless). */
export async function staffClaim(ctx: HandlerContext, input: { id: string }): Promise<StaffConsultation> {
  const _ = ctx.db.command;
  await consultations(ctx)
    .where({ _id: input.id, status: 'submitted' })
    .update({ data: { status: 'processing', handler: ctx.staff?.name ?? '', history: _.push([{ status: 'processing', at: ctx.now }]) } });
  return staffConsultation(ctx, input);
}

export async function staffAnswer(ctx: HandlerContext, input: { id: string; text: string }): Promise<StaffConsultation> {
  const _ = ctx.db.command;
  const by = ctx.staff?.name || '工会法律服务团队';
  const res = await consultations(ctx)
    .where({ _id: input.id, status: _.in(OPEN) })
    .update({
      data: {
        status: 'answered',
        answer: _.set({ text: input.text, by, at: ctx.now }),
        history: _.push([{ status: 'answered', at: ctx.now }]),
      },
    });
  const doc = await staffFind(ctx, input.id);
  if (res.stats.updated === 1) return toStaffConsultation(doc, ctx.now);
  throw new AppError(doc.status === 'closed' ? 'CONSULTATION_CLOSED' : 'ALREADY_ANSWERED');
}
