/**
 * Issue 10, item 4: a station tap cut off after each of its writes (as by kill -9: nothing after
 * the k-th write reaches the database) leaves nothing the timer does not settle, and never tells a
 * worker who got no gift "你已经领过". The cut is made at the database door of the local cloud, so
 * the real function code runs in its real instance up to the cut.
 */
import { cutAfter as cutDb } from '../support/db-cut';
import { checkInvariants } from '../support/invariants';
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import type { Identity } from '../../local-cloud';
import { createCampaign, docs, okOf } from './centres-helpers';

jest.setTimeout(180_000);

let cloud: TestCloud;
let admin: Identity;
beforeAll(async () => {
  cloud = await startTestCloud({ maxInstancesPerFunction: 2 });
  admin = await cloud.makeStaff('crash-admin', 'admin');
}, 90_000);
afterEach(() => cloud.setTimeOffset(0));
afterAll(async () => {
  await cloud?.destroy();
});

const cutAfter = <T>(k: number, fn: () => Promise<T>) => cutDb(cloud, k, fn);

const tap = (campaignId: string, serviceId: string, who: Identity) => cloud.call('station', 'tap', { campaignId, serviceId }, who);

function expectSettled(): void {
  expect(checkInvariants(cloud).violations).toEqual([]);
  expect(docs(cloud, 'station_taps', { done: false })).toEqual([]);
}

describe.each([
  ['gift', 'gift'],
  ['service', 'tea'],
])('a %s tap cut after each write', (_kind, serviceId) => {
  let campaignId = '';
  let steps = 0;

  beforeAll(async () => {
    campaignId = (await createCampaign(cloud, admin)).id;
    // The uninterrupted tap: how many writes it makes (the first tap of its hour makes the most).
    const whole = await cutAfter(Infinity, () => tap(campaignId, serviceId, worker(`${campaignId}-first`)));
    okOf(whole.result);
    steps = whole.writes;
    expect(steps).toBeGreaterThanOrEqual(3);
  });

  it('retried by the worker: the retry finishes it and tells the truth', async () => {
    for (let k = 1; k < steps + 2; k++) {
      const who = worker(`${campaignId}-retry-${k}`);
      const cut = await cutAfter(k, () => tap(campaignId, serviceId, who));
      const again = okOf(await tap(campaignId, serviceId, who));
      if (serviceId === 'gift') {
        // Cut before its last write: the retry gives it; cut after (or not at all): a record with its time.
        expect([k, again.gift]).toEqual([k, cut.result.ok ? 'already' : 'given']);
        expect(again.message).not.toMatch(/领过/);
        if (cut.result.ok) expect(again.message).toMatch(/^返乡礼品已在\d\d:\d\d登记给你，没拿到请找志愿者$/);
      } else expect([k, again.message]).toEqual([k, expect.stringMatching(/已记下|今天已经记下了/)]);
      const third = okOf(await tap(campaignId, serviceId, who));
      expect(third.counted).toBe(false);
      expectSettled();
    }
  });

  it('abandoned: the timer settles it, and a gift nobody was told to collect can be tapped again', async () => {
    for (let k = 1; k < steps + 2; k++) {
      const who = worker(`${campaignId}-left-${k}`);
      const cut = await cutAfter(k, () => tap(campaignId, serviceId, who));
      cloud.setTimeOffset(3 * 60_000);
      await Promise.all([cloud.runTimer('station'), cloud.runTimer('station')]); // overlapping runs
      cloud.setTimeOffset(0);
      expectSettled();
      const again = okOf(await tap(campaignId, serviceId, who));
      if (serviceId === 'gift') {
        // Cut mid-way it was undone (the worker never heard "请向志愿者领取"), so it is given now.
        expect([k, again.gift]).toEqual([k, cut.result.ok ? 'already' : 'given']);
        expect(again.message).not.toMatch(/领过/);
      }
      expectSettled();
    }
  });
});
