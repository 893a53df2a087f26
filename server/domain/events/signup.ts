/**
 * A worker's own entry: sign up (first come or lottery application), cancel, claim an offered seat.
 * Every change is a conditional write; a sign-up is idempotent by its request id (the entry's _id
 * is derived from it) and one active entry per worker per event is the unique `activeKey`. Writes
 * that move seats are ledger steps (steps.ts): the entry and the event's counters, keyed by the entry.
 */
import type { EventSubscription, MyEntry } from '../../../contract/events/model';
import { SEAT_HOLDING_STATUSES, signUpSensitiveKind } from '../../../contract/events/model';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { sensitiveConsent } from '../account/consent';
import { acceptsSignUps } from './badge';
import { claimDoorCode, releaseDoorCode } from './door-codes';
import { checkSignUp, type SignUpForm } from './eligibility';
import { clearMark, joinQueue, leaveQueue, ledgerView, releaseSeats, takeSeats, type LedgerOp } from './ledger';
import { promote } from './promote';
import { finishStep, isStale, markedWrite, pause, resumeStep, takeOver, type Step } from './steps';
import { activeKeyOf, isActive, toMyEntry, type EntryDoc, type EventDoc } from './records';
import { entriesOf, entryIdOf, findEntry, isDuplicateKey, loadEvent, newTicketCode, positionOf } from './store';

export interface SignUpInput extends SignUpForm {
  eventId: string;
  requestId: string;
  subscribed?: EventSubscription[];
  sensitiveConsent?: boolean;
}

/** The waitlist number is handed out by compare-and-set: under a storm a join may need several tries. */
const SETTLE_ATTEMPTS = 60;
const JOIN_BACKOFF_MS = 10;
/** A repeated tap waits this long for the first tap's sign-up to settle, then shows it as it is. */
const WAIT_FOR_FIRST_TAP = { tries: 25, pauseMs: 200 };

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
    ...(lottery ? { priority: await priorityOf(ctx, event) } : { step: { op: 'settle', at: ctx.now } }),
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
    if (existing.status === 'pending') return present(ctx, await settleOrWait(ctx, event, existing), event);
    return present(ctx, existing, event);
  }
  if (lottery) return present(ctx, entry, event);
  return present(ctx, await settle(ctx, event, entry), event);
}

/**
 * A repeated tap (or a retry) finds its sign-up still pending: it settles it if the first call was
 * cut off (its step is past the lease), else waits for the first call, which holds the step.
 */
async function settleOrWait(ctx: HandlerContext, event: EventDoc, pending: EntryDoc): Promise<EntryDoc> {
  let entry = pending;
  for (let attempt = 0; attempt < WAIT_FOR_FIRST_TAP.tries && entry.status === 'pending'; attempt++) {
    // (A sign-up stored before steps existed was given one, cut off long ago, by ledger-migration.ts.)
    const mine = entry.step ? await takeOver(ctx, entry) : null;
    if (mine) return settle(ctx, event, mine);
    await pause(WAIT_FOR_FIRST_TAP.pauseMs);
    entry = await reload(ctx, entry._id);
  }
  return entry;
}

/**
 * Gives a pending entry its seats or its waitlist place: the sign-up's ledger step ('settle'). The
 * caller holds the step (it inserted the entry, or took the step over), so it is the only actor;
 * a mark found on the event is a cut-off predecessor's counter write, and is finished, not repeated.
 */
export async function settle(ctx: HandlerContext, event: EventDoc, entry: EntryDoc): Promise<EntryDoc> {
  for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
    // The first try goes by the event as loaded: when it was full, straight to the waitlist (a storm
    // of sign-ups spends one request less each); a failed take costs nothing but the request.
    const mayTake = attempt > 0 || (event.waiting === 0 && event.seatsLeft >= entry.seats);
    if (mayTake && (await takeSeats(ctx, event._id, entry._id, entry.seats))) return markConfirmed(ctx, entry);
    const view = await ledgerView(ctx.db, event._id, entry._id);
    if (!view) throw new AppError('EVENT_NOT_FOUND');
    if (view.mark?.op === 'take') return markConfirmed(ctx, entry);
    if (view.mark?.op === 'join') return markWaitlisted(ctx, entry, view.mark.seq ?? 0);
    if (view.mark) {
      // A leftover of an earlier step of this entry: a pending entry has had none that matter.
      await clearMark(ctx.db, event._id, entry._id, view.mark.op);
      continue;
    }
    if (view.waiting === 0 && view.seatsLeft >= entry.seats) continue; // seats came back: take them
    if (view.waiting >= event.waitlistLimit) {
      await endEntry(ctx, entry, 'pending');
      throw new AppError('WAITLIST_FULL', event.waitlistLimit === 0 ? '名额已经满了' : undefined);
    }
    const seq = await joinQueue(ctx, event._id, entry._id, view, { seats: entry.seats, limit: event.waitlistLimit });
    // Another join took the number, or the seats changed: try again, after a random few
    // milliseconds growing with the tries, so a storm's joins stop colliding in step.
    if (seq === null) {
      await pause(Math.random() * JOIN_BACKOFF_MS * Math.min(attempt + 1, 5));
      continue;
    }
    const settled = await markWaitlisted(ctx, entry, seq);
    // Seats freed while nobody was listed as waiting: offer them now rather than at the next tick.
    if (view.seatsLeft > 0 && (await promote(ctx, event._id)).length > 0) {
      return (await findEntry(ctx.db, { _id: entry._id })) ?? settled;
    }
    return settled;
  }
  throw new AppError('CONFLICT');
}

