/**
 * A worker's bookings: book, cancel, reschedule, 我的预约. The invariants are in the writes
 * (docs/centres.md):
 *   - a seat is taken by one conditional update on the slot's counter (server/db/counters.ts);
 *   - the weekly limit is a counter of the same kind per person, service and week;
 *   - one person, one booking per start: the unique index on activeKey (replaced when it ends);
 *   - a retried press is answered, not repeated: the booking _id is a hash of OPENID + requestId.
 * Order: quota, then seat, then the booking document; each later failure gives back what was
 * taken. A crash between steps can only leave a seat unused, never a seat sold twice.
 */
import QRCode from 'qrcode';
import { SENSITIVE_SERVICES, type Booking, type BookingWithQr, type CentreService } from '../../../contract/centres/model';
import { shanghaiDay } from '../../../contract/time';
import { subscribeTime } from '../../../contract/subscribe-templates';
import type { Collection, Database, Doc } from '../../db/database';
import { duplicateIndexName, giveBack, isDuplicateKey, takeOne } from '../../db/counters';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { sensitiveConsent } from '../account/consent';
import {
  activeKeyOf,
  endedKeyOf,
  hashId,
  newBookingCode,
  toBooking,
  type BookingDoc,
  type RosterDoc,
  type SlotDoc,
} from './records';
import { loadClosures, loadRoster } from './rosters';
import { checkSlot, slotId, slotStamp, weekStart, type CandidateSlot } from './slots';

const MAX_LIST = 50;

function bookings(db: Database): Collection<BookingDoc> {
  return db.collection<BookingDoc>(COLLECTIONS.bookings);
}

function counters(db: Database, name: typeof COLLECTIONS.slots | typeof COLLECTIONS.bookingQuotas): Collection<Doc> {
  return db.collection<Doc>(name);
}

export function quotaId(openid: string, service: string, start: Date): string {
  return hashId('quota', openid, service, weekStart(shanghaiDay(start)));
}

/** Takes the person's weekly quota for the service, or throws WEEKLY_LIMIT. */
async function takeQuota(db: Database, roster: RosterDoc, openid: string, start: Date): Promise<string> {
  const id = quotaId(openid, roster.service, start);
  const taken = await takeOne(db, counters(db, COLLECTIONS.bookingQuotas), {
    id,
    init: { service: roster.service, week: weekStart(shanghaiDay(start)) },
    capacity: roster.rules.perPersonPerWeek,
    likely: 'missing', // most workers book once a week at most
  });
  if (!taken) throw new AppError('WEEKLY_LIMIT', `这项服务每周最多预约${roster.rules.perPersonPerWeek}次，本周已约满`);
  return id;
}

/** Why a slot cannot be taken, judged from a counter read earlier (a fast refusal; the write decides). */
function refusalOf(counter: SlotDoc | undefined): 'SLOT_CLOSED' | 'SLOT_FULL' | null {
  if (!counter) return null;
  if (counter.closed) return 'SLOT_CLOSED';
  return counter.left <= 0 ? 'SLOT_FULL' : null;
}

/**
 * Takes a seat in the slot, or throws SLOT_FULL / SLOT_CLOSED. `known` is the counter as read
 * before (null: there was none), used only to choose the cheaper first request.
 */
export async function takeSeat(db: Database, roster: RosterDoc, slot: CandidateSlot, known?: SlotDoc | null): Promise<string> {
  const id = slotId(roster.centreId, roster.service, slot.start);
  const slotsCollection = counters(db, COLLECTIONS.slots);
  const taken = await takeOne(db, slotsCollection, {
    id,
    init: { centreId: roster.centreId, service: roster.service, date: slot.date, start: slot.start, seats: roster.seats, closed: false },
    capacity: roster.seats,
    when: { closed: false },
    likely: known === null ? 'missing' : 'present',
  });
  if (taken) return id;
  // Only on refusal: one read to say why.
  const res = await db.collection<SlotDoc>(COLLECTIONS.slots).where({ _id: id }).limit(1).get();
  throw new AppError(refusalOf(res.data[0]) ?? 'SLOT_FULL');
}

/** Waits briefly for a twin press (same request id, another instance) to finish its booking. */
const TWIN_WAITS_MS = [50, 150, 300, 600];
async function awaitTwin(db: Database, id: string): Promise<BookingDoc | undefined> {
  for (const wait of TWIN_WAITS_MS) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    const twin = await findBooking(db, id);
    if (twin) return twin;
  }
  return undefined;
}

async function findBooking(db: Database, id: string): Promise<BookingDoc | undefined> {
  return (await bookings(db).where({ _id: id }).limit(1).get()).data[0];
}

async function ownBooking(ctx: HandlerContext, id: string): Promise<BookingDoc> {
  const doc = await findBooking(ctx.db, id);
  // Someone else's booking is answered exactly like a missing one.
  if (!doc || doc.openid !== ctx.openid || doc.source !== 'worker') throw new AppError('NOT_FOUND', '没有找到这个预约');
  return doc;
}

