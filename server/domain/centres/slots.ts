/**
 * Slot generation: a pure function of a service's weekly roster, the closures, the rules and the
 * current instant (cf. cal.com packages/lib/slots.ts). No database, no clock of its own: tested
 * without a server. All calendar arithmetic is on Shanghai wall-clock dates ('YYYY-MM-DD'),
 * whatever the process TZ.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { BookingRules, Closure, ServiceRoster, Slot, SlotDay, SlotState } from '../../../contract/centres/model';
import { fromShanghai, shanghai, shanghaiDay, WEEKDAY_LABELS } from '../../../contract/time';

dayjs.extend(utc);

/** 'YYYY-MM-DD' + n days (pure calendar arithmetic). */
export function addDays(date: string, n: number): string {
  return dayjs.utc(date).add(n, 'day').format('YYYY-MM-DD');
}

/** 0 = Sunday, of a calendar date. */
export function weekdayOf(date: string): number {
  return dayjs.utc(date).day();
}

/** The Monday of the week (Monday to Sunday) containing the date. */
export function weekStart(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function hhmmOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The compact Shanghai stamp used in slot ids: 20270121T0930. */
export function slotStamp(start: Date): string {
  return shanghai(start).format('YYYYMMDD[T]HHmm');
}

export function slotId(centreId: string, service: string, start: Date): string {
  return `${centreId}:${service}:${slotStamp(start)}`;
}

export interface CandidateSlot {
  start: Date;
  end: Date;
  date: string;
  time: string;
  endTime: string;
}

/** The slots of a roster on one Shanghai calendar day, in time order (closures not applied). */
export function slotsOnDay(roster: Pick<ServiceRoster, 'periods' | 'durationMinutes'>, date: string): CandidateSlot[] {
  const weekday = weekdayOf(date);
  const out: CandidateSlot[] = [];
  for (const period of roster.periods) {
    if (period.weekday !== weekday) continue;
    const end = minutesOf(period.end);
    for (let t = minutesOf(period.start); t + roster.durationMinutes <= end; t += roster.durationMinutes) {
      const time = hhmmOf(t);
      const endTime = hhmmOf(t + roster.durationMinutes);
      out.push({
        start: fromShanghai(`${date} ${time}`),
        end: fromShanghai(`${date} ${endTime}`),
        date,
        time,
        endTime,
      });
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The closure of a centre on a date (its own, or one for every centre). */
export function closureOn(closures: readonly Closure[], centreId: string, date: string): Closure | undefined {
  return closures.find((c) => c.date === date && (c.centreId === centreId || c.centreId === 'all'));
}

export type TimingVerdict = 'ok' | 'past' | 'too_soon' | 'too_far';

/** Whether the rules allow booking a slot starting at `start` at the instant `now`. */
export function timingOf(start: Date, rules: BookingRules, now: Date): TimingVerdict {
  const lead = start.getTime() - now.getTime();
  if (lead <= 0) return 'past';
  if (lead < rules.minNoticeMinutes * 60_000) return 'too_soon';
  const lastDay = addDays(shanghaiDay(now), rules.windowDays - 1);
  if (shanghaiDay(start) > lastDay) return 'too_far';
  return 'ok';
}

/** Whether a booking starting at `start` may still be cancelled or moved at `now`. */
export function changeable(start: Date, rules: BookingRules, now: Date): boolean {
  return start.getTime() - now.getTime() >= rules.changeUntilHours * 3_600_000;
}

/** What the seat counters say about a slot (absent: nobody booked it yet). */
export interface SlotCounter {
  left: number;
  seats: number;
  closed: boolean;
}

export interface SlotsInput {
  roster: ServiceRoster;
  closures: readonly Closure[];
  /** By slotId(); missing means untouched (all seats free). */
  counters: ReadonlyMap<string, SlotCounter>;
  now: Date;
}

/** Every day of the booking window with its slots and their state. */
export function buildSlotDays({ roster, closures, counters, now }: SlotsInput): SlotDay[] {
  const today = shanghaiDay(now);
  const days: SlotDay[] = [];
  for (let i = 0; i < roster.rules.windowDays; i += 1) {
    const date = addDays(today, i);
    const closure = closureOn(closures, roster.centreId, date);
    const candidates = closure ? [] : slotsOnDay(roster, date);
    const slots: Slot[] = candidates.map((c) => {
      const counter = counters.get(slotId(roster.centreId, roster.service, c.start));
      const seats = counter?.seats ?? roster.seats;
      const left = counter ? Math.max(0, counter.left) : roster.seats;
      const timing = timingOf(c.start, roster.rules, now);
      let state: SlotState = 'open';
      if (timing === 'past') state = 'past';
      else if (counter?.closed) state = 'closed';
      else if (timing === 'too_soon') state = 'too_soon';
      else if (left <= 0) state = 'full';
      return { start: c.start.toISOString(), end: c.end.toISOString(), date, time: c.time, endTime: c.endTime, seats, left, state };
    });
    days.push({ date, weekdayLabel: WEEKDAY_LABELS[weekdayOf(date)], ...(closure ? { closedReason: closure.reason } : {}), slots });
  }
  return days;
}

export type SlotCheck =
  | { ok: true; slot: CandidateSlot }
  | { ok: false; code: 'SLOT_NOT_FOUND' | 'CENTRE_CLOSED_DAY' | 'TOO_SOON' | 'TOO_FAR' };

/** Whether `start` is a real, bookable slot of the roster at `now` (seats not considered). */
export function checkSlot(roster: ServiceRoster, closures: readonly Closure[], start: Date, now: Date): SlotCheck {
  const date = shanghaiDay(start);
  const slot = slotsOnDay(roster, date).find((c) => c.start.getTime() === start.getTime());
  if (!slot) return { ok: false, code: 'SLOT_NOT_FOUND' };
  if (closureOn(closures, roster.centreId, date)) return { ok: false, code: 'CENTRE_CLOSED_DAY' };
  const timing = timingOf(start, roster.rules, now);
  if (timing === 'past' || timing === 'too_soon') return { ok: false, code: 'TOO_SOON' };
  if (timing === 'too_far') return { ok: false, code: 'TOO_FAR' };
  return { ok: true, slot };
}
