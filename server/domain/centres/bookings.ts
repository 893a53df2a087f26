/**
 * A worker's bookings: book, cancel, reschedule, 我的预约. The invariants are in the writes
 * (docs/centres.md):
 *   - a seat is taken by one conditional update on the slot's counter (server/db/counters.ts);
 *   - the weekly limit is a counter of the same kind per person, service and week;
 *   - one person, one booking per start: the unique index on activeKey (replaced when it ends);
 *   - a retried press is answered, not repeated: the booking _id is a hash of OPENID + requestId.
 * Order: the booking document (marked pending), then quota, then seat (each marked with the
 * booking's _id), then the pending mark cleared; a refusal gives back what was taken. A crash
 * between steps never sells a seat twice, and what it leaves is settled (booking-repair.ts).
 */
import QRCode from 'qrcode';
import { SENSITIVE_SERVICES, type Booking, type BookingWithQr, type CentreService } from '../../../contract/centres/model';
import { shanghaiDay } from '../../../contract/time';
import { subscribeTime } from '../../../contract/subscribe-templates';
import type { Collection, Database, Doc } from '../../db/database';
import { duplicateIndexName, isDuplicateKey, takeMarked, takeOne } from '../../db/counters';
import { clearPending, giveUnits, pendingIs, settleBooking, settledFirst, type Units } from './booking-repair';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { sensitiveConsent } from '../account/consent';
import {
  activeKeyOf,
  endedKeyOf,
  hashId,
  isUnconfirmed,
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

/** Takes the person's weekly quota for the service for this booking, or throws WEEKLY_LIMIT. */
async function takeQuota(db: Database, roster: RosterDoc, id: string, bookingId: string, start: Date): Promise<void> {
  const taken = await takeMarked(db, counters(db, COLLECTIONS.bookingQuotas), {
    id,
    init: { service: roster.service, week: weekStart(shanghaiDay(start)) },
    capacity: roster.rules.perPersonPerWeek,
    likely: 'missing', // most workers book once a week at most
    marker: bookingId,
  });
  if (!taken) throw new AppError('WEEKLY_LIMIT', `这项服务每周最多预约${roster.rules.perPersonPerWeek}次，本周已约满`);
}

/** Why a slot cannot be taken, judged from a counter read earlier (a fast refusal; the write decides). */
function refusalOf(counter: SlotDoc | undefined): 'SLOT_CLOSED' | 'SLOT_FULL' | null {
  if (!counter) return null;
  if (counter.closed) return 'SLOT_CLOSED';
  return counter.left <= 0 ? 'SLOT_FULL' : null;
}

/**
 * Takes a seat in the slot, or throws SLOT_FULL / SLOT_CLOSED. `known` is the counter as read
 * before (null: there was none), used only to choose the cheaper first request. With `holder` (a
 * booking's _id) the seat is marked as that booking's and taking it again is harmless.
 */
export async function takeSeat(db: Database, roster: RosterDoc, slot: CandidateSlot, known?: SlotDoc | null, holder?: string): Promise<string> {
  const id = slotId(roster.centreId, roster.service, slot.start);
  const slotsCollection = counters(db, COLLECTIONS.slots);
  const spec = {
    id,
    init: { centreId: roster.centreId, service: roster.service, date: slot.date, start: slot.start, seats: roster.seats, closed: false },
    capacity: roster.seats,
    when: { closed: false },
    likely: known === null ? ('missing' as const) : ('present' as const),
  };
  const taken = holder ? await takeMarked(db, slotsCollection, { ...spec, marker: holder }) : await takeOne(db, slotsCollection, spec);
  if (taken) return id;
  // Only on refusal: one read to say why.
  const res = await db.collection<SlotDoc>(COLLECTIONS.slots).where({ _id: id }).limit(1).get();
  throw new AppError(refusalOf(res.data[0]) ?? 'SLOT_FULL');
}

async function findBooking(db: Database, id: string): Promise<BookingDoc | undefined> {
  return (await bookings(db).where({ _id: id }).limit(1).get()).data[0];
}

async function ownBooking(ctx: HandlerContext, id: string): Promise<BookingDoc> {
  const doc = await findBooking(ctx.db, id);
  // Someone else's booking is answered exactly like a missing one; so is one still being made
  // (its worker was never told it exists).
  if (!doc || doc.openid !== ctx.openid || doc.source !== 'worker' || isUnconfirmed(doc)) throw new AppError('NOT_FOUND', '没有找到这个预约');
  return settledFirst(ctx, doc);
}

async function validSlot(ctx: HandlerContext, centreId: string, service: CentreService, start: Date) {
  const date = shanghaiDay(start);
  const [roster, closures] = await Promise.all([loadRoster(ctx.db, centreId, service), loadClosures(ctx.db, centreId, [date])]);
  const check = checkSlot(roster, closures, start, ctx.now);
  if (!check.ok) throw new AppError(check.code);
  return { roster, slot: check.slot };
}

/** The booking as the worker sees it once its pending write is done. */
function confirmed(doc: BookingDoc): BookingDoc {
  const { pending: _op, pendingSince: _since, pendingSlotId: _slot, pendingQuotaId: _quota, ...rest } = doc;
  return rest;
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
  if (replay) return finishBook(ctx, replay, roster, slot);
  // The person holds this start, unless it is a booking of theirs cut off long ago: given up now.
  const clash = seen.data[0];
  if (clash && !(isUnconfirmed(clash) && (await settleBooking(ctx, clash)) === 'undone')) throw new AppError('ALREADY_BOOKED_THEN');
  const known = counter.data[0] ?? null;
  const refusal = refusalOf(known ?? undefined);
  if (refusal) throw new AppError(refusal);

  // The booking first, marked pending: from here a crash leaves a record the timer settles. The
  // unique activeKey refuses a clash before anything is taken; a twin press collides on the _id.
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
    slotId: slotId(roster.centreId, roster.service, slot.start),
    quotaId: quotaId(ctx.openid, roster.service, slot.start),
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
    pending: 'book',
    pendingSince: ctx.now,
    marked: true,
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      const { _id, ...fields } = doc;
      await bookings(ctx.db).add({ data: { _id, ...fields } });
      return await finishBook(ctx, doc, roster, slot, known);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const index = duplicateIndexName(error);
      // A booking code collision (1 in 32^8 per pair): draw another code.
      if (index === 'code_unique' && attempt < 3) {
        doc.code = newBookingCode();
        continue;
      }
      if (index === '_id_') {
        // The same press arrived twice at once: finish (or answer) the booking the other one made.
        const twin = await findBooking(ctx.db, id);
        if (twin) return finishBook(ctx, twin, roster, slot);
      }
      throw new AppError('ALREADY_BOOKED_THEN');
    }
  }
}

