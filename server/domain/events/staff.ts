/**
 * Staff actions on events. Each mutation lives in one function here (the audit log of issue 6
 * hooks in at the line marked "staff mutation"). Access 'staff' is checked at the door (ctx.staff).
 */
import type { EventDraft } from '../../../contract/events/actions';
import type { Attendee, CheckInOutcome, EntryStatus, EventDetail, StaffEventSummary } from '../../../contract/events/model';
import { TICKET_PREFIX } from '../../../contract/events/model';
import { checkInClosedText, checkInWindow } from '../../../contract/events/check-in-window';
import { doorCodeOf } from '../../../contract/events/door-code';
import { maskPhone, phoneMatches } from '../../../contract/privacy';
import { shanghai } from '../../../contract/time';
import { addOnce, pressDocId, pressKey } from '../../db/once-per-press';
import { AppError } from '../../runtime/app-error';
import { assertEventScope } from '../staff/scope';
import type { HandlerContext } from '../../runtime/context';
import { REQUIRED_FIELD_KEYS } from './eligibility';
import { entryIdByDoorCode } from './door-codes';
import { changeCapacity } from './ledger';
import { newSeed } from './lottery';
import { notify } from './notify';
import { promote } from './promote';
import { toDetail, toSummary, WITHOUT_LEDGER, type EntryDoc, type EventDoc } from './records';
import { endFromCurrent } from './signup';
import { entriesOf, eventsOf, findEntry, loadEvent, positionOf } from './store';

export async function staffList(ctx: HandlerContext): Promise<StaffEventSummary[]> {
  const events = (await eventsOf(ctx.db).where({}).field(WITHOUT_LEDGER).orderBy('startsAt', 'desc').limit(100).get()).data;
  const counts = await entriesOf(ctx.db)
    .aggregate()
    .match({ eventId: ctx.db.command.in(events.map((e) => e._id)), status: ctx.db.command.in(['applied', 'confirmed', 'checked_in']) })
    .group({ _id: { eventId: '$eventId', status: '$status' }, seats: ctx.db.command.aggregate.sum('$seats') })
    .limit(1000)
    .end();
  const seatsBy = new Map<string, number>();
  for (const row of counts.list as { _id: { eventId: string; status: string }; seats: number }[]) {
    seatsBy.set(`${row._id.eventId}:${row._id.status}`, row.seats);
  }
  const list = events.map((doc) => {
    const checkedIn = seatsBy.get(`${doc._id}:checked_in`) ?? 0;
    return { ...toSummary(doc, ctx.now), status: doc.status, confirmed: (seatsBy.get(`${doc._id}:confirmed`) ?? 0) + checkedIn, checkedIn, applied: seatsBy.get(`${doc._id}:applied`) ?? 0 };
  });
  // Soonest first; ended ones (newest first) after them.
  const upcoming = list.filter((e) => e.badge !== 'ended').reverse();
  return [...upcoming, ...list.filter((e) => e.badge === 'ended')];
}

export async function staffGet(ctx: HandlerContext, input: { id: string }): Promise<EventDetail> {
  const event = await loadEvent(ctx.db, input.id, { drafts: true });
  assertEventScope(ctx, event.venue?.centreId, 'door');
  return toDetail(event, ctx.now, null);
}

function checkDraft(draft: EventDraft, now: Date, creating: boolean): void {
  const fields: Record<string, string> = {};
  // A new event in the past is a wrong date, not a wrong order of sign-up dates: say so first.
  if (creating && draft.startsAt <= now) {
    throw new AppError('BAD_INPUT', '开始时间已经过了', { 'draft.startsAt': '开始时间已经过了' });
  }
  if (!(draft.startsAt < draft.endsAt)) fields['draft.endsAt'] = '结束时间要晚于开始时间';
  if (!(draft.signUpOpensAt < draft.signUpClosesAt)) fields['draft.signUpClosesAt'] = '报名截止要晚于报名开始';
  if (draft.signUpClosesAt > draft.startsAt) fields['draft.signUpClosesAt'] = '报名截止不能晚于活动开始';
  if (draft.cancelDeadline > draft.startsAt) fields['draft.cancelDeadline'] = '取消截止不能晚于活动开始';
  for (const key of REQUIRED_FIELD_KEYS) {
    if (!draft.form.some((f) => f.key === key)) fields['draft.form'] = '报名表必须有“姓名”(name)和“手机号”(phone)';
  }
  if (draft.group.kind === 'family' && draft.group.minChildren > draft.group.maxChildren) fields['draft.group'] = '孩子人数范围有误';
  if (Object.keys(fields).length > 0) throw new AppError('BAD_INPUT', undefined, fields);
}

