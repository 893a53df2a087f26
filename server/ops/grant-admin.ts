/**
 * The first admin on the local cloud (docs/operations.md):
 *   npm run cloud:exec -- server/ops/grant-admin.ts <openid> <name>
 * Writes the roles record (_id = OPENID, role admin) and an audit record of its own. On WeChat's
 * cloud, use BOOTSTRAP_ADMIN_OPENIDS on the staff function instead (honoured only while no admin exists).
 */
import { COLLECTIONS } from '../db/schema';

interface ExecArgs {
  cloud: { database(): { collection(name: string): { doc(id: string): { set(o: { data: unknown }): Promise<unknown> }; add(o: { data: unknown }): Promise<unknown> } } };
  args: string[];
}

export default async function grantAdmin({ cloud, args }: ExecArgs) {
  const [openid, ...nameParts] = args;
  const name = nameParts.join(' ').trim();
  if (!openid || !/^[A-Za-z0-9_-]{6,64}$/.test(openid) || !name) {
    throw new Error('usage: npm run cloud:exec -- server/ops/grant-admin.ts <openid> <name>');
  }
  const db = cloud.database();
  const now = new Date();
  await db.collection(COLLECTIONS.roles).doc(openid).set({ data: { role: 'admin', centreIds: [], name, grantedBy: 'grant-admin.ts', grantedAt: now } });
  await db.collection(COLLECTIONS.audit).add({
    data: { at: now, fn: 'ops', action: 'grantAdmin', openid: '', name: 'grant-admin.ts', role: 'none', target: { staffId: openid }, outcome: 'ok', personal: false, note: { newRole: 'admin', name } },
  });
  return { ok: true, openid, name, role: 'admin' };
}
