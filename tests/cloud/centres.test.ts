import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import { SEED_CENTRES } from '../../server/seed/centres';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true });
}, 60000);

afterAll(async () => {
  await cloud?.destroy();
});

describe('centres function through the local cloud', () => {
  it('lists the four 职工·家 centres in the union order, even without a WeChat identity', async () => {
    const res = await cloud.call('centres', 'list', {}, null);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.map((c) => c.name)).toEqual(SEED_CENTRES.map((c) => c.name));
    expect(res.data.map((c) => c.shortName)).toEqual(['九江镇', '沙头', '公资园区', '烟南村']);
    for (const c of res.data) {
      expect(typeof c.openNow).toBe('boolean');
      expect(c.services.length).toBeGreaterThan(0);
    }
  });

  it('answers one centre with its programmes', async () => {
    const res = await cloud.call('centres', 'get', { id: 'yannan' }, worker(1));
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.name).toBe('烟南村职工·家服务中心');
    expect(res.data.programmes.map((p) => p.name)).toContain('430学堂');
  });

  it('answers NOT_FOUND with a Chinese message for a missing centre', async () => {
    const res = await cloud.call('centres', 'get', { id: 'nowhere' }, worker(1));
    expect(res).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个服务中心' } });
  });

  it('refuses bad input with BAD_INPUT and per-field messages, never a stack trace', async () => {
    const res = (await cloud.invoke('centres', { action: 'get', input: { id: { $gt: '' } } }, worker(1))) as {
      ok: boolean;
      error: { code: string; fields: Record<string, string> };
    };
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('BAD_INPUT');
    expect(Object.keys(res.error.fields)).toEqual(['id']);
  });

  it('answers UNKNOWN_ACTION for an action that does not exist, and for a missing action', async () => {
    for (const event of [{ action: 'dropDatabase' }, { input: {} }, { action: '__proto__' }, 'not-an-object']) {
      const res = (await cloud.invoke('centres', event, worker(1))) as { ok: boolean; error?: { code: string } };
      expect(res.ok).toBe(false);
      expect(['UNKNOWN_ACTION', 'BAD_INPUT']).toContain(res.error?.code);
    }
  });
});
