/**
 * The local cloud's HTTP face (protocol: docs/local-cloud-http.md). It binds to loopback only and
 * also refuses requests whose Host header is not a loopback name, so a web page elsewhere cannot
 * reach it through DNS rebinding; POSTs from a page on another site (Origin, Sec-Fetch-Site) are
 * refused, and bodies are checked (type, size, depth, JSON) before any instance is involved.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isCallFunctionError } from '../instances/call-errors';
import { HttpError, readJsonBody, sendHttpError, sendJson } from './json';
import { fileInside, sendFile } from './static-files';
import type { DevRole, TokenClaims } from './tokens';
import { isAdminKey, verifyToken } from './tokens';

export interface HttpIdentity {
  openid: string;
}

/** What the HTTP routes need from the local cloud. */
export interface HttpBackend {
  secret: Buffer;
  /** The H5 build folder served at `/`. */
  staticDir: string;
  storageDir: string;
  hasFunction(name: string): boolean;
  functionNames(): string[];
  invoke(name: string, event: unknown, identity: HttpIdentity | null): Promise<unknown>;
  devLogin(role: DevRole, name: string): Promise<{ token: string; openid: string; role: DevRole; name: string }>;
  grantSubscriptions(openid: string, templateIds: string[]): void;
  exec(scriptPath: string, args: string[]): Promise<unknown>;
  runTimer(name: string): Promise<unknown>;
  /** Told of every request refused at the door (counted and logged by the local cloud). */
  refused(refusal: DoorRefusal): void;
}

/** A request the door answered with a protocol error: no function ran for it. */
export interface DoorRefusal {
  method: string;
  path: string;
  status: number;
  error: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host);
}

function hostnameOf(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  if (hostHeader.startsWith('[')) return hostHeader.slice(1, hostHeader.indexOf(']'));
  return hostHeader.split(':')[0];
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    return isLoopbackHost(new URL(origin).hostname.replace(/^\[|\]$/g, ''));
  } catch {
    return false;
  }
}

/**
 * A page on another site may still send a "simple" POST (no preflight) that the browser delivers
 * with its Origin and Sec-Fetch-Site: such requests are refused before their body is read. Tools
 * (curl, the bins, tests) send neither header; the H5 build is same-origin, a dev server on
 * another loopback port same-site.
 */
function refuseForeignPage(req: IncomingMessage): void {
  const origin = req.headers.origin;
  const fetchSite = req.headers['sec-fetch-site'];
  // An opaque origin ("null": a sandboxed frame, a file) is foreign too.
  if ((origin && !isLoopbackOrigin(origin)) || fetchSite === 'cross-site') {
    throw new HttpError(403, 'foreign_origin', 'FOREIGN_ORIGIN', 'requests from a page on another site are refused');
  }
}

/** Lets an H5 dev server on another loopback port call the functions. */
function allowLoopbackOrigin(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin || !isLoopbackOrigin(origin)) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-headers', 'authorization, content-type');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('vary', 'origin');
}

function bearerClaims(backend: HttpBackend, req: IncomingMessage): TokenClaims | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer (\S+)$/.exec(header);
  const claims = match ? verifyToken(backend.secret, match[1]) : null;
  if (!claims) throw new HttpError(401, 'invalid_token', 'SESSION_INVALID', 'the bearer token is not one this local cloud signed');
  return claims;
}

function requireObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'bad_request', 'MALFORMED_REQUEST', 'the body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

async function callFunctionRoute(backend: HttpBackend, req: IncomingMessage, res: ServerResponse, name: string) {
  const claims = bearerClaims(backend, req);
  if (!backend.hasFunction(name)) {
    throw new HttpError(404, 'function_not_found', 'UNKNOWN_ACTION', `FunctionName parameter could not be found: ${name.slice(0, 60)}`);
  }
  const event = requireObject(await readJsonBody(req));
  try {
    const result = await backend.invoke(name, event, claims ? { openid: claims.openid } : null);
    sendJson(res, 200, { result });
  } catch (err) {
    if (!isCallFunctionError(err)) throw err;
    sendJson(res, 500, { errCode: err.errCode, errMsg: err.errMsg });
  }
}

async function devLoginRoute(backend: HttpBackend, req: IncomingMessage, res: ServerResponse) {
  const body = requireObject(await readJsonBody(req));
  const { role, name } = body;
  if (role !== 'worker' && role !== 'staff') throw new HttpError(400, 'bad_request', 'BAD_INPUT', 'role must be "worker" or "staff"');
  if (typeof name !== 'string' || name.trim() === '' || name.length > 40) {
    throw new HttpError(400, 'bad_request', 'BAD_INPUT', 'name must be a non-empty string of at most 40 characters');
  }
  sendJson(res, 200, await backend.devLogin(role, name.trim()));
}

