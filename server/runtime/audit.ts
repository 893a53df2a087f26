/**
 * The audit log, written at the door (server/runtime/entry.ts) — one mechanism for every area,
 * decided by each action's `kind` in the contract (contract/define.ts), nowhere else:
 * - a `write` or `reveal` call of a `staff`/`admin` action leaves exactly one record, whether it
 *   succeeded, failed or was refused (no identity, not staff, not admin, another centre's);
 *   `reveal` records are marked `personal` (full phones, files, a worker's documents);
 * - a `read` call (lists, a case, 工作台) is no change: it leaves a record only when it was refused.
 * So does every call refused before its action is known (unknown action, malformed or oversized
 * event, a forged timer event: outcome only, never the input), and every timer run (role
 * 'platform', with its counts). Handlers add nothing themselves; one that decides something worth
 * keeping (e.g. "exported with full phone numbers", the reason for a reveal) adds a note through
 * `ctx.audit.note(...)`. Admins read the log with `staff.audit` (server/domain/staff/audit.ts).
 */
import type { Access, ActionKind } from '../../contract/define';
import type { ErrorCode } from '../../contract/errors';
import { AUDIT_LIMITS, type AuditNoteValue, type AuditOutcome, type AuditRole } from '../../contract/staff/model';
import type { Database } from '../db/database';
import { COLLECTIONS } from '../db/schema';
import type { StaffRights } from './context';

/** Outcomes that mean "not yours to do": what the log keeps even for a read. */
export const REFUSAL_CODES: readonly AuditOutcome[] = ['NOT_SIGNED_IN', 'FORBIDDEN', 'NOT_YOUR_CENTRE'];

export interface AuditDoc {
  _id?: string;
  at: Date;
  fn: string;
  action: string;
  /** The caller's OPENID from the platform ('' when the call carried none). */
  openid: string;
  /** The staff member's name from the roles collection ('' for a worker or nobody). */
  name: string;
  role: AuditRole;
  /** The input's id-like fields: which record the call was about. */
  target: Record<string, string>;
  outcome: AuditOutcome;
  personal: boolean;
  note: Record<string, AuditNoteValue>;
}

/** Staff/admin actions: their calls may be logged, and their handlers get `ctx.audit`. */
export function isStaffAction(access: Access): boolean {
  return access === 'staff' || access === 'admin';
}

/** Whether a staff/admin call with this outcome leaves a record (see the top of this file). */
export function isLogged(kind: ActionKind | undefined, outcome: AuditOutcome): boolean {
  return kind !== 'read' || REFUSAL_CODES.includes(outcome);
}

const TARGET_KEY = /^(id|slug|code|date|month|staffId|status|role)$|[a-z]Ids?$/;
/** Bearer-like values (ticket and booking codes, invite codes) are logged only by their start. */
const SECRET_KEY = /^code$/;

function clip(value: string): string {
  return value.length > AUDIT_LIMITS.valueMax ? `${value.slice(0, AUDIT_LIMITS.valueMax)}…` : value;
}

function plainString(value: unknown): string | null {
  if (typeof value === 'string') return clip(value);
  if (Array.isArray(value) && value.length <= 20 && value.every((v) => typeof v === 'string')) return clip(value.join(','));
  return null;
}

/**
 * Which record a call was about: the id-like fields of the input, top level and one level down
 * (e.g. `draft.slug`). Works on unvalidated input too (a refused call): only plain strings are
 * kept, keys are checked against a fixed pattern, values are clipped — nothing the caller sends
 * can become an operator or a huge document.
 */
export function targetOf(input: unknown): Record<string, string> {
  const target: Record<string, string> = {};
  const visit = (obj: unknown, prefix: string, depth: number) => {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return;
    for (const key of Object.keys(obj).slice(0, 40)) {
      if (Object.keys(target).length >= AUDIT_LIMITS.targetKeysMax) return;
      if (!/^[A-Za-z][A-Za-z0-9]{0,30}$/.test(key)) continue;
      const value = (obj as Record<string, unknown>)[key];
      if (TARGET_KEY.test(key)) {
        const text = plainString(value);
        if (text !== null) target[prefix ? `${prefix}_${key}` : key] = SECRET_KEY.test(key) ? `${text.slice(0, 4)}…` : text;
      } else if (depth < 1) visit(value, key, depth + 1);
    }
  };
  visit(input, '', 0);
  return target;
}

/** What a handler may add to its audit record (a few flat values). */
export class AuditNotes {
  readonly values: Record<string, AuditNoteValue> = {};
  note(detail: Record<string, AuditNoteValue>): void {
    for (const [key, value] of Object.entries(detail)) {
      if (Object.keys(this.values).length >= AUDIT_LIMITS.targetKeysMax) break;
      if (!/^[A-Za-z][A-Za-z0-9]{0,30}$/.test(key)) continue;
      this.values[key] = typeof value === 'string' ? clip(value) : value;
    }
  }
}

/**
 * The action name a refused call asked for, only if it looks like one (the caller chose it):
 * anything else is recorded as '?', so the log never holds what a hostile caller typed.
 */
export function claimedAction(event: unknown): string {
  const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined;
  return typeof action === 'string' && /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(action) ? action : '?';
}

/** A timer's report as audit notes: its flat values, lists by their length. */
export function timerNotes(report: unknown): AuditNotes {
  const notes = new AuditNotes();
  if (typeof report !== 'object' || report === null) return notes;
  for (const [key, value] of Object.entries(report)) {
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') notes.note({ [key]: value });
    else if (Array.isArray(value)) notes.note({ [key]: value.length });
  }
  return notes;
}

export interface AuditCall {
  fn: string;
  action: string;
  /** The action's kind; absent for the door's own records (a timer run, an unknown action). */
  kind?: ActionKind;
  openid: string;
  staff: StaffRights | null;
  /** A refused call: the role the caller really has (worker / centre staff), if it was read. */
  roleIfKnown?: AuditRole;
  input: unknown;
  /** What a successful create answered: its `id` / `staffId` name the record when the input had none. */
  output?: unknown;
  outcome: 'ok' | ErrorCode;
  notes?: AuditNotes;
  now: Date;
}

/** The input's record ids, and the ids a create answered with (a new event's id, a granted member). */
function targetOfCall(call: AuditCall): Record<string, string> {
  const target = targetOf(call.input);
  if (call.outcome !== 'ok' || typeof call.output !== 'object' || call.output === null) return target;
  const made = targetOf(call.output);
  for (const key of ['id', 'staffId']) if (made[key] && !target[key]) target[key] = made[key];
  return target;
}

/**
 * Writes one record. The request has already been answered in substance, so a failed audit write
 * must not turn a done action into an error: it is reported to the function's log instead.
 */
export async function writeAudit(db: Database, call: AuditCall): Promise<void> {
  const key = `${call.fn}.${call.action}`;
  const doc: AuditDoc = {
    at: call.now,
    fn: call.fn,
    action: call.action,
    openid: call.openid,
    name: call.staff?.name ?? '',
    role: call.staff?.role ?? call.roleIfKnown ?? (call.openid ? 'worker' : 'none'),
    target: targetOfCall(call),
    outcome: call.outcome,
    personal: call.kind === 'reveal',
    note: call.notes?.values ?? {},
  };
  try {
    await db.collection(COLLECTIONS.audit).add({ data: doc as unknown as Record<string, unknown> });
  } catch (error) {
    console.error(`[audit] could not record ${key}`, error);
  }
}
