/**
 * A worker's own entry: sign up (first come or lottery application), cancel, claim an offered seat.
 * Every change is a conditional write; a sign-up is idempotent by its request id (the entry's _id
 * is derived from it) and one active entry per worker per event is the unique `activeKey`.
 */
import type { EventSubscription, MyEntry } from '../../../contract/events/model';
import { SEAT_HOLDING_STATUSES, signUpSensitiveKind } from '../../../contract/events/model';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { sensitiveConsent } from '../account/consent';
import { acceptsSignUps } from './badge';
import { claimDoorCode, releaseDoorCode } from './door-codes';
import { checkSignUp, type SignUpForm } from './eligibility';
import { joinQueue, leaveQueue, ledgerView, releaseSeats, takeSeats } from './ledger';
import { promote } from './promote';
import { activeKeyOf, isActive, toMyEntry, type EntryDoc, type EventDoc } from './records';
import { entriesOf, entryIdOf, findEntry, isDuplicateKey, loadEvent, newTicketCode, positionOf } from './store';

export interface SignUpInput extends SignUpForm {
  eventId: string;
  requestId: string;
  subscribed?: EventSubscription[];
  sensitiveConsent?: boolean;
}

const SETTLE_ATTEMPTS = 8;

async function present(ctx: HandlerContext, entry: EntryDoc, event: EventDoc): Promise<MyEntry> {
  return toMyEntry(entry, event, await positionOf(ctx.db, entry), ctx.now);
}

async function reload(ctx: HandlerContext, id: string): Promise<EntryDoc> {
  const entry = await findEntry(ctx.db, { _id: id });
  if (!entry) throw new AppError('ENTRY_NOT_FOUND');
  return entry;
}

/** First-time priority for lotteries: has the worker held a seat at an event of this series? */
async function priorityOf(ctx: HandlerContext, event: EventDoc): Promise<number> {
  if (event.lotteryPriority !== 'first_time' || !event.series) return 0;
  const _ = ctx.db.command;
  const before = await entriesOf(ctx.db)
    .where({ openid: ctx.openid, series: event.series, status: _.in(['confirmed', 'checked_in']) })
    .count();
  return before.total > 0 ? 1 : 0;
}

