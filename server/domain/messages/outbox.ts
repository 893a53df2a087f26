/**
 * The outbox: every subscribe message the product sends goes through it, so a large send
 * (cancelling a 300-seat event, an evening's reminders) survives the 10–20 s function limit and
 * no message is sent twice.
 *
 * - Queueing writes one document whose _id is the message's key (the template and the booking or
 *   entry it is about, which names one recipient): queueing the same message again is a no-op.
 * - Sending claims a document with a conditional write (pending -> sending, with the run's own
 *   claim token) before calling WeChat, so two runs at once never both send it; the outcome is
 *   written back under that token and the personal fields (touser, page, data) are removed.
 * - A call sends what it queued while its time budget lasts; the rest stays pending and the events
 *   timer (every 5 minutes) continues it with drainOutbox, oldest first.
 *
 * The one window left open: a run killed after WeChat took a message and before the outcome was
 * written leaves a `sending` claim; after STALE_CLAIM_MS (longer than any function's timeout) it
 * is sent again rather than lost. WeChat spends one grant per send, so a worker who granted once
 * is not messaged twice (the repeat is refused with 43101).
 */
import { randomUUID } from 'node:crypto';
import { SUBSCRIBE_TEMPLATES } from '../../../contract/subscribe-templates';
import { isQuietHour } from '../../../contract/time';
import { isDuplicateKey } from '../../db/counters';
import { COLLECTIONS } from '../../db/schema';
import type { HandlerContext } from '../../runtime/context';

export type TemplateName = keyof typeof SUBSCRIBE_TEMPLATES;

export interface OutgoingMessage {
  /** `${template}:${subject}`: the same message queued twice is one message. */
  key: string;
  touser: string;
  template: TemplateName;
  page: string;
  /** Field key -> value, already cut to WeChat's limits. */
  data: Record<string, string>;
}

type Status = 'pending' | 'sending' | 'sent' | 'refused' | 'failed' | 'dropped';

interface OutboxDoc {
  _id: string;
  status: Status;
  touser: string;
  template: TemplateName;
  templateId: string;
  page: string;
  data: Record<string, string>;
  createdAt: Date;
  attempts: number;
  claim?: string;
  claimedAt?: Date;
  errCode?: number;
}

export interface SendReport {
  sent: number;
  /** WeChat said no for good (43101: the worker has no grant left; a bad openid or value). */
  refused: number;
  /** Gave up after MAX_ATTEMPTS transient errors. */
  failed: number;
  /** Still pending when this call stopped: the timer continues them. */
  left: number;
}

/**
 * A call stops claiming messages after this long, leaving the rest to the timer. The shortest
 * timeout of a function that can send is 10 s (tests/unit/function-permissions.test.ts checks it).
 */
export const SEND_BUDGET_MS = 6_000;
/** Messages one timer run reads; what is left waits for the next run. */
export const RUN_LIMIT = 200;
/** Longer than any function's timeout (20 s): a claim this old belongs to a run that was killed. */
export const STALE_CLAIM_MS = 60_000;
const MAX_ATTEMPTS = 3;
/** WeChat calls in flight at once: enough to send hundreds within the budget. */
const PARALLEL = 8;

/** Negative codes are the SDK's (network, system busy); 45009/45011: WeChat's rate limits. */
function isTransient(errCode: number): boolean {
  return errCode < 0 || errCode === 45009 || errCode === 45011;
}

const outboxOf = (ctx: HandlerContext) => ctx.db.collection<OutboxDoc>(COLLECTIONS.outbox);

async function inParallel<T>(items: T[], run: (item: T) => Promise<void>, until = Infinity): Promise<number> {
  let started = 0;
  while (started < items.length && Date.now() < until) {
    const batch = items.slice(started, started + PARALLEL);
    started += batch.length;
    await Promise.all(batch.map(run));
  }
  return started;
}

