import * as z from 'zod';
import { action } from '../define';
import { requestIdSchema as requestId } from '../request-id-schema';
import { mobilePhone } from '../phone-schema';
import { phoneRevealInput } from '../phone-reveal-schema';
import type { RevealedPhone } from '../privacy';
import {
  AID_DOCUMENT_KINDS,
  AID_GIVEN_LABELS,
  AID_KINDS,
  AID_LIMITS as L,
  AID_STATUS_LABELS,
  LEGAL_TOPIC_LABELS,
  isValidIdNumber,
  type AidApplication,
  type AidApplicationSummary,
  type AidDocumentKind,
  type AidFileLink,
  type AidGivenKind,
  type AidKind,
  type AidStatus,
  type AidUploadSlot,
  type LegalTopic,
  type StaffAidApplication,
  type WageAlert,
} from './model';

const id = z.string().trim().min(1).max(64);
const applicationId = id.describe('申请');
const documentId = id.describe('材料');
const centreId = id.describe('服务中心');
const text = (max: number, min = 1) => z.string().trim().min(min).max(max);
const kind = z.enum(AID_KINDS as [AidKind, ...AidKind[]]).describe('帮扶类别');
const documentKind = z.enum(AID_DOCUMENT_KINDS as [AidDocumentKind, ...AidDocumentKind[]]).describe('材料种类');
/** Chinese names, including minority names written with "·" (阿依古丽·买买提). */
const personName = z
  .string()
  .trim()
  .regex(/^[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z·•\s]{0,29}$/, '请填写真实姓名，少数民族姓名可以用“·”隔开')
  .describe('姓名');
const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidIdNumber, '身份证号不对，请核对18位号码（最后一位可能是X）')
  .describe('身份证号');
/** A file as the phone describes it before and after uploading; the server checks type and size itself. */
const fileFacts = {
  name: text(80).describe('文件名'),
  ext: z.string().trim().toLowerCase().max(10).describe('文件类型'),
  size: z.number().int().min(0).describe('文件大小'),
};

/**
 * Function `aid`: 帮扶 applications (困难帮扶, 法律援助, 互助保障, 就业推荐). Workers apply, follow and
 * add documents; staff (`staff*`) take, ask for more and decide for their centres; the 集体欠薪 alerts.
 */
export const aid = {
  apply: action<AidApplication>()({
    input: z.strictObject({
      kind,
      centreId,
      name: personName,
      phone: mobilePhone,
      description: text(L.descriptionMax).describe('情况说明'),
      idNumber: idNumber.optional(),
      employer: text(60).optional().describe('单位名称'),
      legalTopic: z.enum(Object.keys(LEGAL_TOPIC_LABELS) as [LegalTopic, ...LegalTopic[]]).optional().describe('遇到什么问题'),
      householdSize: z.number().int().min(1).max(L.householdMax).optional().describe('家里几口人'),
      monthlyIncome: z.number().int().min(0).max(L.incomeMax).optional().describe('家庭每月总收入（元）'),
      desiredJob: text(40).optional().describe('想找什么工作'),
      requestId,
      sensitiveConsent: z.boolean().default(false).describe('同意提供敏感信息'),
    }),
    access: 'worker',
  }),
  mine: action<AidApplicationSummary[]>()({ input: z.strictObject({}), access: 'worker' }),
  application: action<AidApplication>()({ input: z.strictObject({ id: applicationId }), access: 'worker' }),
  /** Where to upload one document (refuses a wrong type or a too-large file before any upload). */
  uploadSlot: action<AidUploadSlot>()({ input: z.strictObject({ id: applicationId, kind: documentKind, ...fileFacts }), access: 'worker' }),
  addDocuments: action<AidApplication>()({
    input: z.strictObject({
      id: applicationId,
      documents: z
        .array(z.strictObject({ fileId: text(300).describe('文件'), kind: documentKind, ...fileFacts }))
        .min(1, '请先选择要上传的材料')
        .max(L.documentsMax)
        .describe('材料'),
    }),
    access: 'worker',
  }),
  /** A short-lived link to one document: for its owner and for staff of the application's centre. */
  file: action<AidFileLink>()({ input: z.strictObject({ id: applicationId, documentId }), access: 'worker' }),

  staffQueue: action<StaffAidApplication[]>()({
    input: z.strictObject({
      kind: kind.optional(),
      centreId: centreId.optional(),
      status: z.enum([...(Object.keys(AID_STATUS_LABELS) as [AidStatus, ...AidStatus[]]), 'open']).default('open').describe('状态'),
    }),
    access: 'staff',
    kind: 'read',
  }),
  staffApplication: action<StaffAidApplication>()({ input: z.strictObject({ id: applicationId }), access: 'staff', kind: 'read' }),
  staffFile: action<AidFileLink>()({ input: z.strictObject({ id: applicationId, documentId }), access: 'staff', kind: 'reveal' }),
  /** 受理: the staff member takes the application (已提交 -> 已受理). */
  staffAccept: action<StaffAidApplication>()({ input: z.strictObject({ id: applicationId }), access: 'staff' }),
  staffAskMore: action<StaffAidApplication>()({
    input: z.strictObject({
      id: applicationId,
      missing: z.array(documentKind).min(1, '请选择缺少的材料').max(L.missingMax).describe('缺少的材料'),
      note: z.string().trim().max(L.reasonMax).default('').describe('补充说明'),
    }),
    access: 'staff',
  }),
  staffDecide: action<StaffAidApplication>()({
    input: z.strictObject({
      id: applicationId,
      outcome: z.enum(['done', 'refused']).describe('结果'),
      reason: text(L.reasonMax, 2).describe('结果和原因'),
      aid: z
        .strictObject({
          kind: z.enum(Object.keys(AID_GIVEN_LABELS) as [AidGivenKind, ...AidGivenKind[]]).describe('帮扶方式'),
          amount: z.number().int().min(0).max(L.amountMax).describe('金额'),
        })
        .optional()
        .describe('给的帮扶'),
    }),
    access: 'staff',
  }),
  /** 显示号码: the applicant's number in full, for staff of the application's centre (audited as a reveal). */
  staffRevealPhone: action<RevealedPhone>()({ input: phoneRevealInput, access: 'staff', kind: 'reveal' }),
  staffAlerts: action<WageAlert[]>()({ input: z.strictObject({ open: z.boolean().default(true).describe('只看未处理的') }), access: 'staff', kind: 'read' }),
  staffAcknowledgeAlert: action<WageAlert>()({ input: z.strictObject({ id: id.describe('提醒') }), access: 'staff' }),
};
