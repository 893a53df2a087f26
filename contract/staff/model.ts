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

export interface AuditRow {
  id: string;
  /** ISO instant. */
  at: string;
  /** Shanghai 'MM-DD HH:mm:ss'. */
  when: string;
  fn: string;
  action: string;
  who: string;
  maskedOpenid: string;
  role: AuditRole;
  target: Record<string, string>;
  outcome: AuditOutcome;
  /** Plain Chinese: 成功 / the error's message. */
  outcomeText: string;
  personal: boolean;
  note: Record<string, AuditNoteValue>;
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
    /** 人次 served: check-ins + bookings kept + consultations answered + station 人次. */
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
  key: 'profile' | 'events' | 'bookings' | 'fair' | 'consultations' | 'favourites' | 'votes' | 'station' | 'staff';
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
  favouritesRemoved: number;
  votesRemoved: number;
  stationTapsAnonymised: number;
  fairTicketsAnonymised: number;
  profileRemoved: boolean;
  /** Items that could not be cancelled now (e.g. too late); they were anonymised instead. */
  notes: string[];
}
