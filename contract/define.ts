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

/** An action: its input schema (a zod type, validated at the door), its access and its output type. */
export interface ActionSpec<Input, Output> {
  readonly input: Input;
  readonly access: Access;
  /** Phantom: carries the output type to the client; never set at runtime. */
  readonly output?: Output;
}

/** Declares an action whose output type is `Output`; the input type is inferred from the schema. */
export function action<Output>() {
  return <Input>(spec: { input: Input; access: Access }): ActionSpec<Input, Output> => spec;
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
