import { COLLECTIONS } from '../db/schema';
import type { Database, StaffRights } from './context';

interface RoleRecord {
  _id: string;
  role: StaffRights['role'];
  centreIds?: string[];
  name?: string;
}

/**
 * The caller's staff rights from the roles collection, or null for a worker. One read by _id.
 * Only staff actions (and the few handlers that show the role) pay for it.
 */
export async function loadStaffRights(db: Database, openid: string): Promise<StaffRights | null> {
  if (!openid) return null;
  const res = await db.collection<RoleRecord>(COLLECTIONS.roles).where({ _id: openid }).limit(1).get();
  const record = res.data[0];
  if (!record) return null;
  return { role: record.role, centreIds: record.centreIds ?? [], name: record.name ?? '' };
}
