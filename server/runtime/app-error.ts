import { ERROR_MESSAGES, type ErrorCode } from '../../contract/errors';

/**
 * The one way domain code refuses a request: a contract error code, optionally a more specific
 * Chinese message and per-field messages. The entry turns it into { ok: false, error }.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message?: string, fields?: Record<string, string>) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}