/**
 * The writes after a booking document (a worker's or a walk-in's), each safe to redo (by this
 * press, a twin of it or a retry): quota (a walk-in has none), seat, then the clearing of
 * `pending` that confirms it. Answers the confirmed booking.
 */
export async function finishTaking(ctx: HandlerContext, doc: BookingDoc, roster: RosterDoc, slot: CandidateSlot, known?: SlotDoc | null): Promise<BookingDoc> {
  if (!isUnconfirmed(doc)) return doc;
  if (doc.pending === 'undo') throw new AppError('CONFLICT'); // being given up right now
  try {
    if (doc.quotaId) await takeQuota(ctx.db, roster, doc.quotaId, doc._id, slot.start);
    await takeSeat(ctx.db, roster, slot, known, doc._id);
  } catch (error) {
    // Refused (or failed): nothing of it stays. Units first, then the document.
    await giveUnits(ctx, doc._id, { slotId: doc.slotId, quotaId: doc.quotaId || undefined });
    await bookings(ctx.db).where(pendingIs(doc, 'book')).remove();
    throw error;
  }
  if (await clearPending(ctx, doc, 'book')) return confirmed(doc);
  const now = await findBooking(ctx.db, doc._id);
  if (now && !now.pending) return now; // a twin finished it
  // Given up meanwhile (a press minutes late): what this one took goes back (each once).
  await giveUnits(ctx, doc._id, { slotId: doc.slotId, quotaId: doc.quotaId || undefined });
  throw new AppError('CONFLICT');
}

async function finishBook(ctx: HandlerContext, doc: BookingDoc, roster: RosterDoc, slot: CandidateSlot, known?: SlotDoc | null): Promise<Booking> {
  return toBooking(await finishTaking(ctx, doc, roster, slot, known), ctx.now);
}

/**
 * Ends an active booking (cancel, no-show, closed slot): status and activeKey in one conditional
 * write, which also records the units to give back (`give`); they are given back and the record
 * cleared after. False if the booking was not active (or another write on it is under way).
 */
export async function endBooking(
  ctx: HandlerContext,
  doc: BookingDoc,
  status: 'cancelled' | 'no_show' | 'closed',
  units: Units,
  extra: Doc = {},
): Promise<boolean> {
  const _ = ctx.db.command;
  const owes = !!(units.slotId || units.quotaId);
  const res = await bookings(ctx.db)
    .where({ _id: doc._id, status: 'booked', activeKey: doc.activeKey, pending: _.exists(false) })
    .update({
      data: {
        status,
        activeKey: endedKeyOf(doc._id, ctx.now),
        updatedAt: ctx.now,
        ...extra,
        ...(owes ? { pending: 'give', pendingSince: ctx.now, pendingSlotId: units.slotId ?? _.remove(), pendingQuotaId: units.quotaId ?? _.remove() } : {}),
      },
    });
  if (res.stats.updated !== 1) return false;
  if (owes) {
    await giveUnits(ctx, doc._id, units);
    await clearPending(ctx, { _id: doc._id, pendingSince: ctx.now }, 'give');
  }
  return true;
}

