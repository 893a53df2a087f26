/**
 * 帮扶 applications, the worker's side: apply (idempotent by request id), follow, add documents.
 *   submitted 已提交 -> accepted 已受理 -> needs-more 需要补材料 -> reviewing 审核中 -> done 已办结 / refused 未通过
 * Documents go to private cloud storage under the application's random folder; only the owner and
 * staff of the application's centre get a short-lived link (docs/aid.md).
 */
import { randomBytes } from 'node:crypto';
import {
  AID_DUE_WORKING_DAYS,
  AID_FILE_TYPES,
  AID_KIND_SPECS,
  AID_LIMITS,
  AID_OPEN_STATUSES,
  type AidApplication,
  type AidApplicationSummary,
  type AidDocumentKind,
  type AidField,
  type AidFileExt,
  type AidFileLink,
  type AidKind,
  type AidUploadSlot,
  type LegalTopic,
} from '../../../contract/aid/model';
import { isDuplicateKey } from '../../db/counters';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { sensitiveConsent } from '../account/consent';
import { answerDue } from '../rights/answer-due';
import { hashId } from '../rights/records';
import { toApplication, toSummary, type AidDoc, type StoredDocument } from './records';
import { reportUnpaidWages } from './wage-alerts';

export const applications = (ctx: HandlerContext) => ctx.db.collection<AidDoc>(COLLECTIONS.aidApplications);

/** How long a document link works: long enough to open it, too short to pass around. */
export const FILE_LINK_SECONDS = 600;

export async function findApplication(ctx: HandlerContext, id: string): Promise<AidDoc | null> {
  const res = await applications(ctx).where({ _id: id }).limit(1).get();
  return res.data[0] ?? null;
}

/** The owner's application, or NOT_FOUND: another worker's id looks exactly like one that does not exist. */
async function findOwn(ctx: HandlerContext, id: string): Promise<AidDoc> {
  const res = await applications(ctx).where({ _id: id, openid: ctx.openid }).limit(1).get();
  const doc = res.data[0];
  if (!doc) throw new AppError('APPLICATION_NOT_FOUND');
  return doc;
}

const FIELD_MESSAGES: Record<AidField, string> = {
  idNumber: '请填写身份证号',
  employer: '请填写单位名称',
  legalTopic: '请选择遇到的问题',
  householdSize: '请填写家里有几口人',
  monthlyIncome: '请填写家庭每月总收入',
  desiredJob: '请填写想找的工作',
};

export interface ApplyInput {
  kind: AidKind;
  centreId: string;
  name: string;
  phone: string;
  description: string;
  idNumber?: string;
  employer?: string;
  legalTopic?: LegalTopic;
  householdSize?: number;
  monthlyIncome?: number;
  desiredJob?: string;
  requestId: string;
  sensitiveConsent?: boolean;
}

/**
 * Files an application. The kind decides which fields are required and which are kept (a field the
 * kind does not need is dropped, not stored); its sensitive information needs the consent tick.
 * The _id comes from the OPENID and the request id, so the same press 20 times makes one application.
 */
