/**
 * A worker's tap at the station: "I received 姜茶". Invariants in the writes (docs/station.md):
 *   - once per worker per service per day (a gift: per campaign): the tap document's _id is a hash
 *     of campaign + service + OPENID (+ day), so a tap retried on a weak signal is a duplicate;
 *   - each counted tap adds one 人次 to the service's counter for that hour (`_.inc`);
 *   - only while the campaign runs and within its daily hours (Shanghai): a tap before the first
 *     day, after the last or outside the hours is refused before anything is written;
 *   - a gift comes out of stock by one conditional update and never below zero; when none is
 *     left the tap document is removed again, so it does not count.
 * A tap is several writes, so it can be cut off between any two (a crash, a timeout). The tap
 * document is written first with `done: false` and marked done last; the stock take and the hourly
 * increment carry the tap's id as a marker (server/db/counters.ts), so redoing them is harmless.
 * A retried tap that finds its own unfinished document finishes it (the worker is told the truth,
 * never "你已经领过" for a gift not given); `settleTaps` (the station timer) finishes service taps
 * nobody retried and undoes gifts nobody was told to collect.
 * Requests per tap: campaign read, tap insert, (gift: stock take), hourly counter update, done mark.
 */
import type { TapResult } from '../../../contract/station/model';
import { shanghai, shanghaiDay } from '../../../contract/time';
import type { Doc } from '../../db/database';
import { giveBack, increment, isDuplicateKey, takeMarked, undoIncrement } from '../../db/counters';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { hashId } from '../centres/records';
import { assertOpenNow, loadCampaign, stockId } from './campaigns';

export interface TapDoc {
  _id: string;
  campaignId: string;
  serviceId: string;
  openid: string;
  kind: 'service' | 'gift';
  date: string;
  hour: string;
  at: Date;
  /** False until every write of the tap happened (absent on taps from before: done). */
  done?: boolean;
  /** Set by the timer giving up an unfinished gift tap: it is being undone and then removed. */
  void?: boolean;
}

/** A tap still not done after this was cut off (the function's timeout is 10 s). */
const STALE_TAP_MS = 120_000;
const BATCH = 100;

/** The services a worker already tapped: today's services and any gift. */
export function campaignTapIds(taps: TapDoc[], today: string): Set<string> {
  return new Set(taps.filter((t) => t.kind === 'gift' || t.date === today).map((t) => t.serviceId));
}