async function validSlot(ctx: HandlerContext, centreId: string, service: CentreService, start: Date) {
  const date = shanghaiDay(start);
  const [roster, closures] = await Promise.all([loadRoster(ctx.db, centreId, service), loadClosures(ctx.db, centreId, [date])]);
  const check = checkSlot(roster, closures, start, ctx.now);
  if (!check.ok) throw new AppError(check.code);
  return { roster, slot: check.slot };
}

export async function book(
  ctx: HandlerContext,
  input: { centreId: string; service: CentreService; start: string; requestId: string; remind: boolean; phone?: string; topic?: string; sensitiveConsent?: boolean },
): Promise<Booking> {
  const consent = sensitiveConsent(ctx.now, SENSITIVE_SERVICES[input.service] ?? null, input.sensitiveConsent);
  // The topic is the worker's own words, shown to staff: checked like every free text.
  const topic = input.topic ?? '';
  if (topic && (await ctx.platform.checkText(topic, ctx.openid)) === 'risky') throw new AppError('TEXT_REFUSED');
  const _ = ctx.db.command;
  const start = new Date(input.start);
  const id = hashId('booking', ctx.openid, input.requestId);
  const activeKey = activeKeyOf(ctx.openid, slotStamp(start));

  // In parallel: the roster and closures; whether this press was already answered or the person
  // already holds this start; and the slot's counter. These give fast answers (a retried press, a
  // clash, a full slot refused without writing); the conditional writes below are what guarantee.
  const [{ roster, slot }, seen, counter] = await Promise.all([
    validSlot(ctx, input.centreId, input.service, start),
    bookings(ctx.db).where(_.or([{ _id: id }, { activeKey }])).limit(2).get(),
    ctx.db.collection<SlotDoc>(COLLECTIONS.slots).where({ _id: slotId(input.centreId, input.service, start) }).limit(1).get(),
  ]);
  const replay = seen.data.find((d) => d._id === id);
  if (replay) return toBooking(replay, ctx.now);
  if (seen.data.length > 0) throw new AppError('ALREADY_BOOKED_THEN');
  const known = counter.data[0] ?? null;
  const refusal = refusalOf(known ?? undefined);
  if (refusal) throw new AppError(refusal);

  let quota: string;
  let seat: string;
  try {
    quota = await takeQuota(ctx.db, roster, ctx.openid, slot.start);
    try {
      seat = await takeSeat(ctx.db, roster, slot, known);
    } catch (error) {
      await giveBack(ctx.db, counters(ctx.db, COLLECTIONS.bookingQuotas), quota);
      throw error;
    }
  } catch (error) {
    // The same press may be in flight in another instance (a double tap, a retry after a timeout)
    // and hold what this one was refused: answer with that booking rather than "full". A person's
    // weekly quota is used up by their own twins, so that refusal waits for the twin; a full slot
    // (refused to crowds of other people in a rush) only looks once, so the rush pays one read.
    const twin =
      error instanceof AppError
        ? error.code === 'WEEKLY_LIMIT'
          ? await awaitTwin(ctx.db, id)
          : await findBooking(ctx.db, id)
        : undefined;
    if (twin) return toBooking(twin, ctx.now);
    throw error;
  }

  const doc: BookingDoc = {
    _id: id,
    code: newBookingCode(),
    openid: ctx.openid,
    source: 'worker',
    name: '',
    phone: input.phone ?? '',
    centreId: roster.centreId,
    centreName: roster.centreName,
    service: roster.service,
    slotId: seat,
    quotaId: quota,
    start: slot.start,
    end: slot.end,
    date: slot.date,
    time: slot.time,
    status: 'booked',
    activeKey,
    changeUntil: new Date(slot.start.getTime() - roster.rules.changeUntilHours * 3_600_000),
    remind: input.remind,
    reminded: false,
    ...(topic ? { topic } : {}),
    ...consent,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      const { _id, ...fields } = doc;
      await bookings(ctx.db).add({ data: { _id, ...fields } });
      return toBooking(doc, ctx.now);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const index = duplicateIndexName(error);
      // A booking code collision (1 in 32^8 per pair): draw another code.
      if (index === 'code_unique' && attempt < 3) {
        doc.code = newBookingCode();
        continue;
      }
      await Promise.all([
        giveBack(ctx.db, counters(ctx.db, COLLECTIONS.slots), seat),
        giveBack(ctx.db, counters(ctx.db, COLLECTIONS.bookingQuotas), quota),
      ]);
      if (index === '_id_') {
        // The same press arrived twice at once: answer with the booking the other one made.
        const existing = await findBooking(ctx.db, id);
        if (existing) return toBooking(existing, ctx.now);
      }
      throw new AppError('ALREADY_BOOKED_THEN');
    }
  }
}

/** Ends an active booking (cancel, no-show, closed slot): status and activeKey in one conditional write. */
export async function endBooking(
  db: Database,
  doc: BookingDoc,
  status: 'cancelled' | 'no_show' | 'closed',
  now: Date,
  extra: Doc = {},
): Promise<boolean> {
  const res = await bookings(db)
    .where({ _id: doc._id, status: 'booked', activeKey: doc.activeKey })
    .update({ data: { status, activeKey: endedKeyOf(doc._id, now), updatedAt: now, ...extra } });
  return res.stats.updated === 1;
}

