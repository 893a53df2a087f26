/**
 * 便民日: a date at a centre with parallel queues (义剪, 量血压, 家电维修, 法律咨询 …).
 * A number is the queue's sequence: `issued` is raised with `_.inc(1)` inside a transaction that
 * also adds the ticket, so two people never get the same number (a conflicting transaction fails
 * and is retried; the unique index on (queue, number) is the safety net). A worker holds one
 * ticket per queue (deterministic _id). Windows are seats in the queue document, taken in the
 * same transaction. A worker can give a number back until it is called: the number joins the
 * queue's `returned` list in a transaction that re-reads `serving`, so it is never issued again,
 * calling skips it and the counts leave it out. The live view is polled (FAIR_REFRESH_SECONDS):
 * see docs/centres.md.
 */
import {
  FAIR_REFRESH_SECONDS,
  type FairDay,
  type FairQueueSpec,
  type FairQueueView,
  type FairSummary,
  type FairTicket,
  type FairWindow,
  type GivenBackTicket,
  type MyFairTicket,
} from '../../../contract/centres/model';
import { shanghai, shanghaiDay } from '../../../contract/time';
import { getOrNull, type Database, type Transaction } from '../../db/database';
import { isDuplicateKey } from '../../db/counters';
import { pressDocId, pressKey } from '../../db/once-per-press';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { hashId } from './records';
import { addDays } from './slots';
import { assertCentre } from './staff-scope';

/** A stored 便民日: the day as workers see it, keyed by _id, with the queues' specs instead of their live views. */
type FairDoc = Omit<FairDay, 'id' | 'queues' | 'mine' | 'refreshSeconds'> & { _id: string; queues: FairQueueSpec[] };

interface QueueDoc {
  _id: string;
  fairId: string;
  queueId: string;
  name: string;
  issued: number;
  serving: number;
  windows: FairWindow[];
  /** window key (HHmm) -> seats left */
  windowsLeft: Record<string, number>;
  /** Numbers given back before they were called (absent on queues saved before give-back existed). */
  returned?: number[];
}

interface TicketDoc {
  _id: string;
  fairId: string;
  queueId: string;
  queueKey: string;
  number: number;
  openid: string;
  name: string;
  window: string;
  source: 'worker' | 'walk_in';
  createdAt: Date;
  /** Set when the holder gave this number back; taking again replaces the number and clears it. */
  returnedAt?: Date;
  /** Every give-back of this worker in this queue, by press: a retried press is answered from here. */
  givenBack?: Array<{ number: number; requestId: string; at: Date }>;
}

const windowKey = (start: string) => start.replace(':', '');
const queueDocId = (fairId: string, queueId: string) => `${fairId}:${queueId}`;
/** How many numbers strictly between `after` and `before` were given back: they wait for nobody. */
const givenBackBetween = (q: QueueDoc | undefined, after: number, before: number) =>
  (q?.returned ?? []).filter((n) => n > after && n < before).length;

async function loadFair(db: Database, id: string): Promise<FairDoc> {
  const fair = (await db.collection<FairDoc>(COLLECTIONS.fairs).where({ _id: id }).limit(1).get()).data[0];
  if (!fair) throw new AppError('NOT_FOUND', '没有找到这次便民日');
  return fair;
}

function ticketView(t: TicketDoc, q: QueueDoc | undefined): FairTicket {
  const serving = q?.serving ?? 0;
  const state: FairTicket['state'] = t.returnedAt ? 'returned' : t.number === serving ? 'serving' : t.number < serving ? 'done' : 'waiting';
  const win = q?.windows.find((w) => windowKey(w.start) === t.window);
  return {
    id: t._id,
    queueId: t.queueId,
    queueName: q?.name ?? t.queueId,
    number: t.number,
    ...(win ? { window: `${win.start}–${win.end}` } : {}),
    ahead: state === 'waiting' ? t.number - serving - 1 - givenBackBetween(q, serving, t.number) : 0,
    state,
    ...(t.name ? { name: t.name } : {}),
  };
}

function queueView(q: QueueDoc): FairQueueView {
  return {
    id: q.queueId,
    name: q.name,
    issued: q.issued,
    serving: q.serving,
    waiting: Math.max(0, q.issued - q.serving - givenBackBetween(q, q.serving, q.issued + 1)),
    givenBack: (q.returned ?? []).length,
    windows: q.windows.map((w) => ({ ...w, left: Math.max(0, q.windowsLeft[windowKey(w.start)] ?? 0) })),
  };
}

