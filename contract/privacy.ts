/**
 * Privacy rules both sides use (zod-free; imported by the client). docs/privacy.md explains them.
 */

/**
 * 13812345678 -> 138****5678: enough for staff to tell people apart, not to call them. Anything
 * that is not a mainland mobile keeps only its last 4 digits. The one masking rule for every staff
 * list and file.
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `****${phone.slice(-4)}`;
}

/**
 * The one way staff search a phone number: by its last four digits, exactly the digits the mask
 * shows. A longer ending would confirm hidden digits one search at a time (issue 10: 19 searches
 * recovered a full number), and a whole number would let 10,000 guesses fill in the middle four.
 */
export function phoneMatches(phone: string | null | undefined, query: string): boolean {
  return /^\d{4}$/.test(query) && !!phone && phone.slice(-4) === query;
}

/**
 * Any run of 7+ digits in free text (spaces and dashes between them allowed, an ID number's final
 * X included) masked as maskPhone masks a number: an emergency contact typed into a text field
 * shows no more than the main phone does.
 */
export function maskDigitRuns(text: string | null | undefined): string {
  if (!text) return '';
  return text.replace(/\d(?:[\s-]?\d){6,}[Xx]?/g, (run) => maskPhone(run.replace(/[\s-]/g, '')));
}

/** A form answer as staff files show it: masked by the field's kind (a phone field, or digits in free text). */
export function maskAnswer(kind: string, value: string): string {
  return kind === 'phone' ? maskPhone(value) : maskDigitRuns(value);
}


/** The kinds of sensitive personal information (PIPL art. 28) a form may collect, with their own consent. */
export const SENSITIVE_KINDS = {
  health: {
    title: '健康信息',
    text: '你填写的健康情况属于敏感个人信息，只用于这次服务安排，由工会工作人员保密处理，服务结束后按规定删除。',
  },
  minor: {
    title: '未满14岁孩子的信息',
    text: '你填写的孩子姓名和年龄属于未满14周岁未成年人的个人信息，需要你作为监护人同意。只用于这次活动的报名和入场，活动结束后不再用于其他用途。',
  },
  finances: {
    title: '家庭经济困难情况',
    text: '你说明的家庭经济困难情况属于敏感个人信息，只用于困难帮扶的评估，只有负责帮扶的工作人员能看到。',
  },
} as const;

export type SensitiveKind = keyof typeof SENSITIVE_KINDS;

/** PIPL art. 28: the personal information of a child under this age is sensitive. */
export const MINOR_AGE = 14;

/** What the form (before sending) and the server (refusing) say when the sensitive tick is missing. */
export function consentMissingText(kind: SensitiveKind): string {
  return `请先勾选“我同意提供${SENSITIVE_KINDS[kind].title}”再提交`;
}

/** Where the full privacy notice is (shown by the consent component and 我的数据). */
export const PRIVACY_SUMMARY =
  '九江镇总工会“职工·家”只收集办理服务必需的信息：报名、预约、咨询时你填写的姓名、手机号等。手机号在工作人员名单中会隐藏中间四位。你可以在“我的 → 我的数据”查看和删除自己的信息。';

/**
 * Why a staff member reveals a worker's full phone number (显示号码, docs/privacy.md): the chips the
 * page offers, recorded in the audit log with the reveal. 其他 needs a few words of its own.
 */
export const PHONE_REVEAL_REASONS = { callBack: '回电答复', verify: '核实情况', other: '其他' } as const;
export type PhoneRevealReason = keyof typeof PHONE_REVEAL_REASONS;
export const PHONE_REVEAL_NOTE_MAX = 40;

/** What a reveal answers: the number the worker left for staff to call, in full. */
export interface RevealedPhone {
  phone: string;
}
