/**
 * The attacks of issue 10, replayed over the local cloud's HTTP on loopback with bounded counts:
 * hostile bodies (deep, huge), forged timer runs (also as a foreign page's simple request) and
 * malformed requests. Each must be refused with a 4xx and a contract code in Chinese — and normal
 * service must go on meanwhile, with no instance ever spent on a refused request.
 */
import { ERROR_MESSAGES, type ErrorCode } from '../../contract/errors';
import { COLLECTIONS } from '../../server/db/schema';
import { EVENT_LIMITS } from '../../server/runtime/event-limits';
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';

jest.setTimeout(60_000);

let cloud: TestCloud;
let url: string;
let workerToken: string;

beforeAll(async () => {
  // Two instances per function: were hostile bodies let through, they would occupy all of them.
  cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: 2 });
  ({ url } = await cloud.listen(0));
  workerToken = ((await (await post('/dev/login', { role: 'worker', name: '攻击测试' })).json()) as { token: string }).token;
});
afterAll(() => cloud.destroy());

function post(route: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

interface Refusal {
  error: string;
  code: ErrorCode;
  errMsg: string;
}

async function refusal(res: Response): Promise<{ status: number } & Refusal> {
  return { status: res.status, ...((await res.json()) as Refusal) };
}

async function listEvents(): Promise<{ ok: boolean; data?: unknown[] }> {
  const res = await post('/fn/events', { action: 'list', input: {} }, { authorization: `Bearer ${workerToken}` });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { ok: boolean; data?: unknown[] } }).result;
}

const auditOf = (action: string) => cloud.db.find(COLLECTIONS.audit, { action });

describe('hostile bodies', () => {
  // ~36 KB, nested 6,000 deep, no token: the body that held instances until their timeout.
  const deep = `{"action":"list","input":${'['.repeat(6000)}${']'.repeat(6000)}}`;
  const huge = JSON.stringify({ action: 'list', input: { q: 'x'.repeat(EVENT_LIMITS.maxBytes) } });

  test('waves of deep and huge bodies are refused at the door while events.list keeps answering; no instance runs them', async () => {
    const before = cloud.invocations().events ?? 0;
    let hostileInFlight = true;
    let hostileSent = 0;
    const statuses = new Map<string, number>();
    const storm = (async () => {
      // Eight at a time, wave after wave, until the worker's calls are done.
      while (hostileInFlight) {
        const wave = Array.from({ length: 8 }, (_, i) => post('/fn/events', i % 2 ? huge : deep));
        hostileSent += wave.length;
        for (const res of await Promise.all(wave)) {
          const { status, error, code } = await refusal(res);
          statuses.set(`${status} ${error} ${code}`, (statuses.get(`${status} ${error} ${code}`) ?? 0) + 1);
        }
      }
    })();
    const answers = [];
    for (let i = 0; i < 10; i += 1) answers.push(await listEvents());
    const sentWhileListing = hostileSent;
    hostileInFlight = false;
    await storm;

    expect(answers.every((a) => a.ok && Array.isArray(a.data) && a.data.length > 0)).toBe(true);
    // The storm really ran alongside: many waves went out while the worker was being served.
    expect(sentWhileListing).toBeGreaterThanOrEqual(16);
    expect([...statuses.keys()].sort()).toEqual(['400 body_too_deep INPUT_TOO_LARGE', '413 body_too_large INPUT_TOO_LARGE']);
    // Only the worker's ten calls reached an instance.
    expect((cloud.invocations().events ?? 0) - before).toBe(10);
    expect((cloud.doorRefusals().body_too_deep ?? 0) + (cloud.doorRefusals().body_too_large ?? 0)).toBeGreaterThanOrEqual(hostileSent);
  });

  test('the function entry refuses the same by itself (the WeChat path has no door of ours), and audits it without the input', async () => {
    let nested: unknown = [];
    for (let i = 0; i < EVENT_LIMITS.maxDepth + 5; i += 1) nested = [nested];
    const tooDeep = (await cloud.invoke('events', { action: 'list', input: { q: nested } }, worker('deep'))) as { ok: boolean; error: { code: string; message: string } };
    expect(tooDeep).toEqual({ ok: false, error: { code: 'INPUT_TOO_LARGE', message: ERROR_MESSAGES.INPUT_TOO_LARGE } });
    const tooBig = (await cloud.invoke('events', { action: 'list', input: { q: 'x'.repeat(EVENT_LIMITS.maxBytes) } }, worker('big'))) as { ok: boolean; error: { code: string } };
    expect(tooBig.error.code).toBe('INPUT_TOO_LARGE');
    const records = cloud.db.find(COLLECTIONS.audit, { outcome: 'INPUT_TOO_LARGE', openid: worker('big').openid });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ fn: 'events', action: '?', role: 'worker', target: {} });
  });

  test('an event too deep even to hand to an instance fails that one call, and the instance serves the next', async () => {
    let nested: unknown = [];
    for (let i = 0; i < 20_000; i += 1) nested = [nested];
    await expect(cloud.invoke('events', { action: 'list', input: nested }, worker('clone'))).rejects.toMatchObject({ errCode: -504002 });
    expect((await cloud.call('events', 'list', {}, worker('after'))).ok).toBe(true);
  });
});

