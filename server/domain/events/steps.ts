/**
 * A ledger step moves an entry AND the event's counters: two documents, and WeChat's database is
 * atomic per document only. Each step is made safe against a crash between its writes, and against
 * a retry, a double tap or an overlapping timer run, by keying both halves by the entry:
 *
 *   1. entry:   the step begins — `step = {op, at}` written with the status it starts from, only if
 *               no step is in flight (sign-up: the insert itself; cancel, expiry, no-show: the end);
 *   2. counter: one conditional update of the event (ledger.ts) that also sets the MARK
 *               `tx.<entryId>` and requires that none is there, so it applies once per entry;
 *   3. entry:   the outcome (status, seq) is recorded and `step` removed;
 *   4. counter: the mark is removed.
 *
 * Whoever holds a step is its only actor: the call that began it, or — once the step is older than
 * STEP_LEASE_MS, beyond the function's timeout, so its caller is gone — the first caller to move
 * its clock (takeOver: a retry, a cancel, the events timer). Resuming reads the mark: there, step 2
 * was done (go on with 3); absent, it was not (step 4 only follows 3, which ends the step).
 *
 * Offers run the other way round (promote.ts): the counter first (taking the seats IS the claim on
 * the waiting entry, as before), then the entry; an offer whose entry write fails is undone.
 * resolveMark settles a mark left by a step cut off at any point (repair.ts).
 */
import type { HandlerContext } from '../../runtime/context';
import { resumeDrawStep } from './draw';
import { clearMark, ledgerView, undoOffer, type LedgerOp, type Mark } from './ledger';
import { markOffered } from './promote';
import type { EntryDoc } from './records';
import { leaveLedger, settle } from './signup';
import { entriesOf, findEntry, loadEvent } from './store';

/** settle: a sign-up's take-or-join; the other ops are the counter writes of ledger.ts. */
export type StepOp = 'settle' | LedgerOp;
export interface Step {
  op: StepOp;
  at: Date;
}

/** Longer than the function's timeout (20 s): a step or mark this old has no live caller. */
export const STEP_LEASE_MS = 60_000;
const BUSY_TRIES = 20;
const BUSY_PAUSE_MS = 100;

/** Waiting out another actor's step: it ends within milliseconds unless it was cut off. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const isStale = (ctx: HandlerContext, at: Date | undefined) => !at || at.getTime() < ctx.now.getTime() - STEP_LEASE_MS;

/** A step cut off (older than the lease): the first caller to move its clock holds it now. */
export async function takeOver(ctx: HandlerContext, entry: EntryDoc): Promise<EntryDoc | null> {
  if (!entry.step || !isStale(ctx, entry.step.at)) return null;
  const step: Step = { op: entry.step.op, at: ctx.now };
  const res = await entriesOf(ctx.db)
    .where({ _id: entry._id, 'step.op': entry.step.op, 'step.at': entry.step.at })
    .update({ data: { step } });
  return res.stats.updated === 1 ? { ...entry, step } : null;
}

/** Step 3: the outcome on the entry, the step ended; then step 4. False if another actor finished it. */
export async function finishStep(ctx: HandlerContext, entry: EntryDoc, change: Partial<EntryDoc>, mark: LedgerOp | null): Promise<boolean> {
  const _ = ctx.db.command;
  const op = entry.step?.op;
  if (!op) return false; // (an undefined condition would be dropped, matching any step)
  const res = await entriesOf(ctx.db)
    .where({ _id: entry._id, 'step.op': op })
    .update({ data: { ...change, step: _.remove(), updatedAt: ctx.now } });
  if (res.stats.updated !== 1) return false;
  if (mark) await clearMark(ctx.db, entry.eventId, entry._id, mark);
  return true;
}

export type MarkedWrite = 'done' | 'refused' | 'busy';

/**
 * Step 2 for `op`: the counter write, unless the entry's mark shows a cut-off predecessor did it.
 * Another op's mark (a step of the entry still in flight, or cut off) is waited out or settled.
 */
export async function markedWrite(ctx: HandlerContext, entry: EntryDoc, op: LedgerOp, write: () => Promise<boolean>): Promise<MarkedWrite> {
  for (let attempt = 0; attempt < BUSY_TRIES; attempt++) {
    if (await write()) return 'done';
    const view = await ledgerView(ctx.db, entry.eventId, entry._id);
    if (!view || !view.mark) return 'refused';
    if (view.mark.op === op) return 'done';
    if (isStale(ctx, view.mark.at)) await resolveMark(ctx, entry.eventId, entry._id, view.mark);
    else await pause(BUSY_PAUSE_MS);
  }
  return 'busy';
}

/** Carries a taken-over step through to its end (repair.ts, retries, a cancel finding one). */
export async function resumeStep(ctx: HandlerContext, entry: EntryDoc): Promise<void> {
  switch (entry.step?.op) {
    case 'settle':
      await settle(ctx, await loadEvent(ctx.db, entry.eventId, { drafts: true }), entry);
      return;
    case 'release':
    case 'leave':
      await leaveLedger(ctx, entry, entry.step.op);
      return;
    case 'take':
    case 'join':
      await resumeDrawStep(ctx, entry);
      return;
    default:
      return;
  }
}

/**
 * A mark older than the lease: its step was cut off. take/join/release/leave marks belong to a
 * step on the entry (resumed, if it is stale too) or to one already recorded (the mark removed).
 * An offer mark is finished if the entry still waits, removed if the entry records this offer
 * (`offerBy`), and undone (the seats and the place given back) otherwise: the entry has ended, or
 * another offer reached it first.
 */
export async function resolveMark(ctx: HandlerContext, eventId: string, entryId: string, mark: Mark): Promise<void> {
  const entry = await findEntry(ctx.db, { _id: entryId });
  if (mark.op === 'offer') {
    const by = mark.by ?? '';
    if (entry?.status === 'waitlisted' && !entry.step) await markOffered(ctx, await loadEvent(ctx.db, eventId, { drafts: true }), entry, by);
    else if (entry?.offerBy === by) await clearMark(ctx.db, eventId, entryId, 'offer', by);
    else await undoOffer(ctx.db, eventId, entryId, entry?.seats ?? 0, by);
    return;
  }
  const stepOp: StepOp | undefined = entry?.status === 'pending' ? 'settle' : mark.op;
  if (entry?.step && entry.step.op === stepOp) {
    const mine = await takeOver(ctx, entry);
    if (mine) await resumeStep(ctx, mine);
    return;
  }
  await clearMark(ctx.db, eventId, entryId, mark.op);
}