export async function cancel(ctx: HandlerContext, input: { id: string }): Promise<Booking> {
  const doc = await ownBooking(ctx, input.id);
  if (doc.status === 'cancelled') return toBooking(doc, ctx.now); // a retried cancel
  if (doc.status !== 'booked') throw new AppError('BOOKING_NOT_ACTIVE');
  if (ctx.now.getTime() > new Date(doc.changeUntil).getTime()) throw new AppError('TOO_LATE_TO_CHANGE');
  if (!(await endBooking(ctx.db, doc, 'cancelled', ctx.now))) {
    const now = await findBooking(ctx.db, doc._id);
    if (now?.status === 'cancelled') return toBooking(now, ctx.now);
    throw new AppError('BOOKING_NOT_ACTIVE');
  }
  await Promise.all([
    giveBack(ctx.db, counters(ctx.db, COLLECTIONS.slots), doc.slotId),
    giveBack(ctx.db, counters(ctx.db, COLLECTIONS.bookingQuotas), doc.quotaId),
  ]);
  return toBooking({ ...doc, status: 'cancelled' }, ctx.now);
}

/**
 * Moves a booking to another slot of the same service: take the new seat (and the new week's
 * quota when the week changes), move the booking with one conditional write (its old start must
 * still be current, and the unique activeKey refuses a clash), then give back the old seat.
 */
export async function reschedule(ctx: HandlerContext, input: { id: string; start: string }): Promise<Booking> {
  const doc = await ownBooking(ctx, input.id);
  const start = new Date(input.start);
  if (doc.status !== 'booked') throw new AppError('BOOKING_NOT_ACTIVE');
  if (new Date(doc.start).getTime() === start.getTime()) return toBooking(doc, ctx.now);
  if (ctx.now.getTime() > new Date(doc.changeUntil).getTime()) throw new AppError('TOO_LATE_TO_CHANGE');
  const { roster, slot } = await validSlot(ctx, doc.centreId, doc.service, start);

  const newQuota = quotaId(ctx.openid, doc.service, start);
  const weekChanges = newQuota !== doc.quotaId;
  if (weekChanges) await takeQuota(ctx.db, roster, ctx.openid, start);
  const giveBackNew = async (seat?: string) => {
    await Promise.all([
      seat ? giveBack(ctx.db, counters(ctx.db, COLLECTIONS.slots), seat) : Promise.resolve(),
      weekChanges ? giveBack(ctx.db, counters(ctx.db, COLLECTIONS.bookingQuotas), newQuota) : Promise.resolve(),
    ]);
  };
  let seat: string;
  try {
    seat = await takeSeat(ctx.db, roster, slot);
  } catch (error) {
    await giveBackNew();
    throw error;
  }
  let moved = false;
  try {
    const res = await bookings(ctx.db)
      .where({ _id: doc._id, status: 'booked', activeKey: doc.activeKey })
      .update({
        data: {
          start: slot.start,
          end: slot.end,
          date: slot.date,
          time: slot.time,
          slotId: seat,
          quotaId: newQuota,
          activeKey: activeKeyOf(ctx.openid, slotStamp(slot.start)),
          changeUntil: new Date(slot.start.getTime() - roster.rules.changeUntilHours * 3_600_000),
          reminded: false,
          updatedAt: ctx.now,
        },
      });
    moved = res.stats.updated === 1;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await giveBackNew(seat);
    throw new AppError('ALREADY_BOOKED_THEN');
  }
  if (!moved) {
    await giveBackNew(seat);
    throw new AppError('BOOKING_NOT_ACTIVE');
  }
  await Promise.all([
    giveBack(ctx.db, counters(ctx.db, COLLECTIONS.slots), doc.slotId),
    weekChanges ? giveBack(ctx.db, counters(ctx.db, COLLECTIONS.bookingQuotas), doc.quotaId) : Promise.resolve(),
  ]);
  const after = await findBooking(ctx.db, doc._id);
  return toBooking(after ?? doc, ctx.now);
}

/** 我的预约: the worker's bookings, newest start first. One request. */
export async function myBookings(ctx: HandlerContext): Promise<Booking[]> {
  const res = await bookings(ctx.db).where({ openid: ctx.openid, source: 'worker' }).orderBy('start', 'desc').limit(MAX_LIST).get();
  return res.data.map((doc) => toBooking(doc, ctx.now));
}

/** One booking with its QR code as a PNG data URL (the code staff scan or type). */
export async function getBooking(ctx: HandlerContext, input: { id: string }): Promise<BookingWithQr> {
  const doc = await ownBooking(ctx, input.id);
  const qrDataUrl = await QRCode.toDataURL(doc.code, { errorCorrectionLevel: 'M', margin: 2, width: 360 });
  return { ...toBooking(doc, ctx.now), qrDataUrl };
}

/** For messages: WeChat's documented `time` form in Shanghai (contract/subscribe-templates.ts). */
export function wallClock(instant: Date): string {
  return subscribeTime(instant);
}
