import * as z from 'zod';
import { requestIdSchema as requestId } from '../request-id-schema';
import { action } from '../define';
import { mobilePhone as phone } from '../phone-schema';
import {
  CENTRE_SERVICES,
  FAIR_LIMITS,
  ROSTER_LIMITS,
  type Booking,
  type BookingWithQr,
  type Centre,
  type CentreService,
  type CentreSummary,
  type FairDay,
  type FairSummary,
  type FairTicket,
  type GivenBackTicket,
  type MyFairTicket,
  type NearestFree,
  type ServiceRoster,
  type SlotsView,
  type StaffBookingRow,
  type StaffDayView,
} from './model';

const id = z.string().trim().min(1).max(64);
const service = z.enum(CENTRE_SERVICES as [CentreService, ...CentreService[]]);
const isoInstant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');
/** A client-made id for one press of a button: a retry of the same press is answered, not repeated. */
const personName = z.string().trim().min(1).max(20);

const rosterInput = z.strictObject({
  centreId: id,
  service,
  periods: z
    .array(z.strictObject({ weekday: z.number().int().min(0).max(6), start: hhmm, end: hhmm }))
    .max(30)
    .refine((ps) => ps.every((p) => p.start < p.end), '结束时间要晚于开始时间'),
  durationMinutes: z.number().int().min(ROSTER_LIMITS.durationMin).max(ROSTER_LIMITS.durationMax),
  seats: z.number().int().min(1).max(ROSTER_LIMITS.seatsMax),
  rules: z.strictObject({
    minNoticeMinutes: z.number().int().min(0).max(7 * 24 * 60),
    windowDays: z.number().int().min(1).max(ROSTER_LIMITS.windowDaysMax),
    perPersonPerWeek: z.number().int().min(1).max(ROSTER_LIMITS.perPersonPerWeekMax),
    changeUntilHours: z.number().int().min(0).max(7 * 24),
  }),
});

const fairInput = z.strictObject({
  centreId: id,
  date: day,
  title: z.string().trim().min(1).max(FAIR_LIMITS.titleMax),
  opens: hhmm,
  closes: hhmm,
  place: z.string().trim().min(1).max(40),
  queues: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]{0,19}$/, '队列编号只能用小写字母和数字'),
        name: z.string().trim().min(1).max(FAIR_LIMITS.nameMax),
        windows: z
          .array(z.strictObject({ start: hhmm, end: hhmm, seats: z.number().int().min(1).max(500) }))
          .max(FAIR_LIMITS.windowsMax)
          .default([]),
      }),
    )
    .min(1)
    .max(FAIR_LIMITS.queuesMax),
});

/**
 * Function `centres`: the four service centres, bookings and 便民日.
 * Workers: list, detail, slots, book / cancel / reschedule, 我的预约, take a number.
 * Staff (`staff*`): the day's list, check-in by code, walk-ins, no-shows, closing a slot, rosters, 便民日.
 */
export const centres = {
  list: action<CentreSummary[]>()({ input: z.strictObject({}), access: 'public' }),
  get: action<Centre & { openNow: boolean }>()({ input: z.strictObject({ id }), access: 'public' }),

  slots: action<SlotsView>()({ input: z.strictObject({ centreId: id, service }), access: 'public' }),
  nearestFree: action<NearestFree | null>()({
    // `near`: the centre the worker says they are close to (a tap, no location permission needed).
    input: z.strictObject({ near: z.string().min(1).max(64).optional() }),
    access: 'public',
  }),
  book: action<Booking>()({
    input: z.strictObject({
      centreId: id,
      service,
      start: isoInstant,
      requestId,
      /** The worker accepted the reminder in wx.requestSubscribeMessage. */
      remind: z.boolean().default(false),
      /** Optional: lets the centre call if the slot has to close. */
      phone: phone.optional(),
      /** The worker's own tick for sensitive information (SENSITIVE_SERVICES, e.g. 困难帮扶): refused without it. */
      sensitiveConsent: z.boolean().default(false),
    }),
    access: 'worker',
  }),
  cancel: action<Booking>()({ input: z.strictObject({ id }), access: 'worker' }),
  reschedule: action<Booking>()({ input: z.strictObject({ id, start: isoInstant }), access: 'worker' }),
  myBookings: action<Booking[]>()({ input: z.strictObject({}), access: 'worker' }),
  booking: action<BookingWithQr>()({ input: z.strictObject({ id }), access: 'worker' }),

  fairs: action<FairSummary[]>()({ input: z.strictObject({}), access: 'public' }),
  fair: action<FairDay>()({ input: z.strictObject({ id }), access: 'public' }),
  /** The numbers the caller took at 便民日 still to come (today or later), for 我的预约. */
  myFairTickets: action<MyFairTicket[]>()({ input: z.strictObject({}), access: 'worker' }),
  takeNumber: action<FairTicket>()({
    input: z.strictObject({ fairId: id, queueId: id, window: hhmm.optional() }),
    access: 'worker',
  }),

  /**
   * The worker gives a number back while it has not been called: it is never issued again and
   * calling skips it. `requestId` per press: a retry answers the same give-back, even after the
   * worker took a new number in that queue.
   */
  giveBackNumber: action<GivenBackTicket>()({ input: z.strictObject({ id, requestId }), access: 'worker' }),

  staffDay: action<StaffDayView>()({ input: z.strictObject({ centreId: id, date: day }), access: 'staff' }),
  staffCheckIn: action<StaffBookingRow>()({
    input: z.strictObject({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{8}$/, '预约码是8位字母和数字') }),
    access: 'staff',
  }),
  staffWalkIn: action<StaffBookingRow>()({
    input: z.strictObject({ centreId: id, service, start: isoInstant, name: personName, phone: phone.optional(), requestId }),
    access: 'staff',
  }),
  staffNoShow: action<StaffBookingRow>()({ input: z.strictObject({ id }), access: 'staff' }),
  staffCloseSlot: action<{ closed: boolean; told: number; notified: number }>()({
    input: z.strictObject({ centreId: id, service, start: isoInstant, reason: z.string().trim().min(1).max(20) }),
    access: 'staff',
  }),
  staffSaveRoster: action<ServiceRoster>()({ input: rosterInput, access: 'staff' }),
  staffSaveClosure: action<{ centreId: string; date: string }>()({
    input: z.strictObject({ centreId: id, date: day, reason: z.string().trim().min(1).max(20) }),
    access: 'staff',
  }),
  staffSaveFair: action<FairDay>()({ input: fairInput, access: 'staff' }),
  staffCallNext: action<FairDay>()({ input: z.strictObject({ fairId: id, queueId: id }), access: 'staff' }),
  staffFairWalkIn: action<FairTicket>()({
    input: z.strictObject({ fairId: id, queueId: id, name: personName, window: hhmm.optional(), requestId }),
    access: 'staff',
  }),
};
