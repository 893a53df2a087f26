/**
 * Subscribe messages about events. A worker's grant (asked for on the sign-up tap) is stored on
 * the entry and spent by a conditional update before sending, so each grant is used at most once
 * and nothing is sent where the worker did not agree. Values are cut to WeChat's limits.
 */
import type { EventSubscription } from '../../../contract/events/model';
import { SUBSCRIBE_TEMPLATES } from '../../../contract/subscribe-templates';
import { shanghai } from '../../../contract/time';
import { COLLECTIONS } from '../../db/schema';
import type { HandlerContext } from '../../runtime/context';
import type { EntryDoc, EventDoc } from './records';

/** WeChat's `thing`: at most 20 characters (counted as code points); cut with an ellipsis. */
export function thing(text: string, max = 20): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length === 0) return '-';
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** WeChat's `time`: 'YYYY-MM-DD HH:mm' on the Shanghai clock. */
export function timeValue(instant: Date): string {
  return shanghai(instant).format('YYYY-MM-DD HH:mm');
}

export const EVENTS_PAGE = 'packages/events/pages/mine/index';

type Build = (event: Pick<EventDoc, 'title' | 'startsAt' | 'venue'>, entry: EntryDoc) => Record<string, string>;

const BUILDERS: Record<EventSubscription, Build> = {
  eventReminder: (event) => ({
    thing1: thing(event.title),
    time2: timeValue(event.startsAt),
    thing3: thing(event.venue.name),
    thing4: thing('明天就是活动日，请带好入场码准时到场'),
  }),
  waitlistOffer: (event, entry) => ({
    thing1: thing(event.title),
    time2: timeValue(event.startsAt),
    time3: timeValue(entry.offerExpiresAt ?? event.startsAt),
    thing4: thing('候补到名额了，请在截止前点确认'),
  }),
  eventCancelled: (event) => ({
    thing1: thing(event.title),
    time2: timeValue(event.startsAt),
    thing3: thing('工会取消了这场活动，给你添麻烦了'),
  }),
};

/** Sends one message if the worker granted it and has not spent the grant; true when WeChat took it. */
export async function notifyOnce(
  ctx: HandlerContext,
  kind: EventSubscription,
  event: Pick<EventDoc, 'title' | 'startsAt' | 'venue'>,
  entry: EntryDoc,
): Promise<boolean> {
  if (!entry.subs?.[kind]) return false;
  const spent = await ctx.db
    .collection(COLLECTIONS.eventEntries)
    .where({ _id: entry._id, [`subs.${kind}`]: true })
    .update({ data: { [`subs.${kind}`]: false } });
  if (spent.stats.updated !== 1) return false;
  const errCode = await ctx.platform.sendSubscribeMessage({
    touser: entry.openid,
    templateId: SUBSCRIBE_TEMPLATES[kind].id,
    page: EVENTS_PAGE,
    data: BUILDERS[kind](event, entry),
  });
  return errCode === 0;
}
