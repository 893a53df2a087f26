/**
 * The one mechanism behind every cloud function's entry: route the action, establish identity
 * from the platform, check access, validate the input at the door, run the domain handler, and
 * answer an Envelope. A function's index only lists its handlers (see server/functions/).
 */
import * as cloud from 'wx-server-sdk';
import * as z from 'zod';
// Only the Chinese messages: importing z.locales would bundle every language (~260 KB).
import zhCN from 'zod/v4/locales/zh-CN.js';
import { CONTRACT, type ActionName, type FunctionName, type OutputOf, type ParsedInputOf } from '../../contract';
import type { Access, ActionKind, AppErrorBody, Envelope } from '../../contract/define';
import { ERROR_MESSAGES } from '../../contract/errors';
import { fieldMessages } from '../../contract/field-messages';
import { AppError } from './app-error';
import { AuditNotes, claimedAction, isLogged, isStaffAction, timerNotes, writeAudit } from './audit';
import { eventExcess } from './event-limits';
import { loadStaffRights } from './caller';
import { asDatabase, type Database } from '../db/database';
import type { HandlerContext, StaffRights } from './context';
import { cloudStorage } from './cloud-storage';
import { wechatPlatform } from './wechat-openapi';

z.config(zhCN());

export type Handler<F extends FunctionName, A extends ActionName<F>> = (
  ctx: HandlerContext,
  input: ParsedInputOf<F, A>,
) => Promise<OutputOf<F, A>>;

export type Handlers<F extends FunctionName> = { [A in ActionName<F>]: Handler<F, A> };

/** A timer trigger's handler; runs with no caller. */
export type TimerHandler = (ctx: HandlerContext) => Promise<unknown>;

export interface EntryDefinition<F extends FunctionName> {
  handlers: Handlers<F>;
  /** Keyed by the trigger name declared in server/functions/deployment.ts. */
  timers?: Record<string, TimerHandler>;
}

/** A staff/admin call on its way to the audit log. */
interface StaffCall {
  action: string;
  kind?: ActionKind;
  input: unknown;
  output?: unknown;
  staff: StaffRights | null;
  notes: AuditNotes;
}

/** The audit record of a call refused before its action was known, or of a timer run. */
interface DoorRecord {
  action: string;
  role?: 'platform';
  notes?: AuditNotes;
}

interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
}

function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

/**
 * Only the platform's timer may run a timer handler. CloudBase marks a timer-triggered run with the
 * environment variable TRIGGER_SRC=timer (what @cloudbase/node-sdk, inside wx-server-sdk, reads to
 * pick the trigger's API token, utils/wxCloudToken.js); a client call or an HTTP API call cannot
 * set the environment, only the event — and the event's `Type: 'Timer'` is anyone's to write.
 * The local cloud's scheduler and cloud:trigger set exactly this (local-cloud/instances/worker.ts).
 */
function isPlatformTimerRun(openid: string): boolean {
  return process.env.TRIGGER_SRC === 'timer' && !openid;
}

function fail(code: AppErrorBody['code'], message?: string, fields?: Record<string, string>): Envelope<never> {
  return { ok: false, error: { code, message: message ?? ERROR_MESSAGES[code], ...(fields ? { fields } : {}) } };
}

/** A refused input: each field's message names it (contract/field-messages.ts); the first leads. */
function badInput(schema: z.ZodType, error: z.ZodError): Envelope<never> {
  const fields = fieldMessages(schema, error.issues);
  return fail('BAD_INPUT', Object.values(fields)[0], fields);
}

/** Who may pass: the staff rights read for a staff/admin action (also when it refuses, for the audit). */
async function admit(
  db: Database,
  access: Access,
  openid: string,
): Promise<{ refused: Envelope<never> | null; staff: StaffRights | null }> {
  if (access === 'public') return { refused: null, staff: null };
  if (!openid) return { refused: fail('NOT_SIGNED_IN'), staff: null };
  if (access === 'worker') return { refused: null, staff: null };
  const staff = await loadStaffRights(db, openid);
  if (!staff || (access === 'admin' && staff.role !== 'admin')) return { refused: fail('FORBIDDEN'), staff };
  return { refused: null, staff };
}

