/**
 * Reading a JSON request body at the door, and writing JSON answers. A body is refused before it
 * reaches any instance when it is not declared as JSON, too large, nested too deep (checked on
 * the text, before JSON.parse) or not JSON: the limits are the functions' own
 * (server/runtime/event-limits.ts), so a body the door accepts is one the entry accepts too.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_MESSAGES, type ErrorCode } from '../../contract/errors';
import { EVENT_LIMITS, jsonTextTooDeep } from '../../server/runtime/event-limits';

/**
 * A refusal of the protocol itself: `error` is the protocol's code (docs/local-cloud-http.md),
 * `code` the contract's, whose Chinese message is the answer's errMsg; `detail` says in English
 * what a developer got wrong.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly code: ErrorCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export function sendHttpError(res: ServerResponse, err: HttpError): void {
  sendJson(res, err.status, { error: err.error, code: err.code, errMsg: ERROR_MESSAGES[err.code], detail: err.detail });
}

const tooLarge = () => new HttpError(413, 'body_too_large', 'INPUT_TOO_LARGE', `request body exceeds ${EVENT_LIMITS.maxBytes} bytes`);

/**
 * `application/json` only: a web page elsewhere can send text/plain or a form without asking
 * (a "simple" request, no CORS preflight), but not JSON.
 */
function requireJsonType(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'unsupported_media_type', 'MALFORMED_REQUEST', 'send the body as content-type: application/json');
  }
}

export function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const refuse = (error: HttpError) => {
      // Drain without keeping anything: the answer goes out at once, the rest is discarded.
      req.removeAllListeners('data');
      req.resume();
      reject(error);
    };
    try {
      requireJsonType(req);
    } catch (error) {
      refuse(error as HttpError);
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > EVENT_LIMITS.maxBytes) {
      refuse(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > EVENT_LIMITS.maxBytes) {
        failed = true;
        refuse(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') return resolve({});
      if (jsonTextTooDeep(text)) {
        reject(new HttpError(400, 'body_too_deep', 'INPUT_TOO_LARGE', `request body nests deeper than ${EVENT_LIMITS.maxDepth} levels`));
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'bad_json', 'MALFORMED_REQUEST', 'request body is not valid JSON'));
      }
    });
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