/** Upcoming 便民日 (today and the next 60 days), for 首页 and the centre page. One request. */
export async function listFairs(ctx: HandlerContext): Promise<FairSummary[]> {
  const _ = ctx.db.command;
  const today = shanghaiDay(ctx.now);
  const res = await ctx.db
    .collection<FairDoc>(COLLECTIONS.fairs)
    .where({ date: _.gte(today).and(_.lte(addDays(today, 60))) })
    .orderBy('date', 'asc')
    .limit(20)
    .get();
  return res.data.map((f) => ({
    id: f._id,
    centreId: f.centreId,
    date: f.date,
    title: f.title,
    centreName: f.centreName,
    queueNames: f.queues.map((q) => q.name),
    when: f.date === today ? 'today' : 'upcoming',
  }));
}

/** The live view: every queue's number being served and how many wait, and the caller's tickets. Three requests. */
export async function getFair(ctx: HandlerContext, input: { id: string }): Promise<FairDay> {
  const [fair, queues, mine] = await Promise.all([
    loadFair(ctx.db, input.id),
    ctx.db.collection<QueueDoc>(COLLECTIONS.fairQueues).where({ fairId: input.id }).limit(100).get(),
    ctx.openid
      ? ctx.db.collection<TicketDoc>(COLLECTIONS.fairTickets).where({ fairId: input.id, openid: ctx.openid }).limit(100).get()
      : Promise.resolve({ data: [] as TicketDoc[] }),
  ]);
  const byQueue = new Map(queues.data.map((q) => [q.queueId, q]));
  return {
    id: fair._id,
    centreId: fair.centreId,
    centreName: fair.centreName,
    date: fair.date,
    title: fair.title,
    opens: fair.opens,
    closes: fair.closes,
    place: fair.place,
    queues: fair.queues.map((spec) => queueView(byQueue.get(spec.id) ?? emptyQueue(fair._id, spec))),
    mine: mine.data.map((t) => ticketView(t, byQueue.get(t.queueId))),
    refreshSeconds: FAIR_REFRESH_SECONDS,
  };
}

/** A queue before its first number: used when a fair is saved (and by the seed). */
export function emptyQueue(fairId: string, spec: FairQueueSpec): QueueDoc {
  return {
    _id: queueDocId(fairId, spec.id),
    fairId,
    queueId: spec.id,
    name: spec.name,
    issued: 0,
    serving: 0,
    windows: spec.windows,
    windowsLeft: Object.fromEntries(spec.windows.map((w) => [windowKey(w.start), w.seats])),
    returned: [],
  };
}

function isOpenForNumbers(fair: FairDoc, now: Date): boolean {
  const today = shanghaiDay(now);
  if (fair.date > today) return true; // numbers (and windows) can be taken ahead of the day
  return fair.date === today && shanghai(now).format('HH:mm') < fair.closes;
}

const isConflict = (error: unknown) => /TRANSACTION_CONFLICT|conflict/i.test(String((error as Error)?.message ?? (error as { errMsg?: string })?.errMsg ?? ''));

/**
 * Runs `fn` in a transaction, again after a short random pause while another write to the same
 * documents got there first (the SDK's own retries come too fast under a crowd). An AppError
 * thrown by `fn` rolls back and reaches the caller as it is.
 */
async function inTransaction<R>(db: Database, fn: (tx: Transaction) => Promise<R>): Promise<R> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await db.runTransaction(fn, 5);
    } catch (error) {
      // Still conflicting after ~2 s: a crowd, or a take cut off mid-transaction, whose write holds
      // the queue until the database ends that transaction (60 s). Nothing was written: try again.
      if (isConflict(error) && attempt >= 20) throw new AppError('CONFLICT');
      if (error instanceof AppError || !isConflict(error)) throw error;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
}

/**
 * Issues the next number of a queue to a ticket, in one transaction. The ticket's _id is
 * deterministic (worker: fair + queue + OPENID; walk-in: the press), so a racing or retried press
 * finds the number already held and gets it back; a ticket given back gets a new number in place.
 */
async function issue(
  db: Database,
  fair: FairDoc,
  queueId: string,
  ticket: Omit<TicketDoc, 'number' | 'queueKey' | 'fairId' | 'queueId'>,
  window: string | undefined,
): Promise<TicketDoc> {
  const spec = fair.queues.find((q) => q.id === queueId);
  if (!spec) throw new AppError('QUEUE_NOT_FOUND');
  const key = window ? windowKey(window) : '';
  if (window && !spec.windows.some((w) => windowKey(w.start) === key)) throw new AppError('BAD_INPUT', '没有这个时间段');
  const qid = queueDocId(fair._id, queueId);
  return inTransaction(db, async (tx) => {
    const tickets = tx.collection<TicketDoc>(COLLECTIONS.fairTickets);
    const held = await getOrNull(tickets.doc(ticket._id));
    if (held && !held.returnedAt) return held;
    const queues = tx.collection<QueueDoc>(COLLECTIONS.fairQueues);
    const queue = (await queues.doc(qid).get()).data;
    if (key && (queue.windowsLeft[key] ?? 0) <= 0) throw new AppError('WINDOW_FULL');
    const _ = db.command;
    await queues.doc(qid).update({ data: { issued: _.inc(1), ...(key ? { [`windowsLeft.${key}`]: _.inc(-1) } : {}) } });
    const doc: TicketDoc = { ...ticket, fairId: fair._id, queueId, queueKey: qid, number: queue.issued + 1, window: key };
    const { _id, ...fields } = doc;
    if (held) await tickets.doc(_id).set({ data: { ...fields, givenBack: held.givenBack ?? [] } });
    else await tickets.add({ data: { _id, ...fields } });
    return doc;
  });
}

