/**
 * The building blocks of the contract: how an action is declared, who may call it, and the
 * envelope every cloud function answers with. Zod-free on purpose: the mini-program imports this
 * file at runtime, and the validator stays on the server (the client imports schemas as types only).
 */
import type { ErrorCode } from './errors';

/**
 * Who may call an action. Checked at the function's door from the platform identity (OPENID)
 * and the roles collection — never from the request.
 * - public: anyone, even without an OPENID (e.g. the list of centres)
 * - worker: any WeChat user (an OPENID is required)
 * - staff: centre staff or admins (role from the database)
 * - admin: union admins only
 */
export type Access = 'public' | 'worker' | 'staff' | 'admin';

/**
 * What a staff/admin call does, for the audit log (server/runtime/audit.ts decides from it, nowhere
 * else):
 * - read: shows records staff work with (lists, a case, 工作台): not a change, so a call that is
 *   answered is not logged; a refused one is (someone reached for what is not theirs).
 * - write: changes something: every call is logged. The default, so a new action is never silently
 *   left out of the log.
 * - reveal: shows personal data in full or takes it out of the app (a full phone number, an .xlsx
 *   file, a worker's document): every call is logged and marked as a personal-data read.
 * Worker and public actions are not logged; their kind is not read.
 */
export type ActionKind = 'read' | 'write' | 'reveal';

/** An action: its input schema (a zod type, validated at the door), its access and its output type. */
export interface ActionSpec<Input, Output> {
  readonly input: Input;
  readonly access: Access;
  /** Absent means 'write'. */
  readonly kind?: ActionKind;
  /** Phantom: carries the output type to the client; never set at runtime. */
  readonly output?: Output;
}

/** Declares an action whose output type is `Output`; the input type is inferred from the schema. */
export function action<Output>() {
  return <Input>(spec: { input: Input; access: Access; kind?: ActionKind }): ActionSpec<Input, Output> => spec;
}

export interface AppErrorBody {
  code: ErrorCode;
  /** Plain Chinese, ready to show to a worker. */
  message: string;
  /** Per-field messages for forms (field path -> Chinese message). */
  fields?: Record<string, string>;
}

/** What every cloud function answers: a result or a typed error, never undefined or a stack trace. */
export type Envelope<Output> = { ok: true; data: Output } | { ok: false; error: AppErrorBody };

/** The event a cloud function receives from the client. */
export interface CallEvent {
  action: string;
  input?: unknown;
}
