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
import { appendToQueue, grantSeats, leaveQueue, releaseSeats } from './ledger';
import { draw, type Applicant, type DrawResult } from './lottery';
import { toDetail, type EntryDoc, type EventDoc } from './records';
import { entriesOf, eventsOf, findEntry, isDuplicateKey, loadEvent } from './store';

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
  const seats = new Map(record.applicants.map((a) => [a.id, a.seats]));
  const entries = entriesOf(ctx.db);
  // Ledger first, then the entry; an applicant who cancelled meanwhile gets the ledger undone.
  const stillIs = async (id: string, status: string) => (await findEntry(ctx.db, { _id: id }))?.status === status;
  for (const id of record.winners) {
    const n = seats.get(id) ?? 1;
    await grantSeats(ctx.db, event._id, id, n);
    const res = await entries
      .where({ _id: id, status: 'applied' })
      .update({ data: { status: 'confirmed', confirmedAt: ctx.now, updatedAt: ctx.now } });
    if (res.stats.updated !== 1 && !(await stillIs(id, 'confirmed'))) await releaseSeats(ctx.db, event._id, id, n);
  }
  for (const id of record.waitlist) await appendToQueue(ctx.db, event._id, id);
  const ledger = (await eventsOf(ctx.db).where({ _id: event._id }).field({ queue: true, qBase: true }).limit(1).get()).data[0];
  const queue = (ledger?.queue ?? []) as string[];
  for (const id of record.waitlist) {
    const seq = (ledger?.qBase ?? 0) + queue.indexOf(id) + 1;
    const res = await entries.where({ _id: id, status: 'applied' }).update({ data: { status: 'waitlisted', seq, updatedAt: ctx.now } });
    if (res.stats.updated !== 1 && !(await stillIs(id, 'waitlisted'))) await leaveQueue(ctx.db, event._id, id);
  }
  await eventsOf(ctx.db)
    .where({ _id: event._id })
    .update({ data: { drawnAt: record.drawnAt, applicants: record.applicants.length, winners: record.winners.length, updatedAt: ctx.now } });
  return toDetail(await loadEvent(ctx.db, event._id, { drafts: true }), ctx.now, null);
}

/** The published draw, for anyone re-running it. */
export async function drawRecord(ctx: HandlerContext, eventId: string): Promise<DrawDoc | null> {
  return (await draws(ctx).where({ _id: eventId }).limit(1).get()).data[0] ?? null;
}
