/**
 * Instances: identity per invocation, real parallelism, per-instance module state, races that
 * really interleave at the database, timeouts, thrown errors, nested calls and the shifted clock.
 */
import { startLocalCloud } from '../../local-cloud';
import type { LocalCloud } from '../../local-cloud';
import { makeFunctionsDir, makeTempDir } from './fixtures';

// Instances cold-start in ~0.2 s alone but several seconds when a loaded 2-core machine starts many.
jest.setTimeout(60_000);

interface WhoAmI {
  OPENID?: string;
  APPID?: string;
  SOURCE?: string;
  ENV?: string;
  instanceId: string;
  calls: number;
  startedAt: number;
  endedAt: number;
  now: number;
  newDate: number;
  event: Record<string, unknown>;
}

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({ dataDir: makeTempDir('lc-data-'), functionsDir: makeFunctionsDir(), maxInstancesPerFunction: 8 });
});
afterAll(() => cloud.close());

test('each of 50 concurrent invocations sees its own caller in getWXContext()', async () => {
  const openids = Array.from({ length: 50 }, (_, i) => `openid-${i}`);
  const results = (await Promise.all(
    openids.map((openid) => cloud.invoke('whoami', { delayMs: 15 }, { openid, appid: `app-${openid}` })),
  )) as WhoAmI[];
  results.forEach((r, i) => {
    expect(r.OPENID).toBe(openids[i]);
    expect(r.APPID).toBe(`app-${openids[i]}`);
    expect(r.SOURCE).toBe('wx_client');
    expect(r.event.userInfo).toEqual({ appId: `app-${openids[i]}`, openId: openids[i] });
  });
  // They were spread over several instances, so the identity really crossed instance boundaries.
  expect(new Set(results.map((r) => r.instanceId)).size).toBeGreaterThan(1);
});

test('a call without identity has no OPENID (like a call from outside a mini-program)', async () => {
  const r = (await cloud.invoke('whoami', {}, null)) as WhoAmI;
  expect(r.OPENID).toBeUndefined();
  expect(r.SOURCE).toBe('wx_http');
  expect(r.ENV).toBe('local-cloud');
  expect(r.event.userInfo).toBeUndefined();
});

test('instances run in parallel, up to the maximum, each with its own module variables', async () => {
  const fresh = await startLocalCloud({ dataDir: makeTempDir('lc-data-'), functionsDir: makeFunctionsDir(['whoami']), maxInstancesPerFunction: 4 });
  try {
    const results = (await Promise.all(
      Array.from({ length: 16 }, (_, i) => fresh.invoke('whoami', { delayMs: 300 }, { openid: `p${i}` })),
    )) as WhoAmI[];
    const byInstance = new Map<string, number[]>();
    for (const r of results) byInstance.set(r.instanceId, [...(byInstance.get(r.instanceId) ?? []), r.calls]);
    expect(byInstance.size).toBe(4); // never more than the maximum
    // Module-level `calls` counts per instance: each instance served 1, 2, 3, 4 independently.
    for (const calls of byInstance.values()) expect(calls.sort()).toEqual([1, 2, 3, 4]);
    // Overlap: some invocation started before another one ended, in a different instance.
    const overlapping = results.some((a) =>
      results.some((b) => a.instanceId !== b.instanceId && a.startedAt < b.endedAt && b.startedAt < a.endedAt),
    );
    expect(overlapping).toBe(true);
  } finally {
    await fresh.close();
  }
});

test('a read-then-write counter loses updates across instances; the conditional update never oversells', async () => {
  await cloud.invoke('setup', { seats: 50 });
  const increments = 40;
  await Promise.all(Array.from({ length: increments }, () => cloud.invoke('unsafeIncrement', {})));
  const [counter] = cloud.db.find('users', { _id: 'counter' });
  expect(counter.n).toBeLessThan(increments); // the race really interleaved at the database

  const taken = (await Promise.all(Array.from({ length: 200 }, (_, i) => cloud.invoke('takeSeat', {}, { openid: `s${i}` })))) as boolean[];
  expect(taken.filter(Boolean)).toHaveLength(50);
  expect(cloud.db.find('centres', { _id: 'event1' })[0].left).toBe(0);
});

