/**
 * Subscribe messages of the bookings area: what is sent, cut to WeChat's field limits
 * (thing <= 20 chars, character_string <= 32 ASCII, time '2026年12月1日 09:00'). Sending goes through
 * the outbox (server/domain/messages/outbox.ts), keyed by the booking.
 */
import { CENTRE_SERVICE_LABELS, type CentreService } from '../../../contract/centres/model';

/** A thing value: at most 20 characters (counted as code points), cut with an ellipsis. */
export function thing(text: string): string {
  const chars = Array.from(text.trim() || '-');
  return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`;
}

export const BOOKING_PAGE = 'packages/centres/pages/booking/index';

export function reminderData(b: { service: CentreService; centreName: string; when: string; code: string }): Record<string, string> {
  return {
    thing1: thing(CENTRE_SERVICE_LABELS[b.service]),
    thing2: thing(b.centreName),
    time3: b.when,
    character_string4: b.code,
    thing5: thing('请准时到，出示预约码'),
  };
}

export function changedData(b: { service: CentreService; centreName: string; when: string; reason: string }): Record<string, string> {
  return {
    thing1: thing(CENTRE_SERVICE_LABELS[b.service]),
    time2: b.when,
    thing3: thing(`已取消：${b.reason}`),
    thing4: thing(b.centreName),
  };
}