async function devSubscribeRoute(backend: HttpBackend, req: IncomingMessage, res: ServerResponse) {
  const claims = bearerClaims(backend, req);
  if (!claims) throw new HttpError(401, 'invalid_token', 'SESSION_INVALID', 'sign in first: /dev/subscribe grants for the signed-in user');
  const { templateIds } = requireObject(await readJsonBody(req));
  if (!Array.isArray(templateIds) || !templateIds.every((t) => typeof t === 'string' && t.length > 0)) {
    throw new HttpError(400, 'bad_request', 'BAD_INPUT', 'templateIds must be an array of template id strings');
  }
  backend.grantSubscriptions(claims.openid, templateIds as string[]);
  // The shape wx.requestSubscribeMessage resolves with: one 'accept' per template id.
  sendJson(res, 200, {
    errMsg: 'requestSubscribeMessage:ok',
    ...Object.fromEntries((templateIds as string[]).map((t) => [t, 'accept'])),
  });
}

async function adminRoute(backend: HttpBackend, req: IncomingMessage, res: ServerResponse, what: string) {
  const key = req.headers['x-local-cloud-admin'];
  if (!isAdminKey(backend.secret, typeof key === 'string' ? key : undefined)) {
    throw new HttpError(401, 'invalid_admin_key', 'FORBIDDEN', 'admin routes need the key derived from the data folder secret');
  }
  const body = requireObject(await readJsonBody(req));
  if (what === 'exec') {
    const { scriptPath, args } = body;
    if (typeof scriptPath !== 'string') throw new HttpError(400, 'bad_request', 'BAD_INPUT', 'scriptPath must be a string');
    const argv = Array.isArray(args) ? args.map(String) : [];
    sendJson(res, 200, { result: await backend.exec(scriptPath, argv) });
    return;
  }
  if (what === 'trigger') {
    const { fn } = body;
    if (typeof fn !== 'string' || !backend.hasFunction(fn)) throw new HttpError(404, 'function_not_found', 'UNKNOWN_ACTION', `no function ${String(fn)}`);
    sendJson(res, 200, { result: await backend.runTimer(fn) });
    return;
  }
  throw new HttpError(404, 'not_found', 'NOT_FOUND', `no admin route ${what}`);
}

async function route(backend: HttpBackend, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isLoopbackHost(hostnameOf(req.headers.host))) {
    throw new HttpError(403, 'forbidden_host', 'FORBIDDEN', 'the local cloud answers loopback host names only');
  }
  allowLoopbackOrigin(req, res);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const pathname = url.pathname;
  const method = req.method ?? 'GET';

  if (method === 'OPTIONS') {
    res.writeHead(204);
    res.end();
    return;
  }
  if (method === 'POST') {
    refuseForeignPage(req);
    const fn = /^\/fn\/([^/]+)$/.exec(pathname);
    if (fn) return callFunctionRoute(backend, req, res, decodeURIComponent(fn[1]));
    if (pathname === '/dev/login') return devLoginRoute(backend, req, res);
    if (pathname === '/dev/subscribe') return devSubscribeRoute(backend, req, res);
    const admin = /^\/dev\/admin\/([a-z]+)$/.exec(pathname);
    if (admin) return adminRoute(backend, req, res, admin[1]);
    throw new HttpError(404, 'not_found', 'NOT_FOUND', `no route POST ${pathname}`);
  }
  if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', 'MALFORMED_REQUEST', `${method} is not supported`);

  if (pathname === '/healthz') {
    sendJson(res, 200, { ok: true, functions: backend.functionNames() });
    return;
  }
  const storagePath = pathname.startsWith('/storage/') ? pathname.slice('/storage/'.length) : null;
  const file = storagePath !== null ? fileInside(backend.storageDir, storagePath) : fileInside(backend.staticDir, pathname);
  if (!file) {
    const hint = storagePath === null && pathname === '/' ? ' (no H5 build yet: run npm run build:h5)' : '';
    throw new HttpError(404, 'not_found', 'NOT_FOUND', `nothing at ${pathname}${hint}`);
  }
  sendFile(res, file, method === 'HEAD');
}

export function createHttpServer(backend: HttpBackend): http.Server {
  return http.createServer((req, res) => {
    route(backend, req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) {
        backend.refused({ method: req.method ?? '', path: (req.url ?? '').slice(0, 200), status: err.status, error: err.error });
        sendHttpError(res, err);
        return;
      }
      console.error('[local-cloud] request failed:', err);
      sendHttpError(res, new HttpError(500, 'internal', 'INTERNAL', err instanceof Error ? err.message : String(err)));
    });
  });
}

/** Listens on a loopback host (the caller has checked it with isLoopbackHost); returns the port. */
export async function listenOnLoopback(server: http.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}
