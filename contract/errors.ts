/**
 * Every error code the product can answer with, and the plain Chinese a worker sees for it.
 * One source of truth: the server throws these codes, the client shows these messages.
 * Grouped by area; each code is written once.
 */
export const ERROR_MESSAGES = {
  // ---- common: the door of every function, and the transport
  BAD_INPUT: '填写的内容有误，请检查后再试',
  UNKNOWN_ACTION: '这个功能暂时用不了，请更新小程序后再试',
  NOT_SIGNED_IN: '请先在微信里打开小程序再试',
  FORBIDDEN: '你没有权限做这件事',
  NOT_FOUND: '没有找到这条信息，可能已被删除',
  CONFLICT: '操作的人太多了，请稍后再试',
  RATE_LIMITED: '操作太频繁了，请稍后再试',
  INTERNAL: '系统出了点问题，请稍后再试',
  NETWORK: '网络不好，请检查网络后再试',
  // ---- centres
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}
