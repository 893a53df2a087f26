import type { ActionName, FunctionName, InputOf, OutputOf } from '@contract/index';
import type { Envelope } from '@contract/define';
import { ERROR_MESSAGES, isErrorCode } from '@contract/errors';
import { transport, TransportError } from './transport';

export type CallResult<O> = Envelope<O>;

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown } };
  return v.ok === true || (v.ok === false && isErrorCode(v.error?.code));
}

/**
 * The one way the mini-program talks to the cloud: a typed function/action/input in, a typed
 * result or a typed error out. It never throws: every failure is an error the page can show.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<CallResult<OutputOf<F, A>>> {
  try {
    const result = await transport(fn, { action, input });
    if (isEnvelope(result)) return result as CallResult<OutputOf<F, A>>;
    return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } };
  } catch (error) {
    // A function that crashed is the service's fault, not the worker's network: say so.
    if (error instanceof TransportError && error.reachedServer) {
      return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } };
    }
    return { ok: false, error: { code: 'NETWORK', message: ERROR_MESSAGES.NETWORK } };
  }
}
