/**
 * The daily privacy sweep (timer `privacySweep` on the staff function, 03:00 Beijing time):
 *   - a 平安返乡 campaign that ended before today keeps only its anonymous hourly counters
 *     (station_counts): the per-worker tap records, which exist only to stop a second count
 *     while the campaign runs, are removed;
 *   - expired invite codes are removed;
 *   - audit records older than AUDIT_RETENTION_YEARS are removed (docs/privacy.md);
 *   - 帮扶 documents, details and unpaid-wages reports past their time (server/domain/aid/retention.ts).
 */
import { shanghai, shanghaiDay } from '../../../contract/time';
import { COLLECTIONS } from '../../db/schema';
import type { HandlerContext } from '../../runtime/context';
import { sweepAid, type AidSweepReport } from '../aid/retention';

/** How long the audit log keeps a staff action: long enough for a complaint or an inquiry. */
export const AUDIT_RETENTION_YEARS = 3;

export interface SweepReport {
  campaigns: string[];
  tapsRemoved: number;
  invitesRemoved: number;
  auditRemoved: number;
  aid: AidSweepReport;
}

export async function privacySweep(ctx: HandlerContext): Promise<SweepReport> {
  const _ = ctx.db.command;
  const today = shanghaiDay(ctx.now);
  const ended = await ctx.db
    .collection<{ _id: string }>(COLLECTIONS.stationCampaigns)
    .where({ endDate: _.lt(today) })
    .field({ _id: true })
    .limit(1000)
    .get();
  let tapsRemoved = 0;
  const campaigns: string[] = [];
  for (const campaign of ended.data) {
    const res = await ctx.db.collection(COLLECTIONS.stationTaps).where({ campaignId: campaign._id }).remove();
    if (res.stats.removed > 0) campaigns.push(campaign._id);
    tapsRemoved += res.stats.removed;
  }
  const invites = await ctx.db.collection(COLLECTIONS.staffInvites).where({ expiresAt: _.lt(ctx.now) }).remove();
  const auditCutoff = shanghai(ctx.now).subtract(AUDIT_RETENTION_YEARS, 'year').toDate();
  const audit = await ctx.db.collection(COLLECTIONS.audit).where({ at: _.lt(auditCutoff) }).remove();
  const aid = await sweepAid(ctx);
  return { campaigns, tapsRemoved, invitesRemoved: invites.stats.removed, auditRemoved: audit.stats.removed, aid };
}