export async function tap(ctx: HandlerContext, input: { campaignId: string; serviceId: string }): Promise<TapResult> {
  const campaign = await loadCampaign(ctx.db, input.campaignId);
  assertOpenNow(campaign, ctx.now);
  const service = campaign.services.find((s) => s.id === input.serviceId);
  if (!service) throw new AppError('STATION_SERVICE_NOT_FOUND');
  const local = shanghai(ctx.now);
  const date = shanghaiDay(ctx.now);
  const hour = local.format('HH');
  const isGift = service.kind === 'gift';
  const id = isGift ? hashId('gift', campaign._id, service.id, ctx.openid) : hashId('tap', campaign._id, service.id, ctx.openid, date);

  const taps = ctx.db.collection<TapDoc>(COLLECTIONS.stationTaps);
  const doc: TapDoc = { _id: id, campaignId: campaign._id, serviceId: service.id, openid: ctx.openid, kind: service.kind, date, hour, at: ctx.now, done: false };
  try {
    const { _id, ...fields } = doc;
    await taps.add({ data: { _id, ...fields } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const earlier = (await taps.where({ _id: id }).limit(1).get()).data[0];
    // An earlier try of this same tap was cut off (or is still running): finish it rather than
    // claim it happened.
    if (earlier?.void) return { serviceId: service.id, counted: false, message: TRY_AGAIN };
    if (earlier && earlier.done === false) return finishTap(ctx, earlier, service);
    return repeated(service, earlier?.at ?? ctx.now);
  }
  return finishTap(ctx, doc, service);
}

type Service = Awaited<ReturnType<typeof loadCampaign>>['services'][number];

const TRY_AGAIN = '刚才没有记上，请再点一次';

/** The answer to a tap already done. */
function repeated(service: Service, at: Date): TapResult {
  return service.kind === 'gift'
    ? // Said as a record, not "你已经领过": a try cut off after its last write never showed the
      // worker "请向志愿者领取", and the volunteer can check the time on the screen.
      { serviceId: service.id, counted: false, gift: 'already', message: `${service.label}已在${shanghai(at).format('HH:mm')}登记给你，没拿到请找志愿者` }
    : { serviceId: service.id, counted: false, message: `今天已经记下了，谢谢` };
}

/** The writes after the tap document, each safe to redo: stock take, hourly 人次, done mark. */
async function finishTap(ctx: HandlerContext, tapDoc: TapDoc, service: Service): Promise<TapResult> {
  const taps = ctx.db.collection<TapDoc>(COLLECTIONS.stationTaps);
  if (service.kind === 'gift') {
    const stock = ctx.db.collection<Doc>(COLLECTIONS.stationStock);
    const sid = stockId(tapDoc.campaignId, service.id);
    const taken = await takeMarked(ctx.db, stock, {
      id: sid,
      init: { campaignId: tapDoc.campaignId, serviceId: service.id, stock: service.stock ?? 0 },
      capacity: service.stock ?? 0,
      marker: tapDoc._id,
    });
    if (!taken) {
      await taps.where({ _id: tapDoc._id, done: false }).remove();
      return { serviceId: service.id, counted: false, gift: 'out', message: `${service.label}已经发完了，真抱歉` };
    }
  }
  await countTap(ctx, tapDoc);
  const _ = ctx.db.command;
  // The try that marks it done is the one that counted it; the others (retries racing) are repeats.
  const done = await taps.where({ _id: tapDoc._id, done: false, void: _.neq(true) }).update({ data: { done: true } });
  if (done.stats.updated !== 1) {
    const now = (await taps.where({ _id: tapDoc._id }).limit(1).get()).data[0];
    if (now && !now.void) return repeated(service, now.at);
    // The timer gave this gift up meanwhile (a retry minutes late): take back what this try did.
    await undoTap(ctx, tapDoc);
    return { serviceId: service.id, counted: false, message: TRY_AGAIN };
  }
  return service.kind === 'gift'
    ? { serviceId: service.id, counted: true, gift: 'given', message: `请向志愿者领取${service.label}` }
    : { serviceId: service.id, counted: true, message: `已记下：${service.label}。一路平安！` };
}

const countId = (t: TapDoc) => `${t.campaignId}:${t.serviceId}:${t.date}T${t.hour}`;

/** One 人次 in the tap's hour, at most once per tap. */
async function countTap(ctx: HandlerContext, t: TapDoc): Promise<void> {
  await increment(
    ctx.db,
    ctx.db.collection<Doc>(COLLECTIONS.stationCounts),
    countId(t),
    { campaignId: t.campaignId, serviceId: t.serviceId, date: t.date, hour: t.hour },
    1,
    t._id,
  );
}

/** Takes back a gift tap's stock unit and 人次, each only if this tap holds it. */
async function undoTap(ctx: HandlerContext, t: TapDoc): Promise<void> {
  await undoIncrement(ctx.db, ctx.db.collection<Doc>(COLLECTIONS.stationCounts), countId(t), t._id);
  if (t.kind === 'gift') await giveBack(ctx.db, ctx.db.collection<Doc>(COLLECTIONS.stationStock), stockId(t.campaignId, t.serviceId), t._id);
}

export interface SettleReport {
  finished: number;
  undone: number;
}

/**
 * The station timer: taps cut off mid-way and not retried. A service tap is finished (the worker
 * was served; its 人次 counts once thanks to the marker). A gift is undone: the worker was never
 * told to collect it, so its unit goes back to stock and the tap document goes, letting them tap
 * again. The tap is removed only after the stock is back, so a run cut off in between is redone by
 * the next; running beside live taps or another run is safe (every write is conditional).
 */
export async function settleTaps(ctx: HandlerContext): Promise<SettleReport> {
  const _ = ctx.db.command;
  const taps = ctx.db.collection<TapDoc>(COLLECTIONS.stationTaps);
  const stale = await taps.where({ done: false, at: _.lt(new Date(ctx.now.getTime() - STALE_TAP_MS)) }).limit(BATCH).get();
  const report: SettleReport = { finished: 0, undone: 0 };
  for (const t of stale.data) {
    if (t.kind === 'gift') {
      // Void first: a late retry of this tap can no longer finish it, and undoes its own writes.
      await taps.where({ _id: t._id, done: false }).update({ data: { void: true } });
      await undoTap(ctx, t);
      if ((await taps.where({ _id: t._id, void: true }).remove()).stats.removed === 1) report.undone += 1;
    } else {
      await countTap(ctx, t);
      if ((await taps.where({ _id: t._id, done: false }).update({ data: { done: true } })).stats.updated === 1) report.finished += 1;
    }
  }
  return report;
}