export function createEntry<F extends FunctionName>(fn: F, definition: EntryDefinition<F>) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const db = asDatabase(cloud.database());
  const platform = wechatPlatform;
  const storage = cloudStorage;
  const actions = CONTRACT[fn] as Record<string, { input: z.ZodType; access: Access; kind?: ActionKind }>;
  const handlers = definition.handlers as Record<string, (ctx: HandlerContext, input: unknown) => Promise<unknown>>;

  return async function main(event: unknown): Promise<Envelope<unknown>> {
    const { OPENID } = cloud.getWXContext();
    const openid = typeof OPENID === 'string' ? OPENID : '';
    const now = new Date();
    // Set once the action is known to be a staff/admin one; its kind and outcome decide whether the
    // call leaves its one audit record (server/runtime/audit.ts).
    let audited: StaffCall | null = null;
    // A call refused before its action is known, or a timer run: recorded without its input.
    let door: DoorRecord | null = null;
    const answer = await (async (): Promise<Envelope<unknown>> => {
      try {
        // First, before anything walks the event recursively (zod, JSON.stringify, the audit).
        if (typeof event !== 'object' || event === null || Array.isArray(event)) {
          door = { action: '?' };
          return fail('BAD_INPUT');
        }
        if (eventExcess(event) !== null) {
          door = { action: '?' };
          return fail('INPUT_TOO_LARGE');
        }
        if (isTimerEvent(event)) {
          const timers = definition.timers ?? {};
          // Only a trigger name we declare is recorded: the rest of the event is the caller's text.
          const name = Object.prototype.hasOwnProperty.call(timers, event.TriggerName) ? event.TriggerName : '?';
          if (!isPlatformTimerRun(openid)) {
            door = { action: `timer:${name}` };
            return fail('FORBIDDEN');
          }
          door = { action: `timer:${name}`, role: 'platform' };
          const timer = timers[name];
          if (!timer) return fail('UNKNOWN_ACTION');
          const report = await timer({ db, openid: '', now, platform, storage });
          door.notes = timerNotes(report);
          return { ok: true, data: report };
        }
        const { action, input } = event as { action?: unknown; input?: unknown };
        if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(actions, action)) {
          door = { action: claimedAction(event) };
          return fail('UNKNOWN_ACTION');
        }
        const spec = actions[action];
        if (isStaffAction(spec.access)) audited = { action, kind: spec.kind, input, staff: null, notes: new AuditNotes() };
        const { refused, staff } = await admit(db, spec.access, openid);
        if (audited) audited.staff = staff;
        if (refused) return refused;
        const parsed = spec.input.safeParse(input ?? {});
        if (!parsed.success) return badInput(spec.input as z.ZodType, parsed.error);
        if (audited) audited.input = parsed.data;
        const ctx: HandlerContext = { db, openid, now, platform, storage, ...(staff && audited ? { staff, audit: audited.notes } : {}) };
        const data = await handlers[action](ctx, parsed.data);
        if (audited) audited.output = data;
        return { ok: true, data };
      } catch (error) {
        if (error instanceof AppError) return fail(error.code, error.message, error.fields);
        // Unexpected: log it for the cloud console, answer a typed error, never a stack trace.
        console.error(`[${fn}]`, error);
        return fail('INTERNAL');
      }
    })();
    const outcome = answer.ok ? 'ok' : answer.error.code;
    const call = audited as StaffCall | null;
    if (call && isLogged(call.kind, outcome)) {
      await writeAudit(db, { fn, ...call, openid, outcome, now });
    }
    const atDoor = door as DoorRecord | null;
    if (atDoor) {
      await writeAudit(db, { fn, action: atDoor.action, openid, staff: null, roleIfKnown: atDoor.role, input: null, notes: atDoor.notes, outcome, now });
    }
    return answer;
  };
}