export async function signUp(ctx: HandlerContext, input: SignUpInput): Promise<MyEntry> {
  const event = await loadEvent(ctx.db, input.eventId);
  if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
  const id = entryIdOf(event._id, ctx.openid, input.requestId);
  if (!acceptsSignUps(event, ctx.now)) {
    // A retry of a request that got through before the close still finds its entry.
    const earlier = await findEntry(ctx.db, { _id: id });
    if (earlier) return present(ctx, earlier, event);
    throw new AppError('EVENT_NOT_OPEN', ctx.now < event.signUpOpensAt ? '报名还没开始，请到时间再来' : '报名已经截止了');
  }
  const checked = checkSignUp(event, input);
  const consent = sensitiveConsent(ctx.now, signUpSensitiveKind(input.children), input.sensitiveConsent);
  const lottery = event.allocation === 'lottery';
  const doorCode = await claimDoorCode(ctx.db, event._id, id, ctx.now);
  const entry: EntryDoc = {
    _id: id,
    eventId: event._id,
    openid: ctx.openid,
    requestId: input.requestId,
    activeKey: activeKeyOf(event._id, ctx.openid),
    ticketCode: newTicketCode(),
    doorCode,
    status: lottery ? 'applied' : 'pending',
    seats: checked.seats,
    name: checked.name,
    phone: checked.phone,
    employer: checked.employer,
    form: checked.form,
    party: checked.party,
    ...consent,
    subs: Object.fromEntries((input.subscribed ?? []).map((k) => [k, true])),
    ...(lottery ? { priority: await priorityOf(ctx, event) } : {}),
    startsAt: event.startsAt,
    series: event.series,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const { _id, ...fields } = entry;
  try {
    await entriesOf(ctx.db).add({ data: { _id, ...fields } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // The same request again (double tap, retry after a timeout), or another active entry.
    const mine = await findEntry(ctx.db, { _id: id });
    const existing = mine ?? (await findEntry(ctx.db, { activeKey: entry.activeKey }));
    // This entry was never written: its door code goes back.
    if (!mine) await releaseDoorCode(ctx.db, event._id, id, doorCode);
    if (!existing) throw new AppError('CONFLICT');
    if (existing.status === 'pending') return present(ctx, await settle(ctx, event, existing), event);
    return present(ctx, existing, event);
  }
  if (lottery) return present(ctx, entry, event);
  return present(ctx, await settle(ctx, event, entry), event);
}

/**
 * Gives a pending entry its seats or its waitlist place. Safe to run more than once and
 * concurrently (a retry, the timer): every step is keyed by the entry in the ledger.
 */
export async function settle(ctx: HandlerContext, event: EventDoc, entry: EntryDoc): Promise<EntryDoc> {
  for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
    if (await takeSeats(ctx.db, event._id, entry._id, entry.seats)) return markConfirmed(ctx, entry);
    if (await joinQueue(ctx.db, event._id, entry._id, entry.seats, event.waitlistLimit)) {
      const view = await ledgerView(ctx.db, event._id, entry._id);
      const settled = await markWaitlisted(ctx, entry, view?.seq ?? 0);
      // Seats freed while nobody was listed as waiting: offer them now rather than at the next tick.
      if (view && view.seatsLeft > 0 && (await promote(ctx, event._id)).length > 0) {
        return (await findEntry(ctx.db, { _id: entry._id })) ?? settled;
      }
      return settled;
    }
    const view = await ledgerView(ctx.db, event._id, entry._id);
    if (!view) throw new AppError('EVENT_NOT_FOUND');
    if (view.holds) return markConfirmed(ctx, entry);
    if (view.waits) return markWaitlisted(ctx, entry, view.seq ?? 0);
    if (view.waiting >= event.waitlistLimit && view.seatsLeft < entry.seats) {
      await endEntry(ctx, entry, 'pending');
      throw new AppError('WAITLIST_FULL', event.waitlistLimit === 0 ? '名额已经满了' : undefined);
    }
    // The seats or the queue changed between the two writes: try again.
  }
  throw new AppError('CONFLICT');
}

/** pending -> confirmed | waitlisted; the entry as written, or as another settle left it. */
async function markSettled(ctx: HandlerContext, entry: EntryDoc, change: Partial<EntryDoc>): Promise<EntryDoc> {
  const res = await entriesOf(ctx.db).where({ _id: entry._id, status: 'pending' }).update({ data: { ...change, updatedAt: ctx.now } });
  return res.stats.updated === 1 ? { ...entry, ...change, updatedAt: ctx.now } : reload(ctx, entry._id);
}

const markConfirmed = (ctx: HandlerContext, entry: EntryDoc) => markSettled(ctx, entry, { status: 'confirmed', confirmedAt: ctx.now });
const markWaitlisted = (ctx: HandlerContext, entry: EntryDoc, seq: number) => markSettled(ctx, entry, { status: 'waitlisted', seq });

/** Ends an entry (conditional on its status) and frees its uniqueness key. True iff this call did. */
async function endEntry(ctx: HandlerContext, entry: EntryDoc, from: EntryDoc['status'], to: EntryDoc['status'] = 'cancelled'): Promise<boolean> {
  const res = await entriesOf(ctx.db)
    .where({ _id: entry._id, status: from })
    .update({ data: { status: to, activeKey: entry._id, endedAt: ctx.now, updatedAt: ctx.now } });
  return res.stats.updated === 1;
}

/**
 * Takes an ended entry out of the ledger: its seats back (then offered on), or its waitlist place.
 * Shared by cancel, offer expiry and no-show.
 */
export async function leaveLedger(ctx: HandlerContext, entry: EntryDoc, was: EntryDoc['status']): Promise<void> {
  const holds = SEAT_HOLDING_STATUSES.includes(was);
  let freed = false;
  if (holds) freed = await releaseSeats(ctx.db, entry.eventId, entry._id, entry.seats);
  else if (!(await leaveQueue(ctx.db, entry.eventId, entry._id))) {
    // A promoter moved it onto seats just before it ended.
    freed = await releaseSeats(ctx.db, entry.eventId, entry._id, entry.seats);
  }
  if (freed) await promote(ctx, entry.eventId);
}

/**
 * Ends an entry from whatever active state it is in now: `known` is the caller's fresh read (it is
 * re-read only after a lost race).
 */
export async function endFromCurrent(
  ctx: HandlerContext,
  known: EntryDoc,
  allowed: readonly EntryDoc['status'][],
  to: EntryDoc['status'],
): Promise<EntryDoc> {
  let entry = known;
  for (let attempt = 0; attempt < 4; attempt++) {
    if (attempt > 0) entry = await reload(ctx, entry._id);
    if (!allowed.includes(entry.status)) return entry;
    if (await endEntry(ctx, entry, entry.status, to)) {
      await leaveLedger(ctx, entry, entry.status);
      return { ...entry, status: to, activeKey: entry._id, endedAt: ctx.now, updatedAt: ctx.now };
    }
  }
  throw new AppError('CONFLICT');
}

export async function cancel(ctx: HandlerContext, input: { entryId: string }): Promise<MyEntry> {
  const entry = await findEntry(ctx.db, { _id: input.entryId, openid: ctx.openid });
  if (!entry) throw new AppError('ENTRY_NOT_FOUND');
  const event = await loadEvent(ctx.db, entry.eventId, { drafts: true });
  if (entry.status === 'cancelled') return present(ctx, entry, event);
  if (entry.status === 'pending') throw new AppError('SIGN_UP_IN_PROGRESS');
  if (!isActive(entry.status) || entry.status === 'checked_in') throw new AppError('ENTRY_NOT_ACTIVE');
  if (ctx.now >= event.cancelDeadline) throw new AppError('TOO_LATE_TO_CANCEL');
  const ended = await endFromCurrent(ctx, entry, ['applied', 'confirmed', 'waitlisted', 'offered'], 'cancelled');
  return present(ctx, ended, event);
}

export async function claim(ctx: HandlerContext, input: { entryId: string }): Promise<MyEntry> {
  const entry = await findEntry(ctx.db, { _id: input.entryId, openid: ctx.openid });
  if (!entry) throw new AppError('ENTRY_NOT_FOUND');
  const event = await loadEvent(ctx.db, entry.eventId, { drafts: true });
  if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
  const _ = ctx.db.command;
  const res = await entriesOf(ctx.db)
    .where({ _id: entry._id, status: 'offered', offerExpiresAt: _.gt(ctx.now) })
    .update({ data: { status: 'confirmed', confirmedAt: ctx.now, updatedAt: ctx.now } });
  const now = await reload(ctx, entry._id);
  if (res.stats.updated !== 1 && now.status !== 'confirmed') throw new AppError('OFFER_EXPIRED');
  return present(ctx, now, event);
}
