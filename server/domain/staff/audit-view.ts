/**
 * The audit log in a clerk's words: 谁 · 做了什么 · 对哪条记录 (docs/staff.md). The verb comes from
 * the one label table (contract/audit-labels.ts); the record's name is looked up when the log is
 * LISTED, not stored with the record: the log then holds ids only (no worker's name or text kept
 * three years in a second place), a renamed event shows its current title, and writing a record
 * at the door costs no extra read. A record deleted since (a privacy deletion, a revoked member)
 * shows without a name. One query per kind of record on the page (at most 50 ids each).
 */
import { ROLE_LABELS, type Role } from '../../../contract/account/model';
import { AID_KIND_LABELS, type AidKind } from '../../../contract/aid/model';
import { AUDIT_LABELS, AUDIT_OTHER_LABELS, type AuditRecordKind } from '../../../contract/audit-labels';
import { ERROR_MESSAGES } from '../../../contract/errors';
import { PHONE_REVEAL_REASONS } from '../../../contract/privacy';
import { AUDIT_ROLE_LABELS, type AuditNoteValue, type AuditRow } from '../../../contract/staff/model';
import { dayText, dayTimeText, fromShanghai } from '../../../contract/time';
import type { Database } from '../../db/database';
import { COLLECTIONS, type CollectionName } from '../../db/schema';
import type { AuditDoc } from '../../runtime/audit';
import { maskOpenid } from '../account/me';

type Named = Record<string, unknown>;

/** Where each kind of record lives, which logged id names it, and how a clerk calls it. */
const SOURCES: Record<Exclude<AuditRecordKind, 'month'>, { collection: CollectionName; keys: string[]; name: (doc: Named) => string }> = {
  event: { collection: COLLECTIONS.events, keys: ['id', 'eventId'], name: (d) => String(d.title ?? '') },
  article: { collection: COLLECTIONS.rightsArticles, keys: ['slug', 'draft_slug'], name: (d) => String(d.title ?? '') },
  consultation: { collection: COLLECTIONS.rightsConsultations, keys: ['id'], name: (d) => `法律咨询 #${String(d.code ?? '')}` },
  aidApplication: {
    collection: COLLECTIONS.aidApplications,
    keys: ['id'],
    name: (d) => `${AID_KIND_LABELS[d.kind as AidKind] ?? '帮扶申请'} #${String(d.code ?? '')}`,
  },
  wageAlert: { collection: COLLECTIONS.wageAlerts, keys: ['id'], name: (d) => `${String(d.employer ?? '')} 欠薪预警` },
  centre: { collection: COLLECTIONS.centres, keys: ['centreId'], name: (d) => String(d.name ?? '') },
  booking: { collection: COLLECTIONS.bookings, keys: ['id'], name: (d) => `预约 #${String(d.code ?? '')}` },
  fair: { collection: COLLECTIONS.fairs, keys: ['fairId'], name: (d) => `${String(d.centreName ?? '')}${String(d.title ?? '')}` },
  campaign: { collection: COLLECTIONS.stationCampaigns, keys: ['id', 'campaignId'], name: (d) => String(d.name ?? '') },
  staffMember: { collection: COLLECTIONS.roles, keys: ['staffId'], name: (d) => String(d.name ?? '') },
};

function labelOf(doc: AuditDoc): { did: string; record?: AuditRecordKind } {
  const label = AUDIT_LABELS[`${doc.fn}.${doc.action}`];
  if (label) return { did: label.byStatus?.[doc.target?.status ?? ''] ?? label.did, record: label.record };
  if (doc.action.startsWith('timer:')) return { did: AUDIT_OTHER_LABELS.timer };
  if (doc.fn === 'ops' && doc.action === 'grantAdmin') return { did: AUDIT_OTHER_LABELS.grantAdmin };
  return { did: AUDIT_OTHER_LABELS.unknown };
}

function idOf(doc: AuditDoc, kind: Exclude<AuditRecordKind, 'month'>): string | undefined {
  for (const key of SOURCES[kind].keys) if (doc.target?.[key]) return doc.target[key];
  return undefined;
}

