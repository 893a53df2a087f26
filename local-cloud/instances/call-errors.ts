/**
 * How a failed invocation looks to its caller, as wx.cloud.callFunction reports it: an Error with
 * `errCode` -504002 ("functions execute fail") and an errMsg that carries the function's own error
 * message; an unknown function is -501000 ("FunctionName parameter could not be found").
 */
export const FUNCTIONS_EXECUTE_FAIL = -504002;
export const FUNCTION_NOT_FOUND = -501000;

export interface CallFunctionError extends Error {
  errCode: number;
  errMsg: string;
  /** The function's own failure text, without the callFunction wrapping. */
  detail: string;
}

export function callFunctionError(errCode: number, detail: string): CallFunctionError {
  const label = errCode === FUNCTIONS_EXECUTE_FAIL ? 'functions execute fail' : 'function not found';
  const errMsg = `cloud.callFunction:fail Error: errCode: ${errCode} ${label} | errMsg: ${detail}`;
  const error = new Error(errMsg) as CallFunctionError;
  error.errCode = errCode;
  error.errMsg = errMsg;
  error.detail = detail;
  return error;
}

export function isCallFunctionError(err: unknown): err is CallFunctionError {
  return err instanceof Error && typeof (err as Partial<CallFunctionError>).detail === 'string';
}

/** Wraps a crash of the runtime itself (worker error, exit) as the caller would see it. */
export function asCallFunctionError(err: Error): CallFunctionError {
  return isCallFunctionError(err) ? err : callFunctionError(FUNCTIONS_EXECUTE_FAIL, `Error: ${err.message}`);
}

export function timeoutDetail(timeoutMs: number): string {
  return `Invoking task timed out after ${timeoutMs / 1000} seconds`;
}
