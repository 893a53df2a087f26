/**
 * Database requests per action (each costs tens of milliseconds in WeChat's cloud), counted by the
 * local cloud's database for one call of each action after a warm-up call. Areas with their own
 * bench module (events, centres, station) count their actions there.
 */
import type { ActionName, FunctionName, InputOf } from '../contract';
import { startTestCloud, worker } from '../tests/support/local-cloud';

interface Probe<F extends FunctionName = FunctionName> {
  fn: F;
  action: ActionName<F>;
  input: InputOf<F, ActionName<F>>;
  staff?: boolean;
}

const PROBES: Probe[] = [
  { fn: 'centres', action: 'list', input: {} },
  { fn: 'centres', action: 'get', input: { id: 'shatou' } },
  { fn: 'account', action: 'me', input: {} },
  { fn: 'account', action: 'setNickname', input: { nickname: '小王' } },
] as Probe[];

export async function run(): Promise<Record<string, unknown>> {
  const cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: 1 });
  try {
    const who = worker('bench');
    const figures: Record<string, number> = {};
    for (const probe of PROBES) {
      await cloud.invoke(probe.fn, { action: probe.action, input: probe.input }, who); // warm-up
      const before = cloud.db.stats().requests;
      const res = (await cloud.invoke(probe.fn, { action: probe.action, input: probe.input }, who)) as { ok: boolean };
      if (!res.ok) throw new Error(`${probe.fn}.${probe.action} failed: ${JSON.stringify(res)}`);
      figures[`${probe.fn}.${probe.action}`] = cloud.db.stats().requests - before;
    }
    return { requestsPerCall: figures };
  } finally {
    await cloud.destroy();
  }
}