/** Creates (as a draft) or edits an event. Capacity changes go through setCapacity. */
export async function saveEvent(ctx: HandlerContext, input: { id?: string; draft: EventDraft; requestId?: string }): Promise<EventDetail> {
  const { draft } = input;
  assertEventScope(ctx, draft.venue.centreId, 'manage');
  checkDraft(draft, ctx.now, !input.id);
  const _ = ctx.db.command;
  const descriptive = {
    title: draft.title,
    category: draft.category,
    summary: draft.summary,
    description: draft.description,
    organiser: draft.organiser,
    phone: draft.phone,
    venue: _.set(draft.venue),
    startsAt: draft.startsAt,
    endsAt: draft.endsAt,
    signUpOpensAt: draft.signUpOpensAt,
    signUpClosesAt: draft.signUpClosesAt,
    cancelDeadline: draft.cancelDeadline,
    waitlistLimit: draft.waitlistLimit,
    claimHours: draft.claimHours,
    series: draft.series,
    updatedAt: ctx.now,
  };
  if (input.id) {
    const current = await loadEvent(ctx.db, input.id, { drafts: true });
    assertEventScope(ctx, current.venue?.centreId, 'manage');
    // ---- staff mutation (audit log: issue 6)
    const shape =
      current.status === 'draft'
        ? {
            allocation: draft.allocation,
            lotteryPriority: draft.lotteryPriority,
            group: _.set(draft.group),
            form: _.set(draft.form),
            eligibility: _.set(draft.eligibility),
          }
        : {};
    if (current.status !== 'draft' && (draft.allocation !== current.allocation || JSON.stringify(draft.group) !== JSON.stringify(current.group))) {
      throw new AppError('EVENT_NOT_EDITABLE');
    }
    // A published lottery's seed is public from the close on: moving the close then would reopen
    // applications to workers who can compute their draw key. The condition is in the write, so an
    // edit read before the close and written after it is refused too.
    const lotteryClose =
      current.allocation === 'lottery' && current.status !== 'draft' && draft.signUpClosesAt.getTime() !== current.signUpClosesAt.getTime()
        ? { signUpClosesAt: _.gt(ctx.now).and(_.eq(current.signUpClosesAt)), drawnAt: null }
        : {};
    const res = await eventsOf(ctx.db).where({ _id: input.id, ...lotteryClose }).update({ data: { ...descriptive, ...shape } });
    if (res.stats.updated !== 1 && Object.keys(lotteryClose).length > 0) throw new AppError('LOTTERY_CLOSE_LOCKED');
    return staffGet(ctx, { id: input.id });
  }
  // The same staff member's same press makes the same _id (server/db/once-per-press.ts): the
  // second add of a double tap is answered with the draft the first one made.
  const press = pressKey(ctx.openid, input.requestId);
  const id = pressDocId('ev-', press);
  const lottery = draft.allocation === 'lottery' ? newSeed() : null;
  // ---- staff mutation (audit log: issue 6)
  await addOnce(eventsOf(ctx.db), { _id: id, ...newEventFields(draft, ctx.now, lottery) }, press);
  return staffGet(ctx, { id });
}

