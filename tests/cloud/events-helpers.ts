/**
 * Helpers for the events cloud tests: a local cloud with several instances per function, a staff
 * identity, and events created through the real staff actions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../local-cloud';
import type { EventDraftInput } from '../../contract/events/actions';

export const STAFF = { openid: 'oStaff-events-test' };
export const worker = (i: number | string) => ({ openid: `oWorker-${i}` });

export interface Envelope<T = unknown> {
  ok: boolean;
  data: T;
  error?: { code: string; message: string; fields?: Record<string, string> };
}

export async function startCloud(instances = 8): Promise<{ cloud: LocalCloud; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'events-cloud-'));
  const cloud = await startLocalCloud({ dataDir, maxInstancesPerFunction: instances });
  await cloud.db.handle({
    action: 'database.modifyDocument',
    collectionName: 'roles',
    queryType: 'DOC',
    query: JSON.stringify({ _id: STAFF.openid }),
    data: JSON.stringify({ role: 'admin', name: '测试工作人员', centreIds: [] }),
    multi: false,
    merge: false,
    upsert: true,
  });
  return { cloud, dataDir };
}

export async function stopCloud(ctx: { cloud: LocalCloud; dataDir: string } | undefined): Promise<void> {
  if (!ctx) return;
  await ctx.cloud.close();
  fs.rmSync(ctx.dataDir, { recursive: true, force: true });
}

/**
 * The setup every events test file shares: one cloud with `instances` instances per function for
 * the file, removed afterwards, and the clock set back to now after each test. Read `.cloud` inside
 * tests.
 */
export function useEventsCloud(instances: number): { cloud: LocalCloud; dataDir: string } {
  const ctx = {} as { cloud: LocalCloud; dataDir: string };
  beforeAll(async () => {
    Object.assign(ctx, await startCloud(instances));
  });
  afterAll(() => stopCloud(ctx.cloud ? ctx : undefined));
  afterEach(() => ctx.cloud?.setTimeOffset(0));
  return ctx;
}

/** Request ids unique within a test file, as the phone would make them: `${prefix}-req-1-xyz`, ... */
export function requestIds(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-req-${++n}-xyz`;
}

export async function call<T = any>(cloud: LocalCloud, identity: { openid: string } | null, action: string, input: unknown = {}, fn = 'events'): Promise<Envelope<T>> {
  return (await cloud.invoke(fn, { action, input }, identity)) as Envelope<T>;
}

export async function ok<T = any>(cloud: LocalCloud, identity: { openid: string } | null, action: string, input: unknown = {}): Promise<T> {
  const res = await call<T>(cloud, identity, action, input);
  if (!res.ok) throw new Error(`${action} failed: ${JSON.stringify(res.error)}`);
  return res.data;
}

export const HOUR = 3600_000;

export function draft(overrides: Partial<EventDraftInput> = {}, now = Date.now()): EventDraftInput {
  return {
    title: '测试活动',
    category: 'sports',
    summary: '测试用',
    description: '规则',
    organiser: '九江镇总工会',
    phone: '12351',
    venue: { name: '镇文体中心', address: '九江镇' },
    startsAt: new Date(now + 72 * HOUR),
    endsAt: new Date(now + 75 * HOUR),
    signUpOpensAt: new Date(now - HOUR),
    signUpClosesAt: new Date(now + 48 * HOUR),
    cancelDeadline: new Date(now + 60 * HOUR),
    capacity: 10,
    waitlistLimit: 2000,
    claimHours: 12,
    allocation: 'first_come',
    lotteryPriority: 'none',
    series: '',
    group: { kind: 'single' },
    form: [
      { key: 'name', label: '姓名', kind: 'text', required: true },
      { key: 'phone', label: '手机号', kind: 'phone', required: true },
      { key: 'employer', label: '单位', kind: 'text', required: false },
    ],
    eligibility: [],
    ...overrides,
  } as EventDraftInput;
}

/** Creates and publishes an event through the staff actions; returns its id. */
export async function publishEvent(cloud: LocalCloud, overrides: Partial<EventDraftInput> = {}): Promise<string> {
  const created = await ok<{ id: string }>(cloud, STAFF, 'save', { draft: draft(overrides) });
  await ok(cloud, STAFF, 'setStatus', { id: created.id, status: 'published' });
  return created.id;
}

export const form = (i: number | string) => ({ name: `职工${i}`, phone: `138${String(i).padStart(8, '0').slice(-8)}`, employer: '九江某厂' });

export function eventDoc(cloud: LocalCloud, id: string) {
  return cloud.db.find('events', { _id: id })[0] as {
    capacity: number;
    seatsLeft: number;
    waiting: number;
    qNext: number;
    tx?: Record<string, { op: string; seq?: number; at: Date }>;
  };
}

export function entries(cloud: LocalCloud, eventId: string) {
  return cloud.db.find('event_entries', { eventId }) as Array<{ _id: string; openid: string; status: string; seats: number; seq?: number; activeKey: string; step?: unknown }>;
}

/**
 * The ledger invariants, checked against the entries: the seats the counters hold (capacity −
 * seatsLeft) are the seats of the confirmed/offered/checked-in entries, `waiting` is the number
 * of waitlisted ones, and nothing is left in flight (no mark on the event, no step on an entry).
 */
export function checkLedger(cloud: LocalCloud, eventId: string) {
  const ev = eventDoc(cloud, eventId);
  const list = entries(cloud, eventId);
  const holding = list.filter((e) => ['confirmed', 'offered', 'checked_in'].includes(e.status));
  const waitingEntries = list.filter((e) => e.status === 'waitlisted');
  const seqs = waitingEntries.map((e) => e.seq);
  return {
    capacity: ev.capacity,
    seatsLeft: ev.seatsLeft,
    heldSum: ev.capacity - ev.seatsLeft,
    heldSeatsByEntries: holding.reduce((a, e) => a + e.seats, 0),
    nothingInFlight: Object.keys(ev.tx ?? {}).length === 0 && list.every((e) => e.step === undefined),
    waiting: ev.waiting,
    waitlistedEntries: waitingEntries.length,
    seqUnique: new Set(seqs).size === seqs.length && seqs.every((q) => typeof q === 'number' && q >= 1 && q <= ev.qNext),
  };
}
