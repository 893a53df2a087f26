import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
}, 60000);

afterAll(async () => {
  await cloud?.destroy();
});

describe('account function: identity comes from the platform', () => {
  it('says "not signed in" without a WeChat identity', async () => {
    const res = await cloud.call('account', 'me', {}, null);
    expect(res).toEqual({ ok: true, data: { signedIn: false, maskedOpenid: null, nickname: null, role: 'worker', centreIds: [] } });
  });

  it('refuses worker actions without an identity', async () => {
    const res = await cloud.call('account', 'setNickname', { nickname: '小王' }, null);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('NOT_SIGNED_IN');
  });

  it('keeps each caller their own: concurrent callers each see only their own name', async () => {
    const callers = Array.from({ length: 24 }, (_, i) => worker(`nick-${i}`));
    await Promise.all(callers.map((who, i) => cloud.call('account', 'setNickname', { nickname: `职工${i}` }, who)));
    const answers = await Promise.all(callers.map((who) => cloud.call('account', 'me', {}, who)));
    answers.forEach((res, i) => {
      if (!res.ok) throw new Error(res.error.message);
      expect(res.data.nickname).toBe(`职工${i}`);
      expect(res.data.maskedOpenid).toBe(`test…${`nick-${i}`.slice(-4)}`);
    });
  });

  it('ignores an openid sent in the input: the schema refuses it and nothing is written', async () => {
    const victim = worker('victim');
    await cloud.call('account', 'setNickname', { nickname: '本人' }, victim);
    const forged = (await cloud.invoke(
      'account',
      { action: 'setNickname', input: { nickname: '冒名', openid: victim.openid } },
      worker('attacker'),
    )) as { ok: boolean; error?: { code: string } };
    expect(forged.ok).toBe(false);
    expect(forged.error?.code).toBe('BAD_INPUT');
    const mine = await cloud.call('account', 'me', {}, victim);
    expect(mine.ok && mine.data.nickname).toBe('本人');
  });

  it('reads staff rights from the roles collection', async () => {
    const staff = await cloud.makeStaff('李主任', 'centre_staff', ['shatou']);
    const res = await cloud.call('account', 'me', {}, staff);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data).toMatchObject({ role: 'centre_staff', centreIds: ['shatou'], nickname: '李主任' });
  });

  it('trims and bounds the nickname (zh-CN field message)', async () => {
    const res = await cloud.call('account', 'setNickname', { nickname: '   ' }, worker(9));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('BAD_INPUT');
      expect(res.error.fields?.nickname).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