/** The stored fields of a new event, its ledger empty. Shared with the seed. */
export function newEventFields(draft: EventDraft, now: Date, lottery: { seed: string; commitment: string } | null, status: EventDoc['status'] = 'draft') {
  return {
    ...draft,
    status,
    capacity: draft.capacity,
    seatsLeft: draft.capacity,
    waiting: 0,
    qNext: 0,
    ...(lottery ? { seed: lottery.seed, seedCommitment: lottery.commitment, drawnAt: null } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

const NEXT_STATUS: Record<'published' | 'closed' | 'cancelled', EventDoc['status'][]> = {
  published: ['draft', 'closed'],
  closed: ['published'],
  cancelled: ['draft', 'published', 'closed'],
};

export async function setStatus(ctx: HandlerContext, input: { id: string; status: 'published' | 'closed' | 'cancelled' }): Promise<EventDetail> {
  const event = await loadEvent(ctx.db, input.id, { drafts: true });
  assertEventScope(ctx, event.venue?.centreId, 'manage');
  const _ = ctx.db.command;
  // ---- staff mutation (audit log: issue 6)
  const res = await eventsOf(ctx.db)
    .where({ _id: input.id, status: _.in(NEXT_STATUS[input.status]) })
    .update({ data: { status: input.status, updatedAt: ctx.now } });
  if (res.stats.updated !== 1 && event.status !== input.status) throw new AppError('CONFLICT', '活动状态已经变了，请刷新后再试');
  if (res.stats.updated === 1 && input.status === 'cancelled') await notifyCancelled(ctx, event);
  return staffGet(ctx, { id: input.id });
}

async function notifyCancelled(ctx: HandlerContext, event: EventDoc): Promise<void> {
  const _ = ctx.db.command;
  const entries = await entriesOf(ctx.db)
    .where({ eventId: event._id, status: _.in(['applied', 'confirmed', 'waitlisted', 'offered']), 'subs.eventCancelled': true })
    .limit(1000)
    .get();
  await notify(ctx, 'eventCancelled', event, entries.data);
}

export async function setCapacity(ctx: HandlerContext, input: { id: string; capacity: number }): Promise<EventDetail> {
  const event = await loadEvent(ctx.db, input.id, { drafts: true });
  assertEventScope(ctx, event.venue?.centreId, 'manage');
  const delta = input.capacity - event.capacity;
  if (delta !== 0) {
    // ---- staff mutation (audit log: issue 6)
    if (!(await changeCapacity(ctx.db, event._id, delta))) throw new AppError('CAPACITY_BELOW_TAKEN');
    if (delta > 0) await promote(ctx, event._id);
  }
  return staffGet(ctx, { id: input.id });
}

async function toAttendee(ctx: HandlerContext, entry: EntryDoc): Promise<Attendee> {
  return {
    entryId: entry._id,
    name: entry.name,
    maskedPhone: maskPhone(entry.phone),
    employer: entry.employer,
    seats: entry.seats,
    status: entry.status,
    position: await positionOf(ctx.db, entry),
    checkedInAt: entry.checkedInAt ?? null,
    party: entry.party,
  };
}

const FILTERS: Record<string, EntryStatus[]> = {
  all: ['applied', 'confirmed', 'offered', 'checked_in', 'waitlisted', 'cancelled', 'expired', 'no_show'],
  in: ['confirmed', 'offered', 'checked_in'],
  waitlisted: ['waitlisted'],
  checked_in: ['checked_in'],
  cancelled: ['cancelled', 'expired', 'no_show'],
};
const ORDER: EntryStatus[] = ['offered', 'confirmed', 'checked_in', 'applied', 'waitlisted', 'no_show', 'expired', 'cancelled', 'pending'];

export async function listAttendees(ctx: HandlerContext, input: { eventId: string; search?: string; status?: string }): Promise<Attendee[]> {
  assertEventScope(ctx, (await loadEvent(ctx.db, input.eventId, { drafts: true })).venue?.centreId, 'door');
  const _ = ctx.db.command;
  const statuses = FILTERS[input.status ?? 'all'] ?? FILTERS.all;
  const entries = (await entriesOf(ctx.db).where({ eventId: input.eventId, status: _.in(statuses) }).limit(1000).get()).data;
  const q = (input.search ?? '').trim();
  const found = q
    ? entries.filter((e) => e.name.includes(q) || e.party.some((p) => p.includes(q)) || phoneMatches(e.phone, q))
    : entries;
  found.sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || (a.seq ?? 0) - (b.seq ?? 0) || a.name.localeCompare(b.name, 'zh'));
  // Waitlist positions follow from the sorted sequence: no request per row.
  let place = 0;
  return found.slice(0, 300).map((entry) => ({
    entryId: entry._id,
    name: entry.name,
    maskedPhone: maskPhone(entry.phone),
    employer: entry.employer,
    seats: entry.seats,
    status: entry.status,
    position: entry.status === 'waitlisted' && !q && (input.status ?? 'all') !== 'cancelled' ? ++place : null,
    checkedInAt: entry.checkedInAt ?? null,
    party: entry.party,
  }));
}

const NOT_VALID: Partial<Record<EntryStatus, string>> = {
  cancelled: '这张票已经取消了',
  expired: '这张票已经失效了',
  no_show: '这张票已经作废（登记为未到场）',
  waitlisted: '这位职工还在候补，没有名额',
  offered: '这位职工还没确认名额，请让他先在小程序里点确认',
  applied: '还没抽签，这张票暂时不能用',
  pending: '报名还在处理，请稍等再扫',
};

async function checkInOne(ctx: HandlerContext, event: EventDoc, entry: EntryDoc | null): Promise<CheckInOutcome> {
  if (!entry) return { result: 'unknown', message: '没有这张票，请核对后再试', attendee: null };
  if (entry.eventId !== event._id) return { result: 'wrong_event', message: '不是本活动的票', attendee: null };
  if (entry.status === 'confirmed') {
    const closed = checkInClosedText(checkInWindow(event), ctx.now);
    if (closed) return { result: 'not_open', message: closed, attendee: await toAttendee(ctx, entry) };
    // ---- staff mutation (audit log: issue 6)
    const res = await entriesOf(ctx.db)
      .where({ _id: entry._id, status: 'confirmed' })
      .update({ data: { status: 'checked_in', checkedInAt: ctx.now, updatedAt: ctx.now } });
    if (res.stats.updated === 1) {
      return { result: 'ok', message: '签到成功', attendee: await toAttendee(ctx, { ...entry, status: 'checked_in', checkedInAt: ctx.now }) };
    }
    entry = (await findEntry(ctx.db, { _id: entry._id })) ?? entry;
  }
  if (entry.status === 'checked_in' && entry.checkedInAt) {
    return { result: 'already', message: `已于${shanghai(entry.checkedInAt).format('HH:mm')}签到`, attendee: await toAttendee(ctx, entry) };
  }
  return { result: 'not_valid', message: NOT_VALID[entry.status] ?? '这张票不能用', attendee: await toAttendee(ctx, entry) };
}

/**
 * Check-in by what staff scanned or typed: the QR's content (`ZGJ1:` + 32 hex) or the short door
 * code read aloud (case, spaces and dashes do not matter).
 */
export async function checkIn(ctx: HandlerContext, input: { eventId: string; code: string }): Promise<CheckInOutcome> {
  const event = await loadEvent(ctx.db, input.eventId, { drafts: true });
  assertEventScope(ctx, event.venue?.centreId, 'door');
  const door = doorCodeOf(input.code);
  if (door) {
    const entryId = await entryIdByDoorCode(ctx.db, event._id, door);
    return checkInOne(ctx, event, entryId ? await findEntry(ctx.db, { _id: entryId }) : null);
  }
  const code = input.code.trim().replace(TICKET_PREFIX, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(code)) return { result: 'unknown', message: '这不是职工·家的入场码，请核对后再试', attendee: null };
  return checkInOne(ctx, event, await findEntry(ctx.db, { ticketCode: code }));
}

/** Check-in by name search (a worker whose phone is flat). */
export async function checkInEntry(ctx: HandlerContext, input: { eventId: string; entryId: string }): Promise<CheckInOutcome> {
  const event = await loadEvent(ctx.db, input.eventId, { drafts: true });
  assertEventScope(ctx, event.venue?.centreId, 'door');
  return checkInOne(ctx, event, await findEntry(ctx.db, { _id: input.entryId }));
}

/** After the start: a confirmed worker who did not come; their seats go to the waitlist. */
export async function markNoShow(ctx: HandlerContext, input: { eventId: string; entryId: string }): Promise<Attendee> {
  const event = await loadEvent(ctx.db, input.eventId, { drafts: true });
  assertEventScope(ctx, event.venue?.centreId, 'door');
  if (ctx.now < event.startsAt) throw new AppError('BAD_INPUT', '活动开始后才能登记未到场');
  const entry = await findEntry(ctx.db, { _id: input.entryId, eventId: input.eventId });
  if (!entry) throw new AppError('ENTRY_NOT_FOUND');
  // ---- staff mutation (audit log: issue 6)
  const ended = await endFromCurrent(ctx, entry, ['confirmed'], 'no_show');
  return toAttendee(ctx, ended);
}