export async function cancel(ctx: HandlerContext, input: { id: string }): Promise<Booking> {
  const doc = await ownBooking(ctx, input.id);
  if (doc.status === 'cancelled') return toBooking(doc, ctx.now); // a retried cancel
  if (doc.status !== 'booked') throw new AppError('BOOKING_NOT_ACTIVE');
  if (ctx.now.getTime() > new Date(doc.changeUntil).getTime()) throw new AppError('TOO_LATE_TO_CHANGE');
  if (doc.pending) throw new AppError('CONFLICT'); // a reschedule of it is under way
  if (!(await endBooking(ctx, doc, 'cancelled', { slotId: doc.slotId, quotaId: doc.quotaId }))) {
    const now = await findBooking(ctx.db, doc._id);
    if (now?.status === 'cancelled') return toBooking(now, ctx.now);
    throw new AppError(now?.status === 'booked' ? 'CONFLICT' : 'BOOKING_NOT_ACTIVE');
  }
  return toBooking({ ...doc, status: 'cancelled' }, ctx.now);
}

/**
 * Moves a booking to another slot of the same service: record the move (`move`, naming the new
 * seat and the new week's quota when the week changes), take those, move the booking with one
 * conditional write (its old start must still be current, and the unique activeKey refuses a
 * clash) that records the old units to give back (`give`), then give them back.
 */
export async function reschedule(ctx: HandlerContext, input: { id: string; start: string }): Promise<Booking> {
  const doc = await ownBooking(ctx, input.id);
  const start = new Date(input.start);
  if (doc.status !== 'booked') throw new AppError('BOOKING_NOT_ACTIVE');
  if (new Date(doc.start).getTime() === start.getTime()) return toBooking(doc, ctx.now);
  if (ctx.now.getTime() > new Date(doc.changeUntil).getTime()) throw new AppError('TOO_LATE_TO_CHANGE');
  if (doc.pending) throw new AppError('CONFLICT');
  const { roster, slot } = await validSlot(ctx, doc.centreId, doc.service, start);
  const _ = ctx.db.command;

  const newQuota = quotaId(ctx.openid, doc.service, start);
  const taking: Units = { slotId: slotId(roster.centreId, roster.service, slot.start), quotaId: newQuota !== doc.quotaId ? newQuota : undefined };
  const move = { _id: doc._id, pendingSince: ctx.now };
  const recorded = await bookings(ctx.db)
    .where({ _id: doc._id, status: 'booked', activeKey: doc.activeKey, pending: _.exists(false) })
    .update({ data: { pending: 'move', pendingSince: ctx.now, pendingSlotId: taking.slotId, pendingQuotaId: taking.quotaId ?? _.remove() } });
  if (recorded.stats.updated !== 1) {
    const now = await findBooking(ctx.db, doc._id);
    throw new AppError(now?.status === 'booked' ? 'CONFLICT' : 'BOOKING_NOT_ACTIVE');
  }
  const giveUpMove = async () => {
    await giveUnits(ctx, doc._id, taking);
    await clearPending(ctx, move, 'move');
  };
  try {
    if (taking.quotaId) await takeQuota(ctx.db, roster, taking.quotaId, doc._id, start);
    await takeSeat(ctx.db, roster, slot, undefined, doc._id);
  } catch (error) {
    await giveUpMove();
    throw error;
  }
  const old: Units = { slotId: doc.slotId, quotaId: taking.quotaId ? doc.quotaId : undefined };
  let moved = false;
  try {
    const res = await bookings(ctx.db)
      .where({ ...pendingIs(move, 'move'), status: 'booked', activeKey: doc.activeKey })
      .update({
        data: {
          start: slot.start,
          end: slot.end,
          date: slot.date,
          time: slot.time,
          slotId: taking.slotId,
          quotaId: newQuota,
          activeKey: activeKeyOf(ctx.openid, slotStamp(slot.start)),
          changeUntil: new Date(slot.start.getTime() - roster.rules.changeUntilHours * 3_600_000),
          reminded: false,
          updatedAt: ctx.now,
          pending: 'give',
          pendingSlotId: old.slotId,
          pendingQuotaId: old.quotaId ?? _.remove(),
        },
      });
    moved = res.stats.updated === 1;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await giveUpMove();
    throw new AppError('ALREADY_BOOKED_THEN');
  }
  if (!moved) {
    // Given up by the timer meanwhile (or ended): what this call took goes back.
    await giveUnits(ctx, doc._id, taking);
    throw new AppError('CONFLICT');
  }
  await giveUnits(ctx, doc._id, old);
  await clearPending(ctx, move, 'give');
  const after = await findBooking(ctx.db, doc._id);
  return toBooking(after ?? doc, ctx.now);
}

/** 我的预约: the worker's bookings, newest start first. One request. */
export async function myBookings(ctx: HandlerContext): Promise<Booking[]> {
  const res = await bookings(ctx.db).where({ openid: ctx.openid, source: 'worker' }).orderBy('start', 'desc').limit(MAX_LIST).get();
  return res.data.filter((doc) => !isUnconfirmed(doc)).map((doc) => toBooking(doc, ctx.now));
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
