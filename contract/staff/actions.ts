import * as z from 'zod';
import { action } from '../define';
import { requestIdSchema as requestId } from '../request-id-schema';
import { FIGURES_MAX_DAYS, INVITE_CODE_LENGTH, type AuditPage, type InviteCode, type ReportFile, type StaffHome, type StaffMember, type UnionFigures } from './model';

const day = z.iso.date();
/** A roles record's id as the admin view lists it (the member's OPENID; compared, never used as a key). */
const staffId = z.string().trim().min(1).max(64);
const inviteCode = z.string().trim().regex(new RegExp(`^\\d{${INVITE_CODE_LENGTH}}$`), `请输入${INVITE_CODE_LENGTH}位数字登记码`);
const centreId = z.string().trim().min(1).max(32);

const range = z
  .strictObject({ from: day, to: day })
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
  home: action<StaffHome>()({ input: z.strictObject({}), access: 'staff' }),
  /** A worker's six-digit code for an admin to type; replaces the worker's previous code. */
  inviteCode: action<InviteCode>()({ input: z.strictObject({}), access: 'worker' }),

  list: action<StaffMember[]>()({ input: z.strictObject({}), access: 'admin' }),
  /** Grants or changes a role, naming the person by the code on their phone or by an existing record. */
  grant: action<StaffMember>()({
    input: z
      .strictObject({
        code: inviteCode.optional(),
        staffId: staffId.optional(),
        name: z.string().trim().min(1).max(20),
        role: z.enum(['centre_staff', 'admin']),
        centreIds: z.array(centreId).max(10).default([]),
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
      from: day.optional(),
      to: day.optional(),
      fn: z.string().trim().regex(/^[a-z]{1,20}$/).optional(),
      staffId: staffId.optional(),
      outcome: z.enum(['all', 'ok', 'refused', 'failed']).default('all'),
      personal: z.boolean().default(false),
      /** The `next` of the previous page. */
      before: z.iso.datetime({ offset: true }).optional(),
    }),
    access: 'admin',
  }),

  /** The union's figures for any date range (Shanghai days, both included). */
  figures: action<UnionFigures>()({ input: range, access: 'staff' }),
};

/** Added to function `exports` (staff files; exceljs lives only there). */
export const reportExports = {
  /** The monthly report: one sheet per area. Phones masked unless an admin asks for them. */
  monthlyReport: action<ReportFile>()({
    input: z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'), fullPhones: z.boolean().default(false) }),
    access: 'staff',
  }),
};