describe('forged timer runs', () => {
  const timer = { Type: 'Timer', TriggerName: 'eventsTick', Time: '2026-01-01T00:00:00Z' };

  test('a foreign page cannot even deliver one: simple text/plain, JSON with a foreign Origin, cross-site fetch', async () => {
    const attempts = [
      post('/fn/events', JSON.stringify(timer), { 'content-type': 'text/plain', origin: 'https://evil.example' }),
      post('/fn/events', timer, { origin: 'https://evil.example' }),
      post('/fn/events', timer, { origin: 'null' }),
      post('/fn/events', timer, { 'sec-fetch-site': 'cross-site' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(await refusal(res)).toEqual({ status: 403, error: 'foreign_origin', code: 'FOREIGN_ORIGIN', errMsg: ERROR_MESSAGES.FOREIGN_ORIGIN, detail: expect.any(String) });
    }
    const plain = await refusal(await post('/fn/events', JSON.stringify(timer), { 'content-type': 'text/plain' }));
    expect(plain).toMatchObject({ status: 415, code: 'MALFORMED_REQUEST' });
    // The H5 build's own origin, and a dev server on another loopback port, still get through.
    const sameSite = await post('/fn/events', { action: 'list', input: {} }, { origin: 'http://localhost:10086', 'sec-fetch-site': 'same-site' });
    expect(sameSite.status).toBe(200);
  });

  test('delivered without a token or with a worker token, the timer does not run: FORBIDDEN, audited; the platform trigger runs it, audited as the platform', async () => {
    const auditedBefore = auditOf('timer:eventsTick').length;
    for (const headers of [{}, { authorization: `Bearer ${workerToken}` }] as Record<string, string>[]) {
      const res = await post('/fn/events', timer, headers);
      expect(res.status).toBe(200);
      const { result } = (await res.json()) as { result: { ok: boolean; error: { code: string } } };
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN } });
    }
    const forged = auditOf('timer:eventsTick').slice(auditedBefore);
    expect(forged.map((r) => [r.role, r.outcome])).toEqual([
      ['none', 'FORBIDDEN'],
      ['worker', 'FORBIDDEN'],
    ]);

    const run = (await cloud.runTimer('events')) as { ok: boolean };
    expect(run.ok).toBe(true);
    // A trigger name we never declared is not copied into the log.
    const odd = await post('/fn/events', { ...timer, TriggerName: '<img src=x onerror=alert(1)>' });
    expect(((await odd.json()) as { result: { error: { code: string } } }).result.error.code).toBe('FORBIDDEN');
    expect(auditOf('timer:?').map((r) => r.outcome)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(cloud.db.find(COLLECTIONS.audit, {}))).not.toContain('onerror');

    const real = auditOf('timer:eventsTick').slice(auditedBefore + 2);
    expect(real).toHaveLength(1);
    expect(real[0]).toMatchObject({ fn: 'events', role: 'platform', openid: '', outcome: 'ok' });
    expect(Object.keys(real[0].note as object).length).toBeGreaterThan(0);
  });
});

describe('malformed requests', () => {
  test('each gets a 4xx with a contract code and its Chinese message, never a 500; service goes on', async () => {
    const cases: [string, Promise<Response>, number, ErrorCode][] = [
      ['not JSON', post('/fn/events', '{"action":'), 400, 'MALFORMED_REQUEST'],
      ['a JSON array', post('/fn/events', '[]'), 400, 'MALFORMED_REQUEST'],
      ['form-encoded', post('/fn/events', 'action=list', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'MALFORMED_REQUEST'],
      ['no content type', fetch(`${url}/fn/events`, { method: 'POST', body: new Blob(['{}']) }), 415, 'MALFORMED_REQUEST'],
      ['a forged token', post('/fn/events', { action: 'list' }, { authorization: 'Bearer eyJvcGVuaWQiOiJ4In0.c2ln' }), 401, 'SESSION_INVALID'],
      ['an unknown function', post('/fn/dropDatabase', {}), 404, 'UNKNOWN_ACTION'],
      ['an unknown route', post('/dev/nothing', {}), 404, 'NOT_FOUND'],
      ['a login without a name', post('/dev/login', { role: 'worker' }), 400, 'BAD_INPUT'],
    ];
    for (const [what, answer, status, code] of cases) {
      const res = await refusal(await answer);
      expect({ what, status: res.status, code: res.code, errMsg: res.errMsg }).toEqual({ what, status, code, errMsg: ERROR_MESSAGES[code] });
    }
    expect((await listEvents()).ok).toBe(true);
  });

  test('an unknown action reaches the function, is answered UNKNOWN_ACTION and audited with the name only if it is a plain name', async () => {
    for (const action of ['dropDatabase', '$where: sleep(1000)']) {
      const res = await post('/fn/events', { action, input: { phone: '13800000000' } }, { authorization: `Bearer ${workerToken}` });
      const { result } = (await res.json()) as { result: { ok: boolean; error: { code: string } } };
      expect(result.error.code).toBe('UNKNOWN_ACTION');
    }
    const records = cloud.db.find(COLLECTIONS.audit, { outcome: 'UNKNOWN_ACTION', fn: 'events' });
    expect(records.map((r) => r.action).sort()).toEqual(['?', 'dropDatabase']);
    expect(JSON.stringify(records)).not.toContain('13800000000');
  });
});
