/**
 * Staff at a centre: the day's list, check-in by booking code, walk-ins, no-shows, closing a slot.
 * Each mutation is one exported function that starts with assertCentre (one place to audit later).
 */
import { CENTRE_SERVICES, type CentreService, type StaffBookingRow, type StaffDayView } from '../../../contract/centres/model';
import { dayTimeText, shanghaiDay } from '../../../contract/time';
import type { Doc } from '../../db/database';
import { isDuplicateKey } from '../../db/counters';
import { pressDocId, pressKey } from '../../db/once-per-press';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { endBooking, finishTaking, wallClock } from './bookings';
import { settledFirst } from './booking-repair';
import { deliver, type OutgoingMessage } from '../messages/outbox';
import { BOOKING_PAGE, changedData } from './messages';
import { isUnconfirmed, newBookingCode, toStaffRow, type BookingDoc, type RosterDoc, type SlotDoc } from './records';
import { loadRoster } from './rosters';
import { slotId, slotsOnDay } from './slots';
import { assertCentre } from './staff-scope';

/** The slots of a centre on a day, each with its bookings. Four requests in parallel. */
export async function staffDay(ctx: HandlerContext, input: { centreId: string; date: string }): Promise<StaffDayView> {
  assertCentre(ctx, input.centreId);
  const [centre, rosters, counters, booked] = await Promise.all([
    ctx.db.collection<{ name: string }>(COLLECTIONS.centres).where({ _id: input.centreId }).limit(1).get(),
    ctx.db.collection<RosterDoc>(COLLECTIONS.rosters).where({ centreId: input.centreId }).limit(100).get(),
    ctx.db.collection<SlotDoc>(COLLECTIONS.slots).where({ centreId: input.centreId, date: input.date }).limit(1000).get(),
    ctx.db.collection<BookingDoc>(COLLECTIONS.bookings).where({ centreId: input.centreId, date: input.date }).limit(1000).get(),
  ]);
  if (!centre.data[0]) throw new AppError('NOT_FOUND', '没有找到这个服务中心');
  const countersById = new Map(counters.data.map((c) => [c._id, c]));
  const order = (s: CentreService) => CENTRE_SERVICES.indexOf(s);
  const slots = rosters.data
    .flatMap((roster) =>
      slotsOnDay(roster, input.date).map((slot) => {
        const id = slotId(roster.centreId, roster.service, slot.start);
        const counter = countersById.get(id);
        return {
          service: roster.service,
          start: slot.start.toISOString(),
          time: slot.time,
          seats: counter?.seats ?? roster.seats,
          left: counter ? Math.max(0, counter.left) : roster.seats,
          closed: counter?.closed === true,
          bookings: booked.data
            .filter((b) => !isUnconfirmed(b))
            .filter((b) => b.slotId === id)
            .sort((a, b) => a.createdAt.valueOf() - b.createdAt.valueOf())
            .map(toStaffRow),
        };
      }),
    )
    .sort((a, b) => (a.start === b.start ? order(a.service) - order(b.service) : a.start < b.start ? -1 : 1));
  return { centreId: input.centreId, centreName: centre.data[0].name, date: input.date, slots };
}

/** Check-in by the code staff scan (or type). Today's bookings only; a second scan answers the same row. */
export async function checkIn(ctx: HandlerContext, input: { code: string }): Promise<StaffBookingRow> {
  const res = await ctx.db.collection<BookingDoc>(COLLECTIONS.bookings).where({ code: input.code }).limit(1).get();
  const doc = res.data[0];
  if (!doc) throw new AppError('CODE_NOT_FOUND');
  assertCentre(ctx, doc.centreId);
  if (doc.status === 'arrived') return toStaffRow(doc);
  if (doc.status !== 'booked') throw new AppError('BOOKING_NOT_ACTIVE');
  if (doc.date !== shanghaiDay(ctx.now)) throw new AppError('NOT_TODAY', `这个预约是 ${dayTimeText(doc.start, ctx.now)} 的，不是今天`);
  const updated = await ctx.db
    .collection(COLLECTIONS.bookings)
    .where({ _id: doc._id, status: 'booked' })
    .update({ data: { status: 'arrived', arrivedAt: ctx.now, checkedInBy: ctx.staff?.name ?? '', updatedAt: ctx.now } });
  if (updated.stats.updated !== 1) throw new AppError('BOOKING_NOT_ACTIVE');
  return toStaffRow({ ...doc, status: 'arrived' });
}

