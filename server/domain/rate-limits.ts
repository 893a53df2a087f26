/**
 * Per-worker rate limits on the writes a worker can repeat (issue 10: one worker's sign-up/cancel
 * loop grew an event without bound). One mechanism: a counter per worker, limit group and fixed
 * window in `rate_limits` (_id = hash of group + OPENID + window start), taken by the same
 * conditional update as every other counter (server/db/counters.ts), so concurrent calls can never
 * pass more than `max`. The limits are here, in one table; the function files wrap the handlers.
 * Expired windows are removed by the events timer.
 */
import { takeOne } from '../db/counters';
import type { Doc } from '../db/database';
import { COLLECTIONS } from '../db/schema';
import { AppError } from '../runtime/app-error';
import type { HandlerContext } from '../runtime/context';
import { hashId } from './centres/records';

/** Each group is one budget shared by its actions, per worker. Generous for a person, tight for a script. */
export const RATE_LIMITS = {
  /** events.signUp / cancel / claim */
  eventEntries: { max: 30, windowMinutes: 60 },
  /** centres.book / cancel / reschedule */
  bookings: { max: 20, windowMinutes: 60 },
  /** centres.takeNumber and centres.giveBackNumber (便民日): one budget, so take/give back cannot loop */
  fairNumbers: { max: 20, windowMinutes: 60 },
  /** rights.ask (the daily consultation quota still applies), vote, favourite, rate */
  rights: { max: 60, windowMinutes: 60 },
  /** station.tap */
  stationTaps: { max: 60, windowMinutes: 60 },
} as const;

export type RateGroup = keyof typeof RATE_LIMITS;

/** Spends one call of the worker's budget in `group`, or refuses with RATE_LIMITED and when to come back. */
export async function spendRate(ctx: HandlerContext, group: RateGroup): Promise<void> {
  const { max, windowMinutes } = RATE_LIMITS[group];
  const windowMs = windowMinutes * 60_000;
  const start = Math.floor(ctx.now.getTime() / windowMs) * windowMs;
  const until = new Date(start + windowMs);
  const ok = await takeOne(ctx.db, ctx.db.collection<Doc>(COLLECTIONS.rateLimits), {
    id: hashId('rate', group, ctx.openid, String(start)),
    init: { group, until },
    capacity: max,
    // Most calls are a worker's first in the window: try creating the counter first.
    likely: 'missing',
  });
  if (!ok) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - ctx.now.getTime()) / 60_000));
    throw new AppError('RATE_LIMITED', `操作太频繁了，请${minutes}分钟后再试`);
  }
}

/** A handler that first spends one call of the group's budget. */
export function limited<I, O>(group: RateGroup, handler: (ctx: HandlerContext, input: I) => Promise<O>): (ctx: HandlerContext, input: I) => Promise<O> {
  return async (ctx, input) => {
    await spendRate(ctx, group);
    return handler(ctx, input);
  };
}

/** Removes windows that have ended (the events timer, every 5 minutes). One request. */
export async function removeEndedWindows(ctx: HandlerContext): Promise<number> {
  const res = await ctx.db.collection<Doc>(COLLECTIONS.rateLimits).where({ until: ctx.db.command.lt(ctx.now) }).remove();
  return res.stats.removed;
}