/** "2026-11" -> "2026年11月". */
function monthText(month: string | undefined): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? '');
  return m ? `${m[1]}年${Number(m[2])}月` : '';
}

/** What a handler noted, in plain words; keys a clerk has no use for (row counts of a timer) are left out. */
function detailsOf(note: Record<string, AuditNoteValue>): string[] {
  const out: string[] = [];
  if (typeof note.reason === 'string') {
    const chip = PHONE_REVEAL_REASONS[note.reason as keyof typeof PHONE_REVEAL_REASONS] ?? note.reason;
    const text = typeof note.reasonText === 'string' && note.reasonText ? note.reasonText : '';
    out.push(`原因：${note.reason === 'other' && text ? text : chip}${note.reason !== 'other' && text ? `（${text}）` : ''}`);
  }
  if (typeof note.fullPhones === 'boolean') out.push(note.fullPhones ? '含完整号码' : '号码已遮挡');
  if (typeof note.rows === 'number') out.push(`共${note.rows}人`);
  if (typeof note.newRole === 'string' && note.newRole in ROLE_LABELS) out.push(`设为${ROLE_LABELS[note.newRole as Role]}`);
  if (typeof note.reviewer === 'string' && note.reviewer) out.push(`复核人：${note.reviewer}`);
  return out;
}

/** The records' names, one query per kind: kind -> id -> name. */
async function recordNames(db: Database, docs: AuditDoc[]): Promise<Map<string, Map<string, string>>> {
  const wanted = new Map<Exclude<AuditRecordKind, 'month'>, Set<string>>();
  for (const doc of docs) {
    const kind = labelOf(doc).record;
    if (!kind || kind === 'month') continue;
    const id = idOf(doc, kind);
    if (id) (wanted.get(kind) ?? wanted.set(kind, new Set()).get(kind)!).add(id);
  }
  const names = new Map<string, Map<string, string>>();
  await Promise.all(
    [...wanted].map(async ([kind, ids]) => {
      const source = SOURCES[kind];
      const res = await db
        .collection<Named & { _id: string }>(source.collection)
        .where({ _id: db.command.in([...ids]) })
        .limit(ids.size)
        .get();
      names.set(kind, new Map(res.data.map((d) => [d._id, source.name(d)])));
    }),
  );
  return names;
}

function recordOf(doc: AuditDoc, kind: AuditRecordKind | undefined, names: Map<string, Map<string, string>>, now: Date): string {
  if (!kind) return '';
  if (kind === 'month') return monthText(doc.target?.month);
  const id = idOf(doc, kind);
  const name = (id && names.get(kind)?.get(id)) || (kind === 'staffMember' && typeof doc.note?.name === 'string' ? doc.note.name : '');
  // A centre's day (the day list, a closure): the day too.
  if (kind === 'centre' && name && doc.target?.date) return `${name} ${dayText(fromShanghai(`${doc.target.date} 00:00`), now)}`;
  return name;
}

/** A page of audit records as rows a clerk reads. */
export async function auditRows(db: Database, docs: (AuditDoc & { _id: string })[], now: Date): Promise<AuditRow[]> {
  const names = await recordNames(db, docs);
  return docs.map((doc) => {
    const at = new Date(doc.at);
    const { did, record } = labelOf(doc);
    return {
      id: doc._id,
      at: at.toISOString(),
      when: dayTimeText(at, now),
      who: doc.name || AUDIT_ROLE_LABELS[doc.role],
      roleText: doc.name ? AUDIT_ROLE_LABELS[doc.role] : '',
      maskedOpenid: doc.openid ? maskOpenid(doc.openid) : '',
      did,
      record: recordOf(doc, record, names, now),
      details: detailsOf(doc.note ?? {}),
      outcome: doc.outcome,
      outcomeText: doc.outcome === 'ok' ? '成功' : (ERROR_MESSAGES[doc.outcome] ?? '没有完成'),
      personal: !!doc.personal,
    };
  });
}
