/**
 * 集体欠薪 early warning. Each unpaid-wages report (a 法律援助 application about wages, a 法律咨询
 * of the wages category naming an employer) is stored once per worker, employer and day. When
 * WAGE_ALERT.workers distinct workers of one employer report within WAGE_ALERT.windowDays, one
 * alert is raised: its _id is the employer key and the window's first report day, so concurrent
 * reports that all see the threshold insert the same document once (a duplicate key is the proof).
 */
import { WAGE_ALERT, maskName, type WageAlert } from '../../../contract/aid/model';
import { shanghai, shanghaiDay } from '../../../contract/time';
import { isDuplicateKey } from '../../db/counters';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { hashId } from '../rights/records';

interface ReportDoc {
  _id: string;
  employerKey: string;
  employer: string;
  openid: string;
  name: string;
  at: Date;
}

interface AlertDoc {
  _id: string;
  employerKey: string;
  employer: string;
  workers: string[];
  count: number;
  windowStart: Date;
  createdAt: Date;
  acknowledged: { by: string; at: Date } | null;
}

/** How long a report is kept: long enough for any window that can still include it. */
export const WAGE_REPORT_RETENTION_DAYS = 30;

const PLACE_PREFIX = /^(广东省|广东)?(佛山市|佛山)?(南海区|南海)?(九江镇|九江)?/;
const COMPANY_SUFFIX = /(股份有限公司|有限责任公司|有限公司|公司|厂)$/;

/**
 * One employer however a worker writes it: full-width and half-width alike, spaces, brackets and
 * punctuation ignored, the place prefix (佛山市南海区九江镇) and the company suffix (有限公司) dropped.
 * "佛山市南海区九江镇 鸿发制衣（有限公司）" and "鸿发制衣厂" are the same key.
 */
export function normaliseEmployer(employer: string): string {
  const plain = employer
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()（）[\]【】·.,，。、\-_'"“”]/g, '');
  return plain.replace(PLACE_PREFIX, '').replace(COMPANY_SUFFIX, '') || plain;
}

export async function reportUnpaidWages(ctx: HandlerContext, input: { employer: string; name: string }): Promise<void> {
  const employerKey = normaliseEmployer(input.employer);
  if (!employerKey) return;
  const reports = ctx.db.collection<ReportDoc>(COLLECTIONS.wageReports);
  const report: ReportDoc = {
    _id: hashId(employerKey, ctx.openid, shanghaiDay(ctx.now)),
    employerKey,
    employer: input.employer.trim(),
    openid: ctx.openid,
    name: maskName(input.name) || '匿名',
    at: ctx.now,
  };
  try {
    await reports.add({ data: { ...report } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const since = shanghai(ctx.now).subtract(WAGE_ALERT.windowDays, 'day').toDate();
  const _ = ctx.db.command;
  const recent = await reports.where({ employerKey, at: _.gte(since) }).orderBy('at', 'asc').limit(1000).get();
  const byWorker = new Map<string, ReportDoc>();
  for (const r of recent.data) if (!byWorker.has(r.openid)) byWorker.set(r.openid, r);
  if (byWorker.size < WAGE_ALERT.workers) return;
  const first = recent.data[0]!;
  const workers = [...byWorker.values()].map((r) => r.name);
  const alerts = ctx.db.collection<AlertDoc>(COLLECTIONS.wageAlerts);
  const alert: AlertDoc = {
    _id: hashId(employerKey, shanghaiDay(first.at)),
    employerKey,
    employer: first.employer,
    workers,
    count: workers.length,
    windowStart: first.at,
    createdAt: ctx.now,
    acknowledged: null,
  };
  try {
    await alerts.add({ data: { ...alert } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // Raised already: later reports in the window only raise its count (never lower it).
    await alerts.where({ _id: alert._id, count: _.lt(workers.length) }).update({ data: { workers, count: workers.length } });
  }
}

function toAlert(doc: AlertDoc): WageAlert {
  return {
    id: doc._id,
    employer: doc.employer,
    workers: doc.workers,
    count: doc.count,
    windowStart: doc.windowStart,
    createdAt: doc.createdAt,
    acknowledged: doc.acknowledged,
  };
}

export async function staffAlerts(ctx: HandlerContext, input: { open: boolean }): Promise<WageAlert[]> {
  const res = await ctx.db
    .collection<AlertDoc>(COLLECTIONS.wageAlerts)
    .where(input.open ? { acknowledged: null } : {})
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get();
  return res.data.map(toAlert);
}

/** 已知悉: the first acknowledgement stands (a conditional update), a second changes nothing. */
export async function acknowledgeAlert(ctx: HandlerContext, input: { id: string }): Promise<WageAlert> {
  const alerts = ctx.db.collection<AlertDoc>(COLLECTIONS.wageAlerts);
  await alerts
    .where({ _id: input.id, acknowledged: null })
    .update({ data: { acknowledged: ctx.db.command.set({ by: ctx.staff?.name ?? '', at: ctx.now }) } });
  const res = await alerts.where({ _id: input.id }).limit(1).get();
  if (!res.data[0]) throw new AppError('ALERT_NOT_FOUND');
  return toAlert(res.data[0]);
}
