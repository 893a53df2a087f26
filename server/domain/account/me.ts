import type { Me } from '../../../contract/account/model';
import { COLLECTIONS } from '../../db/schema';
import { loadStaffRights } from '../../runtime/caller';
import type { HandlerContext } from '../../runtime/context';

interface UserDoc {
  _id: string;
  nickname?: string;
}

/** Shows enough of an OPENID to tell accounts apart, never the whole identifier. */
export function maskOpenid(openid: string): string {
  if (openid.length <= 8) return `${openid.slice(0, 2)}…`;
  return `${openid.slice(0, 4)}…${openid.slice(-4)}`;
}

/** Who the caller is: two reads by _id (profile and staff rights), run in parallel. */
export async function getMe(ctx: HandlerContext): Promise<Me> {
  if (!ctx.openid) return { signedIn: false, maskedOpenid: null, nickname: null, role: 'worker', centreIds: [] };
  const [users, staff] = await Promise.all([
    ctx.db.collection<UserDoc>(COLLECTIONS.users).where({ _id: ctx.openid }).limit(1).get(),
    loadStaffRights(ctx.db, ctx.openid),
  ]);
  const user = users.data[0];
  return {
    signedIn: true,
    maskedOpenid: maskOpenid(ctx.openid),
    nickname: user?.nickname ?? staff?.name ?? null,
    role: staff?.role ?? 'worker',
    centreIds: staff?.centreIds ?? [],
  };
}

/**
 * Sets the name the union shows for the caller. The user document is keyed by OPENID: update it
 * in place (keeping other fields), or create it on the first write.
 */
export async function setNickname(ctx: HandlerContext, input: { nickname: string }): Promise<Me> {
  const users = ctx.db.collection(COLLECTIONS.users);
  const updated = await users.where({ _id: ctx.openid }).update({ data: { nickname: input.nickname, updatedAt: ctx.now } });
  if (updated.stats.updated === 0) {
    await users.doc(ctx.openid).set({ data: { nickname: input.nickname, createdAt: ctx.now, updatedAt: ctx.now } });
  }
  return getMe(ctx);
}
