/**
 * The union's figures for any date range (Shanghai days, both ends included), computed in the
 * database with aggregate pipelines — each grouped by a bounded key and given an explicit
 * limit (an aggregate without limit() answers only 20 rows in WeChat's cloud).
 *
 *   sign-ups          event entries made in the range (seats: a family of three is 3), except
 *                     the ones still being processed
 *   check-ins         seats checked in at events in the range
 *   bookings kept     bookings and walk-ins at the centres whose person came (status arrived)
 *   consultations     法律咨询 answered in the range
 *   station 人次      the 平安返乡 counters (one per worker per service per day)
 *   帮扶              applications decided in the range (办结 / 未通过), aid paid (yuan)
 *   served (人次)     check-ins + bookings kept + consultations answered + station 人次 + 帮扶 办结
 *
 * Anonymised records (a worker who deleted their data) stay in these counts exactly once.
 */
import { AID_KIND_LABELS, type AidKind } from '../../../contract/aid/model';
import { CENTRE_SERVICE_LABELS, type CentreService } from '../../../contract/centres/model';
import type { FigureBar, MonthFigures, UnionFigures } from '../../../contract/staff/model';
import { fromShanghai, shanghai } from '../../../contract/time';
import type { Command, Database } from '../../db/database';
import { COLLECTIONS } from '../../db/schema';
import type { HandlerContext } from '../../runtime/context';

const ROWS = 1000;
/** The Shanghai month of a date field, computed in the database. */
const MONTH = (field: string, $: Command) => $.dateToString({ date: field, format: '%Y-%m', timezone: '+08:00' });

export interface Range {
  from: string;
  to: string;
}

/** [start, end) instants of a range of Shanghai days. */
export function instantsOf(range: Range): { start: Date; end: Date } {
  return { start: fromShanghai(`${range.from} 00:00`), end: new Date(fromShanghai(`${range.to} 00:00`).getTime() + 86400_000) };
}

/** 'YYYY-MM' of every month the range touches, in order. */
export function monthsOf(range: Range): string[] {
  const months: string[] = [];
  let m = shanghai(fromShanghai(`${range.from.slice(0, 7)}-01 00:00`));
  const last = range.to.slice(0, 7);
  while (m.format('YYYY-MM') <= last && months.length < 40) {
    months.push(m.format('YYYY-MM'));
    m = m.add(1, 'month');
  }
  return months;
}

interface Rows {
  signUps: { _id: { month: string; eventId: string }; seats: number }[];
  checkIns: { _id: { month: string; eventId: string }; seats: number }[];
  bookings: { _id: { month: string; centreId: string; service: CentreService }; n: number }[];
  consultations: { _id: { month: string }; n: number }[];
  station: { _id: { date: string; campaignId: string }; n: number }[];
  aid: { _id: { month: string; kind: AidKind; centreId: string; outcome: 'done' | 'refused' }; n: number; yuan: number }[];
}

