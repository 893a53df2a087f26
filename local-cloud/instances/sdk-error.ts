/**
 * Errors shaped like wx-server-sdk's CloudSDKError: `errCode`, `errMsg`, and a message of the form
 * `errCode: <code> | errMsg: <msg>`, so code that inspects either field behaves as in the cloud.
 */
export interface CloudErrorShape extends Error {
  errCode: number;
  errMsg: string;
}

export function sdkError(errCode: number, errMsg: string): CloudErrorShape {
  const error = new Error(`errCode: ${errCode} | errMsg: ${errMsg}`) as CloudErrorShape;
  error.errCode = errCode;
  error.errMsg = errMsg;
  return error;
}
