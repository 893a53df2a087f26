/**
 * Staff: roles, the audit log, the union's figures and the monthly report (zod-free; imported by
 * the client). The roles themselves are ROLE_LABELS in contract/account/model.ts.
 */
import type { Role } from '../account/model';
import type { ErrorCode } from '../errors';

export type StaffRole = Exclude<Role, 'worker'>;

// ---- invite codes: how an admin identifies the worker standing in front of them
export const INVITE_CODE_LENGTH = 6;
/** Minutes a code shown on 我的 stays valid. */
export const INVITE_CODE_MINUTES = 10;

export interface InviteCode {
  /** Six digits the worker reads out / shows; the admin types it in 工作台 → 工作人员. */
  code: string;
  /** ISO instant. */
  expiresAt: string;
  /**
   * True when this call made the caller the first admin (BOOTSTRAP_ADMIN_OPENIDS, honoured only
   * while no admin exists).
   */
  bootstrapped: boolean;
}

export interface StaffHome {
  name: string;
  role: StaffRole;
  /** The centres the caller acts for (all four for an admin). */
  centres: { id: string; name: string }[];
  isAdmin: boolean;
}

export interface StaffMember {
  /** The roles record's id (the member's OPENID): what grant / revoke name. Admin-only view. */
  staffId: string;
  maskedOpenid: string;
  name: string;
  role: StaffRole;
  centreIds: string[];
  centreNames: string[];
  grantedBy: string;
  /** ISO instant, or '' for records made before the log existed. */
  grantedAt: string;
  isMe: boolean;
}

// ---- audit
/** 'platform': a timer run by WeChat's trigger (server/runtime/entry.ts), no person behind it. */
export type AuditRole = StaffRole | 'worker' | 'none' | 'platform';
export type AuditOutcome = 'ok' | ErrorCode;
export type AuditNoteValue = string | number | boolean;
export const AUDIT_LIMITS = { valueMax: 64, targetKeysMax: 8, pageSize: 50 } as const;

export const AUDIT_ROLE_LABELS: Record<AuditRole, string> = {
  admin: '管理员',
  centre_staff: '中心工作人员',
  worker: '职工（无权限）',
  none: '未登录',
  platform: '系统定时任务',
};

/** One audit record as a clerk reads it: 谁 · 做了什么 · 对哪条记录 (server/domain/staff/audit-view.ts). */
export interface AuditRow {
  id: string;
  /** ISO instant. */
  at: string;
  /** dayTimeText: "11月30日 周一 09:00". */
  when: string;
  /** The staff member's name, or who the caller was (未登录, 职工（无权限）, 系统定时任务). */
  who: string;
  /** The staff member's role (管理员 / 中心工作人员); '' when `who` already says it. */
  roleText: string;
  maskedOpenid: string;
  /** The verb phrase: 发布了活动, 查看了完整号码 (contract/audit-labels.ts). */
  did: string;
  /** The record's name: 年夜饭, 法律咨询 #ZX3F8K, 2026年11月; '' when none or deleted since. */
  record: string;
  /** What the handler noted, in words: 原因：回电答复, 号码已遮挡. */
  details: string[];
  outcome: AuditOutcome;
  /** Plain Chinese: 成功 / the error's message. */
  outcomeText: string;
  personal: boolean;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Pass as `before` to load the next (older) page; null at the end. */
  next: string | null;
}

// ---- the union's figures
/** The longest range a figures request may span (a year and a bit: last year's report). */
export const FIGURES_MAX_DAYS = 400;

export interface FigureBar {
  key: string;
  label: string;
  n: number;
}

export interface MonthFigures {
  /** 'YYYY-MM' (Shanghai). */
  month: string;
  events: number;
  bookings: number;
  station: number;
  consultations: number;
  /** 帮扶 applications 办结 (decided in the worker's favour). */
  aid: number;
  total: number;
}

export interface UnionFigures {
  from: string;
  to: string;
  totals: {
    /** Event sign-ups (people, seats included) made in the range, not cancelled by the worker. */
    signUps: number;
    /** People checked in at events in the range. */
    checkIns: number;
    /** Consultations answered in the range. */
    consultationsAnswered: number;
    /** Bookings (and walk-ins) that were kept: the person came. */
    bookingsKept: number;
    /** Station 人次 in the range. */
    stationVisits: number;
    /** 帮扶 applications decided in the range: 办结 and 未通过, and the 困难帮扶 aid paid (yuan). */
    aidDone: number;
    aidRefused: number;
    aidYuan: number;
    /** 人次 served: check-ins + bookings kept + consultations answered + station 人次 + 帮扶 办结. */
    served: number;
  };
  byMonth: MonthFigures[];
  byService: FigureBar[];
  byCentre: FigureBar[];
  byEvent: (FigureBar & { signUps: number })[];
  byCampaign: FigureBar[];
}

export interface ReportFile {
  fileName: string;
  base64: string;
  sheets: string[];
  phonesMasked: boolean;
}

// ---- privacy: 我的数据
export interface MyDataItem {
  label: string;
  /** One line a worker understands, e.g. "2025-02-01 年夜饭 · 已报名". */
  detail: string;
}

export interface MyDataSection {
  key: 'profile' | 'events' | 'bookings' | 'fair' | 'consultations' | 'aid' | 'favourites' | 'votes' | 'station' | 'staff';
  title: string;
  /** Why the union keeps it and for how long (docs/privacy.md says the same). */
  why: string;
  items: MyDataItem[];
  /** More than shown. */
  total: number;
}

export interface MyData {
  sections: MyDataSection[];
}

export interface DeleteReport {
  /** Future sign-ups cancelled through the events area's own cancel (seats freed). */
  entriesCancelled: number;
  /** Past sign-ups kept for the figures without name, phone or account. */
  entriesAnonymised: number;
  bookingsCancelled: number;
  bookingsAnonymised: number;
  consultationsAnonymised: number;
  /** 帮扶 applications still open: withdrawn and removed with their files. */
  aidApplicationsRemoved: number;
  /** Decided 帮扶 applications: kept as an outline (docs/privacy.md), files and details removed. */
  aidApplicationsAnonymised: number;
  favouritesRemoved: number;
  votesRemoved: number;
  stationTapsAnonymised: number;
  fairTicketsAnonymised: number;
  profileRemoved: boolean;
  /** Items that could not be cancelled now (e.g. too late); they were anonymised instead. */
  notes: string[];
}