/** The six pipelines, run in parallel: six database requests for any range. */
export async function figureRows(db: Database, range: Range): Promise<Rows> {
  const _ = db.command;
  const $ = _.aggregate;
  const { start, end } = instantsOf(range);
  const within = _.gte(start).and(_.lt(end));
  const [signUps, checkIns, bookings, consultations, station, aid] = await Promise.all([
    db
      .collection(COLLECTIONS.eventEntries)
      .aggregate()
      .match({ createdAt: within, status: _.neq('pending') })
      .group({ _id: { month: MONTH('$createdAt', $), eventId: '$eventId' }, seats: $.sum('$seats') })
      .limit(ROWS)
      .end(),
    db
      .collection(COLLECTIONS.eventEntries)
      .aggregate()
      .match({ checkedInAt: within })
      .group({ _id: { month: MONTH('$checkedInAt', $), eventId: '$eventId' }, seats: $.sum('$seats') })
      .limit(ROWS)
      .end(),
    db
      .collection(COLLECTIONS.bookings)
      .aggregate()
      .match({ start: within, status: 'arrived' })
      .group({ _id: { month: MONTH('$start', $), centreId: '$centreId', service: '$service' }, n: $.sum(1) })
      .limit(ROWS)
      .end(),
    db
      .collection(COLLECTIONS.rightsConsultations)
      .aggregate()
      .match({ 'answer.at': within })
      .group({ _id: { month: MONTH('$answer.at', $) }, n: $.sum(1) })
      .limit(ROWS)
      .end(),
    db
      .collection(COLLECTIONS.stationCounts)
      .aggregate()
      .match({ date: _.gte(range.from).and(_.lte(range.to)) })
      .group({ _id: { date: '$date', campaignId: '$campaignId' }, n: $.sum('$n') })
      .limit(ROWS)
      .end(),
    db
      .collection(COLLECTIONS.aidApplications)
      .aggregate()
      .match({ 'decision.at': within })
      .group({
        _id: { month: MONTH('$decision.at', $), kind: '$kind', centreId: '$centreId', outcome: '$decision.outcome' },
        n: $.sum(1),
        yuan: $.sum('$decision.aid.amount'),
      })
      .limit(ROWS)
      .end(),
  ]);
  return {
    signUps: signUps.list as Rows['signUps'],
    checkIns: checkIns.list as Rows['checkIns'],
    bookings: bookings.list as Rows['bookings'],
    consultations: consultations.list as Rows['consultations'],
    station: station.list as Rows['station'],
    aid: aid.list as Rows['aid'],
  };
}

interface Names {
  events: Map<string, { title: string; centreId?: string }>;
  centres: Map<string, string>;
  campaigns: Map<string, { name: string; centreId?: string }>;
}

async function namesFor(db: Database, rows: Rows): Promise<Names> {
  const _ = db.command;
  const eventIds = [...new Set([...rows.signUps, ...rows.checkIns].map((r) => r._id.eventId))].slice(0, ROWS);
  const campaignIds = [...new Set(rows.station.map((r) => r._id.campaignId))].slice(0, ROWS);
  const [events, centres, campaigns] = await Promise.all([
    eventIds.length
      ? db.collection<{ _id: string; title: string; venue?: { centreId?: string } }>(COLLECTIONS.events).where({ _id: _.in(eventIds) }).field({ title: true, venue: true }).limit(ROWS).get()
      : { data: [] },
    db.collection<{ _id: string; name: string }>(COLLECTIONS.centres).field({ name: true }).limit(100).get(),
    campaignIds.length
      ? db.collection<{ _id: string; name: string; centreId?: string }>(COLLECTIONS.stationCampaigns).where({ _id: _.in(campaignIds) }).field({ name: true, centreId: true }).limit(ROWS).get()
      : { data: [] },
  ]);
  return {
    events: new Map(events.data.map((e) => [e._id, { title: e.title, centreId: e.venue?.centreId }])),
    centres: new Map(centres.data.map((c) => [c._id, c.name])),
    campaigns: new Map(campaigns.data.map((c) => [c._id, { name: c.name, centreId: c.centreId }])),
  };
}

function bars(map: Map<string, { label: string; n: number }>): FigureBar[] {
  return [...map.entries()].map(([key, v]) => ({ key, label: v.label, n: v.n })).sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, 'zh'));
}

function add(map: Map<string, { label: string; n: number }>, key: string, label: string, n: number): void {
  const cur = map.get(key);
  if (cur) cur.n += n;
  else map.set(key, { label, n });
}