/** pending -> confirmed | waitlisted (steps 3 and 4); the entry as written, or as another actor left it. */
async function markSettled(ctx: HandlerContext, entry: EntryDoc, change: Partial<EntryDoc>, mark: LedgerOp): Promise<EntryDoc> {
  const done = await finishStep(ctx, { ...entry, step: { op: 'settle', at: ctx.now } }, change, mark);
  if (done) return { ...entry, ...change, step: undefined, updatedAt: ctx.now };
  return reload(ctx, entry._id);
}

const markConfirmed = (ctx: HandlerContext, entry: EntryDoc) => markSettled(ctx, entry, { status: 'confirmed', confirmedAt: ctx.now }, 'take');
const markWaitlisted = (ctx: HandlerContext, entry: EntryDoc, seq: number) => markSettled(ctx, entry, { status: 'waitlisted', seq }, 'join');

/**
 * Ends an entry (conditional on its status, and on no step in flight) and frees its uniqueness key;
 * `step` begins the ledger step that gives its seats or place back. True iff this call did.
 * A pending sign-up refused (waitlist full) ends its own settle step.
 */
async function endEntry(ctx: HandlerContext, entry: EntryDoc, from: EntryDoc['status'], to: EntryDoc['status'] = 'cancelled', step?: Step): Promise<boolean> {
  const _ = ctx.db.command;
  const ended = { status: to, activeKey: entry._id, endedAt: ctx.now, updatedAt: ctx.now };
  const res =
    from === 'pending'
      ? await entriesOf(ctx.db).where({ _id: entry._id, status: from }).update({ data: { ...ended, step: _.remove() } })
      : await entriesOf(ctx.db)
          .where({ _id: entry._id, status: from, step: _.exists(false) })
          .update({ data: { ...ended, ...(step ? { step } : {}) } });
  return res.stats.updated === 1;
}

/**
 * The ledger step of an ended entry (its `step` began with the end): its seats back, then offered
 * on, or its waitlist place left. Shared by cancel, offer expiry and no-show, and resumed by the
 * timer for one cut off. A step still busy (another step's mark in the way) is left to the timer.
 */
export async function leaveLedger(ctx: HandlerContext, entry: EntryDoc, op: 'release' | 'leave'): Promise<void> {
  const write = op === 'release'
    ? () => releaseSeats(ctx, entry.eventId, entry._id, entry.seats)
    : () => leaveQueue(ctx, entry.eventId, entry._id);
  const result = await markedWrite(ctx, entry, op, write);
  if (result === 'busy') return;
  await finishStep(ctx, entry, {}, result === 'done' ? op : null);
  if (op === 'release' && result === 'done') await promote(ctx, entry.eventId);
}

/** What an entry in `status` gives back when it ends: seats, a waitlist place, or nothing (an application). */
function ledgerOpOnEnd(status: EntryDoc['status']): 'release' | 'leave' | null {
  if (SEAT_HOLDING_STATUSES.includes(status)) return 'release';
  return status === 'waitlisted' ? 'leave' : null;
}

/**
 * Ends an entry from whatever active state it is in now: `known` is the caller's fresh read (it is
 * re-read only after a lost race). A step in flight on it is waited for, or finished if cut off.
 */
export async function endFromCurrent(
  ctx: HandlerContext,
  known: EntryDoc,
  allowed: readonly EntryDoc['status'][],
  to: EntryDoc['status'],
): Promise<EntryDoc> {
  let entry = known;
  for (let attempt = 0; attempt < WAIT_FOR_FIRST_TAP.tries; attempt++) {
    if (attempt > 0) entry = await reload(ctx, entry._id);
    if (!allowed.includes(entry.status)) return entry;
    if (entry.step) {
      const mine = await takeOver(ctx, entry);
      if (mine) await resumeStep(ctx, mine);
      else if (!isStale(ctx, entry.step.at)) await pause(WAIT_FOR_FIRST_TAP.pauseMs / 2);
      continue;
    }
    const op = ledgerOpOnEnd(entry.status);
    const step: Step | undefined = op ? { op, at: ctx.now } : undefined;
    if (await endEntry(ctx, entry, entry.status, to, step)) {
      const ended: EntryDoc = { ...entry, status: to, activeKey: entry._id, endedAt: ctx.now, updatedAt: ctx.now, step };
      if (op) await leaveLedger(ctx, ended, op);
      return { ...ended, step: undefined };
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
