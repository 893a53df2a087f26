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
import type { Access, AppErrorBody, Envelope } from '../../contract/define';
import { ERROR_MESSAGES } from '../../contract/errors';
import { AppError } from './app-error';
import { AuditNotes, isAudited, writeAudit } from './audit';
import { loadStaffRights } from './caller';
import { asDatabase, type Database } from '../db/database';
import type { HandlerContext, Platform, StaffRights } from './context';

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

/** An event bigger than this is refused before parsing: no form of ours comes near it. */
const MAX_EVENT_BYTES = 64 * 1024;

interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
}

function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

function fail(code: AppErrorBody['code'], message?: string, fields?: Record<string, string>): Envelope<never> {
  return { ok: false, error: { code, message: message ?? ERROR_MESSAGES[code], ...(fields ? { fields } : {}) } };
}

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (!fields[path]) fields[path] = issue.message;
  }
  return fields;
}

function makePlatform(): Platform {
  return {
    async checkText(text, openid) {
      const res = (await cloud.openapi.security.msgSecCheck({ content: text, version: 2, scene: 2, openid })) as {
        result?: { suggest?: string };
      };
      const suggest = res.result?.suggest;
      return suggest === 'risky' || suggest === 'review' ? suggest : 'pass';
    },
    async sendSubscribeMessage({ touser, templateId, page, data }) {
      try {
        const res = (await cloud.openapi.subscribeMessage.send({
          touser,
          templateId,
          page,
          data: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, { value }])),
        })) as { errCode?: number };
        return res.errCode ?? 0;
      } catch (error) {
        const code = (error as { errCode?: unknown }).errCode;
        return typeof code === 'number' ? code : -1;
      }
    },
    async fileLink(fileID, maxAgeSeconds) {
      const res = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: maxAgeSeconds }] })) as {
        fileList: Array<{ status: number; tempFileURL?: string }>;
      };
      const file = res.fileList[0];
      return file && file.status === 0 && file.tempFileURL ? file.tempFileURL : null;
    },
    async deleteFiles(fileIDs) {
      // deleteFile takes at most 50 ids per call.
      for (let i = 0; i < fileIDs.length; i += 50) await cloud.deleteFile({ fileList: fileIDs.slice(i, i + 50) });
    },
  };
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
  const platform = makePlatform();
  const actions = CONTRACT[fn] as Record<string, { input: z.ZodType; access: Access }>;
  const handlers = definition.handlers as Record<string, (ctx: HandlerContext, input: unknown) => Promise<unknown>>;

  return async function main(event: unknown): Promise<Envelope<unknown>> {
    const { OPENID } = cloud.getWXContext();
    const openid = typeof OPENID === 'string' ? OPENID : '';
    const now = new Date();
    // Set once the action is known to be a staff/admin one: every such call leaves one audit record.
    let audited: { action: string; input: unknown; staff: StaffRights | null; notes: AuditNotes } | null = null;
    const answer = await (async (): Promise<Envelope<unknown>> => {
      try {
        // A timer event carries no OPENID; a client call always does, so a client cannot fake a timer.
        if (isTimerEvent(event) && !openid) {
          const timer = definition.timers?.[event.TriggerName];
          if (!timer) return fail('UNKNOWN_ACTION');
          return { ok: true, data: await timer({ db, openid: '', now, platform }) };
        }
        if (typeof event !== 'object' || event === null) return fail('BAD_INPUT');
        if (JSON.stringify(event).length > MAX_EVENT_BYTES) return fail('BAD_INPUT', '内容太长了，请删减后再试');
        const { action, input } = event as { action?: unknown; input?: unknown };
        if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(actions, action)) {
          return fail('UNKNOWN_ACTION');
        }
        const spec = actions[action];
        if (isAudited(spec.access)) audited = { action, input, staff: null, notes: new AuditNotes() };
        const { refused, staff } = await admit(db, spec.access, openid);
        if (audited) audited.staff = staff;
        if (refused) return refused;
        const parsed = spec.input.safeParse(input ?? {});
        if (!parsed.success) return fail('BAD_INPUT', undefined, fieldsOf(parsed.error));
        if (audited) audited.input = parsed.data;
        const ctx: HandlerContext = { db, openid, now, platform, ...(staff && isAudited(spec.access) ? { staff, audit: audited!.notes } : {}) };
        const data = await handlers[action](ctx, parsed.data);
        return { ok: true, data };
      } catch (error) {
        if (error instanceof AppError) return fail(error.code, error.message, error.fields);
        // Unexpected: log it for the cloud console, answer a typed error, never a stack trace.
        console.error(`[${fn}]`, error);
        return fail('INTERNAL');
      }
    })();
    const call = audited as { action: string; input: unknown; staff: StaffRights | null; notes: AuditNotes } | null;
    if (call) {
      await writeAudit(db, { fn, ...call, openid, outcome: answer.ok ? 'ok' : answer.error.code, now });
    }
    return answer;
  };
}
