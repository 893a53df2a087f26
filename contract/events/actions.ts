import * as z from 'zod';
import { requestIdSchema as requestId } from '../request-id-schema';
import { action } from '../define';
import {
  EVENT_CATEGORIES,
  EVENT_LIMITS,
  EVENT_SUBSCRIPTIONS,
  type Attendee,
  type CheckInOutcome,
  type EventDetail,
  type EventSummary,
  type MyEntry,
  type StaffEventSummary,
  type Ticket,
} from './model';

const id = z.string().trim().min(1).max(64);
const eventId = id.describe('活动');
const entryId = id.describe('报名记录');
const instant = z.coerce.date();

const formField = z.strictObject({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,19}$/).describe('报名项的编号'),
  label: z.string().trim().min(1).max(20).describe('报名项的名称'),
  kind: z.enum(['text', 'phone', 'province', 'yesno', 'confirm']).describe('报名项的类型'),
  required: z.boolean().describe('是否必填'),
  hint: z.string().trim().max(40).optional().describe('报名项的提示'),
});

const groupSpec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('single').describe('报名方式') }),
  z.strictObject({
    kind: z.literal('team').describe('报名方式'),
    size: z.number().int().min(2).max(EVENT_LIMITS.teamSizeMax).describe('每队人数'),
    memberLabel: z.string().trim().min(1).max(8).describe('队员的叫法'),
  }),
  z.strictObject({
    kind: z.literal('family').describe('报名方式'),
    minChildren: z.number().int().min(1).max(EVENT_LIMITS.childrenMax).describe('最少孩子数'),
    maxChildren: z.number().int().min(1).max(EVENT_LIMITS.childrenMax).describe('最多孩子数'),
    childAgeMin: z.number().int().min(0).max(17).describe('孩子最小年龄'),
    childAgeMax: z.number().int().min(0).max(17).describe('孩子最大年龄'),
  }),
]).describe('报名方式');

const eligibilityRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('nonLocalHukou').describe('报名条件') }),
  z.strictObject({
    kind: z.literal('confirm').describe('报名条件'),
    field: z.string().min(1).max(20).describe('条件对应的报名项'),
    text: z.string().trim().min(1).max(40).describe('条件的说明'),
  }),
]);

/** What staff fill in to create or edit an event. */
export const eventDraftSchema = z.strictObject({
  title: z.string().trim().min(1).max(EVENT_LIMITS.titleMax).describe('活动名称'),
  category: z.enum(EVENT_CATEGORIES as [string, ...string[]]).describe('活动类别'),
  summary: z.string().trim().min(1).max(EVENT_LIMITS.summaryMax).describe('一句话介绍'),
  description: z.string().trim().max(EVENT_LIMITS.descriptionMax).describe('活动说明'),
  organiser: z.string().trim().min(1).max(30).describe('主办单位'),
  phone: z.string().trim().max(20).describe('咨询电话'),
  venue: z
    .strictObject({
    name: z.string().trim().min(1).max(30).describe('地点'),
    address: z.string().trim().max(60).describe('详细地址'),
    centreId: z.string().max(32).optional().describe('服务中心'),
    })
    .describe('地点'),
  startsAt: instant.describe('开始时间'),
  endsAt: instant.describe('结束时间'),
  signUpOpensAt: instant.describe('报名开始'),
  signUpClosesAt: instant.describe('报名截止'),
  cancelDeadline: instant.describe('取消截止'),
  capacity: z.number().int().min(1).max(EVENT_LIMITS.capacityMax).describe('名额'),
  waitlistLimit: z.number().int().min(0).max(EVENT_LIMITS.waitlistMax).describe('候补人数'),
  claimHours: z.number().int().min(1).max(72).describe('候补确认时限（小时）'),
  allocation: z.enum(['first_come', 'lottery']).describe('名额分配方式'),
  lotteryPriority: z.enum(['none', 'first_time']).describe('抽签优先'),
  /** Events of one series (e.g. 年夜饭 every year) share it; first-time priority looks at it. */
  series: z.string().trim().max(30).describe('系列'),
  group: groupSpec,
  form: z.array(formField).max(EVENT_LIMITS.formFieldsMax).describe('报名表'),
  eligibility: z.array(eligibilityRule).max(5).describe('报名条件'),
});

const formValue = z.union([z.string().trim().max(EVENT_LIMITS.fieldValueMax), z.boolean()]);

