/**
 * The admin's view of the audit log (records are written at the door: server/runtime/audit.ts).
 * Newest first, a page at a time (`before` = the oldest instant shown), filtered by day range,
 * function, staff member, outcome and "personal data reads only".
 */
import { AUDIT_LIMITS, type AuditPage } from '../../../contract/staff/model';
import { fromShanghai } from '../../../contract/time';
import { COLLECTIONS } from '../../db/schema';
import { REFUSAL_CODES, type AuditDoc } from '../../runtime/audit';
import type { HandlerContext } from '../../runtime/context';
import { auditRows } from './audit-view';

export interface AuditQuery {
  from?: string;
  to?: string;
  fn?: string;
  staffId?: string;
  outcome: 'all' | 'ok' | 'refused' | 'failed';
  personal: boolean;
  before?: string;
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
  if (input.outcome === 'refused') where.outcome = _.in([...REFUSAL_CODES]);
  if (input.outcome === 'failed') where.outcome = _.nin(['ok', ...REFUSAL_CODES]);
  const res = await ctx.db
    .collection<AuditDoc & { _id: string }>(COLLECTIONS.audit)
    .where(where)
    .orderBy('at', 'desc')
    .limit(AUDIT_LIMITS.pageSize + 1)
    .get();
  const rows = await auditRows(ctx.db, res.data.slice(0, AUDIT_LIMITS.pageSize), ctx.now);
  return { rows, next: res.data.length > AUDIT_LIMITS.pageSize ? rows[rows.length - 1].at : null };
}
