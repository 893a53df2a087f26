/**
 * Roles: who is union staff. `roles` documents have _id = OPENID (docs/staff.md). An admin grants
 * a role to the person standing in front of them by the six-digit code that person's phone shows
 * (staff.inviteCode) — never by an OPENID the client claims for itself. The first admin comes from
 * `server/ops/grant-admin.ts` (local cloud) or BOOTSTRAP_ADMIN_OPENIDS (WeChat), honoured only
 * while no admin exists.
 */
import { randomInt } from 'node:crypto';
import { ROLE_LABELS } from '../../../contract/account/model';
import { INVITE_CODE_LENGTH, INVITE_CODE_MINUTES, type InviteCode, type StaffHome, type StaffMember, type StaffRole } from '../../../contract/staff/model';
import type { Database } from '../../db/database';
import { isDuplicateKey } from '../../db/counters';
import { claimOnce, pressKey } from '../../db/once-per-press';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { maskOpenid } from '../account/me';

export interface RoleDoc {
  _id: string;
  role: StaffRole;
  centreIds?: string[];
  name?: string;
  grantedBy?: string;
  grantedAt?: Date;
}

interface InviteDoc {
  _id: string;
  openid: string;
  expiresAt: Date;
  /** Set when a grant spent the code: the press that did (server/db/once-per-press.ts) and when. */
  press?: string;
  spentAt?: Date;
}

interface CentreName {
  _id: string;
  name: string;
  shortName?: string;
  order?: number;
}

const rolesOf = (db: Database) => db.collection<RoleDoc>(COLLECTIONS.roles);
const invitesOf = (db: Database) => db.collection<InviteDoc>(COLLECTIONS.staffInvites);

async function centreNames(db: Database): Promise<CentreName[]> {
  return (await db.collection<CentreName>(COLLECTIONS.centres).field({ name: true, shortName: true, order: true }).orderBy('order', 'asc').limit(100).get()).data;
}

export async function staffHome(ctx: HandlerContext): Promise<StaffHome> {
  const staff = ctx.staff;
  if (!staff) throw new AppError('FORBIDDEN');
  const centres = await centreNames(ctx.db);
  const mine = staff.role === 'admin' ? centres : centres.filter((c) => staff.centreIds.includes(c._id));
  return { name: staff.name || ROLE_LABELS[staff.role], role: staff.role, isAdmin: staff.role === 'admin', centres: mine.map((c) => ({ id: c._id, name: c.name })) };
}

/** OPENIDs from the BOOTSTRAP_ADMIN_OPENIDS setting (comma or space separated). */
export function parseBootstrap(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((v) => /^[A-Za-z0-9_-]{6,64}$/.test(v));
}

async function adminExists(db: Database): Promise<boolean> {
  return (await rolesOf(db).where({ role: 'admin' }).count()).total > 0;
}

/**
 * Makes the caller the first admin when their OPENID is listed in the deployment setting and no
 * admin exists yet. Returns true if it did.
 */
export async function bootstrapAdmin(ctx: HandlerContext, bootstrapOpenids: string[]): Promise<boolean> {
  if (!ctx.openid || !bootstrapOpenids.includes(ctx.openid)) return false;
  if (await adminExists(ctx.db)) return false;
  await rolesOf(ctx.db).doc(ctx.openid).set({
    data: { role: 'admin', centreIds: [], name: '管理员', grantedBy: 'BOOTSTRAP_ADMIN_OPENIDS', grantedAt: ctx.now },
  });
  return true;
}

function newCode(): string {
  return String(randomInt(0, 10 ** INVITE_CODE_LENGTH)).padStart(INVITE_CODE_LENGTH, '0');
}

