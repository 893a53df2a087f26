import * as z from 'zod';
import { requestIdSchema as requestId } from '../request-id-schema';
import { action } from '../define';
import { mobilePhone as phone } from '../phone-schema';
import {
  BOOKING_TOPIC_MAX,
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
const centreId = id.describe('服务中心');
const bookingId = id.describe('预约');
const fairId = id.describe('便民日');
const queueId = id.describe('队列');
const ticketId = id.describe('便民日的号');
const service = z.enum(CENTRE_SERVICES as [CentreService, ...CentreService[]]).describe('服务项目');
const isoInstant = z.iso.datetime({ offset: true });
const start = isoInstant.describe('预约时间');
const day = z.iso.date().describe('日期');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');
const personName = z.string().trim().min(1).max(20).describe('姓名');
const reason = z.string().trim().min(1).max(20).describe('原因');

const rosterInput = z.strictObject({
  centreId,
  service,
  periods: z
    .array(z.strictObject({ weekday: z.number().int().min(0).max(6).describe('星期'), start: hhmm.describe('开始时间'), end: hhmm.describe('结束时间') }))
    .max(30)
    .refine((ps) => ps.every((p) => p.start < p.end), '结束时间要晚于开始时间')
    .describe('开放时段'),
  durationMinutes: z.number().int().min(ROSTER_LIMITS.durationMin).max(ROSTER_LIMITS.durationMax).describe('每次多少分钟'),
  seats: z.number().int().min(1).max(ROSTER_LIMITS.seatsMax).describe('每个时段的名额'),
  rules: z
    .strictObject({
      minNoticeMinutes: z.number().int().min(0).max(7 * 24 * 60).describe('最晚提前多少分钟预约'),
      windowDays: z.number().int().min(1).max(ROSTER_LIMITS.windowDaysMax).describe('最多提前几天预约'),
      perPersonPerWeek: z.number().int().min(1).max(ROSTER_LIMITS.perPersonPerWeekMax).describe('每人每周最多几次'),
      changeUntilHours: z.number().int().min(0).max(7 * 24).describe('最晚提前几小时改约'),
    })
    .describe('预约规则'),
});

const fairInput = z.strictObject({
  centreId,
  date: day,
  title: z.string().trim().min(1).max(FAIR_LIMITS.titleMax).describe('便民日名称'),
  opens: hhmm.describe('开始时间'),
  closes: hhmm.describe('结束时间'),
  place: z.string().trim().min(1).max(40).describe('地点'),
  queues: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]{0,19}$/, '队列编号只能用小写字母和数字').describe('队列编号'),
        name: z.string().trim().min(1).max(FAIR_LIMITS.nameMax).describe('队列名称'),
        windows: z
          .array(z.strictObject({ start: hhmm.describe('开始时间'), end: hhmm.describe('结束时间'), seats: z.number().int().min(1).max(500).describe('名额') }))
          .max(FAIR_LIMITS.windowsMax)
          .default([])
          .describe('时间段'),
      }),
    )
    .min(1)
    .max(FAIR_LIMITS.queuesMax)
    .describe('队列'),
});

/**
 * Function `centres`: the four service centres, bookings and 便民日.
 * Workers: list, detail, slots, book / cancel / reschedule, 我的预约, take a number.
 * Staff (`staff*`): the day's list, check-in by code, walk-ins, no-shows, closing a slot, rosters, 便民日.
 */
export const centres = {
  list: action<CentreSummary[]>()({ input: z.strictObject({}), access: 'public' }),
  get: action<Centre & { openNow: boolean }>()({ input: z.strictObject({ id: centreId }), access: 'public' }),

  slots: action<SlotsView>()({ input: z.strictObject({ centreId, service }), access: 'public' }),
  nearestFree: action<NearestFree | null>()({
    // `near`: the centre the worker says they are close to (a tap, no location permission needed).
    input: z.strictObject({ near: z.string().min(1).max(64).optional().describe('附近的服务中心') }),
    access: 'public',
  }),
  book: action<Booking>()({
    input: z.strictObject({
      centreId,
      service,
      start,
      requestId,
      /** The worker accepted the reminder in wx.requestSubscribeMessage. */
      remind: z.boolean().default(false).describe('提醒'),
      /** Optional: lets the centre call if the slot has to close. */
      phone: phone.optional(),
      /** Optional: what the worker comes about (an article's title, editable), for the desk. */
      topic: z.string().trim().max(BOOKING_TOPIC_MAX).optional().describe('想咨询的事'),
      /** The worker's own tick for sensitive information (SENSITIVE_SERVICES, e.g. 困难帮扶): refused without it. */
      sensitiveConsent: z.boolean().default(false).describe('同意提供敏感信息'),
    }),
    access: 'worker',
  }),
  cancel: action<Booking>()({ input: z.strictObject({ id: bookingId }), access: 'worker' }),
  reschedule: action<Booking>()({ input: z.strictObject({ id: bookingId, start }), access: 'worker' }),
  myBookings: action<Booking[]>()({ input: z.strictObject({}), access: 'worker' }),
  booking: action<BookingWithQr>()({ input: z.strictObject({ id: bookingId }), access: 'worker' }),

  fairs: action<FairSummary[]>()({ input: z.strictObject({}), access: 'public' }),
  fair: action<FairDay>()({ input: z.strictObject({ id: fairId }), access: 'public' }),
  /** The numbers the caller took at 便民日 still to come (today or later), for 我的预约. */
  myFairTickets: action<MyFairTicket[]>()({ input: z.strictObject({}), access: 'worker' }),
  takeNumber: action<FairTicket>()({
    input: z.strictObject({ fairId, queueId, window: hhmm.optional().describe('时间段') }),
    access: 'worker',
  }),

  /**
   * The worker gives a number back while it has not been called: it is never issued again and
   * calling skips it. `requestId` per press: a retry answers the same give-back, even after the
   * worker took a new number in that queue.
   */
  giveBackNumber: action<GivenBackTicket>()({ input: z.strictObject({ id: ticketId, requestId }), access: 'worker' }),

  staffDay: action<StaffDayView>()({ input: z.strictObject({ centreId, date: day }), access: 'staff', kind: 'read' }),
  staffCheckIn: action<StaffBookingRow>()({
    input: z.strictObject({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{8}$/, '预约码是8位字母和数字').describe('预约码') }),
    access: 'staff',
  }),
  staffWalkIn: action<StaffBookingRow>()({
    input: z.strictObject({ centreId, service, start: isoInstant.describe('时间'), name: personName, phone: phone.optional(), requestId }),
    access: 'staff',
  }),
  staffNoShow: action<StaffBookingRow>()({ input: z.strictObject({ id: bookingId }), access: 'staff' }),
  staffCloseSlot: action<{ closed: boolean; told: number; notified: number }>()({
    input: z.strictObject({ centreId, service, start: isoInstant.describe('时间'), reason }),
    access: 'staff',
  }),
  staffSaveRoster: action<ServiceRoster>()({ input: rosterInput, access: 'staff' }),
  staffSaveClosure: action<{ centreId: string; date: string }>()({
    input: z.strictObject({ centreId, date: day, reason: reason.describe('休息原因') }),
    access: 'staff',
  }),
  staffSaveFair: action<FairDay>()({ input: fairInput, access: 'staff' }),
  staffCallNext: action<FairDay>()({ input: z.strictObject({ fairId, queueId }), access: 'staff' }),
  staffFairWalkIn: action<FairTicket>()({
    input: z.strictObject({ fairId, queueId, name: personName, window: hhmm.optional().describe('时间段'), requestId }),
    access: 'staff',
  }),
};
