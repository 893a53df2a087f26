/**
 * Hostile-load figures (issue 10), over the local cloud's HTTP on loopback:
 * - requests refused per second at the door, for bodies nested 6,000 deep and for bodies over the
 *   100 KB limit, 8 in flight at a time;
 * - instance invocations those refusals cost (the door refuses before any instance: 0), and the
 *   time the function entry spends refusing an over-deep event that reached it (the WeChat path);
 * - events.list latency alone and while the deep-body storm runs (2 instances, as few as possible);
 * - disk under churn: bytes journaled vs the data folder's peak while one 48 KB document is
 *   rewritten 500 times (compaction at max(4 MB, 2 x live)).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalDatabase } from '../local-cloud/database';
import { SCHEMA, COLLECTIONS } from '../server/db/schema';
import { EVENT_LIMITS } from '../server/runtime/event-limits';
import { startTestCloud, worker } from '../tests/support/local-cloud';
import { folderBytes, median, percentile, round } from './support';

const DEEP = `{"action":"list","input":${'['.repeat(6000)}${']'.repeat(6000)}}`;
const HUGE = JSON.stringify({ action: 'list', input: { q: 'x'.repeat(EVENT_LIMITS.maxBytes) } });
const IN_FLIGHT = 8;

function post(url: string, body: string, token?: string): Promise<Response> {
  return fetch(`${url}/fn/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

/** `total` requests with `IN_FLIGHT` at a time; resolves with refusals per second. */
async function refusalRate(url: string, body: string, total: number, expectStatus: number): Promise<number> {
  let sent = 0;
  const started = performance.now();
  const lane = async () => {
    while (sent < total) {
      sent += 1;
      const res = await post(url, body);
      await res.arrayBuffer();
      if (res.status !== expectStatus) throw new Error(`expected ${expectStatus}, got ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return round(total / ((performance.now() - started) / 1000), 0);
}

async function listLatencies(url: string, token: string, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    const res = await post(url, JSON.stringify({ action: 'list', input: {} }), token);
    const body = (await res.json()) as { result?: { ok: boolean } };
    if (!body.result?.ok) throw new Error('events.list failed under load');
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b);
}

export async function run(): Promise<Record<string, unknown>> {
  const cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: 2 });
  try {
    const { url } = await cloud.listen(0);
    const login = await fetch(`${url}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'worker', name: '基准' }) });
    const { token } = (await login.json()) as { token: string };
    await listLatencies(url, token, 5); // warm both instances' paths

    const quiet = await listLatencies(url, token, 40);
    const invocationsBefore = cloud.invocations().events ?? 0;
    const deepPerSecond = await refusalRate(url, DEEP, 800, 400);
    const hugePerSecond = await refusalRate(url, HUGE, 400, 413);

    let storming = true;
    let stormSent = 0;
    const storm = Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (storming) {
          stormSent += 1;
          await (await post(url, DEEP)).arrayBuffer();
        }
      }),
    );
    const loaded = await listLatencies(url, token, 40);
    storming = false;
    await storm;
    // Every invocation since the first hostile body, minus the worker's own list calls.
    const refusedInvocations = (cloud.invocations().events ?? 0) - invocationsBefore - loaded.length;

    // The entry's own refusal (an event that reached a function: the WeChat path).
    let nested: unknown = [];
    for (let i = 0; i < EVENT_LIMITS.maxDepth + 8; i += 1) nested = [nested];
    const entryMs: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const t = performance.now();
      const res = (await cloud.invoke('events', { action: 'list', input: { q: nested } }, worker('deep'))) as { ok: boolean; error?: { code: string } };
      entryMs.push(performance.now() - t);
      if (res.ok || res.error?.code !== 'INPUT_TOO_LARGE') throw new Error('the entry did not refuse the deep event');
    }
    const listMs = await listLatencies(url, token, 20);

    return {
      doorRefusalsPerSecond: { nested6000Deep36KB: deepPerSecond, over100KB: hugePerSecond, inFlight: IN_FLIGHT },
      instanceInvocationsForRefusedBodies: refusedInvocations,
      stormRequestsDuringLoadedListing: stormSent,
      eventsListMs: {
        alone: { p50: round(percentile(quiet, 50)), p95: round(percentile(quiet, 95)) },
        underDeepBodyStorm: { p50: round(percentile(loaded, 50)), p95: round(percentile(loaded, 95)) },
      },
      entryRefusalOfDeepEventMs: { p50: round(median(entryMs)), listForComparisonP50: round(percentile(listMs, 50)) },
      churn: await churnFigures(),
    };
  } finally {
    await cloud.destroy();
  }
}

async function churnFigures(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-churn-'));
  const db = await LocalDatabase.open({ dir, schema: SCHEMA });
  try {
    const big = 'x'.repeat(48 * 1024);
    let journaled = 0;
    let peak = 0;
    for (let i = 0; i < 500; i += 1) {
      const data = JSON.stringify({ big, n: i });
      journaled += data.length;
      await db.handle({
        action: 'database.modifyDocument',
        collectionName: COLLECTIONS.events,
        queryType: 'DOC',
        query: JSON.stringify({ _id: 'churn' }),
        data,
        multi: false,
        merge: false,
        upsert: true,
      });
      peak = Math.max(peak, folderBytes(dir));
    }
    return { writes: 500, journaledMB: round(journaled / 1048576, 1), folderPeakMB: round(peak / 1048576, 1), compactions: db.compactions };
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
