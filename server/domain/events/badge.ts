import { FEW_SEATS_MIN, FEW_SEATS_SHARE, type EventBadge } from '../../../contract/events/model';
import type { EventDoc } from './records';

type BadgeInput = Pick<
  EventDoc,
  'status' | 'allocation' | 'signUpOpensAt' | 'signUpClosesAt' | 'endsAt' | 'capacity' | 'seatsLeft' | 'waiting' | 'waitlistLimit' | 'drawnAt'
>;

/** The badge on an event card: a pure function of the event and the instant. */
export function badgeOf(event: BadgeInput, now: Date): EventBadge {
  if (event.status === 'cancelled') return 'cancelled';
  // Only staff see drafts; 报名已截止 on one would say the opposite of what is true.
  if (event.status === 'draft') return 'draft';
  if (now >= event.endsAt) return 'ended';
  if (now < event.signUpOpensAt && event.status === 'published') return 'soon';
  const open = event.status === 'published' && now < event.signUpClosesAt;
  if (event.allocation === 'lottery') {
    if (open) return 'lottery';
    if (!event.drawnAt) return 'drawing';
    return 'closed';
  }
  if (!open) return 'closed';
  if (event.seatsLeft <= 0 || event.waiting > 0) {
    return event.waiting < event.waitlistLimit ? 'full' : 'closed';
  }
  const few = Math.max(FEW_SEATS_MIN, Math.ceil(event.capacity * FEW_SEATS_SHARE));
  return event.seatsLeft <= few ? 'few' : 'open';
}

/** Whether a new sign-up is accepted now (the badge says so too; the write decides seats). */
export function acceptsSignUps(event: BadgeInput, now: Date): boolean {
  return event.status === 'published' && now >= event.signUpOpensAt && now < event.signUpClosesAt && now < event.endsAt;
}
