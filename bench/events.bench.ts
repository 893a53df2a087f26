/**
 * 活动报名 figures: database requests per sign-up (seat free / waitlisted / lottery application),
 * cancel (with and without a waitlist to offer to), list, detail and 我的报名; and the 1,000-at-once
 * storm for 300 seats on the local cloud (8 instances): throughput and latency percentiles; and
 * the bytes each call makes the database journal (issue 10: every seat write journaled the whole
 * event with its ledger, ~48 KB once 1,000 had signed up).
 */
import { dbRequestsDuring, startTestCloud, worker } from '../tests/support/local-cloud';
import type { TestCloud } from '../tests/support/local-cloud';
import { draft } from '../tests/cloud/events-helpers';

type Env = { ok: boolean; data?: any; error?: unknown };

async function must(cloud: TestCloud, who: { openid: string } | null, action: string, input: unknown): Promise<any> {
  const res = (await cloud.invoke('events', { action, input }, who)) as Env;
  if (!res.ok) throw new Error(`events.${action} failed: ${JSON.stringify(res.error)}`);
  return res.data;
}

const requests: Record<string, number> = {};
const journaled: Record<string, number> = {};

/** Database requests one call makes, and the bytes it journals. */
async function measure(cloud: TestCloud, name: string, fn: () => Promise<unknown>): Promise<void> {
  const during = await dbRequestsDuring(cloud, fn);
  requests[name] = during.requests;
  journaled[name] = during.journaledBytes;
}

async function publish(cloud: TestCloud, staff: { openid: string }, overrides: Record<string, unknown>): Promise<string> {
  const created = await must(cloud, staff, 'save', { draft: draft(overrides as never) });
  await must(cloud, staff, 'setStatus', { id: created.id, status: 'published' });
  return created.id;
}

const form = (i: number) => ({ name: `职工${i}`, phone: `138${String(i).padStart(8, '0')}` });
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function run(): Promise<Record<string, unknown>> {
  const cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: 8 });
  try {
    const staff = await cloud.makeStaff('bench');
    const small = await publish(cloud, staff, { capacity: 1 });
    // Warm every instance path once.
    await must(cloud, worker('warm'), 'list', {});
    await measure(cloud, 'list', () => must(cloud, worker('b0'), 'list', {}));
    await measure(cloud, 'get', () => must(cloud, worker('b0'), 'get', { id: small }));
    await measure(cloud, 'signUp (seat free)', () => must(cloud, worker('b1'), 'signUp', { eventId: small, requestId: 'bench-req-1', form: form(1) }));
    await measure(cloud, 'signUp (waitlisted)', () => must(cloud, worker('b2'), 'signUp', { eventId: small, requestId: 'bench-req-2', form: form(2) }));
    await measure(cloud, 'signUp (repeat tap)', () => must(cloud, worker('b2'), 'signUp', { eventId: small, requestId: 'bench-req-2', form: form(2) }));
    const mine = await must(cloud, worker('b1'), 'mine', {});
    await measure(cloud, 'mine (1 entry)', () => must(cloud, worker('b1'), 'mine', {}));
    await measure(cloud, 'cancel (seat offered to the next)', () => must(cloud, worker('b1'), 'cancel', { entryId: mine[0].id }));
    const other = await publish(cloud, staff, { capacity: 5 });
    const e3 = await must(cloud, worker('b3'), 'signUp', { eventId: other, requestId: 'bench-req-3', form: form(3) });
    await measure(cloud, 'cancel (nobody waiting)', () => must(cloud, worker('b3'), 'cancel', { entryId: e3.id }));
    const e4 = await must(cloud, worker('b4'), 'signUp', { eventId: other, requestId: 'bench-req-4', form: form(4) });
    const t4 = await must(cloud, worker('b4'), 'ticket', { entryId: e4.id });
    await measure(cloud, 'ticket', () => must(cloud, worker('b4'), 'ticket', { entryId: e4.id }));
    await measure(cloud, 'checkIn (staff, incl. role read)', () => must(cloud, staff, 'checkIn', { eventId: other, code: t4.code }));
    const lottery = await publish(cloud, staff, { capacity: 5, allocation: 'lottery', lotteryPriority: 'first_time', series: 'bench' });
    await measure(cloud, 'signUp (lottery application)', () => must(cloud, worker('b5'), 'signUp', { eventId: lottery, requestId: 'bench-req-5', form: form(5) }));

    // ---- the storm
    const storm = await publish(cloud, staff, { capacity: 300 });
    const latencies: number[] = [];
    const before = cloud.db.stats().requests;
    const bytesBefore = cloud.db.stats().journaledBytes;
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 1000 }, async (_, i) => {
        const t0 = performance.now();
        const res = (await cloud.invoke('events', { action: 'signUp', input: { eventId: storm, requestId: `storm-${i}-bench`, form: form(i) } }, worker(`storm-${i}`))) as Env;
        latencies.push(performance.now() - t0);
        return res;
      }),
    );
    const wallMs = performance.now() - started;
    const stormRequests = cloud.db.stats().requests - before;
    const stormBytes = cloud.db.stats().journaledBytes - bytesBefore;
    // One more sign-up and one cancel once 1,000 are in: what a write costs on a busy event.
    await measure(cloud, 'signUp (waitlisted, 1,000 already in)', () => must(cloud, worker('late'), 'signUp', { eventId: storm, requestId: 'bench-late-1', form: form(1001) }));
    const firstIn = results.findIndex((r) => r.ok && r.data.status === 'confirmed');
    await measure(cloud, 'cancel (1,000 in, seat offered on)', () => must(cloud, worker(`storm-${firstIn}`), 'cancel', { entryId: results[firstIn].data.id }));
    const confirmed = results.filter((r) => r.ok && r.data.status === 'confirmed').length;
    const waitlisted = results.filter((r) => r.ok && r.data.status === 'waitlisted').length;
    latencies.sort((a, b) => a - b);
    return {
      databaseRequestsPerCall: requests,
      journaledBytesPerCall: journaled,
      storm1000For300Seats: {
        instances: 8,
        confirmed,
        waitlisted,
        failed: results.filter((r) => !r.ok).length,
        wallMs: Math.round(wallMs),
        signUpsPerSecond: Math.round((1000 / wallMs) * 1000),
        latencyMs: { p50: Math.round(pct(latencies, 50)), p95: Math.round(pct(latencies, 95)), p99: Math.round(pct(latencies, 99)), max: Math.round(latencies[latencies.length - 1]) },
        databaseRequestsPerSignUp: Math.round((stormRequests / 1000) * 10) / 10,
        journaledBytesPerSignUp: Math.round(stormBytes / 1000),
        note: 'latency includes queueing for one of the 8 instances (each a worker thread on this machine)',
      },
    };
  } finally {
    await cloud.destroy();
  }
}
