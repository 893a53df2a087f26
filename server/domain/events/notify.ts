/**
 * Subscribe messages about events. A worker's grant (asked for on the sign-up tap) is stored on
 * the entry; a message goes only where it was granted, through the outbox
 * (server/domain/messages/outbox.ts: queued once under its key, sent at most once, continued by
 * the timer when a call runs out of time). The grant is spent after queueing, so a crash in
 * between re-queues (a no-op) instead of losing the message. Values are cut to WeChat's limits.
 */
import type { EventSubscription } from '../../../contract/events/model';
import { subscribeTime } from '../../../contract/subscribe-templates';
import type { HandlerContext } from '../../runtime/context';
import { queueMessages, sendQueued, type OutgoingMessage, type SendReport } from '../messages/outbox';
import { entriesOf } from './store';
import type { EntryDoc, EventDoc } from './records';

/** WeChat's `thing`: at most 20 characters (counted as code points); cut with an ellipsis. */
export function thing(text: string, max = 20): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length === 0) return '-';
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}


export const EVENTS_PAGE = 'packages/events/pages/mine/index';

type Build = (event: Pick<EventDoc, 'title' | 'startsAt' | 'venue'>, entry: EntryDoc) => Record<string, string>;

const BUILDERS: Record<EventSubscription, Build> = {
  eventReminder: (event) => ({
    thing1: thing(event.title),
    time2: subscribeTime(event.startsAt),
    thing3: thing(event.venue.name),
    thing4: thing('明天就是活动日，请带好入场码准时到场'),
  }),
  waitlistOffer: (event, entry) => ({
    thing1: thing(event.title),
    time2: subscribeTime(event.startsAt),
    time3: subscribeTime(entry.offerExpiresAt ?? event.startsAt),
    thing4: thing('候补到名额了，请在截止前点确认'),
  }),
  eventCancelled: (event) => ({
    thing1: thing(event.title),
    time2: subscribeTime(event.startsAt),
    thing3: thing('工会取消了这场活动，给你添麻烦了'),
  }),
};

/** The message for one entry; the key names the entry (and the offer, which can be made once per deadline). */
function messageOf(kind: EventSubscription, event: Pick<EventDoc, 'title' | 'startsAt' | 'venue'>, entry: EntryDoc): OutgoingMessage {
  const subject = kind === 'waitlistOffer' ? `${entry._id}:${(entry.offerExpiresAt ?? event.startsAt).getTime()}` : entry._id;
  return { key: `${kind}:${subject}`, touser: entry.openid, template: kind, page: EVENTS_PAGE, data: BUILDERS[kind](event, entry) };
}

/**
 * Queues the message for every entry that granted it, spends those grants, and sends what this
 * call queued while its time budget lasts (the rest goes out with the events timer).
 */
export async function notify(
  ctx: HandlerContext,
  kind: EventSubscription,
  event: Pick<EventDoc, 'title' | 'startsAt' | 'venue'>,
  entries: EntryDoc[],
): Promise<SendReport & { queued: number }> {
  const granted = entries.filter((entry) => entry.subs?.[kind]);
  const queued = await queueMessages(ctx, granted.map((entry) => messageOf(kind, event, entry)));
  const _ = ctx.db.command;
  // One conditional update per few hundred entries (a cancellation can touch a thousand).
  for (let i = 0; i < granted.length; i += 500) {
    const ids = granted.slice(i, i + 500).map((entry) => entry._id);
    await entriesOf(ctx.db).where({ _id: _.in(ids), [`subs.${kind}`]: true }).update({ data: { [`subs.${kind}`]: false } });
  }
  return { queued: queued.length, ...(await sendQueued(ctx, queued)) };
}

/** One entry's message; true when WeChat took it in this call. */
export async function notifyOnce(
  ctx: HandlerContext,
  kind: EventSubscription,
  event: Pick<EventDoc, 'title' | 'startsAt' | 'venue'>,
  entry: EntryDoc,
): Promise<boolean> {
  return (await notify(ctx, kind, event, [entry])).sent === 1;
}