/** Writes the messages to the outbox; returns the ones this call queued (not queued before). */
export async function queueMessages(ctx: HandlerContext, messages: OutgoingMessage[]): Promise<OutboxDoc[]> {
  const queued: OutboxDoc[] = [];
  await inParallel(messages, async (m) => {
    const doc: OutboxDoc = {
      _id: m.key,
      status: 'pending',
      touser: m.touser,
      template: m.template,
      templateId: SUBSCRIBE_TEMPLATES[m.template].id,
      page: m.page,
      data: m.data,
      createdAt: ctx.now,
      attempts: 0,
    };
    try {
      await outboxOf(ctx).add({ data: { ...doc } });
      queued.push(doc);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  });
  return queued;
}

/** Claims, sends and records one message; null when another run holds it or it is done. */
async function sendOne(ctx: HandlerContext, doc: OutboxDoc): Promise<Status | null> {
  const _ = ctx.db.command;
  const claim = randomUUID();
  const taken = await outboxOf(ctx).where({ _id: doc._id, status: 'pending' }).update({ data: { status: 'sending', claim, claimedAt: ctx.now } });
  if (taken.stats.updated !== 1) return null;
  const errCode = await ctx.platform.sendSubscribeMessage({ touser: doc.touser, templateId: doc.templateId, page: doc.page, data: doc.data });
  const attempts = doc.attempts + 1;
  const status: Status = errCode === 0 ? 'sent' : !isTransient(errCode) ? 'refused' : attempts < MAX_ATTEMPTS ? 'pending' : 'failed';
  const outcome =
    status === 'pending'
      ? { status, attempts, errCode }
      : { status, attempts, errCode, doneAt: ctx.now, touser: _.remove(), page: _.remove(), data: _.remove() };
  await outboxOf(ctx).where({ _id: doc._id, claim }).update({ data: outcome });
  return status;
}

async function sendAll(ctx: HandlerContext, docs: OutboxDoc[], until: number): Promise<SendReport> {
  const report: SendReport = { sent: 0, refused: 0, failed: 0, left: 0 };
  const started = await inParallel(
    docs,
    async (doc) => {
      const status = await sendOne(ctx, doc);
      if (status === 'sent' || status === 'refused' || status === 'failed') report[status] += 1;
      else if (status === 'pending') report.left += 1;
    },
    until,
  );
  report.left += docs.length - started;
  return report;
}

/**
 * Queues the messages and sends the ones this call queued while the budget lasts. A message
 * queued before (a retry, an overlapping run) is left to whoever queued it or to the timer.
 */
export async function deliver(ctx: HandlerContext, messages: OutgoingMessage[]): Promise<SendReport & { queued: number }> {
  const until = Date.now() + SEND_BUDGET_MS;
  const queued = await queueMessages(ctx, messages);
  return { queued: queued.length, ...(await sendAll(ctx, queued, until)) };
}

/** Sends messages already queued (by queueMessages) while the budget lasts. */
export function sendQueued(ctx: HandlerContext, queued: OutboxDoc[]): Promise<SendReport> {
  return sendAll(ctx, queued, Date.now() + SEND_BUDGET_MS);
}

/** Reminders wait out the quiet hours (contract/time.ts); notices (an offer, a cancellation) do not. */
const REMINDERS: TemplateName[] = ['bookingReminder', 'eventReminder'];

/**
 * The timer's part: gives claims of killed runs back, then sends up to RUN_LIMIT pending messages,
 * oldest first, while the budget lasts (reminders not in quiet hours). `left` counts what is still
 * pending afterwards.
 */
export async function drainOutbox(ctx: HandlerContext): Promise<SendReport> {
  const until = Date.now() + SEND_BUDGET_MS;
  const _ = ctx.db.command;
  await outboxOf(ctx)
    .where({ status: 'sending', claimedAt: _.lt(new Date(ctx.now.getTime() - STALE_CLAIM_MS)) })
    .update({ data: { status: 'pending' } });
  const due = isQuietHour(ctx.now) ? { status: 'pending', template: _.nin(REMINDERS) } : { status: 'pending' };
  const pending = await outboxOf(ctx).where(due).orderBy('createdAt', 'asc').limit(RUN_LIMIT).get();
  const report = await sendAll(ctx, pending.data, until);
  report.left = (await outboxOf(ctx).where({ status: 'pending' }).count()).total;
  return report;
}

/** 我的数据 → delete: messages not yet sent to this worker are dropped, without their content. */
export async function dropMessagesTo(ctx: HandlerContext, openid: string): Promise<number> {
  const _ = ctx.db.command;
  const res = await outboxOf(ctx)
    .where({ touser: openid, status: _.in(['pending', 'sending']) })
    .update({ data: { status: 'dropped', doneAt: ctx.now, touser: _.remove(), page: _.remove(), data: _.remove() } });
  return res.stats.updated;
}
