/**
 * A mainland mobile number: 11 digits starting 13–19. The one rule every form and action checks.
 * Zod-free, because the pages import it at runtime; the schema form is in phone-schema.ts.
 */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/**
 * What is wrong with a typed mobile number, in a worker's words, or null when it is fine. Eleven
 * digits that are not a mobile (a landline, a typo in the first digit) are told so: "要填11位"
 * would send the worker counting digits that are already right.
 */
export function mobileProblem(text: string): string | null {
  const phone = text.trim();
  if (MOBILE_PATTERN.test(phone)) return null;
  if (/^\d{11}$/.test(phone)) return '这不是手机号：手机号是1开头的11位数字，请检查前两位';
  return '手机号是1开头的11位数字，例如 13812345678';
}
