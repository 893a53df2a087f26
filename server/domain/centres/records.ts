/**
 * The documents of the bookings area as they are stored (server-side only), and the small pure
 * helpers that turn them into what the contract shows.
 */
import { createHash, randomInt } from 'node:crypto';
import {
  BOOKING_CODE_ALPHABET,
  BOOKING_CODE_LENGTH,
  type Booking,
  type BookingStatus,
  type CentreService,
  type ServiceRoster,
  type StaffBookingRow,
} from '../../../contract/centres/model';
import { maskPhone } from '../../../contract/privacy';
import { dayTimeText, shanghai } from '../../../contract/time';

export type RosterDoc = ServiceRoster & { _id: string; centreName: string };

export interface SlotDoc {
  _id: string;
  centreId: string;
  service: CentreService;
  date: string;
  start: Date;
  seats: number;
  left: number;
  closed: boolean;
  closedReason?: string;
}

export interface BookingDoc {
  _id: string;
  code: string;
  /** '' for a walk-in added by staff. */
  openid: string;
  source: 'worker' | 'walk_in';
  name: string;
  phone: string;
  centreId: string;
  centreName: string;
  service: CentreService;
  slotId: string;
  quotaId: string;
  start: Date;
  end: Date;
  /** Shanghai 'YYYY-MM-DD' and 'HH:mm' of the start, for the staff list and the reminder query. */
  date: string;
  time: string;
  status: BookingStatus;
  /** `${openid}:${stamp}` while booked (unique index); a unique dead key once it ends. */
  activeKey: string;
  /** The instant until which it can be cancelled or moved (rules.changeUntilHours before the start). */
  changeUntil: Date;
  remind: boolean;
  reminded: boolean;
  /** What the worker comes about (想咨询的事); absent on walk-ins and older bookings. */
  topic?: string;
  /** When the worker ticked the consent for sensitive information (SENSITIVE_SERVICES); absent otherwise. */
  sensitiveConsentAt?: Date;
  createdAt: Date;
  updatedAt: Date;
  closedReason?: string;
  /**
   * A multi-step write under way, set by its first write and cleared by its last (flat fields: a
   * nested object would be merged, not replaced, by update). What each means and how it is
   * settled: booking-repair.ts. The counters it names are the ones being taken or given back.
   */
  pending?: PendingOp;
  /** Its units carry its marker: every booking since crash safety; older ones are adopted (booking-repair.ts). */
  marked?: boolean;
  pendingSince?: Date;
  pendingSlotId?: string;
  pendingQuotaId?: string;
}

export type PendingOp = 'book' | 'undo' | 'move' | 'unmove' | 'give';

/** A booking still being made, or being given up: the worker was never told it is booked. */
export function isUnconfirmed(doc: BookingDoc): boolean {
  return doc.pending === 'book' || doc.pending === 'undo';
}

/** A short, stable, non-reversible id from parts (e.g. OPENID + client request id). */
export function hashId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);
}

export function newBookingCode(): string {
  let code = '';
  for (let i = 0; i < BOOKING_CODE_LENGTH; i += 1) code += BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)];
  return code;
}

/** The key that, while a booking is active, forbids a second booking of the same person at the same start. */
export function activeKeyOf(openid: string, stamp: string): string {
  return `${openid}:${stamp}`;
}

/** The key that replaces it when the booking ends (still unique, never collides with an active one). */
export function endedKeyOf(bookingId: string, at: Date): string {
  return `ended:${bookingId}:${at.getTime()}`;
}

export function toBooking(doc: BookingDoc, now: Date): Booking {
  return {
    id: doc._id,
    code: doc.code,
    centreId: doc.centreId,
    centreName: doc.centreName,
    service: doc.service,
    start: new Date(doc.start).toISOString(),
    end: new Date(doc.end).toISOString(),
    when: dayTimeText(doc.start, now),
    status: doc.status,
    changeable: doc.status === 'booked' && now.getTime() <= new Date(doc.changeUntil).getTime(),
    remind: doc.remind,
    topic: doc.topic ?? '',
  };
}

export function toStaffRow(doc: BookingDoc): StaffBookingRow {
  return {
    id: doc._id,
    code: doc.code,
    service: doc.service,
    start: new Date(doc.start).toISOString(),
    time: shanghai(new Date(doc.start)).format('HH:mm'),
    status: doc.status,
    source: doc.source,
    name: doc.name || (doc.source === 'walk_in' ? '现场登记' : '微信用户'),
    maskedPhone: maskPhone(doc.phone),
    topic: doc.topic ?? '',
  };
}
