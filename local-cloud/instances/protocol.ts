/**
 * Messages between the main thread (pool, database, openapi, storage) and one instance (a worker
 * thread). Everything here crosses a MessagePort, so it must survive structured cloning: plain data
 * only, errors as { message, errCode? }.
 */

/** The caller an invocation runs as; becomes the worker's process.env for getWXContext(). */
export interface InvocationIdentity {
  openid?: string;
  appid?: string;
  unionid?: string;
  /** getWXContext().SOURCE: wx_client, wx_http, wx_trigger, "<parent>,scf", ... */
  source: string;
  /**
   * Set only by the platform's own timer (the scheduler, cloud:trigger): becomes TRIGGER_SRC=timer,
   * the variable CloudBase sets for a timer-triggered run. Nothing an HTTP caller sends can set it.
   */
  trigger?: 'timer';
}

/** What the instance runs: a cloud function's module or an operations script (cloud:exec). */
export type InstanceTarget =
  | { kind: 'function'; name: string; modulePath: string; timeoutMs: number; memoryMb: number }
  | { kind: 'script'; scriptPath: string; args: string[] };

export interface WorkerData {
  target: InstanceTarget;
  /** Absolute path of the repo's wx-server-sdk: the one copy the seam patches. */
  sdkPath: string;
  /** The env id reported as getWXContext().ENV. */
  envId: string;
  timeOffsetMs: number;
}

export interface SerializedError {
  message: string;
  errCode?: number;
  errMsg?: string;
  stack?: string;
}

/** Requests an instance makes to the main thread while an invocation runs. */
export type ServiceRequest =
  | { service: 'tcb'; params: Record<string, unknown> }
  | { service: 'openapi'; api: string; data: Record<string, unknown> }
  | { service: 'storage'; op: 'upload'; cloudPath: string; content: Uint8Array }
  | { service: 'storage'; op: 'download' | 'delete' | 'tempUrl'; fileIDs: string[] };

export type MainToWorker =
  | { type: 'invoke'; id: number; event: unknown; identity: InvocationIdentity; requestId: string }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: SerializedError }
  | { type: 'clock'; timeOffsetMs: number };

export type WorkerToMain =
  | { type: 'ready'; loadMs: number }
  | { type: 'load-failed'; error: SerializedError }
  /** `json` is the return value as the cloud transmits it: JSON text (undefined -> null). */
  | { type: 'done'; id: number; ok: true; json: string }
  | { type: 'done'; id: number; ok: false; error: SerializedError }
  | { type: 'request'; id: number; request: ServiceRequest };

export function serializeError(err: unknown): SerializedError {
  if (err && typeof err === 'object') {
    const e = err as { message?: unknown; errCode?: unknown; errMsg?: unknown; stack?: unknown };
    return {
      message: typeof e.message === 'string' ? e.message : String(err),
      errCode: typeof e.errCode === 'number' ? e.errCode : undefined,
      errMsg: typeof e.errMsg === 'string' ? e.errMsg : undefined,
      stack: typeof e.stack === 'string' ? e.stack : undefined,
    };
  }
  return { message: String(err) };
}
