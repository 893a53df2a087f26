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
const text = (max: number, min = 1) => z.string().trim().min(min).max(max);
const kind = z.enum(AID_KINDS as [AidKind, ...AidKind[]]);
const documentKind = z.enum(AID_DOCUMENT_KINDS as [AidDocumentKind, ...AidDocumentKind[]]);
/** Chinese names, including minority names written with "·" (阿依古丽·买买提). */
const personName = z
  .string()
  .trim()
  .regex(/^[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z·•\s]{0,29}$/, '请填写真实姓名，少数民族姓名可以用“·”隔开');
const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidIdNumber, '身份证号不对，请核对18位号码（最后一位可能是X）');
/** A file as the phone describes it before and after uploading; the server checks type and size itself. */
const fileFacts = { name: text(80), ext: z.string().trim().toLowerCase().max(10), size: z.number().int().min(0) };

/**
 * Function `aid`: 帮扶 applications (困难帮扶, 法律援助, 互助保障, 就业推荐). Workers apply, follow and
 * add documents; staff (`staff*`) take, ask for more and decide for their centres; the 集体欠薪 alerts.
 */
export const aid = {
  apply: action<AidApplication>()({
    input: z.strictObject({
      kind,
      centreId: id,
      name: personName,
      phone: mobilePhone,
      description: text(L.descriptionMax),
      idNumber: idNumber.optional(),
      employer: text(60).optional(),
      legalTopic: z.enum(Object.keys(LEGAL_TOPIC_LABELS) as [LegalTopic, ...LegalTopic[]]).optional(),
      householdSize: z.number().int().min(1).max(L.householdMax).optional(),
      monthlyIncome: z.number().int().min(0).max(L.incomeMax).optional(),
      desiredJob: text(40).optional(),
      requestId,
      sensitiveConsent: z.boolean().default(false),
    }),
    access: 'worker',
  }),
  mine: action<AidApplicationSummary[]>()({ input: z.strictObject({}), access: 'worker' }),
  application: action<AidApplication>()({ input: z.strictObject({ id }), access: 'worker' }),
  /** Where to upload one document (refuses a wrong type or a too-large file before any upload). */
  uploadSlot: action<AidUploadSlot>()({ input: z.strictObject({ id, kind: documentKind, ...fileFacts }), access: 'worker' }),
  addDocuments: action<AidApplication>()({
    input: z.strictObject({
      id,
      documents: z
        .array(z.strictObject({ fileId: text(300), kind: documentKind, ...fileFacts }))
        .min(1, '请先选择要上传的材料')
        .max(L.documentsMax),
    }),
    access: 'worker',
  }),
  /** A short-lived link to one document: for its owner and for staff of the application's centre. */
  file: action<AidFileLink>()({ input: z.strictObject({ id, documentId: id }), access: 'worker' }),

  staffQueue: action<StaffAidApplication[]>()({
    input: z.strictObject({
      kind: kind.optional(),
      centreId: id.optional(),
      status: z.enum([...(Object.keys(AID_STATUS_LABELS) as [AidStatus, ...AidStatus[]]), 'open']).default('open'),
    }),
    access: 'staff',
    kind: 'read',
  }),
  staffApplication: action<StaffAidApplication>()({ input: z.strictObject({ id }), access: 'staff', kind: 'read' }),
  staffFile: action<AidFileLink>()({ input: z.strictObject({ id, documentId: id }), access: 'staff', kind: 'reveal' }),
  /** 受理: the staff member takes the application (已提交 -> 已受理). */
  staffAccept: action<StaffAidApplication>()({ input: z.strictObject({ id }), access: 'staff' }),
  staffAskMore: action<StaffAidApplication>()({
    input: z.strictObject({
      id,
      missing: z.array(documentKind).min(1, '请选择缺少的材料').max(L.missingMax),
      note: z.string().trim().max(L.reasonMax).default(''),
    }),
    access: 'staff',
  }),
  staffDecide: action<StaffAidApplication>()({
    input: z.strictObject({
      id,
      outcome: z.enum(['done', 'refused']),
      reason: text(L.reasonMax, 2),
      aid: z
        .strictObject({
          kind: z.enum(Object.keys(AID_GIVEN_LABELS) as [AidGivenKind, ...AidGivenKind[]]),
          amount: z.number().int().min(0).max(L.amountMax),
        })
        .optional(),
    }),
    access: 'staff',
  }),
  /** 显示号码: the applicant's number in full, for staff of the application's centre (audited as a reveal). */
  staffRevealPhone: action<RevealedPhone>()({ input: phoneRevealInput, access: 'staff', kind: 'reveal' }),
  staffAlerts: action<WageAlert[]>()({ input: z.strictObject({ open: z.boolean().default(true) }), access: 'staff', kind: 'read' }),
  staffAcknowledgeAlert: action<WageAlert>()({ input: z.strictObject({ id }), access: 'staff' }),
};
