/**
 * Union events and sign-ups (活动报名): the shapes, states and limits both sides use.
 * Zod-free: the mini-program imports this file at runtime. See docs/events.md for the model.
 */
import { MINOR_AGE, type SensitiveKind } from '../privacy';

/** Categories for the 活动 tab's filter. Keys are stable ids; labels are shown. */
export const EVENT_CATEGORY_LABELS = {
  dinner: '聚餐',
  contest: '技能竞赛',
  sports: '文体',
  family: '亲子',
  social: '交友',
  talk: '讲座',
} as const;
export type EventCategory = keyof typeof EVENT_CATEGORY_LABELS;
export const EVENT_CATEGORIES = Object.keys(EVENT_CATEGORY_LABELS) as EventCategory[];

/** An event's own lifecycle, set by staff. */
export const EVENT_STATUS_LABELS = {
  draft: '草稿',
  published: '已发布',
  closed: '已停止报名',
  cancelled: '已取消',
} as const;
export type EventStatus = keyof typeof EVENT_STATUS_LABELS;

/** How seats are given out: first come first served, or applications then a published draw. */
export const ALLOCATION_LABELS = { first_come: '先到先得', lottery: '报名后抽签' } as const;
export type Allocation = keyof typeof ALLOCATION_LABELS;

/**
 * One entry's state. Seats are HELD by confirmed, offered and checked_in entries (and only by them).
 *   pending    -> confirmed | waitlisted        (the sign-up settles in the same call)
 *   applied    -> confirmed | waitlisted        (lottery: the draw decides)
 *   waitlisted -> offered                       (a seat freed; held for the claim window)
 *   offered    -> confirmed | expired           (claimed in time, or passed on)
 *   confirmed  -> checked_in | no_show
 *   any active -> cancelled                     (by the worker, before the deadline)
 */
export const ENTRY_STATUS_LABELS = {
  pending: '正在处理',
  applied: '已申请，等抽签',
  confirmed: '已报名',
  waitlisted: '候补中',
  offered: '有名额，待确认',
  checked_in: '已签到',
  cancelled: '已取消',
  expired: '没有按时确认',
  no_show: '没有到场',
} as const;
export type EntryStatus = keyof typeof ENTRY_STATUS_LABELS;

/** States that count as "this worker is in" (one per worker per event). */
export const ACTIVE_ENTRY_STATUSES: readonly EntryStatus[] = ['pending', 'applied', 'confirmed', 'waitlisted', 'offered', 'checked_in'];
/** States whose seats are held in the event's seat ledger. */
export const SEAT_HOLDING_STATUSES: readonly EntryStatus[] = ['confirmed', 'offered', 'checked_in'];

/** The badge on an event card. */
export const EVENT_BADGE_LABELS = {
  draft: '草稿，还没发布',
  soon: '即将开始报名',
  open: '可报名',
  few: '名额紧张',
  full: '已满，可候补',
  lottery: '抽签报名中',
  drawing: '等待抽签',
  closed: '报名已截止',
  ended: '已结束',
  cancelled: '已取消',
} as const;
export type EventBadge = keyof typeof EVENT_BADGE_LABELS;

/** Limits, written once: the schemas, the domain and the forms use these. */
export const EVENT_LIMITS = {
  titleMax: 40,
  summaryMax: 80,
  descriptionMax: 2000,
  capacityMax: 5000,
  waitlistMax: 2000,
  teamSizeMax: 20,
  childrenMax: 4,
  formFieldsMax: 12,
  fieldValueMax: 60,
  searchMax: 20,
  /** Hours an offered seat is kept for the worker to claim. */
  claimHoursDefault: 12,
} as const;

/** A seat count at or under this share of capacity (or 5 seats) shows 名额紧张. */
export const FEW_SEATS_SHARE = 0.1;
export const FEW_SEATS_MIN = 5;

/** A field of an event's own sign-up form. */
export type FormFieldKind = 'text' | 'phone' | 'province' | 'yesno' | 'confirm';
export interface FormField {
  key: string;
  label: string;
  kind: FormFieldKind;
  required: boolean;
  /** Shown under the field, e.g. 填身份证上的名字. */
  hint?: string;
}

/** Who an entry brings. A team or a family takes all its seats in one step, or none. */
export type GroupSpec =
  | { kind: 'single' }
  | { kind: 'team'; size: number; memberLabel: string }
  | { kind: 'family'; minChildren: number; maxChildren: number; childAgeMin: number; childAgeMax: number };

/** Eligibility rules, checked on the server against the submitted form. */
export type EligibilityRule =
  /** Only workers whose 户籍 is not local (新市民). Needs a `hukouLocal` yesno field. */
  | { kind: 'nonLocalHukou' }
  /** The worker must tick a statement, e.g. 本人目前单身. Needs a `confirm` field with this key. */
  | { kind: 'confirm'; field: string; text: string };

