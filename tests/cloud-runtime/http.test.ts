/** The HTTP protocol of docs/local-cloud-http.md. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startLocalCloud } from '../../local-cloud';
import type { LocalCloud } from '../../local-cloud';
import { ERROR_MESSAGES, type ErrorCode } from '../../contract/errors';
import { makeFunctionsDir, makeTempDir } from './fixtures';

// Instances cold-start in ~0.2 s alone but several seconds when a loaded 2-core machine starts many.
jest.setTimeout(60_000);

let cloud: LocalCloud;
let url: string;
let port: number;
const site = makeTempDir('lc-site-');
const staticDir = path.join(site, 'dist-h5');

beforeAll(async () => {
  fs.mkdirSync(path.join(staticDir, 'js'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>h5</title>');
  fs.writeFileSync(path.join(staticDir, 'js', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(site, 'outside.txt'), 'TOP-SECRET');
  cloud = await startLocalCloud({ dataDir: makeTempDir('lc-data-'), functionsDir: makeFunctionsDir(['whoami', 'boom']), staticDir });
  ({ url } = await cloud.listen(0));
  port = Number(new URL(url).port);
});
afterAll(() => cloud.close());

async function post(route: string, body: unknown, token?: string) {
  const res = await fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** A raw request, so the path is sent exactly as written (fetch would normalise `..`). */
function raw(rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('binds to loopback only', async () => {
  await expect(cloud.listen(0, '0.0.0.0')).rejects.toThrow(/loopback/);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

test('dev login gives a stable identity per role and name, and its token identifies the caller', async () => {
  const a = await post('/dev/login', { role: 'worker', name: '张三' });
  const again = await post('/dev/login', { role: 'worker', name: '张三' });
  const other = await post('/dev/login', { role: 'worker', name: '李四' });
  expect(a.status).toBe(200);
  expect(a.body).toMatchObject({ role: 'worker', name: '张三' });
  expect(a.body.openid).toBe(again.body.openid);
  expect(a.body.openid).not.toBe(other.body.openid);

  const call = await post('/fn/whoami', { hello: 1 }, a.body.token);
  expect(call.status).toBe(200);
  expect(call.body.result.OPENID).toBe(a.body.openid);
  expect(call.body.result.SOURCE).toBe('wx_client');
  expect(call.body.result.event.hello).toBe(1);

  const anonymous = await post('/fn/whoami', {});
  expect(anonymous.status).toBe(200);
  expect(anonymous.body.result.OPENID).toBeUndefined();
});

test('staff login writes the roles record the functions check', async () => {
  const staff = await post('/dev/login', { role: 'staff', name: '王站长' });
  expect(staff.status).toBe(200);
  expect(cloud.db.find('roles', { _id: staff.body.openid })).toEqual([
    { _id: staff.body.openid, role: 'admin', name: '王站长', centreIds: [], grantedBy: 'dev-login' },
  ]);
  expect((await post('/dev/login', { role: 'boss', name: 'x' })).status).toBe(400);
});

test('unsigned, altered or foreign tokens are refused with 401', async () => {
  const { body } = await post('/dev/login', { role: 'worker', name: '张三' });
  const [claims, signature] = (body.token as string).split('.');
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), openid: 'someone-else' })).toString('base64url');
  for (const token of [`${forged}.${signature}`, claims, `${claims}.`, 'garbage', `${claims}.${signature}x`]) {
    const res = await post('/fn/whoami', {}, token);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_token');
  }
  const elsewhere = await startLocalCloud({ dataDir: makeTempDir('lc-data-'), functionsDir: makeFunctionsDir(['whoami']) });
  try {
    const foreign = await fetch(`${(await elsewhere.listen(0)).url}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'worker', name: '张三' }),
    });
    const { token } = (await foreign.json()) as { token: string };
    expect((await post('/fn/whoami', {}, token)).status).toBe(401);
  } finally {
    await elsewhere.close();
  }
});

test('function failures answer 500 with errCode/errMsg; door refusals 4xx with a contract code and its Chinese message', async () => {
  const failed = await post('/fn/boom', {});
  expect(failed.status).toBe(500);
  expect(failed.body.errCode).toBe(-504002);
  expect(failed.body.errMsg).toContain('kaboom');

  const before = cloud.invocations().whoami ?? 0;
  const refusals: [string, Promise<{ status: number; body: Record<string, any> }>, number, string, string][] = [
    ['unknown function', post('/fn/doesNotExist', {}), 404, 'function_not_found', 'UNKNOWN_ACTION'],
    ['not JSON', post('/fn/whoami', '{not json'), 400, 'bad_json', 'MALFORMED_REQUEST'],
    ['not an object', post('/fn/whoami', '[1]'), 400, 'bad_request', 'MALFORMED_REQUEST'],
    ['over 100 KB', post('/fn/whoami', { blob: 'x'.repeat(100 * 1024) }), 413, 'body_too_large', 'INPUT_TOO_LARGE'],
    ['nested too deep', post('/fn/whoami', `{"a":${'['.repeat(33)}${']'.repeat(33)}}`), 400, 'body_too_deep', 'INPUT_TOO_LARGE'],
    ['bad token', post('/fn/whoami', {}, 'garbage'), 401, 'invalid_token', 'SESSION_INVALID'],
  ];
  for (const [what, answer, status, error, code] of refusals) {
    const res = await answer;
    expect({ what, status: res.status, error: res.body.error, code: res.body.code }).toEqual({ what, status, error, code });
    expect(res.body.errMsg).toBe(ERROR_MESSAGES[code as ErrorCode]);
  }
  const wrongType = await fetch(`${url}/fn/whoami`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
  expect(wrongType.status).toBe(415);
  expect(await wrongType.json()).toMatchObject({ error: 'unsupported_media_type', code: 'MALFORMED_REQUEST' });
  // Brackets inside strings are text, not nesting: a deep-looking string passes the door.
  expect((await post('/fn/whoami', { text: '['.repeat(100) })).status).toBe(200);
  // Only that last call reached an instance.
  expect((cloud.invocations().whoami ?? 0) - before).toBe(1);
});

test('serves the H5 build with content types, and never a file outside it', async () => {
  const index = await raw('/');
  expect(index.status).toBe(200);
  expect(index.type).toMatch(/^text\/html/);
  expect(index.body).toContain('<title>h5</title>');
  const js = await raw('/js/app.js');
  expect(js.type).toMatch(/^text\/javascript/);
  expect((await raw('/nope.js')).status).toBe(404);
  for (const attempt of ['/../outside.txt', '/%2e%2e/outside.txt', '/..%2foutside.txt', '/js/..%2f..%2foutside.txt', '/js/%2e%2e%2f%2e%2e%2foutside.txt', '/..\\outside.txt']) {
    const res = await raw(attempt);
    expect(res.body).not.toContain('TOP-SECRET');
    expect(res.status).toBe(404);
  }
});

test('healthz answers; a non-loopback Host header is refused', async () => {
  const health = await raw('/healthz');
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body)).toEqual({ ok: true, functions: ['boom', 'whoami'] });
  expect((await raw('/healthz', { host: 'evil.example:80' })).status).toBe(403);
});