test('a function that runs past its timeout fails like the cloud, and its instance is replaced', async () => {
  const started = Date.now();
  const error = (await cloud.invoke('stuck', {}).catch((e: unknown) => e)) as { errCode: number; errMsg: string };
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(error.errCode).toBe(-504002);
  expect(error.errMsg).toContain('timed out after 1 seconds');
  await expect(cloud.invoke('stuck', { ok: true })).resolves.toBe('fine');
});

test('a thrown error reaches the caller as wx.cloud.callFunction reports it', async () => {
  const error = (await cloud.invoke('boom', {}).catch((e: unknown) => e)) as Error & { errCode: number; errMsg: string };
  expect(error).toBeInstanceOf(Error);
  expect(error.errCode).toBe(-504002);
  expect(error.errMsg).toMatch(/^cloud\.callFunction:fail .*functions execute fail.*kaboom: the function failed/);
});

test('a module that fails to load fails the call; an unknown function is -501000', async () => {
  const loadError = (await cloud.invoke('brokenModule', {}).catch((e: unknown) => e)) as { errCode: number; errMsg: string };
  expect(loadError.errCode).toBe(-504002);
  expect(loadError.errMsg).toContain('cannot load this module');
  const missing = (await cloud.invoke('nope', {}).catch((e: unknown) => e)) as { errCode: number };
  expect(missing.errCode).toBe(-501000);
});

test('cloud.callFunction inside a function goes back to the pool with the caller identity', async () => {
  const ok = (await cloud.invoke('caller', { target: 'whoami' }, { openid: 'nested-user' })) as { ok: boolean; result: WhoAmI };
  expect(ok.ok).toBe(true);
  expect(ok.result.OPENID).toBe('nested-user');
  expect(ok.result.SOURCE).toBe('wx_client,scf');
  const failed = (await cloud.invoke('caller', { target: 'boom' }, { openid: 'nested-user' })) as { ok: boolean; errCode: number; errMsg: string };
  // The error object is built by the real SDK from the server's FUNCTIONS_EXECUTE_FAIL answer.
  expect(failed.ok).toBe(false);
  expect(typeof failed.errCode).toBe('number');
  expect(failed.errMsg).toContain('functions execute fail');
  expect(failed.errMsg).toContain('kaboom');
});

test('setTimeOffset shifts Date.now() and new Date() in instances and serverDate in the database', async () => {
  const tenDays = 10 * 86400_000;
  cloud.setTimeOffset(tenDays);
  try {
    const r = (await cloud.invoke('whoami', {})) as WhoAmI;
    expect(Math.abs(r.now - (Date.now() + tenDays))).toBeLessThan(5000);
    expect(Math.abs(r.newDate - (Date.now() + tenDays))).toBeLessThan(5000);
    await cloud.invoke('stamp', { id: 'stamped' });
    const [doc] = cloud.db.find('users', { _id: 'stamped' });
    // (instanceof would compare with jest's sandbox Date, not the main thread's)
    expect(Object.prototype.toString.call(doc.at)).toBe('[object Date]');
    expect(Math.abs((doc.at as Date).getTime() - (Date.now() + tenDays))).toBeLessThan(5000);
  } finally {
    cloud.setTimeOffset(0);
  }
  const back = (await cloud.invoke('whoami', {})) as WhoAmI;
  expect(Math.abs(back.now - Date.now())).toBeLessThan(5000);
});

test('timings: warm invocation overhead is small next to a cold start', async () => {
  await cloud.invoke('whoami', {});
  const n = 100;
  const started = performance.now();
  for (let i = 0; i < n; i++) await cloud.invoke('whoami', {}, { openid: 'warm' });
  const perCallMs = (performance.now() - started) / n;
  const cold = cloud.instanceTimings().filter((t) => t.function === 'whoami');
  console.log(JSON.stringify({ warmInvocationMs: +perCallMs.toFixed(2), coldStartsMs: cold.map((t) => Math.round(t.coldStartMs)) }));
  expect(perCallMs).toBeLessThan(50);
});
