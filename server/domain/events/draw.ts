/**
 * Running a lottery: the applicants at the close and the published rules go into an event_draws
 * record (created once: _id = eventId), then the draw's result is applied entry by entry. Every
 * step is conditional, so running it again (a timeout, a second staff tap) finishes the same draw
 * and never a different one.
 */
import type { EventDetail } from '../../../contract/events/model';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import { assertEventScope } from '../staff/scope';
import type { HandlerContext } from '../../runtime/context';
import { joinQueue, ledgerView, takeSeats } from './ledger';
import { draw, type Applicant, type DrawResult } from './lottery';
import { toDetail, type EntryDoc, type EventDoc } from './records';
import { finishStep, isStale, markedWrite, pause, resolveMark, takeOver, type Step } from './steps';
import { entriesOf, eventsOf, findEntry, isDuplicateKey, loadEvent } from './store';

const JOIN_ATTEMPTS = 30;

export interface DrawDoc extends DrawResult {
  _id: string;
  seed: string;
  seedCommitment: string;
  priority: EventDoc['lotteryPriority'];
  capacity: number;
  applicants: Applicant[];
  drawnAt: Date;
}

const draws = (ctx: HandlerContext) => ctx.db.collection<DrawDoc>(COLLECTIONS.eventDraws);

async function recordDraw(ctx: HandlerContext, event: EventDoc): Promise<DrawDoc> {
  const existing = (await draws(ctx).where({ _id: event._id }).limit(1).get()).data[0];
  if (existing) return existing;
  const applied: EntryDoc[] = [];
  // Only applications made before the close, when the seed was still secret: an entry that slipped
  // in after it (a sign-up that read the event just before staff moved the close earlier) could
  // have been chosen knowing its draw key.
  const beforeClose = ctx.db.command.lt(event.signUpClosesAt);
  for (let page = 0; ; page++) {
    const batch = (await entriesOf(ctx.db).where({ eventId: event._id, status: 'applied', createdAt: beforeClose }).orderBy('_id', 'asc').skip(page * 1000).limit(1000).get()).data;
    applied.push(...batch);
    if (batch.length < 1000) break;
  }
  const applicants: Applicant[] = applied
    .map((e) => ({ id: e._id, seats: e.seats, priority: e.priority ?? 0 }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const seed = event.seed ?? '';
  const result = draw(seed, applicants, event.capacity);
  const record: DrawDoc = {
    _id: event._id,
    seed,
    seedCommitment: event.seedCommitment ?? '',
    priority: event.lotteryPriority,
    capacity: event.capacity,
    applicants,
    ...result,
    drawnAt: ctx.now,
  };
  const { _id, ...fields } = record;
  try {
    await draws(ctx).add({ data: { _id, ...fields } });
    return record;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // Another tap drew first: apply that one.
    return (await draws(ctx).where({ _id: event._id }).limit(1).get()).data[0];
  }
}

export async function runDraw(ctx: HandlerContext, input: { id: string }): Promise<EventDetail> {
  const event = await loadEvent(ctx.db, input.id, { drafts: true });
  assertEventScope(ctx, event.venue?.centreId, 'manage');
  if (event.allocation !== 'lottery') throw new AppError('BAD_INPUT', '这个活动不是抽签报名');
  if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
  if (ctx.now < event.signUpClosesAt) throw new AppError('LOTTERY_NOT_READY');
  // ---- staff mutation (the audit log, issue 6, records it here)
  const record = await recordDraw(ctx, event);
  // Each applicant is one ledger step (steps.ts): winners take their seats in draw order, then the
  // rest join the waitlist in draw order. An applicant who cancelled meanwhile is passed over.
  for (const id of record.winners) await drawEntry(ctx, id, 'take');
  for (const id of record.waitlist) await drawEntry(ctx, id, 'join');
  await eventsOf(ctx.db)
    .where({ _id: event._id })
    .update({ data: { drawnAt: record.drawnAt, applicants: record.applicants.length, winners: record.winners.length, updatedAt: ctx.now } });
  return toDetail(await loadEvent(ctx.db, event._id, { drafts: true }), ctx.now, null);
}

/**
 * Applies the draw to one applicant: begins its step (or takes over one cut off) and carries it
 * out. Another run of 抽签 applying it now is waited for, so waitlist numbers follow the draw order.
 */
async function drawEntry(ctx: HandlerContext, id: string, op: 'take' | 'join'): Promise<void> {
  for (let attempt = 0; attempt < JOIN_ATTEMPTS; attempt++) {
    const entry = await findEntry(ctx.db, { _id: id });
    if (!entry || entry.status !== 'applied') return;
    if (entry.step) {
      const mine = await takeOver(ctx, entry);
      if (mine) return resumeDrawStep(ctx, mine);
      await pause(100);
      continue;
    }
    const step: Step = { op, at: ctx.now };
    const res = await entriesOf(ctx.db)
      .where({ _id: id, status: 'applied', step: ctx.db.command.exists(false) })
      .update({ data: { step, updatedAt: ctx.now } });
    if (res.stats.updated === 1) return resumeDrawStep(ctx, { ...entry, step });
  }
}

/** A winner takes its seats (whatever waits: nobody yet), a loser joins the waitlist with the next number. */
export async function resumeDrawStep(ctx: HandlerContext, entry: EntryDoc): Promise<void> {
  if (entry.step?.op === 'take') {
    const result = await markedWrite(ctx, entry, 'take', () => takeSeats(ctx, entry.eventId, entry._id, entry.seats, false));
    // Refused only if capacity was lowered after the draw: the application stays as it was.
    if (result !== 'busy') await finishStep(ctx, entry, result === 'done' ? { status: 'confirmed', confirmedAt: ctx.now } : {}, result === 'done' ? 'take' : null);
    return;
  }
  for (let attempt = 0; attempt < JOIN_ATTEMPTS; attempt++) {
    const view = await ledgerView(ctx.db, entry.eventId, entry._id);
    if (!view) return;
    if (view.mark?.op === 'join') {
      await finishStep(ctx, entry, { status: 'waitlisted', seq: view.mark.seq }, 'join');
      return;
    }
    if (view.mark) {
      if (isStale(ctx, view.mark.at)) await resolveMark(ctx, entry.eventId, entry._id, view.mark);
      else await pause(100);
      continue;
    }
    const seq = await joinQueue(ctx, entry.eventId, entry._id, view, 'anySeats');
    if (seq !== null) {
      await finishStep(ctx, entry, { status: 'waitlisted', seq }, 'join');
      return;
    }
  }
}

/** The published draw, for anyone re-running it. */
export async function drawRecord(ctx: HandlerContext, eventId: string): Promise<DrawDoc | null> {
  return (await draws(ctx).where({ _id: eventId }).limit(1).get()).data[0] ?? null;
}