/** Pure: rows and names -> the figures. */
export function summarise(range: Range, rows: Rows, names: Names): UnionFigures {
  const months = new Map<string, MonthFigures>(monthsOf(range).map((m) => [m, { month: m, events: 0, bookings: 0, station: 0, consultations: 0, aid: 0, total: 0 }]));
  const month = (m: string) => months.get(m) ?? months.set(m, { month: m, events: 0, bookings: 0, station: 0, consultations: 0, aid: 0, total: 0 }).get(m)!;
  const byService = new Map<string, { label: string; n: number }>();
  const byCentre = new Map<string, { label: string; n: number }>();
  const byCampaign = new Map<string, { label: string; n: number }>();
  const byEvent = new Map<string, { label: string; n: number; signUps: number }>();
  const centreLabel = (id: string) => names.centres.get(id) ?? id;
  const event = (id: string) => {
    const cur = byEvent.get(id);
    if (cur) return cur;
    const made = { label: names.events.get(id)?.title ?? '（已删除的活动）', n: 0, signUps: 0 };
    byEvent.set(id, made);
    return made;
  };

  let signUps = 0;
  for (const r of rows.signUps) {
    signUps += r.seats;
    event(r._id.eventId).signUps += r.seats;
  }
  let checkIns = 0;
  for (const r of rows.checkIns) {
    checkIns += r.seats;
    event(r._id.eventId).n += r.seats;
    month(r._id.month).events += r.seats;
    add(byService, 'events', '活动签到', r.seats);
    const centreId = names.events.get(r._id.eventId)?.centreId;
    if (centreId) add(byCentre, centreId, centreLabel(centreId), r.seats);
  }
  let bookingsKept = 0;
  for (const r of rows.bookings) {
    bookingsKept += r.n;
    month(r._id.month).bookings += r.n;
    add(byService, r._id.service, CENTRE_SERVICE_LABELS[r._id.service] ?? r._id.service, r.n);
    add(byCentre, r._id.centreId, centreLabel(r._id.centreId), r.n);
  }
  let consultationsAnswered = 0;
  for (const r of rows.consultations) {
    consultationsAnswered += r.n;
    month(r._id.month).consultations += r.n;
    add(byService, 'consultations', '线上法律咨询', r.n);
  }
  let stationVisits = 0;
  for (const r of rows.station) {
    stationVisits += r.n;
    month(r._id.date.slice(0, 7)).station += r.n;
    const campaign = names.campaigns.get(r._id.campaignId);
    add(byCampaign, r._id.campaignId, campaign?.name ?? r._id.campaignId, r.n);
    add(byService, 'station', '平安返乡服务点', r.n);
    if (campaign?.centreId) add(byCentre, campaign.centreId, centreLabel(campaign.centreId), r.n);
  }
  let aidDone = 0;
  let aidRefused = 0;
  let aidYuan = 0;
  for (const r of rows.aid) {
    aidYuan += r.yuan ?? 0;
    if (r._id.outcome !== 'done') {
      aidRefused += r.n;
      continue;
    }
    aidDone += r.n;
    month(r._id.month).aid += r.n;
    add(byService, `aid-${r._id.kind}`, AID_KIND_LABELS[r._id.kind] ?? r._id.kind, r.n);
    add(byCentre, r._id.centreId, centreLabel(r._id.centreId), r.n);
  }
  const byMonth = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  for (const m of byMonth) m.total = m.events + m.bookings + m.station + m.consultations + m.aid;
  return {
    from: range.from,
    to: range.to,
    totals: {
      signUps,
      checkIns,
      consultationsAnswered,
      bookingsKept,
      stationVisits,
      aidDone,
      aidRefused,
      aidYuan,
      served: checkIns + bookingsKept + consultationsAnswered + stationVisits + aidDone,
    },
    byMonth,
    byService: bars(byService),
    byCentre: bars(byCentre),
    byEvent: [...byEvent.entries()]
      .map(([key, v]) => ({ key, label: v.label, n: v.n, signUps: v.signUps }))
      .sort((a, b) => b.signUps - a.signUps || b.n - a.n),
    byCampaign: bars(byCampaign),
  };
}

export async function unionFigures(ctx: HandlerContext, range: Range): Promise<UnionFigures> {
  const rows = await figureRows(ctx.db, range);
  return summarise(range, rows, await namesFor(ctx.db, rows));
}

export { namesFor };
