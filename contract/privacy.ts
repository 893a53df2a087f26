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

/** True when a value shown to staff could be a whole phone number (7+ digits in a row). */
export function looksLikeFullPhone(text: string): boolean {
  return /\d{7,}/.test(text.replace(/[\s-]/g, ''));
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
