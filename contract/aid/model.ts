/**
 * 帮扶: hardship aid, legal aid, mutual-insurance help and job referral as applications a worker
 * follows to the end (zod-free; the client imports these at runtime). docs/aid.md explains them.
 */
import type { SensitiveKind } from '../privacy';

/** The kinds of application. Keys are stable ids; labels are shown. */
export const AID_KIND_LABELS = {
  hardship: '困难帮扶',
  legal: '法律援助',
  'insurance-enquiry': '互助保障 · 入保咨询',
  'insurance-claim': '互助保障 · 理赔协助',
  job: '就业推荐',
} as const;
export type AidKind = keyof typeof AID_KIND_LABELS;
export const AID_KINDS = Object.keys(AID_KIND_LABELS) as AidKind[];

/** How much work an application is: it sets the due date (as the 12351 hotline promises). */
export type AidDifficulty = 'simple' | 'complex';
/** Working days from submission to a decision, by difficulty. The one place these promises live. */
export const AID_DUE_WORKING_DAYS: Record<AidDifficulty, number> = { simple: 3, complex: 15 };

/** The fields a form may carry besides name, phone, centre and description. */
export type AidField = 'idNumber' | 'employer' | 'legalTopic' | 'householdSize' | 'monthlyIncome' | 'desiredJob';

/** The documents a worker may upload (photos or PDF). */
export const AID_DOCUMENT_LABELS = {
  id: '身份证',
  medical: '医疗费用单据',
  income: '收入证明',
  contract: '劳动合同',
  other: '其他材料',
} as const;
export type AidDocumentKind = keyof typeof AID_DOCUMENT_LABELS;
export const AID_DOCUMENT_KINDS = Object.keys(AID_DOCUMENT_LABELS) as AidDocumentKind[];

export interface AidKindSpec {
  difficulty: AidDifficulty;
  /** Fields this kind truly needs (required); no other optional field is stored for it. */
  fields: AidField[];
  /** Sensitive information the form carries (own consent tick), or null. */
  sensitive: SensitiveKind | null;
  /** Documents staff will usually ask for. */
  documents: AidDocumentKind[];
  /** What to bring to the centre (shown before and after applying). */
  bring: string[];
}

/**
 * Per kind: the form's fields, the consent it needs and the checklist. The ID number is asked
 * only where the service itself requires it (aid payments, legal-aid files, insurance claims).
 */
export const AID_KIND_SPECS: Record<AidKind, AidKindSpec> = {
  hardship: {
    difficulty: 'complex',
    fields: ['idNumber', 'householdSize', 'monthlyIncome'],
    sensitive: 'finances',
    documents: ['id', 'income', 'medical'],
    bring: ['身份证原件', '户口本或居住证', '家庭收入证明', '困难原因的证明（如医疗费用单据）'],
  },
  legal: {
    difficulty: 'complex',
    fields: ['idNumber', 'employer', 'legalTopic'],
    sensitive: null,
    documents: ['id', 'contract'],
    bring: ['身份证原件', '劳动合同或工牌、工资条等用工证明', '欠薪、工伤等相关证据'],
  },
  'insurance-enquiry': {
    difficulty: 'simple',
    fields: ['employer'],
    sensitive: null,
    documents: [],
    bring: ['身份证'],
  },
  'insurance-claim': {
    difficulty: 'complex',
    fields: ['idNumber'],
    sensitive: 'health',
    documents: ['id', 'medical'],
    bring: ['身份证原件', '病历和医疗费用发票', '银行卡'],
  },
  job: {
    difficulty: 'simple',
    fields: ['desiredJob'],
    sensitive: null,
    documents: [],
    bring: ['身份证', '简历（没有也可以）'],
  },
};

export const LEGAL_TOPIC_LABELS = {
  wages: '欠薪',
  injury: '工伤',
  dismissal: '被辞退',
  other: '其他',
} as const;
export type LegalTopic = keyof typeof LEGAL_TOPIC_LABELS;