/** A fresh code for the caller (their previous one stops working). _id = the code: unique by construction. */
export async function inviteCode(ctx: HandlerContext, bootstrapOpenids: string[] = []): Promise<InviteCode> {
  const bootstrapped = await bootstrapAdmin(ctx, bootstrapOpenids);
  const invites = invitesOf(ctx.db);
  const _ = ctx.db.command;
  await invites.where({ openid: ctx.openid }).remove();
  const expiresAt = new Date(ctx.now.getTime() + INVITE_CODE_MINUTES * 60_000);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const code = newCode();
    // An expired code may be reused; a live one belongs to someone else.
    await invites.where({ _id: code, expiresAt: _.lt(ctx.now) }).remove();
    try {
      await invites.add({ data: { _id: code, openid: ctx.openid, expiresAt } });
      return { code, expiresAt: expiresAt.toISOString(), bootstrapped };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new AppError('CONFLICT');
}

function toMember(doc: RoleDoc, centres: CentreName[], me: string): StaffMember {
  const ids = doc.role === 'admin' ? [] : (doc.centreIds ?? []);
  return {
    staffId: doc._id,
    maskedOpenid: maskOpenid(doc._id),
    name: doc.name ?? '',
    role: doc.role,
    centreIds: ids,
    centreNames: ids.map((id) => centres.find((c) => c._id === id)?.name ?? id),
    grantedBy: doc.grantedBy ?? '',
    grantedAt: doc.grantedAt ? new Date(doc.grantedAt).toISOString() : '',
    isMe: doc._id === me,
  };
}

export async function listStaff(ctx: HandlerContext): Promise<StaffMember[]> {
  const [roles, centres] = await Promise.all([rolesOf(ctx.db).orderBy('role', 'asc').limit(1000).get(), centreNames(ctx.db)]);
  return roles.data.map((doc) => toMember(doc, centres, ctx.openid)).sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name, 'zh') : a.role === 'admin' ? -1 : 1));
}

export interface GrantInput {
  code?: string;
  requestId?: string;
  staffId?: string;
  name: string;
  role: StaffRole;
  centreIds: string[];
}

/** Grants or changes a role. The person is named by their live invite code, or by an existing staff record. */
export async function grantRole(ctx: HandlerContext, input: GrantInput): Promise<StaffMember> {
  let target: string;
  // A role by code is a create: the code is spent once, by one press of 添加 (once-per-press.ts);
  // a double tap or a retry of that press is answered with the same grant, never "code expired".
  const press = pressKey(ctx.openid, input.requestId);
  if (input.code) {
    const invite = (await invitesOf(ctx.db).where({ _id: input.code }).limit(1).get()).data[0];
    const usable = invite && (invite.press ? invite.press === press : invite.expiresAt > ctx.now);
    if (!usable) throw new AppError('NOT_FOUND', '登记码不对或已过期，请让对方在“我的”里重新生成', { code: '登记码不对或已过期' });
    target = invite.openid;
  } else {
    target = input.staffId ?? '';
    const existing = (await rolesOf(ctx.db).where({ _id: target }).limit(1).get()).data[0];
    if (!existing) throw new AppError('NOT_FOUND', '没有这位工作人员');
  }
  if (target === ctx.openid && input.role !== 'admin') throw new AppError('FORBIDDEN', '不能取消自己的管理员权限，请让另一位管理员操作');
  const centres = await centreNames(ctx.db);
  const unknown = input.centreIds.filter((id) => !centres.some((c) => c._id === id));
  if (unknown.length > 0) throw new AppError('BAD_INPUT', '有不存在的服务中心', { centreIds: '有不存在的服务中心' });
  const centreIds = input.role === 'admin' ? [] : [...new Set(input.centreIds)];
  let grantedAt = ctx.now;
  if (input.code) {
    // Checked before the code is spent, so a refused form leaves the code usable.
    const spent = await claimOnce(ctx.db, invitesOf(ctx.db), input.code, { expiresAt: ctx.db.command.gt(ctx.now) }, press, { spentAt: ctx.now });
    if (spent === 'taken') throw new AppError('NOT_FOUND', '登记码不对或已过期，请让对方在“我的”里重新生成', { code: '登记码不对或已过期' });
    // Every try of the press writes and answers the time the code was spent: the same grant.
    grantedAt = (await invitesOf(ctx.db).where({ _id: input.code }).limit(1).get()).data[0]?.spentAt ?? ctx.now;
  }
  const doc = { role: input.role, centreIds, name: input.name, grantedBy: ctx.staff?.name ?? '', grantedAt };
  ctx.audit?.note({ grantedTo: maskOpenid(target), newRole: input.role, centres: centreIds.join(',') || 'all' });
  await rolesOf(ctx.db).doc(target).set({ data: doc });
  return toMember({ _id: target, ...doc }, centres, ctx.openid);
}

export async function revokeRole(ctx: HandlerContext, input: { staffId: string }): Promise<{ revoked: boolean }> {
  if (input.staffId === ctx.openid) throw new AppError('FORBIDDEN', '不能取消自己的权限，请让另一位管理员操作');
  // The name goes into the audit note: once the record is gone, the log can no longer look it up.
  const member = (await rolesOf(ctx.db).where({ _id: input.staffId }).limit(1).get()).data[0];
  const res = await rolesOf(ctx.db).where({ _id: input.staffId }).remove();
  ctx.audit?.note({ revoked: maskOpenid(input.staffId), name: member?.name ?? '' });
  return { revoked: res.stats.removed === 1 };
}
