/**
 * 平安返乡 campaigns: what a worker sees after scanning, and what staff manage (save, print the
 * QR code, watch the counts). The tap itself is in taps.ts.
 */
import {
  STATION_PAGE,
  campaignIdFromScene,
  hoursText,
  stationScene,
  withinHours,
  type Campaign,
  type CampaignSummary,
  type StationPoint,
  type StationStats,
} from '../../../contract/station/model';
import { shanghai, shanghaiDay } from '../../../contract/time';
import { addOnce, pressDocId, pressKey } from '../../db/once-per-press';
import type { Database } from '../../db/database';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { assertCentre } from '../centres/staff-scope';
import { campaignTapIds, type TapDoc } from './taps';

export type CampaignDoc = Omit<Campaign, 'id'> & { _id: string };

export interface StockDoc {
  _id: string;
  campaignId: string;
  serviceId: string;
  stock: number;
  left: number;
}

interface CountDoc {
  _id: string;
  campaignId: string;
  serviceId: string;
  date: string;
  hour: string;
  n: number;
}

export function toCampaign(doc: CampaignDoc): Campaign {
  const { _id, ...rest } = doc;
  return {
    id: _id,
    name: rest.name,
    station: rest.station,
    centreId: rest.centreId,
    startDate: rest.startDate,
    endDate: rest.endDate,
    opens: rest.opens,
    closes: rest.closes,
    services: rest.services,
    tips: rest.tips,
  };
}

export function phaseOf(c: Pick<Campaign, 'startDate' | 'endDate'>, now: Date): StationPoint['phase'] {
  const today = shanghaiDay(now);
  if (today < c.startDate) return 'before';
  if (today > c.endDate) return 'after';
  return 'running';
}

/** Running today and within the daily hours now: when a tap counts. */
export function isOpenNow(c: Pick<Campaign, 'startDate' | 'endDate' | 'opens' | 'closes'>, now: Date): boolean {
  return phaseOf(c, now) === 'running' && withinHours(c, shanghai(now).format('HH:mm'));
}

/** Refuses a tap when the campaign is not open now, saying why (and the hours when it is the time of day). */
export function assertOpenNow(c: Pick<Campaign, 'startDate' | 'endDate' | 'opens' | 'closes'>, now: Date): void {
  const phase = phaseOf(c, now);
  if (phase === 'before') throw new AppError('CAMPAIGN_NOT_STARTED');
  if (phase === 'after') throw new AppError('CAMPAIGN_ENDED');
  if (!isOpenNow(c, now)) throw new AppError('STATION_CLOSED_NOW', `现在不在服务时间（${hoursText(c)}）`);
}

export const stockId = (campaignId: string, serviceId: string) => `${campaignId}:${serviceId}`;

export async function loadCampaign(db: Database, id: string): Promise<CampaignDoc> {
  const doc = (await db.collection<CampaignDoc>(COLLECTIONS.stationCampaigns).where({ _id: id }).limit(1).get()).data[0];
  if (!doc) throw new AppError('CAMPAIGN_NOT_FOUND');
  return doc;
}

function summary(doc: CampaignDoc, now: Date): CampaignSummary {
  return { id: doc._id, name: doc.name, station: doc.station, startDate: doc.startDate, endDate: doc.endDate, phase: phaseOf(doc, now) };
}

/** The campaign running now, else the next one within 30 days; null otherwise. One request. */
export async function currentCampaign(ctx: HandlerContext): Promise<CampaignSummary | null> {
  const _ = ctx.db.command;
  const today = shanghaiDay(ctx.now);
  const res = await ctx.db
    .collection<CampaignDoc>(COLLECTIONS.stationCampaigns)
    .where({ endDate: _.gte(today) })
    .orderBy('startDate', 'asc')
    .limit(20)
    .get();
  const running = res.data.find((c) => phaseOf(c, ctx.now) === 'running');
  if (running) return summary(running, ctx.now);
  const soon = res.data.find((c) => c.startDate <= shanghaiDay(new Date(ctx.now.getTime() + 30 * 86_400_000)));
  return soon ? summary(soon, ctx.now) : null;
}