export const AID_STATUS_LABELS = {
  submitted: '已提交',
  accepted: '已受理',
  'needs-more': '需要补材料',
  reviewing: '审核中',
  done: '已办结',
  refused: '未通过',
} as const;
export type AidStatus = keyof typeof AID_STATUS_LABELS;
/** Statuses staff may still act on. */
export const AID_OPEN_STATUSES: AidStatus[] = ['submitted', 'accepted', 'needs-more', 'reviewing'];

/** Aid given on a 困难帮扶 decision. */
export const AID_GIVEN_LABELS = { cash: '慰问金', goods: '慰问品', medical: '医疗救助', education: '助学金' } as const;
export type AidGivenKind = keyof typeof AID_GIVEN_LABELS;

export const AID_LIMITS = {
  descriptionMax: 500,
  reasonMax: 300,
  missingMax: 5,
  documentsMax: 10,
  /** Bytes: a phone photo of a document fits; a video does not. */
  fileMaxBytes: 5 * 1024 * 1024,
  amountMax: 100000,
  householdMax: 20,
  incomeMax: 1000000,
} as const;

/** File types a document may be, by extension and content type. */
export const AID_FILE_TYPES = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' } as const;
export type AidFileExt = keyof typeof AID_FILE_TYPES;

/**
 * 集体欠薪 early warning: this many distinct workers of one employer reporting unpaid wages within
 * the window raise one alert. The one place these thresholds live.
 */
export const WAGE_ALERT = { workers: 3, windowDays: 7 } as const;

export interface AidDocument {
  id: string;
  kind: AidDocumentKind;
  name: string;
  ext: AidFileExt;
  size: number;
  addedAt: Date;
}

export interface AidStep {
  status: AidStatus;
  at: Date;
  note?: string;
}

export interface AidDecision {
  outcome: 'done' | 'refused';
  reason: string;
  aid?: { kind: AidGivenKind; amount: number } | null;
  at: Date;
}

/** What the owner sees of their application. */
/**
 * The fields an application has both as the worker and staff see it and as it is stored: the
 * stored record (AidDoc in server/domain/aid/records.ts) extends this with its bookkeeping.
 */
export interface AidApplicationFields {
  code: string;
  kind: AidKind;
  centreId: string;
  centreName: string;
  status: AidStatus;
  name: string;
  phone: string;
  description: string;
  details: Partial<Record<AidField, string | number>>;
  /** What staff asked for (when 需要补材料). */
  missing: AidDocumentKind[];
  missingNote: string;
  history: AidStep[];
  decision: AidDecision | null;
  createdAt: Date;
  dueAt: Date;
}

export interface AidApplication extends AidApplicationFields {
  id: string;
  documents: AidDocument[];
}

export type AidApplicationSummary = Pick<AidApplication, 'id' | 'code' | 'kind' | 'status' | 'createdAt' | 'dueAt' | 'centreName'>;

/** What handling staff see: the phone masked, the ID number masked, no OPENID. */
export interface StaffAidApplication extends AidApplication {
  handler: string;
  overdue: boolean;
}

/** What a file request answers: a short-lived download address. */
export interface AidFileLink {
  url: string;
  expiresInSeconds: number;
}

/** Where the phone uploads a document: an unguessable path under the application's folder. */
export interface AidUploadSlot {
  cloudPath: string;
}

export interface WageAlert {
  id: string;
  employer: string;
  /** Masked names (张*), never phones or ids. */
  workers: string[];
  count: number;
  windowStart: Date;
  createdAt: Date;
  acknowledged: { by: string; at: Date } | null;
}

/** 张三 -> 张*; 阿依古丽·买买提 -> 阿*******: enough to tell a list apart, not to identify. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 18-digit resident ID: GB 11643 checksum over the first 17 digits. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = '10X98765432';
  const sum = weights.reduce((n, w, i) => n + w * Number(id[i]), 0);
  return checks[sum % 11] === id[17]!.toUpperCase();
}

/** 440682199001011234 -> 4406**********1234: staff can match a card, not copy the number. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 4)}**********${id.slice(-4)}` : '';
}
