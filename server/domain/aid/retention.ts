/**
 * How long 帮扶 records are kept (docs/privacy.md), applied by the daily privacy sweep and by
 * 我的数据 deletion. Storage files are deleted with the records that point to them.
 *   - documents (photos, PDFs) and the sensitive details (ID number, income, household) of a
 *     decided application: AID_DOCUMENTS_DAYS after the decision;
 *   - the rest of a decided application: AID_RECORD_YEARS after the decision, then only the
 *     outline (kind, centre, outcome, aid given, dates) stays for the figures;
 *   - unpaid-wages reports: WAGE_REPORT_RETENTION_DAYS (alerts keep masked names only).
 * A worker deleting their data: an application still open is withdrawn and removed with its
 * files; a decided one keeps its outline (and, for 困难帮扶 with aid given, the name) until
 * AID_RECORD_YEARS, because payments from the union's aid fund are audited.
 */
import { shanghai } from '../../../contract/time';
import { COLLECTIONS } from '../../db/schema';
import type { HandlerContext } from '../../runtime/context';
import { applications } from './applications';
import type { AidDoc } from './records';
import { WAGE_REPORT_RETENTION_DAYS } from './wage-alerts';

export const AID_DOCUMENTS_DAYS = 180;
export const AID_RECORD_YEARS = 3;

const READ = 1000;
const ANONYMOUS = '（已删除）';

/** The fields that identify a person or hold sensitive details, emptied. */
function redacted(ctx: HandlerContext, keepName: boolean): Record<string, unknown> {
  const _ = ctx.db.command;
  return {
    documents: [],
    details: _.set({}),
    description: ANONYMOUS,
    phone: '',
    missingNote: '',
    ...(keepName ? {} : { name: '' }),
    redactedAt: ctx.now,
  };
}

export interface AidSweepReport {
  documentsRemoved: number;
  applicationsAnonymised: number;
  wageReportsRemoved: number;
}

export async function sweepAid(ctx: HandlerContext): Promise<AidSweepReport> {
  const _ = ctx.db.command;
  const report: AidSweepReport = { documentsRemoved: 0, applicationsAnonymised: 0, wageReportsRemoved: 0 };
  const docsCutoff = shanghai(ctx.now).subtract(AID_DOCUMENTS_DAYS, 'day').toDate();
  const expired = await applications(ctx)
    .where({ 'decision.at': _.lt(docsCutoff), redactedAt: _.exists(false) })
    .limit(READ)
    .get();
  for (const doc of expired.data) {
    await ctx.storage.deleteFiles(doc.documents.map((d) => d.fileId));
    report.documentsRemoved += doc.documents.length;
    await applications(ctx).where({ _id: doc._id }).update({ data: redacted(ctx, keepsName(doc)) });
  }
  const recordCutoff = shanghai(ctx.now).subtract(AID_RECORD_YEARS, 'year').toDate();
  const old = await applications(ctx)
    .where({ 'decision.at': _.lt(recordCutoff), openid: _.neq('') })
    .update({ data: { ...redacted(ctx, false), openid: '', requestId: '', history: [] } });
  report.applicationsAnonymised = old.stats.updated;
  const reportCutoff = shanghai(ctx.now).subtract(WAGE_REPORT_RETENTION_DAYS, 'day').toDate();
  report.wageReportsRemoved = (await ctx.db.collection(COLLECTIONS.wageReports).where({ at: _.lt(reportCutoff) }).remove()).stats.removed;
  return report;
}

/** A 困难帮扶 that paid out keeps the recipient's name until AID_RECORD_YEARS (aid-fund audit). */
function keepsName(doc: AidDoc): boolean {
  return doc.kind === 'hardship' && doc.decision?.outcome === 'done' && !!doc.decision.aid;
}

/** 我的数据 deletion: open applications removed with their files; decided ones reduced to the outline. */
export async function forgetMyApplications(ctx: HandlerContext): Promise<{ removed: number; anonymised: number }> {
  const mine = await applications(ctx).where({ openid: ctx.openid }).limit(READ).get();
  let removed = 0;
  let anonymised = 0;
  for (const doc of mine.data) {
    await ctx.storage.deleteFiles(doc.documents.map((d) => d.fileId));
    if (!doc.decision) {
      removed += (await applications(ctx).where({ _id: doc._id, openid: ctx.openid }).remove()).stats.removed;
      continue;
    }
    const res = await applications(ctx)
      .where({ _id: doc._id, openid: ctx.openid })
      .update({ data: { ...redacted(ctx, keepsName(doc)), openid: '', requestId: '' } });
    anonymised += res.stats.updated;
  }
  await ctx.db.collection(COLLECTIONS.wageReports).where({ openid: ctx.openid }).remove();
  return { removed, anonymised };
}