export async function apply(ctx: HandlerContext, input: ApplyInput): Promise<AidApplication> {
  const spec = AID_KIND_SPECS[input.kind];
  const missing: Record<string, string> = {};
  const details: AidDoc['details'] = {};
  for (const field of spec.fields) {
    const value = input[field];
    if (value === undefined || value === '') missing[field] = FIELD_MESSAGES[field];
    else details[field] = value;
  }
  if (Object.keys(missing).length > 0) throw new AppError('FIELD_REQUIRED', Object.values(missing)[0], missing);
  const consent = sensitiveConsent(ctx.now, spec.sensitive, input.sensitiveConsent);
  const centre = await ctx.db.collection<{ name: string }>(COLLECTIONS.centres).where({ _id: input.centreId }).limit(1).get();
  if (!centre.data[0]) throw new AppError('NOT_FOUND', '没有这个服务中心，请重新选择');
  const id = hashId(ctx.openid, 'aid', input.requestId);
  const doc: AidDoc = {
    _id: id,
    openid: ctx.openid,
    requestId: input.requestId,
    code: `BF${id.slice(0, 6).toUpperCase()}`,
    kind: input.kind,
    centreId: input.centreId,
    centreName: centre.data[0].name,
    status: 'submitted',
    name: input.name,
    phone: input.phone,
    description: input.description,
    details,
    folder: randomBytes(16).toString('hex'),
    documents: [],
    missing: [],
    missingNote: '',
    history: [{ status: 'submitted', at: ctx.now }],
    decision: null,
    handler: '',
    createdAt: ctx.now,
    dueAt: answerDue(ctx.now, AID_DUE_WORKING_DAYS[spec.difficulty]),
    ...consent,
  };
  try {
    await applications(ctx).add({ data: { ...doc } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // The same press again: answer with what the first press filed.
    return toApplication(await findOwn(ctx, id));
  }
  if (input.kind === 'legal' && input.legalTopic === 'wages' && input.employer) {
    await reportUnpaidWages(ctx, { employer: input.employer, name: input.name });
  }
  return toApplication(doc);
}

export async function myApplications(ctx: HandlerContext): Promise<AidApplicationSummary[]> {
  const res = await applications(ctx).where({ openid: ctx.openid }).orderBy('createdAt', 'desc').limit(100).get();
  return res.data.map(toSummary);
}

export async function getApplication(ctx: HandlerContext, input: { id: string }): Promise<AidApplication> {
  return toApplication(await findOwn(ctx, input.id));
}

interface FileFacts {
  name: string;
  ext: string;
  size: number;
}

/** Refuses a type or size the union does not take, in words a worker understands. */
function checkFile(file: FileFacts): AidFileExt {
  if (!Object.prototype.hasOwnProperty.call(AID_FILE_TYPES, file.ext)) {
    throw new AppError('FILE_TYPE_REFUSED', `“${file.name}”不是照片或 PDF：只能上传 jpg、png 或 pdf 文件`);
  }
  if (file.size > AID_LIMITS.fileMaxBytes) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    throw new AppError('FILE_TOO_LARGE', `“${file.name}”有 ${mb}MB，太大了：请上传 ${AID_LIMITS.fileMaxBytes / 1024 / 1024}MB 以内的文件`);
  }
  return file.ext as AidFileExt;
}

const closed = (doc: AidDoc) => doc.status === 'done' || doc.status === 'refused';

/** Where the phone uploads one document: a random name inside the application's random folder. */
export async function uploadSlot(ctx: HandlerContext, input: { id: string; kind: AidDocumentKind } & FileFacts): Promise<AidUploadSlot> {
  const ext = checkFile(input);
  const doc = await findOwn(ctx, input.id);
  if (closed(doc)) throw new AppError('APPLICATION_CLOSED');
  return { cloudPath: `aid/${doc.folder}/${randomBytes(12).toString('hex')}.${ext}` };
}

/**
 * Adds uploaded documents. Each file id must lie in this application's folder (a file id from
 * elsewhere — another worker's, a guessed one — is refused). Adding while 需要补材料 moves the
 * application to 审核中 (one conditional update on the status, so a second press changes nothing).
 */
export async function addDocuments(
  ctx: HandlerContext,
  input: { id: string; documents: Array<{ fileId: string; kind: AidDocumentKind } & FileFacts> },
): Promise<AidApplication> {
  const doc = await findOwn(ctx, input.id);
  if (closed(doc)) throw new AppError('APPLICATION_CLOSED');
  const added: StoredDocument[] = input.documents.map((file) => {
    const ext = checkFile(file);
    const cloudPath = /^cloud:\/\/[^/]+\/(.+)$/.exec(file.fileId)?.[1] ?? '';
    const match = new RegExp(`^aid/${doc.folder}/([0-9a-f]{24})\\.${ext}$`).exec(cloudPath);
    if (!match) throw new AppError('FILE_NOT_YOURS');
    return { id: match[1]!, fileId: file.fileId, kind: file.kind, name: file.name, ext, size: file.size, addedAt: ctx.now };
  });
  const known = new Set(doc.documents.map((d) => d.fileId));
  const fresh = added.filter((d) => !known.has(d.fileId));
  if (doc.documents.length + fresh.length > AID_LIMITS.documentsMax) {
    throw new AppError('BAD_INPUT', `每份申请最多${AID_LIMITS.documentsMax}个材料`);
  }
  const _ = ctx.db.command;
  if (fresh.length > 0) {
    // The status stays a condition: a decision landing meanwhile is not undone by an upload.
    await applications(ctx)
      .where({ _id: doc._id, openid: ctx.openid, status: _.in(AID_OPEN_STATUSES) })
      .update({ data: { documents: _.push(fresh) } });
  }
  await applications(ctx)
    .where({ _id: doc._id, openid: ctx.openid, status: 'needs-more' })
    .update({ data: { status: 'reviewing', missing: [], history: _.push([{ status: 'reviewing', at: ctx.now, note: '已补交材料' }]) } });
  return toApplication(await findOwn(ctx, doc._id));
}

/** A short-lived link to one of the caller's own documents. */
export async function ownFile(ctx: HandlerContext, input: { id: string; documentId: string }): Promise<AidFileLink> {
  return fileLink(ctx, await findOwn(ctx, input.id), input.documentId);
}

export async function fileLink(ctx: HandlerContext, doc: AidDoc, documentId: string): Promise<AidFileLink> {
  const file = doc.documents.find((d) => d.id === documentId);
  if (!file) throw new AppError('NOT_FOUND', '没有找到这个材料，可能已被删除');
  const url = await ctx.storage.fileLink(file.fileId, FILE_LINK_SECONDS);
  if (!url) throw new AppError('NOT_FOUND', '这个材料还没上传成功，请重新上传');
  return { url, expiresInSeconds: FILE_LINK_SECONDS };
}