/** A walk-in takes a seat in a slot like a booking does, and is marked arrived. */
export async function walkIn(
  ctx: HandlerContext,
  input: { centreId: string; service: CentreService; start: string; name: string; phone?: string; requestId: string },
): Promise<StaffBookingRow> {
  assertCentre(ctx, input.centreId);
  const roster = await loadRoster(ctx.db, input.centreId, input.service);
  const start = new Date(input.start);
  const slot = slotsOnDay(roster, shanghaiDay(start)).find((s) => s.start.getTime() === start.getTime());
  if (!slot) throw new AppError('SLOT_NOT_FOUND');
  // One walk-in per press of 添加 (server/db/once-per-press.ts): its _id is the press's. As a worker's
  // booking (bookings.ts): the document first, marked pending, then the seat marked with its _id,
  // then confirmed; a cut in between is settled by the centres timer.
  const id = pressDocId('walkin-', pressKey(ctx.openid, input.requestId), 24);
  const doc: BookingDoc = {
    _id: id,
    code: newBookingCode(),
    openid: '',
    source: 'walk_in',
    name: input.name,
    phone: input.phone ?? '',
    centreId: roster.centreId,
    centreName: roster.centreName,
    service: roster.service,
    slotId: slotId(roster.centreId, roster.service, slot.start),
    quotaId: '',
    start: slot.start,
    end: slot.end,
    date: slot.date,
    time: slot.time,
    status: 'arrived',
    activeKey: `walkin:${id}`,
    changeUntil: slot.start,
    remind: false,
    reminded: false,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    pending: 'book',
    pendingSince: ctx.now,
    marked: true,
  };
  const walkIns = ctx.db.collection<BookingDoc>(COLLECTIONS.bookings);
  try {
    const { _id, ...fields } = doc;
    await walkIns.add({ data: { _id, ...fields, addedBy: ctx.staff?.name ?? '' } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = (await walkIns.where({ _id: id }).limit(1).get()).data[0];
    if (!existing) throw error;
    // The same form sent twice: answer (or finish) the first.
    return toStaffRow(await finishTaking(ctx, existing, roster, slot));
  }
  return toStaffRow(await finishTaking(ctx, doc, roster, slot));
}

/** Marks a booking nobody came for, once its slot has started. The seat is not given back. */
export async function noShow(ctx: HandlerContext, input: { id: string }): Promise<StaffBookingRow> {
  const doc = (await ctx.db.collection<BookingDoc>(COLLECTIONS.bookings).where({ _id: input.id }).limit(1).get()).data[0];
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这个预约');
  assertCentre(ctx, doc.centreId);
  if (doc.status === 'no_show') return toStaffRow(doc);
  if (doc.status !== 'booked') throw new AppError('BOOKING_NOT_ACTIVE');
  if (new Date(doc.start).getTime() > ctx.now.getTime()) throw new AppError('BAD_INPUT', '预约时间还没到，不能标记未到场');
  if (!(await endBooking(ctx, await settledFirst(ctx, doc), 'no_show', {}))) throw new AppError('BOOKING_NOT_ACTIVE');
  return toStaffRow({ ...doc, status: 'no_show' });
}

/**
 * Closes a slot: no more bookings (the counter's `closed` flag is part of every take's condition),
 * each active booking ends as 'closed' with its weekly quota given back, and each booker is told
 * by subscribe message where they granted one.
 */
export async function closeSlot(
  ctx: HandlerContext,
  input: { centreId: string; service: CentreService; start: string; reason: string },
): Promise<{ closed: boolean; told: number; notified: number }> {
  assertCentre(ctx, input.centreId);
  const roster = await loadRoster(ctx.db, input.centreId, input.service);
  const start = new Date(input.start);
  const slot = slotsOnDay(roster, shanghaiDay(start)).find((s) => s.start.getTime() === start.getTime());
  if (!slot) throw new AppError('SLOT_NOT_FOUND');
  const id = slotId(roster.centreId, roster.service, slot.start);
  const slots = ctx.db.collection<Doc>(COLLECTIONS.slots);
  const mark = { closed: true, closedReason: input.reason, closedAt: ctx.now };
  const marked = await slots.where({ _id: id }).update({ data: mark });
  if (marked.stats.updated === 0) {
    try {
      await slots.add({
        data: { _id: id, centreId: roster.centreId, service: roster.service, date: slot.date, start: slot.start, seats: roster.seats, left: roster.seats, ...mark },
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await slots.where({ _id: id }).update({ data: mark });
    }
  }
  const active = await ctx.db.collection<BookingDoc>(COLLECTIONS.bookings).where({ slotId: id, status: 'booked' }).limit(1000).get();
  let told = 0;
  const messages: OutgoingMessage[] = [];
  for (const doc of active.data) {
    // The slot is closed, so its seat is not given back; the weekly quota is.
    if (!(await endBooking(ctx, await settledFirst(ctx, doc), 'closed', { quotaId: doc.quotaId || undefined }, { closedReason: input.reason }))) continue;
    told += 1;
    if (doc.openid) {
      messages.push({
        key: `bookingChanged:${doc._id}`,
        touser: doc.openid,
        template: 'bookingChanged',
        page: `${BOOKING_PAGE}?id=${doc._id}`,
        data: changedData({ service: doc.service, centreName: doc.centreName, when: wallClock(new Date(doc.start)), reason: input.reason }),
      });
    }
  }
  const notified = (await deliver(ctx, messages)).sent;
  return { closed: true, told, notified };
}

