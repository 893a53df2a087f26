/**
 * Rosters and closures: reading them for slots, and staff saving them. Also the two read-only
 * slot views: a service's bookable days, and the nearest centre with a free slot today.
 */
import type {
  Closure,
  NearestFree,
  ServiceRoster,
  SlotsView,
  CentreService,
} from '../../../contract/centres/model';
import { shanghaiDay } from '../../../contract/time';
import type { Database } from '../../db/database';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import type { RosterDoc, SlotDoc } from './records';
import { addDays, buildSlotDays, slotId, slotsOnDay, timingOf, closureOn, type SlotCounter } from './slots';
import { assertCentre } from './staff-scope';

export function rosterId(centreId: string, service: string): string {
  return `${centreId}:${service}`;
}

export async function loadRoster(db: Database, centreId: string, service: CentreService): Promise<RosterDoc> {
  const res = await db.collection<RosterDoc>(COLLECTIONS.rosters).where({ _id: rosterId(centreId, service) }).limit(1).get();
  const roster = res.data[0];
  if (!roster) throw new AppError('SERVICE_NOT_OFFERED');
  return roster;
}

/** Closures of a centre (and of every centre) on the given dates. */
export async function loadClosures(db: Database, centreId: string, dates: string[]): Promise<Closure[]> {
  const _ = db.command;
  const ids = dates.flatMap((d) => [`${centreId}:${d}`, `all:${d}`]);
  const res = await db.collection<Closure>(COLLECTIONS.closures).where({ _id: _.in(ids) }).limit(ids.length).get();
  return res.data;
}

function countersOf(docs: SlotDoc[]): Map<string, SlotCounter> {
  return new Map(docs.map((d) => [d._id, { left: d.left, seats: d.seats, closed: d.closed === true }]));
}

/** A service's bookable days at a centre. Three requests, in parallel after the roster. */
export async function getSlots(ctx: HandlerContext, input: { centreId: string; service: CentreService }): Promise<SlotsView> {
  const _ = ctx.db.command;
  const roster = await loadRoster(ctx.db, input.centreId, input.service);
  const today = shanghaiDay(ctx.now);
  const last = addDays(today, roster.rules.windowDays - 1);
  const dates = Array.from({ length: roster.rules.windowDays }, (_unused, i) => addDays(today, i));
  const [closures, counters] = await Promise.all([
    loadClosures(ctx.db, input.centreId, dates),
    ctx.db
      .collection<SlotDoc>(COLLECTIONS.slots)
      .where({ centreId: input.centreId, service: input.service, date: _.gte(today).and(_.lte(last)) })
      .limit(1000)
      .get(),
  ]);
  return {
    centreId: roster.centreId,
    centreName: roster.centreName,
    service: roster.service,
    durationMinutes: roster.durationMinutes,
    rules: roster.rules,
    days: buildSlotDays({ roster, closures, counters: countersOf(counters.data), now: ctx.now }),
  };
}

interface CentrePlace {
  _id: string;
  name: string;
  order: number;
  location: { latitude: number; longitude: number };
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * The nearest centre with a free slot later today: by distance when the worker shared a location,
 * otherwise in the union's order. Four requests in parallel.
 */
export async function nearestFree(ctx: HandlerContext, input: { near?: string }): Promise<NearestFree | null> {
  const today = shanghaiDay(ctx.now);
  const [centres, rosters, closures, counters] = await Promise.all([
    ctx.db.collection<CentrePlace>(COLLECTIONS.centres).field({ name: true, order: true, location: true }).limit(100).get(),
    ctx.db.collection<RosterDoc>(COLLECTIONS.rosters).limit(1000).get(),
    ctx.db.collection<Closure>(COLLECTIONS.closures).where({ date: today }).limit(100).get(),
    ctx.db.collection<SlotDoc>(COLLECTIONS.slots).where({ date: today }).limit(1000).get(),
  ]);
  // Ranked from the centre the worker picked (no location permission: docs/deploying.md), else in
  // the union's order.
  const picked = input.near === undefined ? undefined : centres.data.find((c) => c._id === input.near);
  if (input.near !== undefined && !picked) throw new AppError('NOT_FOUND', '没有这个服务中心，请重新选择');
  const here = picked ? picked.location : null;
  const byCounter = countersOf(counters.data);
  const ranked = centres.data
    .map((c) => ({ centre: c, km: here ? distanceKm(here, c.location) : undefined }))
    .sort((a, b) => (a.km !== undefined && b.km !== undefined ? a.km - b.km : a.centre.order - b.centre.order));
  for (const { centre, km } of ranked) {
    if (closureOn(closures.data, centre._id, today)) continue;
    let best: NearestFree | null = null;
    for (const roster of rosters.data.filter((r) => r.centreId === centre._id)) {
      for (const slot of slotsOnDay(roster, today)) {
        if (timingOf(slot.start, roster.rules, ctx.now) !== 'ok') continue;
        const counter = byCounter.get(slotId(roster.centreId, roster.service, slot.start));
        const left = counter ? counter.left : roster.seats;
        if (counter?.closed || left <= 0) continue;
        if (!best || slot.start.toISOString() < best.start) {
          best = {
            centreId: centre._id,
            centreName: centre.name,
            service: roster.service,
            start: slot.start.toISOString(),
            time: slot.time,
            left,
            ...(km !== undefined ? { distanceKm: Math.round(km * 10) / 10 } : {}),
          };
        }
      }
    }
    if (best) return best;
  }
  return null;
}

/** Staff save a service's weekly roster (their own centres only). Existing slot counters keep their seats. */
export async function saveRoster(
  ctx: HandlerContext,
  input: Omit<ServiceRoster, 'periods'> & { periods: Array<{ weekday: number; start: string; end: string }> },
): Promise<ServiceRoster> {
  assertCentre(ctx, input.centreId);
  const centre = await ctx.db.collection<CentrePlace>(COLLECTIONS.centres).where({ _id: input.centreId }).limit(1).get();
  if (!centre.data[0]) throw new AppError('NOT_FOUND', '没有找到这个服务中心');
  const roster: ServiceRoster = { ...input, periods: input.periods as ServiceRoster['periods'] };
  await ctx.db
    .collection(COLLECTIONS.rosters)
    .doc(rosterId(input.centreId, input.service))
    .set({ data: { ...roster, centreName: centre.data[0].name, updatedAt: ctx.now } });
  return roster;
}

/** Staff close a centre for a day (holiday, training). Existing bookings are not touched here. */
export async function saveClosure(ctx: HandlerContext, input: Closure): Promise<{ centreId: string; date: string }> {
  assertCentre(ctx, input.centreId);
  await ctx.db
    .collection(COLLECTIONS.closures)
    .doc(`${input.centreId}:${input.date}`)
    .set({ data: { centreId: input.centreId, date: input.date, reason: input.reason, updatedAt: ctx.now } });
  return { centreId: input.centreId, date: input.date };
}