/** Function `events`: union events, sign-ups, waitlists, tickets and check-in. */
export const events = {
  list: action<EventSummary[]>()({
    input: z.strictObject({ category: z.enum(EVENT_CATEGORIES as [string, ...string[]]).optional().describe('活动类别') }),
    access: 'public',
  }),
  get: action<EventDetail>()({ input: z.strictObject({ id: eventId }), access: 'public' }),
  signUp: action<MyEntry>()({
    input: z.strictObject({
      eventId,
      /** Made by the phone once per tap on 报名: a retry or double tap with it never makes two entries. */
      requestId,
      form: z.record(z.string().max(20), formValue.describe('报名表的内容')).describe('报名表'),
      members: z.array(z.string().trim().min(1).max(20)).max(EVENT_LIMITS.teamSizeMax).optional().describe('队员姓名'),
      children: z
        .array(z.strictObject({ name: z.string().trim().min(1).max(20).describe('孩子姓名'), age: z.number().int().min(0).max(17).describe('孩子年龄') }))
        .max(EVENT_LIMITS.childrenMax)
        .optional()
        .describe('孩子'),
      subscribed: z.array(z.enum(EVENT_SUBSCRIPTIONS)).max(EVENT_SUBSCRIPTIONS.length).optional().describe('提醒'),
      /** The worker's own tick for sensitive information (a child under 14): refused without it. */
      sensitiveConsent: z.boolean().default(false).describe('同意提供孩子的信息'),
    }),
    access: 'worker',
  }),
  cancel: action<MyEntry>()({ input: z.strictObject({ entryId }), access: 'worker' }),
  claim: action<MyEntry>()({ input: z.strictObject({ entryId }), access: 'worker' }),
  mine: action<MyEntry[]>()({ input: z.strictObject({}), access: 'worker' }),
  ticket: action<Ticket>()({ input: z.strictObject({ entryId }), access: 'worker' }),

  // ---- staff
  staffList: action<StaffEventSummary[]>()({ input: z.strictObject({}), access: 'staff', kind: 'read' }),
  staffGet: action<EventDetail>()({ input: z.strictObject({ id: eventId }), access: 'staff', kind: 'read' }),
  /**
   * Creates (no id) or edits an event. A create carries the editor's request id: a double tap on
   * 保存 or a retry answers with the draft the first press made (contract/request-id.ts).
   */
  save: action<EventDetail>()({
    input: z.strictObject({ id: eventId.optional(), draft: eventDraftSchema.describe('活动'), requestId: requestId.optional() }),
    access: 'staff',
  }),
  setStatus: action<EventDetail>()({
    input: z.strictObject({ id: eventId, status: z.enum(['published', 'closed', 'cancelled']).describe('活动状态') }),
    access: 'staff',
  }),
  setCapacity: action<EventDetail>()({
    input: z.strictObject({ id: eventId, capacity: z.number().int().min(1).max(EVENT_LIMITS.capacityMax).describe('名额') }),
    access: 'staff',
  }),
  attendees: action<Attendee[]>()({
    input: z.strictObject({
      eventId,
      search: z.string().trim().max(EVENT_LIMITS.searchMax).optional().describe('搜索'),
      status: z.enum(['all', 'in', 'waitlisted', 'checked_in', 'cancelled']).optional().describe('状态'),
    }),
    access: 'staff',
    kind: 'read',
  }),
  checkIn: action<CheckInOutcome>()({
    input: z.strictObject({ eventId, code: z.string().trim().min(1).max(80).describe('入场码') }),
    access: 'staff',
  }),
  checkInEntry: action<CheckInOutcome>()({ input: z.strictObject({ eventId, entryId }), access: 'staff' }),
  markNoShow: action<Attendee>()({ input: z.strictObject({ eventId, entryId }), access: 'staff' }),
  draw: action<EventDetail>()({ input: z.strictObject({ id: eventId }), access: 'staff' }),
};

/** Function `exports`: staff files (kept apart so the sign-up function stays small and starts fast). */
export const exportsFn = {
  /** A real .xlsx, base64-encoded (a few hundred rows are tens of KB): saved and opened by the phone. */
  attendeesXlsx: action<{ fileName: string; base64: string; rows: number; phonesMasked: boolean }>()({
    /** Phones masked unless an admin asks for them (`fullPhones`); centre staff asking get FORBIDDEN. */
    input: z.strictObject({ eventId, fullPhones: z.boolean().default(false).describe('完整电话') }),
    access: 'staff',
    kind: 'reveal',
  }),
};

export type EventDraft = z.output<typeof eventDraftSchema>;
export type EventDraftInput = z.input<typeof eventDraftSchema>;
