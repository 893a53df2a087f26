import * as z from 'zod';
import { action } from '../define';
import { requestIdSchema as requestId } from '../request-id-schema';
import { FIGURES_MAX_DAYS, INVITE_CODE_LENGTH, type AuditPage, type InviteCode, type ReportFile, type StaffHome, type StaffMember, type UnionFigures } from './model';

const day = z.iso.date().describe('日期');
/** A roles record's id as the admin view lists it (the member's OPENID; compared, never used as a key). */
const staffId = z.string().trim().min(1).max(64).describe('工作人员');
const inviteCode = z.string().trim().regex(new RegExp(`^\\d{${INVITE_CODE_LENGTH}}$`), `请输入${INVITE_CODE_LENGTH}位数字登记码`).describe('登记码');
const centreId = z.string().trim().min(1).max(32).describe('服务中心');

const range = z
  .strictObject({ from: day.describe('开始日期'), to: day.describe('结束日期') })
  .refine((r) => r.from <= r.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= FIGURES_MAX_DAYS * 86400_000, {
    message: `一次最多查看${FIGURES_MAX_DAYS}天`,
    path: ['to'],
  });

/**
 * Function `staff`: the 工作台, roles and the audit log. Every staff/admin action here (and in
 * every other function) is audited at the door (server/runtime/audit.ts).
 */
export const staff = {
  /** Who the staff member is and which centres they act for; a worker gets FORBIDDEN (the page asks). */
  home: action<StaffHome>()({ input: z.strictObject({}), access: 'staff', kind: 'read' }),
  /** A worker's six-digit code for an admin to type; replaces the worker's previous code. */
  inviteCode: action<InviteCode>()({ input: z.strictObject({}), access: 'worker' }),

  list: action<StaffMember[]>()({ input: z.strictObject({}), access: 'admin', kind: 'read' }),
  /** Grants or changes a role, naming the person by the code on their phone or by an existing record. */
  grant: action<StaffMember>()({
    input: z
      .strictObject({
        code: inviteCode.optional(),
        staffId: staffId.optional(),
        name: z.string().trim().min(1).max(20).describe('姓名'),
        role: z.enum(['centre_staff', 'admin']).describe('角色'),
        centreIds: z.array(centreId).max(10).default([]).describe('服务中心'),
        /** A grant by code is a create: 添加 carries its press's request id (contract/request-id.ts). */
        requestId: requestId.optional(),
      })
      .refine((g) => (g.code ? 1 : 0) + (g.staffId ? 1 : 0) === 1, { message: '请输入登记码', path: ['code'] })
      .refine((g) => g.role === 'admin' || g.centreIds.length > 0, { message: '请至少选一个服务中心', path: ['centreIds'] }),
    access: 'admin',
  }),
  revoke: action<{ revoked: boolean }>()({ input: z.strictObject({ staffId }), access: 'admin' }),

  audit: action<AuditPage>()({
    input: z.strictObject({
      from: day.optional().describe('开始日期'),
      to: day.optional().describe('结束日期'),
      fn: z.string().trim().regex(/^[a-z]{1,20}$/).optional().describe('业务'),
      staffId: staffId.optional(),
      outcome: z.enum(['all', 'ok', 'refused', 'failed']).default('all').describe('结果'),
      personal: z.boolean().default(false).describe('只看查看个人信息的记录'),
      /** The `next` of the previous page. */
      before: z.iso.datetime({ offset: true }).optional().describe('翻页位置'),
    }),
    access: 'admin',
    kind: 'read',
  }),

  /** The union's figures for any date range (Shanghai days, both included). */
  figures: action<UnionFigures>()({ input: range, access: 'staff', kind: 'read' }),
};

/** Added to function `exports` (staff files; exceljs lives only there). */
export const reportExports = {
  /** The monthly report: one sheet per area. Phones masked unless an admin asks for them. */
  monthlyReport: action<ReportFile>()({
    input: z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM').describe('月份'), fullPhones: z.boolean().default(false).describe('完整电话') }),
    access: 'staff',
    kind: 'reveal',
  }),
};
