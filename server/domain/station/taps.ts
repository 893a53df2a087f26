/**
 * A worker's tap at the station: "I received 姜茶". Invariants in the writes (docs/station.md):
 *   - once per worker per service per day (a gift: per campaign): the tap document's _id is a hash
 *     of campaign + service + OPENID (+ day), so a tap retried on a weak signal is a duplicate;
 *   - each counted tap adds one 人次 to the service's counter for that hour (`_.inc`);
 *   - a gift comes out of stock by one conditional update and never below zero; when none is
 *     left the tap document is removed again, so it does not count.
 * Requests per tap: campaign read, tap insert, (gift: stock take), hourly counter update.
 */
import type { TapResult } from '../../../contract/station/model';
import { shanghai, shanghaiDay } from '../../../contract/time';
import type { Doc } from '../../db/database';
import { increment, isDuplicateKey, takeOne } from '../../db/counters';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { hashId } from '../centres/records';
import { loadCampaign, phaseOf, stockId } from './campaigns';

export interface TapDoc {
  _id: string;
  campaignId: string;
  serviceId: string;
  openid: string;
  kind: 'service' | 'gift';
  date: string;
  hour: string;
  at: Date;
}

/** The services a worker already tapped: today's services and any gift. */
export function campaignTapIds(taps: TapDoc[], today: string): Set<string> {
  return new Set(taps.filter((t) => t.kind === 'gift' || t.date === today).map((t) => t.serviceId));
}

export async function tap(ctx: HandlerContext, input: { campaignId: string; serviceId: string }): Promise<TapResult> {
  const campaign = await loadCampaign(ctx.db, input.campaignId);
  if (phaseOf(campaign, ctx.now) !== 'running') throw new AppError('CAMPAIGN_NOT_RUNNING');
  const service = campaign.services.find((s) => s.id === input.serviceId);
  if (!service) throw new AppError('STATION_SERVICE_NOT_FOUND');
  const local = shanghai(ctx.now);
  const date = shanghaiDay(ctx.now);
  const hour = local.format('HH');
  const isGift = service.kind === 'gift';
  const id = isGift ? hashId('gift', campaign._id, service.id, ctx.openid) : hashId('tap', campaign._id, service.id, ctx.openid, date);

  const taps = ctx.db.collection<Doc>(COLLECTIONS.stationTaps);
  try {
    await taps.add({ data: { _id: id, campaignId: campaign._id, serviceId: service.id, openid: ctx.openid, kind: service.kind, date, hour, at: ctx.now } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return isGift
      ? { serviceId: service.id, counted: false, gift: 'already', message: `你已经领过${service.label}了` }
      : { serviceId: service.id, counted: false, message: `今天已经记下了，谢谢` };
  }

  if (isGift) {
    const taken = await takeOne(ctx.db, ctx.db.collection<Doc>(COLLECTIONS.stationStock), {
      id: stockId(campaign._id, service.id),
      init: { campaignId: campaign._id, serviceId: service.id, stock: service.stock ?? 0 },
      capacity: service.stock ?? 0,
    });
    if (!taken) {
      await taps.where({ _id: id }).remove();
      return { serviceId: service.id, counted: false, gift: 'out', message: `${service.label}已经发完了，真抱歉` };
    }
  }
  await increment(ctx.db, ctx.db.collection<Doc>(COLLECTIONS.stationCounts), `${campaign._id}:${service.id}:${date}T${hour}`, {
    campaignId: campaign._id,
    serviceId: service.id,
    date,
    hour,
  });
  return isGift
    ? { serviceId: service.id, counted: true, gift: 'given', message: `请向志愿者领取${service.label}` }
    : { serviceId: service.id, counted: true, message: `已记下：${service.label}。一路平安！` };
}
