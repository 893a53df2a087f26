/** The 职工·家 service centres: the shapes and names both sides use (zod-free; imported by the client). */
import type { SensitiveKind } from '../privacy';

/** Services every centre may offer, from the union's report. Keys are stable ids; labels are shown. */
export const CENTRE_SERVICE_LABELS = {
  'rights-help': '维权帮扶',
  'hardship-aid': '困难帮扶',
  'job-referral': '就业推荐',
  'legal-consultation': '法律咨询',
  integration: '非户籍员工融入',
} as const;

export type CentreService = keyof typeof CENTRE_SERVICE_LABELS;
export const CENTRE_SERVICES = Object.keys(CENTRE_SERVICE_LABELS) as CentreService[];

/**
 * Services whose booking itself tells sensitive information (docs/privacy.md): booking 困难帮扶
 * says the family is in financial hardship. The booking needs that consent.
 */
export const SENSITIVE_SERVICES: Partial<Record<CentreService, SensitiveKind>> = { 'hardship-aid': 'finances' };

/** Opening hours for one weekday, local time (Asia/Shanghai), 'HH:mm'. weekday: 0 = Sunday. */
export interface OpeningHours {
  weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  open: string;
  close: string;
}

export interface CommunityProgramme {
  name: string;
  community: string;
  description: string;
}

export interface Centre {
  id: string;
  name: string;
  /** Short name for tight spaces, e.g. 沙头. */
  shortName: string;
  address: string;
  location: { latitude: number; longitude: number };
  phone: string;
  hours: OpeningHours[];
  /** A human summary of the hours, e.g. 周一至周五 9:00–12:00, 14:00–17:30. */
  hoursText: string;
  services: CentreService[];
  programmes: CommunityProgramme[];
  intro: string;
  order: number;
}

/** What the list shows; the detail page gets the whole Centre. */
export type CentreSummary = Pick<Centre, 'id' | 'name' | 'shortName' | 'address' | 'phone' | 'hoursText' | 'services'> & {
  /** Computed in Asia/Shanghai at the time of the call. */
  openNow: boolean;
};

// ---------------------------------------------------------------------------------------------
// Bookings: each centre's weekly roster per service, closures, rules, slots and bookings.

/** A weekly period in which a service is bookable, local time (Asia/Shanghai). weekday: 0 = Sunday. */
export interface RosterPeriod {
  weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** 'HH:mm' */
  start: string;
  /** 'HH:mm'; the last slot ends at or before it. */
  end: string;
}

/** Rules per service, as cal.com has them per event type. */
export interface BookingRules {
  /** A slot can be booked until this many minutes before it starts. */
  minNoticeMinutes: number;
  /** How many days ahead (counting today) a slot can be booked. */
  windowDays: number;
  /** Active bookings a worker may hold for this service per week (Monday to Sunday, Shanghai). */
  perPersonPerWeek: number;
  /** Cancel or reschedule until this many hours before the start. */
  changeUntilHours: number;
}

/** The weekly roster of one service at one centre. _id = `${centreId}:${service}`. */
export interface ServiceRoster {
  centreId: string;
  service: CentreService;
  periods: RosterPeriod[];
  durationMinutes: number;
  /** People per slot. */
  seats: number;
  rules: BookingRules;
}

/** A day a centre (or, with centreId 'all', every centre) is closed: holidays, training days. */
export interface Closure {
  centreId: string;
  /** 'YYYY-MM-DD', Shanghai */
  date: string;
  reason: string;
}

/** Closures that apply to every centre use this centreId. */
export const ALL_CENTRES = 'all';

/** The most a booking's topic (想咨询的事, e.g. the title of the article the worker came from) holds. */
export const BOOKING_TOPIC_MAX = 40;

export const ROSTER_LIMITS = {
  seatsMax: 200,
  durationMin: 10,
  durationMax: 240,
  windowDaysMax: 60,
  perPersonPerWeekMax: 20,
} as const;

/** Why a slot cannot be booked right now ('open' when it can). */
export type SlotState = 'open' | 'full' | 'closed' | 'too_soon' | 'past';

export const SLOT_STATE_LABELS: Record<SlotState, string> = {
  open: '可预约',
  full: '已约满',
  closed: '暂停',
  too_soon: '来不及了',
  past: '已过',
};

export interface Slot {
  /** ISO instant */
  start: string;
  end: string;
  /** 'YYYY-MM-DD' and 'HH:mm' in Shanghai, ready to show. */
  date: string;
  time: string;
  endTime: string;
  seats: number;
  left: number;
  state: SlotState;
}

export interface SlotDay {
  date: string;
  /** e.g. 周二 */
  weekdayLabel: string;
  /** Set when the centre is closed that day. */
  closedReason?: string;
  slots: Slot[];
}

export interface SlotsView {
  centreId: string;
  centreName: string;
  service: CentreService;
  durationMinutes: number;
  rules: BookingRules;
  days: SlotDay[];
}

export type BookingStatus = 'booked' | 'arrived' | 'cancelled' | 'no_show' | 'closed';

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  arrived: '已到场',
  cancelled: '已取消',
  no_show: '未到场',
  closed: '服务中心取消',
};

