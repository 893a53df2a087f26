/**
 * The audit log in a clerk's words (工作台 → 操作记录): what each staff/admin action is called, and
 * which kind of record it is about. ONE table, keyed `function.action` as the contract lists them;
 * tests/unit/audit-labels.test.ts fails when a staff/admin action has no entry (a refused call of
 * any of them is logged, reads included). The server turns a record's id into its name when the
 * log is listed (server/domain/staff/audit-view.ts). Zod-free, plain data.
 */

/** What an audit record points at; the server resolves the id it logged into a name. */
export type AuditRecordKind =
  | 'event'
  | 'article'
  | 'consultation'
  | 'aidApplication'
  | 'wageAlert'
  | 'centre'
  | 'booking'
  | 'fair'
  | 'campaign'
  | 'staffMember'
  | 'month';

export interface AuditActionLabel {
  /** The verb phrase after the person's name: 张三 · 发布了活动. */
  did: string;
  record?: AuditRecordKind;
  /** A sharper verb by the `status` the call set (发布了活动 rather than 改了活动状态). */
  byStatus?: Record<string, string>;
}

export const AUDIT_LABELS: Record<string, AuditActionLabel> = {
  // ---- centres
  'centres.staffDay': { did: '查看了当天的预约', record: 'centre' },
  'centres.staffCheckIn': { did: '用预约码登记了到场' },
  'centres.staffWalkIn': { did: '登记了现场来访', record: 'centre' },
  'centres.staffNoShow': { did: '标记了没来', record: 'booking' },
  'centres.staffCloseSlot': { did: '暂停了一个预约时段', record: 'centre' },
  'centres.staffSaveRoster': { did: '修改了预约时段安排', record: 'centre' },
  'centres.staffSaveClosure': { did: '设置了休息日', record: 'centre' },
  'centres.staffSaveFair': { did: '保存了便民日', record: 'centre' },
  'centres.staffCallNext': { did: '便民日叫了下一个号', record: 'fair' },
  'centres.staffFairWalkIn': { did: '便民日登记了现场取号', record: 'fair' },
  // ---- station (平安返乡)
  'station.staffCampaigns': { did: '查看了平安返乡活动' },
  'station.staffSaveCampaign': { did: '保存了平安返乡活动', record: 'campaign' },
  'station.staffQrCode': { did: '生成了服务点二维码', record: 'campaign' },
  'station.staffStats': { did: '查看了服务点统计', record: 'campaign' },
  // ---- events
  'events.staffList': { did: '查看了活动列表' },
  'events.staffGet': { did: '打开了活动', record: 'event' },
  'events.save': { did: '保存了活动', record: 'event' },
  'events.setStatus': { did: '改了活动状态', record: 'event', byStatus: { published: '发布了活动', closed: '截止了活动报名', cancelled: '取消了活动' } },
  'events.setCapacity': { did: '改了活动名额', record: 'event' },
  'events.attendees': { did: '查看了报名名单', record: 'event' },
  'events.checkIn': { did: '用入场码签到', record: 'event' },
  'events.checkInEntry': { did: '在名单上签到', record: 'event' },
  'events.markNoShow': { did: '标记了没来', record: 'event' },
  'events.draw': { did: '抽了签', record: 'event' },
  // ---- exports
  'exports.attendeesXlsx': { did: '导出了报名名单', record: 'event' },
  'exports.monthlyReport': { did: '导出了月报', record: 'month' },
  // ---- rights
  'rights.staffArticles': { did: '查看了文章列表' },
  'rights.staffArticle': { did: '打开了文章', record: 'article' },
  'rights.staffSaveArticle': { did: '保存了文章', record: 'article' },
  'rights.staffSetArticleStatus': { did: '改了文章状态', record: 'article', byStatus: { published: '发布了文章', retired: '下架了文章', draft: '把文章改回了草稿' } },
  'rights.staffReviewArticle': { did: '复核了文章', record: 'article' },
  'rights.staffSyncArticles': { did: '更新了内置文章' },
  'rights.staffConsultations': { did: '查看了咨询列表' },
  'rights.staffConsultation': { did: '打开了咨询', record: 'consultation' },
  'rights.staffClaim': { did: '接手了咨询', record: 'consultation' },
  'rights.staffAnswer': { did: '答复了咨询', record: 'consultation' },
  'rights.staffRevealPhone': { did: '查看了完整号码', record: 'consultation' },
  'rights.staffInsights': { did: '查看了没找到的内容' },
  // ---- aid (帮扶)
  'aid.staffQueue': { did: '查看了帮扶申请列表', record: 'centre' },
  'aid.staffApplication': { did: '打开了帮扶申请', record: 'aidApplication' },
  'aid.staffFile': { did: '查看了申请材料', record: 'aidApplication' },
  'aid.staffAccept': { did: '受理了帮扶申请', record: 'aidApplication' },
  'aid.staffAskMore': { did: '请职工补材料', record: 'aidApplication' },
  'aid.staffDecide': { did: '办结了帮扶申请', record: 'aidApplication' },
  'aid.staffRevealPhone': { did: '查看了完整号码', record: 'aidApplication' },
  'aid.staffAlerts': { did: '查看了欠薪预警' },
  'aid.staffAcknowledgeAlert': { did: '处理了欠薪预警', record: 'wageAlert' },
  // ---- staff
  'staff.home': { did: '打开了工作台' },
  'staff.list': { did: '查看了工作人员名单' },
  'staff.grant': { did: '设置了工作人员', record: 'staffMember' },
  'staff.revoke': { did: '取消了工作人员', record: 'staffMember' },
  'staff.audit': { did: '查看了操作记录' },
  'staff.figures': { did: '查看了服务数据' },
};

/**
 * Records the door writes without a contract action (server/runtime/entry.ts): a timer run, a
 * call for an action that does not exist, the first admin granted from the server's shell.
 */
export const AUDIT_OTHER_LABELS = {
  timer: '定时任务运行了',
  unknown: '发来了无法识别的请求',
  grantAdmin: '在服务器上设置了管理员',
} as const;
