/**
 * Crash: a local cloud in a child process takes a sign-up storm over HTTP (dev sign-in tokens,
 * POST /fn/events), and is killed with SIGKILL in the middle of it. Started again on the same data
 * folder:
 *   - every sign-up that was acknowledged (HTTP 200, ok) is there, with the id and status the
 *     worker was told;
 *   - after the events area's own recovery (its timer settles sign-ups interrupted mid-way), the
 *     seat ledger matches the entries exactly, no worker holds two active entries, and no
 *     document is half-written (the journal drops a torn last line; every invariant holds).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud } from '../../local-cloud';
import { checkInvariants } from '../support/invariants';
import { draft } from '../cloud/events-helpers';

const REPO = path.resolve(__dirname, '..', '..');
const WORKERS = 240;
const CAPACITY = 80;
const KILL_AFTER_ACKS = 90;

interface Child {
  proc: ChildProcess;
  url: string;
}

function startChild(dataDir: string): Promise<Child> {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild, which a SIGKILL
  // of the CLI would leave running (holding the data folder).
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'child-cloud.ts')], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, INSTANCES: '8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`child did not start: ${err}`)), 60000);
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] });
      }
    });
    proc.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited with ${code}: ${err}`));
    });
  });
}

function stopped(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve();
    else proc.once('exit', () => resolve());
  });
}

async function post<T>(url: string, body: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function login(url: string, role: 'worker' | 'staff', name: string): Promise<string> {
  return (await post<{ token: string }>(`${url}/dev/login`, { role, name })).body.token;
}

type Result<T> = { result: { ok: boolean; data: T; error?: { code: string } } };

let dataDir: string;
let child: Child | null = null;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zgj-crash-'));
});

afterAll(async () => {
  if (child && child.proc.exitCode === null) {
    child.proc.kill('SIGKILL');
    await stopped(child.proc);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('SIGKILL mid sign-up storm: every acknowledged sign-up survives, the ledger matches after recovery', async () => {
  child = await startChild(dataDir);
  const staffToken = await login(child.url, 'staff', '崩溃测试管理员');
  const saved = await post<Result<{ id: string }>>(`${child.url}/fn/events`, { action: 'save', input: { draft: draft({ title: '崩溃测试年夜饭', capacity: CAPACITY }) } }, staffToken);
  const eventId = saved.body.result.data.id;
  await post(`${child.url}/fn/events`, { action: 'setStatus', input: { id: eventId, status: 'published' } }, staffToken);
  const tokens = await Promise.all(Array.from({ length: WORKERS }, (_, i) => login(child!.url, 'worker', `风暴职工${i}`)));

  // The storm: everyone at once; the child dies once KILL_AFTER_ACKS answers have come back.
  const acked: { i: number; id: string; status: string }[] = [];
  let killed = false;
  const url = child.url;
  const proc = child.proc;
  const storm = tokens.map(async (token, i) => {
    try {
      const res = await post<Result<{ id: string; status: string }>>(
        `${url}/fn/events`,
        {
          action: 'signUp',
          input: { eventId, requestId: `storm-${i}-aaaa`, form: { name: `职工${i}`, phone: `139${String(i).padStart(8, '0')}`, employer: '九江某厂' } },
        },
        token,
      );
      if (res.status === 200 && res.body.result.ok && !killed) {
        acked.push({ i, id: res.body.result.data.id, status: res.body.result.data.status });
        if (acked.length >= KILL_AFTER_ACKS && !killed) {
          killed = true;
          proc.kill('SIGKILL');
        }
      }
    } catch {
      // the connection died with the process: not acknowledged
    }
  });
  await Promise.all(storm);
  await stopped(proc);
  expect(killed).toBe(true);
  const unanswered = WORKERS - acked.length;
  expect(unanswered).toBeGreaterThan(0); // the kill really came mid-storm

  // Start again on the same folder: the acknowledged entries are there, as the workers were told.
  child = await startChild(dataDir);
  const present = await Promise.all(
    acked.map(async (a) => {
      const res = await post<Result<{ id: string; status: string }[]>>(`${child!.url}/fn/events`, { action: 'mine', input: {} }, tokens[a.i]);
      return res.body.result.data.find((e) => e.id === a.id) ?? null;
    }),
  );
  const missing = acked.filter((_, k) => present[k] === null);
  expect(missing).toEqual([]);
  const changed = acked.filter((a, k) => present[k]!.status !== a.status);
  expect(changed).toEqual([]);
  child.proc.kill('SIGTERM');
  await stopped(child.proc);
  child = null;

  // The area's own recovery, then every invariant.
  const cloud = await startLocalCloud({ dataDir, functionsDir: path.join(REPO, 'cloudfunctions') });
  try {
    const pendingBefore = cloud.db.find('event_entries', { eventId, status: 'pending' }).length;
    const before = checkInvariants(cloud);
    expect(before.violations).toEqual([]);
    // The area settles a sign-up still pending a minute after it began (its function timeout is 20 s).
    cloud.setTimeOffset(2 * 60_000);
    await cloud.runTimer('events');
    const report = checkInvariants(cloud, { settled: true });
    expect(report.violations).toEqual([]);
    const entries = cloud.db.find('event_entries', { eventId }) as { status: string; openid: string }[];
    expect(entries.filter((e) => e.status === 'pending')).toEqual([]);
    const seated = entries.filter((e) => ['confirmed', 'offered', 'checked_in'].includes(e.status)).length;
    expect(seated).toBeLessThanOrEqual(CAPACITY);
    expect(acked.filter((a) => a.status === 'confirmed').length).toBeLessThanOrEqual(seated);
    console.log(
      JSON.stringify({
        suite: 'crash',
        workers: WORKERS,
        capacity: CAPACITY,
        acknowledged: acked.length,
        unanswered,
        entriesAfterRestart: entries.length,
        pendingAtRestart: pendingBefore,
        seated,
        invariantsChecked: before.checked + report.checked,
      }),
    );
  } finally {
    await cloud.close();
  }
}, 180000);