/** A booking as its owner sees it. */
export interface Booking {
  id: string;
  /** Shown under the QR code and typed by staff when they cannot scan; 8 characters. */
  code: string;
  centreId: string;
  centreName: string;
  service: CentreService;
  start: string;
  end: string;
  /** Shanghai 'YYYY-MM-DD HH:mm', ready to show. */
  when: string;
  status: BookingStatus;
  /** Whether it can still be cancelled or rescheduled (rules: changeUntilHours). */
  changeable: boolean;
  /** The worker agreed to a reminder the day before. */
  remind: boolean;
  /** What the worker comes about (想咨询的事), '' when they did not say. */
  topic: string;
}

/** One booking with its QR code (a PNG data URL made on the server: the phone carries no QR library). */
export type BookingWithQr = Booking & { qrDataUrl: string };

/** A booking in the staff list: no OPENID, phone masked. */
export interface StaffBookingRow {
  id: string;
  code: string;
  service: CentreService;
  start: string;
  time: string;
  status: BookingStatus;
  /** 'worker' booked in the mini-program; 'walk_in' added by staff at the desk. */
  source: 'worker' | 'walk_in';
  name: string;
  /** e.g. 138****5678, or '' when none was given. */
  maskedPhone: string;
  /** What the worker comes about (想咨询的事), '' when they did not say. */
  topic: string;
}

export interface StaffDaySlot {
  service: CentreService;
  start: string;
  time: string;
  seats: number;
  left: number;
  closed: boolean;
  bookings: StaffBookingRow[];
}

export interface StaffDayView {
  centreId: string;
  centreName: string;
  date: string;
  slots: StaffDaySlot[];
}

/** "Nearest centre with a free slot today". */
export interface NearestFree {
  centreId: string;
  centreName: string;
  service: CentreService;
  start: string;
  time: string;
  left: number;
  /** Present when the worker said which centre they are near: the distance from that centre. */
  distanceKm?: number;
}

export const BOOKING_CODE_LENGTH = 8;
/** Letters and digits that cannot be mistaken for each other when typed from a phone screen. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

// ---------------------------------------------------------------------------------------------
// 便民日: the monthly convenience day at 沙头, with parallel queues.

export interface FairWindow {
  /** 'HH:mm' */
  start: string;
  end: string;
  seats: number;
}

export interface FairQueueSpec {
  /** Short stable id, e.g. haircut */
  id: string;
  /** e.g. 义剪 */
  name: string;
  /** Optional time windows a worker can pick instead of just a number. */
  windows: FairWindow[];
}

export interface FairQueueView {
  id: string;
  name: string;
  /** Numbers handed out so far (the last number). */
  issued: number;
  /** The number being served now (0 before the first call). */
  serving: number;
  /** People still waiting: numbers after the one being served, less those given back. */
  waiting: number;
  /** Numbers their holders gave back (never issued again; calling skips them). */
  givenBack: number;
  windows: Array<FairWindow & { left: number }>;
}

export interface FairTicket {
  id: string;
  queueId: string;
  queueName: string;
  number: number;
  /** 'HH:mm–HH:mm' when a window was chosen. */
  window?: string;
  /** People before this ticket still waiting (given-back numbers not counted); 0 = it is your turn (or passed). */
  ahead: number;
  /** 'returned': the worker gave the number back; it is never issued again. */
  state: 'waiting' | 'serving' | 'done' | 'returned';
  name?: string;
}

/** A ticket's state in one word, for a tag (the fair page says more: 前面还有N人). */
export const FAIR_TICKET_STATE_LABELS: Record<FairTicket['state'], string> = {
  waiting: '排队中',
  serving: '到你了',
  done: '已叫过',
  returned: '已退号',
};

/** A number the worker holds, for 我的预约: the day, the place and the queue by name. */
export interface MyFairTicket extends FairTicket {
  fairId: string;
  centreName: string;
  date: string;
  title: string;
}

/** The answer to giving a number back: the ticket (state 'returned') and whether a new one can be taken. */
export interface GivenBackTicket extends FairTicket {
  fairId: string;
  /** The fair still hands out numbers (before its closing time on the day). */
  canTakeAgain: boolean;
}

export interface FairDay {
  id: string;
  centreId: string;
  centreName: string;
  date: string;
  title: string;
  /** 'HH:mm' */
  opens: string;
  closes: string;
  place: string;
  queues: FairQueueView[];
  /** Filled for the signed-in worker. */
  mine: FairTicket[];
  /** Seconds between refreshes of the live view. */
  refreshSeconds: number;
}

export interface FairSummary {
  id: string;
  /** Lets the staff 叫号 page offer only the fairs of the caller's centres. */
  centreId: string;
  date: string;
  title: string;
  centreName: string;
  queueNames: string[];
  /** 'today' | 'upcoming' */
  when: 'today' | 'upcoming';
}

export const FAIR_LIMITS = { queuesMax: 12, windowsMax: 24, nameMax: 12, titleMax: 30 } as const;
/** The live view polls: the cloud function answers in one request per poll; see docs/centres.md. */
export const FAIR_REFRESH_SECONDS = 10;