/** The station page after a scan: the campaign from the QR scene (or id), stock, and what the caller did today. */
export async function getPoint(ctx: HandlerContext, input: { scene?: string; id?: string }): Promise<StationPoint> {
  const id = input.id ?? campaignIdFromScene(input.scene);
  if (!id) throw new AppError('CAMPAIGN_NOT_FOUND');
  const [campaign, stock, taps] = await Promise.all([
    loadCampaign(ctx.db, id),
    ctx.db.collection<StockDoc>(COLLECTIONS.stationStock).where({ campaignId: id }).limit(100).get(),
    ctx.openid
      ? ctx.db.collection<TapDoc>(COLLECTIONS.stationTaps).where({ campaignId: id, openid: ctx.openid }).limit(1000).get()
      : Promise.resolve({ data: [] as TapDoc[] }),
  ]);
  const done = campaignTapIds(taps.data, shanghaiDay(ctx.now));
  const left = new Map(stock.data.map((s) => [s.serviceId, Math.max(0, s.left)]));
  return {
    campaign: toCampaign(campaign),
    phase: phaseOf(campaign, ctx.now),
    openNow: isOpenNow(campaign, ctx.now),
    services: campaign.services.map((s) => ({
      ...s,
      ...(s.kind === 'gift' ? { left: left.get(s.id) ?? s.stock ?? 0 } : {}),
      done: done.has(s.id),
    })),
  };
}

export async function listCampaigns(ctx: HandlerContext): Promise<CampaignSummary[]> {
  const res = await ctx.db.collection<CampaignDoc>(COLLECTIONS.stationCampaigns).orderBy('startDate', 'desc').limit(100).get();
  const mine = ctx.staff?.role === 'admin' ? res.data : res.data.filter((c) => ctx.staff?.centreIds.includes(c.centreId));
  return mine.map((c) => summary(c, ctx.now));
}

export type CampaignInput = Omit<Campaign, 'id'> & { id?: string; requestId?: string };

/**
 * Creates or updates a campaign. A new one (no id) gets its id from the server: made from the press
 * of 保存 (server/db/once-per-press.ts), so a double tap or a retry creates it once, and short
 * enough for the QR scene. Gift stock lives in its own counter documents, created here; a changed
 * stock moves `left` by the difference, and never below zero (a conditional write).
 */
export async function saveCampaign(ctx: HandlerContext, input: CampaignInput): Promise<Campaign> {
  assertCentre(ctx, input.centreId);
  const { id: givenId, requestId, ...fields } = input;
  const campaigns = ctx.db.collection<CampaignDoc>(COLLECTIONS.stationCampaigns);
  const press = pressKey(ctx.openid, requestId);
  const id = givenId ?? pressDocId('c', press, 10);
  if (givenId) {
    const existing = (await campaigns.where({ _id: givenId }).limit(1).get()).data[0];
    if (!existing) throw new AppError('CAMPAIGN_NOT_FOUND');
    if (existing.centreId !== input.centreId) assertCentre(ctx, existing.centreId);
  }
  await saveStock(ctx, id, input.services);
  if (givenId) {
    const _ = ctx.db.command;
    await campaigns.where({ _id: id }).update({ data: { ...fields, services: _.set(fields.services), tips: _.set(fields.tips), updatedAt: ctx.now } });
  } else {
    // ---- staff mutation: 'taken' cannot happen (the id is this press's own)
    await addOnce(campaigns, { _id: id, ...fields, createdAt: ctx.now, updatedAt: ctx.now }, press);
  }
  return toCampaign((await loadCampaign(ctx.db, id)) as CampaignDoc);
}

