/**
 * 帮扶 applications, the staff side: the queue by kind and centre, 受理, 需要补材料 and the decision.
 * Centre staff see and act only for their centres (scope.ts); admins for all. Every step is one
 * conditional update on the current status, so two staff deciding at once make one decision.
 * The door audits every call with the application id (the input's `id`).
 */
import {
  AID_DOCUMENT_LABELS,
  AID_KIND_LABELS,
  AID_OPEN_STATUSES,
  AID_STATUS_LABELS,
  type AidDocumentKind,
  type AidFileLink,
  type AidGivenKind,
  type AidKind,
  type AidStatus,
  type StaffAidApplication,
} from '../../../contract/aid/model';
import type { PhoneRevealInput } from '../../../contract/phone-reveal-schema';
import type { RevealedPhone } from '../../../contract/privacy';
import { shanghai } from '../../../contract/time';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { thing } from '../centres/messages';
import { deliver } from '../messages/outbox';
import { revealPhone } from '../staff/phone-reveal';
import { assertCentre } from '../staff/scope';
import { applications, fileLink, findApplication } from './applications';
import { toStaffApplication, type AidDoc } from './records';

export const AID_PAGE = 'packages/aid/pages/application/index';

export async function staffQueue(
  ctx: HandlerContext,
  input: { kind?: AidKind; centreId?: string; status: AidStatus | 'open' },
): Promise<StaffAidApplication[]> {
  const _ = ctx.db.command;
  const staff = ctx.staff;
  if (input.centreId) assertCentre(ctx, input.centreId);
  const where: Record<string, unknown> = { status: input.status === 'open' ? _.in(AID_OPEN_STATUSES) : input.status };
  if (input.kind) where.kind = input.kind;
  if (input.centreId) where.centreId = input.centreId;
  else if (staff?.role !== 'admin') where.centreId = _.in(staff?.centreIds ?? []);
  // Open applications: the one due first on top; finished ones newest first.
  const res = await applications(ctx)
    .where(where)
    .orderBy(input.status === 'open' ? 'dueAt' : 'createdAt', input.status === 'open' ? 'asc' : 'desc')
    .limit(200)
    .get();
  return res.data.map((d) => toStaffApplication(d, ctx.now));
}

/** The application if the caller may handle it; another centre's answers NOT_YOUR_CENTRE. */
async function handled(ctx: HandlerContext, id: string): Promise<AidDoc> {
  const doc = await findApplication(ctx, id);
  if (!doc) throw new AppError('APPLICATION_NOT_FOUND');
  assertCentre(ctx, doc.centreId);
  return doc;
}

export async function staffApplication(ctx: HandlerContext, input: { id: string }): Promise<StaffAidApplication> {
  return toStaffApplication(await handled(ctx, input.id), ctx.now);
}

/** 显示号码: the applicant's number, for the staff who may handle the application (its centre's, admins). */
export async function staffRevealPhone(ctx: HandlerContext, input: PhoneRevealInput): Promise<RevealedPhone> {
  return revealPhone(ctx, input, async (id) => (await handled(ctx, id)).phone);
}

export async function staffFile(ctx: HandlerContext, input: { id: string; documentId: string }): Promise<AidFileLink> {
  ctx.audit?.note({ documentId: input.documentId });
  return fileLink(ctx, await handled(ctx, input.id), input.documentId);
}

/** Tells the worker (subscribe message) that their application moved; a missing grant is no failure. */
async function notify(ctx: HandlerContext, doc: AidDoc, status: AidStatus, note: string): Promise<void> {
  // One message per transition: the key names the application and the step it reached.
  await deliver(ctx, [
    {
      key: `aidStatus:${doc._id}:${doc.history.length}:${status}`,
      touser: doc.openid,
      template: 'aidStatus',
      page: `${AID_PAGE}?id=${doc._id}`,
      data: {
        thing1: thing(AID_KIND_LABELS[doc.kind]),
        phrase2: AID_STATUS_LABELS[status].slice(0, 5),
        thing3: thing(note),
        time4: shanghai(ctx.now).format('YYYY-MM-DD HH:mm'),
      },
    },
  ]);
}

export async function staffAccept(ctx: HandlerContext, input: { id: string }): Promise<StaffAidApplication> {
  const doc = await handled(ctx, input.id);
  const _ = ctx.db.command;
  const res = await applications(ctx)
    .where({ _id: doc._id, status: 'submitted' })
    .update({ data: { status: 'accepted', handler: ctx.staff?.name ?? '', history: _.push([{ status: 'accepted', at: ctx.now }]) } });
  if (res.stats.updated === 1) await notify(ctx, doc, 'accepted', `${doc.centreName}已受理`);
  return staffApplication(ctx, input);
}

export async function staffAskMore(
  ctx: HandlerContext,
  input: { id: string; missing: AidDocumentKind[]; note: string },
): Promise<StaffAidApplication> {
  const doc = await handled(ctx, input.id);
  const _ = ctx.db.command;
  const what = input.missing.map((k) => AID_DOCUMENT_LABELS[k]).join('、');
  const res = await applications(ctx)
    .where({ _id: doc._id, status: _.in(AID_OPEN_STATUSES) })
    .update({
      data: {
        status: 'needs-more',
        missing: input.missing,
        missingNote: input.note,
        handler: doc.handler || (ctx.staff?.name ?? ''),
        history: _.push([{ status: 'needs-more', at: ctx.now, note: `请补交：${what}${input.note ? `（${input.note}）` : ''}` }]),
      },
    });
  if (res.stats.updated !== 1) throw new AppError('ALREADY_DECIDED');
  await notify(ctx, doc, 'needs-more', `请补交${what}`);
  return staffApplication(ctx, input);
}

export async function staffDecide(
  ctx: HandlerContext,
  input: { id: string; outcome: 'done' | 'refused'; reason: string; aid?: { kind: AidGivenKind; amount: number } },
): Promise<StaffAidApplication> {
  const doc = await handled(ctx, input.id);
  if (input.aid && (doc.kind !== 'hardship' || input.outcome !== 'done')) {
    throw new AppError('BAD_INPUT', '只有办结的困难帮扶才记录帮扶金额', { aid: '只有办结的困难帮扶才记录帮扶金额' });
  }
  if (doc.kind === 'hardship' && input.outcome === 'done' && !input.aid) {
    throw new AppError('FIELD_REQUIRED', '请填写给了什么帮扶、多少钱', { aid: '请填写给了什么帮扶、多少钱' });
  }
  const _ = ctx.db.command;
  const decision = { outcome: input.outcome, reason: input.reason, aid: input.aid ?? null, at: ctx.now, by: ctx.staff?.name ?? '' };
  const res = await applications(ctx)
    .where({ _id: doc._id, status: _.in(AID_OPEN_STATUSES) })
    .update({
      data: {
        status: input.outcome,
        missing: [],
        decision: _.set(decision),
        handler: doc.handler || (ctx.staff?.name ?? ''),
        history: _.push([{ status: input.outcome, at: ctx.now, note: input.reason }]),
      },
    });
  if (res.stats.updated !== 1) throw new AppError('ALREADY_DECIDED');
  await notify(ctx, doc, input.outcome, input.reason);
  return staffApplication(ctx, input);
}

