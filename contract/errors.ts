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
  INTERNAL: '服务出错了，请稍后再试',
  NETWORK: '网络不好，请检查网络后再试',
  // ---- the transport's door: refused before any function runs (server/runtime/event-limits.ts)
  INPUT_TOO_LARGE: '内容太多了，请删减后再试',
  MALFORMED_REQUEST: '请求的格式不对，请更新小程序后再试',
  SESSION_INVALID: '登录已失效，请重新登录后再试',
  FOREIGN_ORIGIN: '请从小程序里打开再试',
  // ---- privacy: sensitive personal information needs its own tick (PIPL art. 29)
  SENSITIVE_CONSENT_REQUIRED: '这些信息需要你单独勾选同意后才能提交',
  /** 显示号码 on a case whose worker left no number (docs/privacy.md). */
  NO_PHONE: '这位职工没有留电话',
  // ---- centres
  NOT_YOUR_CENTRE: '你只能管理自己服务中心的预约',
  SERVICE_NOT_OFFERED: '这个服务中心暂时不提供这项服务的预约',
  SLOT_NOT_FOUND: '没有这个时间段，请重新选择',
  SLOT_FULL: '这个时间段已经约满了，请选其他时间',
  SLOT_CLOSED: '这个时间段暂停预约了，请选其他时间',
  CENTRE_CLOSED_DAY: '服务中心这天休息，请选其他日子',
  TOO_SOON: '离开始太近了，来不及预约，请选晚一点的时间',
  TOO_FAR: '还不能预约这么远的日子，请选近一点的时间',
  WEEKLY_LIMIT: '这项服务本周预约次数已满',
  ALREADY_BOOKED_THEN: '你这个时间已经有预约了',
  TOO_LATE_TO_CHANGE: '离开始太近了，不能再取消或改时间，请打电话给服务中心',
  BOOKING_NOT_ACTIVE: '这个预约已经取消或结束了',
  CODE_NOT_FOUND: '没有找到这个预约码，请核对后再试',
  NOT_TODAY: '这个预约不是今天的',
  FAIR_NOT_OPEN: '便民日还没开始或已经结束了',
  QUEUE_NOT_FOUND: '没有这个服务项目',
  WINDOW_FULL: '这个时间段的号已经领完了，请选其他时间',
  QUEUE_EMPTY: '后面没有人在等了',
  NUMBER_CALLED: '已经叫到这个号了，不能再退，请到现场找工作人员',
  TICKET_NOT_FOUND: '没有找到这个号，可能已经退掉了',
  // ---- station
  CAMPAIGN_NOT_FOUND: '没有找到这个服务点，请重新扫码',
  CAMPAIGN_NOT_STARTED: '服务点还没开始，到开始那天再来',
  CAMPAIGN_ENDED: '服务点已经结束了，谢谢你',
  /** Said with the campaign's hours: 现在不在服务时间（每天 8:00–20:00） */
  STATION_CLOSED_NOW: '现在不在服务时间',
  STATION_SERVICE_NOT_FOUND: '没有这项服务',
  // ---- events
  EVENT_NOT_FOUND: '没有找到这个活动，可能已经下架',
  EVENT_NOT_OPEN: '这个活动现在不能报名',
  EVENT_CANCELLED: '这个活动已经取消了',
  NOT_ELIGIBLE: '这个活动有报名条件，你暂时不符合',
  WAITLIST_FULL: '名额已满，候补也排满了',
  ENTRY_NOT_FOUND: '没有找到这条报名记录',
  ENTRY_NOT_ACTIVE: '这条报名已经取消或结束了',
  SIGN_UP_IN_PROGRESS: '报名正在处理，请稍等几秒再看',
  TOO_LATE_TO_CANCEL: '已经过了取消时间，有事请打活动电话',
  OFFER_EXPIRED: '确认时间已过，名额已经让给下一位了',
  NO_TICKET: '现在还没有入场票',
  CAPACITY_BELOW_TAKEN: '新名额比已报名的人数还少，不能这样改',
  EVENT_NOT_EDITABLE: '活动已经开始报名，这一项不能再改',
  LOTTERY_NOT_READY: '报名还没截止，现在不能抽签',
  LOTTERY_CLOSE_LOCKED: '抽签种子已经公布，报名截止时间不能再改',
  // ---- rights
  ARTICLE_NOT_FOUND: '没有找到这篇文章，可能已经下架',
  SLUG_TAKEN: '这个文章编号已经有了，请换一个',
  RELATED_NOT_FOUND: '相关文章里有不存在的编号',
  ARTICLE_CHANGED: '这篇文章刚被改过，请重新打开、看过新内容后再确认复核',
  TEXT_REFUSED: '内容没有通过安全检查，请修改后再提交',
  DAILY_LIMIT: '今天提交的咨询已经到上限了，请明天再来；急事请打12351',
  CONSULTATION_NOT_FOUND: '没有找到这条咨询',
  CONSULTATION_CLOSED: '这条咨询已经结束了',
  NOT_ANSWERED_YET: '还没有答复，答复后才能评价',
  ALREADY_ANSWERED: '这条咨询已经答复过了',
  // ---- aid (帮扶)
  APPLICATION_NOT_FOUND: '没有找到这份申请',
  APPLICATION_CLOSED: '这份申请已经办结了',
  ALREADY_DECIDED: '这份申请已经有结果了',
  NOT_ASKED_FOR_MORE: '现在不需要补材料',
  FIELD_REQUIRED: '还有必填的内容没写',
  FILE_TYPE_REFUSED: '只能上传照片（jpg、png）或 PDF 文件',
  FILE_TOO_LARGE: '文件太大了，请上传 5MB 以内的照片或 PDF',
  FILE_NOT_YOURS: '这个文件不属于这份申请，请重新上传',
  ALERT_NOT_FOUND: '没有找到这条预警',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}