/** The caller's numbers at 便民日 from today on, soonest first, each with its queue's name. */
export async function myFairTickets(ctx: HandlerContext): Promise<MyFairTicket[]> {
  const tickets = (await ctx.db.collection<TicketDoc>(COLLECTIONS.fairTickets).where({ openid: ctx.openid }).limit(100).get()).data;
  if (tickets.length === 0) return [];
  const _ = ctx.db.command;
  const today = shanghaiDay(ctx.now);
  const [fairs, queues] = await Promise.all([
    ctx.db.collection<FairDoc>(COLLECTIONS.fairs).where({ _id: _.in([...new Set(tickets.map((t) => t.fairId))]), date: _.gte(today) }).limit(100).get(),
    ctx.db.collection<QueueDoc>(COLLECTIONS.fairQueues).where({ _id: _.in([...new Set(tickets.map((t) => t.queueKey))]) }).limit(100).get(),
  ]);
  const fairById = new Map(fairs.data.map((f) => [f._id, f]));
  const queueById = new Map(queues.data.map((q) => [q._id, q]));
  return tickets
    .filter((t) => fairById.has(t.fairId))
    .map((t) => {
      const fair = fairById.get(t.fairId)!;
      return { ...ticketView(t, queueById.get(t.queueKey)), fairId: fair._id, centreName: fair.centreName, date: fair.date, title: fair.title };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** A worker takes a number (optionally in a time window). One ticket per worker per queue; a number given back can be replaced. */
export async function takeNumber(ctx: HandlerContext, input: { fairId: string; queueId: string; window?: string }): Promise<FairTicket> {
  const id = hashId('ticket', input.fairId, input.queueId, ctx.openid);
  const [fair, existing] = await Promise.all([
    loadFair(ctx.db, input.fairId),
    ctx.db.collection<TicketDoc>(COLLECTIONS.fairTickets).where({ _id: id }).limit(1).get(),
  ]);
  const held = existing.data[0];
  if (held && !held.returnedAt) return ticketView(held, await queueOf(ctx.db, held.queueKey));
  if (!isOpenForNumbers(fair, ctx.now)) throw new AppError('FAIR_NOT_OPEN');
  const ticket = await issue(ctx.db, fair, input.queueId, { _id: id, openid: ctx.openid, name: '', source: 'worker', window: '', createdAt: ctx.now }, input.window);
  return ticketView(ticket, await queueOf(ctx.db, ticket.queueKey));
}

/**
 * The worker gives a number back while it has not been called. One transaction re-reads the
 * queue's `serving`: racing a call of the same number, exactly one of them wins (the call's plain
 * write makes this transaction conflict and re-read; a committed give-back makes the call's
 * conditional write miss and skip the number). The number stays in `returned` for good.
 */
export async function giveBackNumber(ctx: HandlerContext, input: { id: string; requestId: string }): Promise<GivenBackTicket> {
  const _ = ctx.db.command;
  const ticket = await inTransaction(ctx.db, async (tx) => {
    const tickets = tx.collection<TicketDoc>(COLLECTIONS.fairTickets);
    const t = await getOrNull(tickets.doc(input.id));
    if (!t || t.openid !== ctx.openid) throw new AppError('TICKET_NOT_FOUND');
    const replay = t.givenBack?.find((g) => g.requestId === input.requestId);
    if (replay) return { ...t, number: replay.number, returnedAt: replay.at };
    if (t.returnedAt) return t; // another press gave it back already
    const queues = tx.collection<QueueDoc>(COLLECTIONS.fairQueues);
    const queue = await getOrNull(queues.doc(t.queueKey));
    if (!queue) throw new AppError('QUEUE_NOT_FOUND');
    if (t.number <= queue.serving) throw new AppError('NUMBER_CALLED');
    // The number stays spent; a time-window seat it held goes back to the window for someone else.
    await queues.doc(t.queueKey).update({ data: { returned: _.push(t.number), ...(t.window ? { [`windowsLeft.${t.window}`]: _.inc(1) } : {}) } });
    await tickets.doc(t._id).update({ data: { returnedAt: ctx.now, givenBack: _.push({ number: t.number, requestId: input.requestId, at: ctx.now }) } });
    return { ...t, returnedAt: ctx.now };
  });
  const [fair, queue] = await Promise.all([loadFair(ctx.db, ticket.fairId), queueOf(ctx.db, ticket.queueKey)]);
  return { ...ticketView(ticket, queue), fairId: fair._id, canTakeAgain: isOpenForNumbers(fair, ctx.now) };
}

async function queueOf(db: Database, queueKey: string): Promise<QueueDoc | undefined> {
  return (await db.collection<QueueDoc>(COLLECTIONS.fairQueues).where({ _id: queueKey }).limit(1).get()).data[0];
}

/** Staff add a walk-in to the same queue: same sequence, so the numbers stay in arrival order. */
export async function fairWalkIn(
  ctx: HandlerContext,
  input: { fairId: string; queueId: string; name: string; window?: string; requestId: string },
): Promise<FairTicket> {
  const fair = await loadFair(ctx.db, input.fairId);
  assertCentre(ctx, fair.centreId);
  // One ticket per press of 现场登记取号 (server/db/once-per-press.ts): its _id is made from the
  // press, and issue() finds it already held when the press comes again.
  const id = pressDocId('walkin-', pressKey(ctx.openid, input.requestId), 24);
  const ticket = await issue(ctx.db, fair, input.queueId, { _id: id, openid: '', name: input.name, source: 'walk_in', window: '', createdAt: ctx.now }, input.window);
  return ticketView(ticket, await queueOf(ctx.db, ticket.queueKey));
}

/**
 * Calls the next number that was not given back. One conditional write on the `serving` and the
 * size of `returned` that were read: a colleague's call makes it miss (CONFLICT), a give-back
 * committed meanwhile makes it miss too, and then it reads again so the returned number is skipped.
 */
export async function callNext(ctx: HandlerContext, input: { fairId: string; queueId: string }): Promise<FairDay> {
  const fair = await loadFair(ctx.db, input.fairId);
  assertCentre(ctx, fair.centreId);
  const qid = queueDocId(fair._id, input.queueId);
  const _ = ctx.db.command;
  let calledFrom: number | undefined;
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const queue = await queueOf(ctx.db, qid);
    if (!queue) throw new AppError('QUEUE_NOT_FOUND');
    if (calledFrom !== undefined && queue.serving !== calledFrom) throw new AppError('CONFLICT', '刚刚有同事叫过号了，请看最新的号');
    calledFrom = queue.serving;
    const returned = queue.returned ?? [];
    let next = queue.serving + 1;
    while (returned.includes(next)) next += 1;
    if (next > queue.issued) throw new AppError('QUEUE_EMPTY');
    const res = await ctx.db
      .collection(COLLECTIONS.fairQueues)
      .where({ _id: qid, serving: queue.serving, issued: _.gte(next), ...(queue.returned ? { returned: _.size(returned.length) } : { returned: _.exists(false) }) })
      .update({ data: { serving: next, calledAt: ctx.now } });
    if (res.stats.updated === 1) return getFair(ctx, { id: input.fairId });
  }
  throw new AppError('CONFLICT', '刚刚有同事叫过号了，请看最新的号');
}

/** Staff define (or redefine) a 便民日. Queues keep their numbers when it is saved again. */
export async function saveFair(
  ctx: HandlerContext,
  input: { centreId: string; date: string; title: string; opens: string; closes: string; place: string; queues: FairQueueSpec[] },
): Promise<FairDay> {
  assertCentre(ctx, input.centreId);
  if (input.opens >= input.closes) throw new AppError('BAD_INPUT', undefined, { closes: '结束时间要晚于开始时间' });
  const centre = (await ctx.db.collection<{ name: string }>(COLLECTIONS.centres).where({ _id: input.centreId }).limit(1).get()).data[0];
  if (!centre) throw new AppError('NOT_FOUND', '没有找到这个服务中心');
  const id = `${input.centreId}:${input.date}`;
  await ctx.db.collection(COLLECTIONS.fairs).doc(id).set({ data: { ...input, centreName: centre.name, updatedAt: ctx.now } });
  for (const spec of input.queues) {
    const queue = emptyQueue(id, spec);
    const queues = ctx.db.collection(COLLECTIONS.fairQueues);
    const { _id, ...fields } = queue;
    try {
      await queues.add({ data: { _id, ...fields } });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Existing queue: keep issued/serving, update the name and the windows (new windows start full).
      await queues.where({ _id }).update({ data: { name: spec.name, windows: spec.windows } });
    }
  }
  return getFair(ctx, { id });
}
