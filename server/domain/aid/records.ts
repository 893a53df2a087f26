/**
 * How 帮扶 applications are stored, and how they are shown to each audience: the owner sees their
 * own application in full; handling staff see no OPENID, a masked phone and a masked ID number.
 */
import type { AidApplication, AidApplicationFields, AidApplicationSummary, AidDocument, StaffAidApplication } from '../../../contract/aid/model';
import { maskIdNumber } from '../../../contract/aid/model';
import { maskPhone } from '../../../contract/privacy';

export interface StoredDocument extends AidDocument {
  fileId: string;
}

export interface AidDoc extends AidApplicationFields {
  _id: string;
  openid: string;
  requestId: string;
  /** The random storage folder of this application's documents (aid/<folder>/...): unguessable. */
  folder: string;
  /** With their storage fileIds, which the worker and staff never see. */
  documents: StoredDocument[];
  handler: string;
  sensitiveConsentAt?: Date;
  /** Set when the retention sweep removed documents and sensitive details (docs/privacy.md). */
  redactedAt?: Date;
}

const publicDocument = ({ fileId: _fileId, ...rest }: StoredDocument): AidDocument => rest;

export function toApplication(doc: AidDoc): AidApplication {
  return {
    id: doc._id,
    code: doc.code,
    kind: doc.kind,
    centreId: doc.centreId,
    centreName: doc.centreName,
    status: doc.status,
    name: doc.name,
    phone: doc.phone,
    description: doc.description,
    details: doc.details,
    documents: doc.documents.map(publicDocument),
    missing: doc.missing,
    missingNote: doc.missingNote,
    history: doc.history,
    decision: doc.decision,
    createdAt: doc.createdAt,
    dueAt: doc.dueAt,
  };
}

export function toSummary(doc: AidDoc): AidApplicationSummary {
  return { id: doc._id, code: doc.code, kind: doc.kind, status: doc.status, createdAt: doc.createdAt, dueAt: doc.dueAt, centreName: doc.centreName };
}

export function toStaffApplication(doc: AidDoc, now: Date): StaffAidApplication {
  const details = { ...doc.details };
  if (typeof details.idNumber === 'string') details.idNumber = maskIdNumber(details.idNumber);
  const open = doc.status !== 'done' && doc.status !== 'refused';
  return {
    ...toApplication(doc),
    phone: maskPhone(doc.phone),
    details,
    handler: doc.handler,
    overdue: open && doc.dueAt.getTime() < now.getTime(),
  };
}
