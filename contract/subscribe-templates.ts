/**
 * WeChat subscribe-message templates the product sends, and their field keys. The template ids
 * are the union's own, chosen in the mini-program admin console (订阅消息 -> 我的模板); replace the
 * placeholders there and here together. Field value limits (checked by the local cloud's stand-in
 * as WeChat does): thing <= 20 chars, phrase <= 5 Chinese chars, character_string <= 32 without
 * Chinese, name <= 10 Chinese chars; time as WeChat documents it, '2019年10月1日 15:01' (subscribeTime;
 * a 'YYYY-MM-DD HH:mm:ss' value has been refused with 47003).
 */
import { shanghai } from './time';

/** A `time` field value: the documented form, on the Shanghai clock, e.g. '2026年12月1日 09:00'. */
export function subscribeTime(instant: Date | number): string {
  return shanghai(instant).format('YYYY年M月D日 HH:mm');
}

export interface SubscribeTemplate {
  /** The template id from the admin console. */
  id: string;
  /** What the message is for (shown to engineers only). */
  purpose: string;
  /** Field key -> value kind, as the console lists them. */
  fields: Record<string, 'thing' | 'phrase' | 'character_string' | 'name' | 'time' | 'date' | 'number'>;
}

export const SUBSCRIBE_TEMPLATES = {
  // ---- centres
  bookingReminder: {
    id: 'TPL_BOOKING_REMINDER_REPLACE_ME',
    purpose: 'The day before a service-centre booking (sent by the centres timer at 18:00).',
    fields: { thing1: 'thing', thing2: 'thing', time3: 'time', character_string4: 'character_string', thing5: 'thing' },
  },
  bookingChanged: {
    id: 'TPL_BOOKING_CHANGED_REPLACE_ME',
    purpose: 'A centre closed the slot of a booking (staff action).',
    fields: { thing1: 'thing', time2: 'time', thing3: 'thing', thing4: 'thing' },
  },
  // ---- events
  eventReminder: {
    id: 'TPL_EVENT_REMINDER_REPLACE_ME',
    purpose: 'The day before an event the worker holds a seat for (events timer).',
    fields: { thing1: 'thing', time2: 'time', thing3: 'thing', thing4: 'thing' },
  },
  waitlistOffer: {
    id: 'TPL_WAITLIST_OFFER_REPLACE_ME',
    purpose: 'A seat freed for a waitlisted worker: claim it before the deadline (on promotion).',
    fields: { thing1: 'thing', time2: 'time', time3: 'time', thing4: 'thing' },
  },
  eventCancelled: {
    id: 'TPL_EVENT_CANCELLED_REPLACE_ME',
    purpose: 'The union cancelled an event the worker signed up for (staff action).',
    fields: { thing1: 'thing', time2: 'time', thing3: 'thing' },
  },
} satisfies Record<string, SubscribeTemplate>;
