/**
 * The stored shapes of events and entries, and how they are shown. The event document also holds
 * the event's SEAT COUNTERS (docs/events.md, ledger.ts): capacity, seatsLeft, waiting, qNext (the
 * last waitlist number handed out), each moved by one conditional update, and `tx`, the marks of
 * counter steps in flight (steps.ts). Per entry, its seats and place live on the entry itself:
 *   seatsLeft + Σ seats of confirmed/offered/checked_in entries = capacity
 *   waiting   = number of waitlisted entries
 * whenever no step is in flight (an entry's `step`, an event's `tx.<entryId>`).
 */
import type { Mark } from './ledger';
import type { Step } from './steps';
import type {
  Allocation,
  EligibilityRule,
  EntryStatus,
  EventCategory,
  EventDetail,
  EventStatus,
  EventSubscription,
  EventSummary,
  FormField,
  GroupSpec,
  LotteryPriority,
  MyEntry,
  Venue,
} from '../../../contract/events/model';
import { ACTIVE_ENTRY_STATUSES } from '../../../contract/events/model';
import { badgeOf } from './badge';

export interface EventDoc {
  _id: string;
  title: string;
  category: EventCategory;
  summary: string;
  description: string;
  organiser: string;
  phone: string;
  venue: Venue;
  startsAt: Date;
  endsAt: Date;
  signUpOpensAt: Date;
  signUpClosesAt: Date;
  cancelDeadline: Date;
  capacity: number;
  waitlistLimit: number;
  claimHours: number;
  allocation: Allocation;
  lotteryPriority: LotteryPriority;
  series: string;
  group: GroupSpec;
  form: FormField[];
  eligibility: EligibilityRule[];
  status: EventStatus;
  /** sha256(seed): published with the event; the seed itself is secret until applications close. */
  seedCommitment?: string;
  seed?: string;
  drawnAt?: Date | null;
  applicants?: number | null;
  winners?: number | null;
  // ---- the seat counters (ledger.ts)
  seatsLeft: number;
  waiting: number;
  /** The last waitlist number handed out (absent only on an event not yet migrated: ledger-migration.ts). */
  qNext?: number;
  /** Marks of counter steps in flight, by entry id (steps.ts); list reads leave them out. */
  tx?: Record<string, Mark>;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Fields list and detail reads leave out: the marks in flight, and the per-entry maps of events
 * stored before the ledger moved onto the entries (ledger-migration.ts), which grew with the sign-ups.
 */
export const WITHOUT_LEDGER = { tx: false, held: false, w: false, queue: false } as const;

export interface EntryDoc {
  _id: string;
  eventId: string;
  openid: string;
  requestId: string;
  /** `${eventId}:${openid}` while active (unique index), the entry's own _id once it has ended. */
  activeKey: string;
  /** 128 random bits (hex), unique index: what the ticket QR carries. */
  ticketCode: string;
  /** The short code read aloud at the door (door-codes.ts); absent on entries from before it. */
  doorCode?: string;
  status: EntryStatus;
  seats: number;
  name: string;
  phone: string;
  employer: string;
  form: Record<string, string | boolean>;
  /** Team members or children, as shown at the door. */
  party: string[];
  /** When the worker ticked the consent for sensitive information (a child under 14); absent when none was sent. */
  sensitiveConsentAt?: Date;
  /** Subscribe messages the worker granted on the sign-up tap; each is spent by one send. */
  subs: Partial<Record<EventSubscription, boolean>>;
  /** Waitlist number (the event's qNext when it joined: 1, 2, ...), once waitlisted. */
  seq?: number;
  /** A ledger step in flight on this entry (steps.ts): set with the status it starts from, removed with the outcome. */
  step?: Step;
  /** Lottery priority group (0 = first), fixed when the application is made. */
  priority?: number;
  /** Denormalised: the reminder sweep reads it; first-time lottery priority counts by series. */
  startsAt: Date;
  series: string;
  createdAt: Date;
  updatedAt: Date;
  confirmedAt?: Date;
  offeredAt?: Date;
  offerExpiresAt?: Date;
  /** The token of the offer that reached the entry (its mark's `by`, ledger.ts). */
  offerBy?: string;
  checkedInAt?: Date;
  endedAt?: Date;
  remindedAt?: Date;
}

export function isActive(status: EntryStatus): boolean {
  return ACTIVE_ENTRY_STATUSES.includes(status);
}

export function activeKeyOf(eventId: string, openid: string): string {
  return `${eventId}:${openid}`;
}

export function toSummary(doc: EventDoc, now: Date): EventSummary {
  return {
    id: doc._id,
    title: doc.title,
    category: doc.category,
    summary: doc.summary,
    startsAt: doc.startsAt,
    endsAt: doc.endsAt,
    venueName: doc.venue.name,
    allocation: doc.allocation,
    capacity: doc.capacity,
    seatsLeft: doc.seatsLeft,
    waiting: doc.waiting,
    badge: badgeOf(doc, now),
    signUpClosesAt: doc.signUpClosesAt,
  };
}

export function toDetail(doc: EventDoc, now: Date, myEntry: MyEntry | null): EventDetail {
  return {
    ...toSummary(doc, now),
    description: doc.description,
    organiser: doc.organiser,
    phone: doc.phone,
    venue: doc.venue,
    signUpOpensAt: doc.signUpOpensAt,
    cancelDeadline: doc.cancelDeadline,
    claimHours: doc.claimHours,
    waitlistLimit: doc.waitlistLimit,
    series: doc.series,
    group: doc.group,
    form: doc.form,
    eligibility: doc.eligibility,
    status: doc.status,
    lottery:
      doc.allocation === 'lottery'
        ? {
            priority: doc.lotteryPriority,
            seedCommitment: doc.seedCommitment ?? '',
            // Revealed once applications have closed.
            seed: now >= doc.signUpClosesAt || doc.drawnAt ? (doc.seed ?? null) : null,
            drawnAt: doc.drawnAt ?? null,
            applicants: doc.applicants ?? null,
            winners: doc.winners ?? null,
          }
        : null,
    myEntry,
  };
}

/** Whether the worker may still cancel: an active entry, before the deadline and the start. */
export function canCancel(entry: Pick<EntryDoc, 'status'>, event: Pick<EventDoc, 'cancelDeadline' | 'status'>, now: Date): boolean {
  if (event.status === 'cancelled') return false;
  if (!['applied', 'confirmed', 'waitlisted', 'offered'].includes(entry.status)) return false;
  return now < event.cancelDeadline;
}

export function toMyEntry(
  entry: EntryDoc,
  event: Pick<EventDoc, 'title' | 'startsAt' | 'venue' | 'cancelDeadline' | 'status' | 'allocation'>,
  position: number | null,
  now: Date,
): MyEntry {
  return {
    id: entry._id,
    eventId: entry.eventId,
    eventTitle: event.title,
    startsAt: event.startsAt,
    venueName: event.venue.name,
    status: entry.status,
    eventCancelled: event.status === 'cancelled',
    allocation: event.allocation,
    seats: entry.seats,
    position: entry.status === 'waitlisted' ? position : null,
    offerExpiresAt: entry.status === 'offered' ? (entry.offerExpiresAt ?? null) : null,
    checkedInAt: entry.checkedInAt ?? null,
    canCancel: canCancel(entry, event, now),
    createdAt: entry.createdAt,
  };
}