/** Creates each gift's stock counter, or moves it to a changed stock. Safe to redo (a retried save). */
async function saveStock(ctx: HandlerContext, campaignId: string, services: Campaign['services']): Promise<void> {
  const _ = ctx.db.command;
  const stockColl = ctx.db.collection<StockDoc>(COLLECTIONS.stationStock);
  for (const gift of services.filter((s) => s.kind === 'gift')) {
    const id = stockId(campaignId, gift.id);
    const stock = gift.stock ?? 0;
    const current = (await stockColl.where({ _id: id }).limit(1).get()).data[0];
    if (!current) {
      await stockColl.add({ data: { _id: id, campaignId, serviceId: gift.id, stock, left: stock } }).catch(async () => {
        // Created meanwhile (a tap, or the other try of a double tap): adjusted on the next save.
      });
      continue;
    }
    const delta = stock - current.stock;
    if (delta === 0) continue;
    const res = await stockColl
      .where({ _id: id, stock: current.stock, left: _.gte(Math.max(0, -delta)) })
      .update({ data: { stock, left: _.inc(delta) } });
    if (res.stats.updated !== 1) {
      throw new AppError('BAD_INPUT', `「${gift.label}」已经发出${current.stock - current.left}份，数量不能比这还少`, { services: '礼品数量太少' });
    }
  }
}

/** The printable QR code: scene `c=<id>`, page without a leading '/', as a PNG data URL. */
export async function qrCode(ctx: HandlerContext, input: { campaignId: string }): Promise<{ scene: string; page: string; dataUrl: string }> {
  const campaign = await loadCampaign(ctx.db, input.campaignId);
  assertCentre(ctx, campaign.centreId);
  const scene = stationScene(campaign._id);
  const png = await ctx.platform.wxacodeUnlimited(scene, STATION_PAGE);
  return { scene, page: STATION_PAGE, dataUrl: `data:image/png;base64,${png.toString('base64')}` };
}

/** Live counts by service and hour, per day, the campaign total and the gifts left. Three requests. */
export async function stats(ctx: HandlerContext, input: { campaignId: string }): Promise<StationStats> {
  const [campaign, counts, stock] = await Promise.all([
    loadCampaign(ctx.db, input.campaignId),
    ctx.db.collection<CountDoc>(COLLECTIONS.stationCounts).where({ campaignId: input.campaignId }).limit(1000).get(),
    ctx.db.collection<StockDoc>(COLLECTIONS.stationStock).where({ campaignId: input.campaignId }).limit(100).get(),
  ]);
  assertCentre(ctx, campaign.centreId);
  const hours = new Map<string, { date: string; hour: string; total: number; counts: Record<string, number> }>();
  const days = new Map<string, number>();
  const byService = new Map<string, number>();
  let total = 0;
  for (const c of counts.data) {
    total += c.n;
    byService.set(c.serviceId, (byService.get(c.serviceId) ?? 0) + c.n);
    days.set(c.date, (days.get(c.date) ?? 0) + c.n);
    const key = `${c.date}T${c.hour}`;
    const row = hours.get(key) ?? { date: c.date, hour: c.hour, total: 0, counts: {} };
    row.total += c.n;
    row.counts[c.serviceId] = (row.counts[c.serviceId] ?? 0) + c.n;
    hours.set(key, row);
  }
  const stockById = new Map(stock.data.map((s) => [s.serviceId, s]));
  return {
    campaignId: campaign._id,
    name: campaign.name,
    total,
    byService: campaign.services.map((s) => ({ id: s.id, label: s.label, total: byService.get(s.id) ?? 0 })),
    byHour: [...hours.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row),
    byDay: [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, n]) => ({ date, total: n })),
    gifts: campaign.services
      .filter((s) => s.kind === 'gift')
      .map((s) => ({ id: s.id, label: s.label, stock: stockById.get(s.id)?.stock ?? s.stock ?? 0, left: Math.max(0, stockById.get(s.id)?.left ?? s.stock ?? 0) })),
  };
}
