/**
 * Starting the product on a fresh local cloud for a test file: the real built functions
 * (cloudfunctions/, built by npm test before jest runs), a fresh temporary data folder, and typed
 * helpers to call actions as a given worker or staff member.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionName, FunctionName, InputOf, OutputOf } from '../../contract';
import type { Envelope } from '../../contract/define';
import type { Role } from '../../contract/account/model';
import { COLLECTIONS } from '../../server/db/schema';
import { startLocalCloud, type Identity, type LocalCloud } from '../../local-cloud';

const REPO = path.resolve(__dirname, '..', '..');

export interface TestCloud extends LocalCloud {
  dataDir: string;
  /** Calls an action as `who` (null: no WeChat identity) and returns the typed envelope. */
  call<F extends FunctionName, A extends ActionName<F>>(
    fn: F,
    action: A,
    input: InputOf<F, A>,
    who: Identity | null,
  ): Promise<Envelope<OutputOf<F, A>>>;
  /** Grants staff rights in the roles collection (as an admin would) and returns the identity. */
  makeStaff(name: string, role?: Exclude<Role, 'worker'>, centreIds?: string[]): Promise<Identity>;
  /** Seeds the database with the product's first-run content. */
  seed(): Promise<unknown>;
  /** close() and delete the data folder. */
  destroy(): Promise<void>;
}

/** The data of an ok envelope; a refusal fails the test (or the benchmark) with its code. */
export function okOf<T>(res: Envelope<T>): T {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data;
}

/** Database requests made while `fn` runs (total and per action), from the local database's counters. */
export async function dbRequestsDuring<T>(
  cloud: LocalCloud,
  fn: () => Promise<T>,
): Promise<{ requests: number; byAction: Record<string, number>; journaledBytes: number; result: T }> {
  const before = cloud.db.stats();
  const result = await fn();
  const after = cloud.db.stats();
  const byAction: Record<string, number> = {};
  for (const [action, n] of Object.entries(after.byAction)) {
    const delta = n - (before.byAction[action] ?? 0);
    if (delta) byAction[action.replace('database.', '')] = delta;
  }
  return { requests: after.requests - before.requests, byAction, journaledBytes: after.journaledBytes - before.journaledBytes, result };
}

/** A stable worker identity for tests: worker(1), worker(2)... */
export function worker(n: number | string): Identity {
  return { openid: `test-worker-${n}` };
}

export async function startTestCloud(opts: { seed?: boolean; maxInstancesPerFunction?: number } = {}): Promise<TestCloud> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zgj-test-'));
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: path.join(REPO, 'cloudfunctions'),
    maxInstancesPerFunction: opts.maxInstancesPerFunction ?? 4,
  });
  const test: TestCloud = Object.assign(cloud, {
    dataDir,
    async call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: InputOf<F, A>, who: Identity | null) {
      return (await cloud.invoke(fn, { action, input }, who)) as Envelope<OutputOf<F, A>>;
    },
    async makeStaff(name: string, role: Exclude<Role, 'worker'> = 'admin', centreIds: string[] = []) {
      const identity = { openid: `test-staff-${name}` };
      const answer = (await cloud.db.handle({
        action: 'database.modifyDocument',
        collectionName: COLLECTIONS.roles,
        queryType: 'DOC',
        query: JSON.stringify({ _id: identity.openid }),
        data: JSON.stringify({ role, name, centreIds }),
        multi: false,
        merge: false,
        upsert: true,
      })) as { code?: string; message?: string };
      if (answer.code) throw new Error(`could not grant staff rights: ${answer.message}`);
      return identity;
    },
    seed: () => cloud.exec(path.join(REPO, 'server', 'seed', 'run.ts')),
    async destroy() {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
  if (opts.seed) await test.seed();
  return test;
}
