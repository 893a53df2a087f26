/**
 * The errors the TCB database server answers, as `{code, message}` objects.
 *
 * The SDK turns `code` into a numeric errCode itself (wx-server-sdk's TCB_ERR_CODE table), so the
 * backend only has to pick the same code string the cloud picks. Anything thrown inside a request
 * handler as a DbError becomes that answer; any other exception becomes DATABASE_REQUEST_FAILED.
 */

export type TcbErrorCode =
  | 'INVALID_PARAM'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL';

export class DbError extends Error {
  constructor(
    readonly code: TcbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

export function collectionNotExist(name: string): DbError {
  return new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. (local cloud: collections are declared in server/db/schema.ts)`,
  );
}

export function transactionConflict(collection: string, id: unknown): DbError {
  return new DbError(
    'DATABASE_TRANSACTION_CONFLICT',
    `[ResourceUnavailable.TransactionConflict] Transaction is conflicting with other transaction: ` +
      `${collection} document ${JSON.stringify(id)} was written by another transaction or request after this transaction started`,
  );
}

export function invalidParam(message: string): DbError {
  return new DbError('INVALID_PARAM', message);
}

export function requestFailed(message: string): DbError {
  return new DbError('DATABASE_REQUEST_FAILED', message);
}