export interface Venue {
  name: string;
  address: string;
  /** When the venue is a 职工·家 centre: its id (map and phone come from it). */
  centreId?: string;
  location?: { latitude: number; longitude: number };
}

export type LotteryPriority = 'none' | 'first_time';
export const LOTTERY_PRIORITY_LABELS: Record<LotteryPriority, string> = {
  none: '所有申请人机会相同',
  first_time: '第一次参加的职工优先',
};

/** What the public sees of a lottery: rules and commitment before the close, the seed before the draw. */
export interface LotteryInfo {
  priority: LotteryPriority;
  /** sha256 of the seed, published when the event is published: the seed cannot be changed later. */
  seedCommitment: string;
  /** Revealed when applications close, before the draw. */
  seed: string | null;
  drawnAt: Date | null;
  applicants: number | null;
  winners: number | null;
}

export interface EventSummary {
  id: string;
  title: string;
  category: EventCategory;
  summary: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  allocation: Allocation;
  capacity: number;
  seatsLeft: number;
  waiting: number;
  badge: EventBadge;
  signUpClosesAt: Date;
}

export interface EventDetail extends EventSummary {
  description: string;
  organiser: string;
  phone: string;
  venue: Venue;
  signUpOpensAt: Date;
  cancelDeadline: Date;
  claimHours: number;
  waitlistLimit: number;
  series: string;
  group: GroupSpec;
  form: FormField[];
  eligibility: EligibilityRule[];
  lottery: LotteryInfo | null;
  status: EventStatus;
  /** The caller's active (or latest) entry, when signed in. */
  myEntry: MyEntry | null;
}

export interface ChildInfo {
  name: string;
  age: number;
}

/**
 * The sensitive information a sign-up carries (docs/privacy.md): a child under 14 on a family
 * event. The form shows that consent and the server refuses the sign-up without it.
 */
export function signUpSensitiveKind(children: readonly Pick<ChildInfo, 'age'>[] | undefined): SensitiveKind | null {
  return children?.some((c) => c.age < MINOR_AGE) ? 'minor' : null;
}

/** An entry as its owner sees it (我的报名). */
export interface MyEntry {
  id: string;
  eventId: string;
  eventTitle: string;
  startsAt: Date;
  venueName: string;
  status: EntryStatus;
  /** Whether the event itself was cancelled by the union. */
  eventCancelled: boolean;
  /** Lottery events say 抽中了 / 没抽中 instead of 已报名 / 候补. */
  allocation: Allocation;
  seats: number;
  /** Place in the waitlist (1 = next), when waitlisted. */
  position: number | null;
  offerExpiresAt: Date | null;
  checkedInAt: Date | null;
  canCancel: boolean;
  createdAt: Date;
}

export interface Ticket {
  entryId: string;
  eventTitle: string;
  startsAt: Date;
  venueName: string;
  holderName: string;
  seats: number;
  status: EntryStatus;
  /** The code the QR carries (`ZGJ1:` + 32 hex). */
  code: string;
  /** The short code to read aloud ("K7Q-4PX", contract/events/door-code.ts); null on tickets from before it. */
  doorCode: string | null;
  /** A PNG data URL drawn on the server, so the phone carries no QR library. */
  qrDataUrl: string;
}

/** One line of the staff attendee list; the phone number is masked. */
export interface Attendee {
  entryId: string;
  name: string;
  maskedPhone: string;
  employer: string;
  seats: number;
  status: EntryStatus;
  position: number | null;
  checkedInAt: Date | null;
  /** Team members or children, for the door. */
  party: string[];
}

/** not_open: outside the check-in window (contract/events/check-in-window.ts). */
export type CheckInResult = 'ok' | 'already' | 'wrong_event' | 'not_valid' | 'not_open' | 'unknown';
export interface CheckInOutcome {
  result: CheckInResult;
  /** Plain Chinese for the staff screen, e.g. 签到成功 / 已于18:02签到 / 不是本活动的票. */
  message: string;
  attendee: Attendee | null;
}

export interface StaffEventSummary extends EventSummary {
  status: EventStatus;
  confirmed: number;
  /** Lottery applications waiting for the draw (seats people asked for). */
  applied: number;
  checkedIn: number;
}

/** Which subscribe messages the worker agreed to on the sign-up tap (template registry keys). */
export const EVENT_SUBSCRIPTIONS = ['eventReminder', 'waitlistOffer', 'eventCancelled'] as const;
export type EventSubscription = (typeof EVENT_SUBSCRIPTIONS)[number];

/** The QR payload prefix: tells a scanned ticket from any other QR code. */
export const TICKET_PREFIX = 'ZGJ1:';
