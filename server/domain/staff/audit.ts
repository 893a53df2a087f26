/**
 * The admin's view of the audit log (records are written at the door: server/runtime/audit.ts).
 * Newest first, a page at a time (`before` = the oldest instant shown), filtered by day range,
 * function, staff member, outcome and "personal data reads only".
 */
import { ERROR_MESSAGES } from '../../../contract/errors';
import { AUDIT_LIMITS, type AuditPage, type AuditRow } from '../../../contract/staff/model';
import { fromShanghai, shanghai } from '../../../contract/time';
import { COLLECTIONS } from '../../db/schema';
import type { AuditDoc } from '../../runtime/audit';
import type { HandlerContext } from '../../runtime/context';
import { maskOpenid } from '../account/me';

export interface AuditQuery {
  from?: string;
  to?: string;
  fn?: string;
  staffId?: string;
  outcome: 'all' | 'ok' | 'refused' | 'failed';
  personal: boolean;
  before?: string;
}

const REFUSED = ['NOT_SIGNED_IN', 'FORBIDDEN', 'NOT_YOUR_CENTRE'];

export function toAuditRow(doc: AuditDoc & { _id: string }): AuditRow {
  const at = new Date(doc.at);
  return {
    id: doc._id,
    at: at.toISOString(),
    when: shanghai(at).format('MM-DD HH:mm:ss'),
    fn: doc.fn,
    action: doc.action,
    who: doc.name || (doc.openid ? '（非工作人员）' : '（未登录）'),
    maskedOpenid: doc.openid ? maskOpenid(doc.openid) : '',
    role: doc.role,
    target: doc.target ?? {},
    outcome: doc.outcome,
    outcomeText: doc.outcome === 'ok' ? '成功' : (ERROR_MESSAGES[doc.outcome] ?? doc.outcome),
    personal: !!doc.personal,
    note: doc.note ?? {},
  };
}

export async function auditPage(ctx: HandlerContext, input: AuditQuery): Promise<AuditPage> {
  const _ = ctx.db.command;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const at: any[] = [];
  if (input.from) at.push(_.gte(fromShanghai(`${input.from} 00:00`)));
  if (input.to) at.push(_.lt(new Date(fromShanghai(`${input.to} 00:00`).getTime() + 86400_000)));
  if (input.before) at.push(_.lt(new Date(input.before)));
  const where: Record<string, unknown> = {};
  if (at.length === 1) where.at = at[0];
  if (at.length > 1) where.at = at.slice(1).reduce((all, one) => all.and(one), at[0]);
  if (input.fn) where.fn = input.fn;
  if (input.staffId) where.openid = input.staffId;
  if (input.personal) where.personal = true;
  if (input.outcome === 'ok') where.outcome = 'ok';
  if (input.outcome === 'refused') where.outcome = _.in(REFUSED);
  if (input.outcome === 'failed') where.outcome = _.nin(['ok', ...REFUSED]);
  const res = await ctx.db
    .collection<AuditDoc & { _id: string }>(COLLECTIONS.audit)
    .where(where)
    .orderBy('at', 'desc')
    .limit(AUDIT_LIMITS.pageSize + 1)
    .get();
  const rows = res.data.slice(0, AUDIT_LIMITS.pageSize).map(toAuditRow);
  return { rows, next: res.data.length > AUDIT_LIMITS.pageSize ? rows[rows.length - 1].at : null };
}
