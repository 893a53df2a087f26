/**
 * The outbox (server/domain/messages/outbox.ts) through real local-cloud instances: two timer runs
 * at once send each message exactly once; what one run cannot take is left pending and the next
 * run continues it; a claim left by a killed run is sent again, a live run's claim is not touched;
 * a cancellation tells every entrant who granted it once; 我的数据 drops what was not yet sent.
 */
import { SUBSCRIBE_TEMPLATES } from '../../contract/subscribe-templates';
import { RUN_LIMIT, STALE_CLAIM_MS } from '../../server/domain/messages/outbox';
import { insertDocs } from '../support/db-docs';
import { okOf, startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import { draft, form } from './events-helpers';
import { rid } from './centres-helpers';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ maxInstancesPerFunction: 4 });
}, 90000);

afterAll(async () => {
  await cloud?.destroy();
});

const templateId = SUBSCRIBE_TEMPLATES.bookingChanged.id;

/** An outbox document as a call queues it (server/domain/messages/outbox.ts). */
function queued(key: string, touser: string, extra: Record<string, unknown> = {}) {
  return {
    _id: key,
    status: 'pending',
    touser,
    template: 'bookingChanged',
    templateId,
    page: 'packages/centres/pages/booking/index',
    data: { thing1: '法律咨询', time2: '2026-12-01 09:00', thing3: '已取消：律师临时有事', thing4: '九江镇职工之家' },
    createdAt: new Date(),
    attempts: 0,
    ...extra,
  };
}

const sendsTo = (prefix: string) =>
  cloud.openapi.calls.filter((c) => c.api === 'subscribeMessage.send' && String(c.data.touser).startsWith(prefix));

function timesEach(calls: { data: Record<string, unknown> }[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const c of calls) seen.set(String(c.data.touser), (seen.get(String(c.data.touser)) ?? 0) + 1);
  return seen;
}

type Tick = { ok: boolean; data: { outbox: { sent: number; left: number } } };

test('two timer runs at once send each message exactly once; the rest waits for the next run', async () => {
  const n = RUN_LIMIT + 100;
  const docs = Array.from({ length: n }, (_, i) => queued(`bookingChanged:twin-${i}`, `twin-${i}`));
  docs.forEach((d) => cloud.openapi.grantSubscription(d.touser, templateId));
  await insertDocs(cloud, 'outbox', docs);

  const [a, b] = (await Promise.all([cloud.runTimer('events'), cloud.runTimer('events')])) as Tick[];
  expect(a.ok && b.ok).toBe(true);
  // Each run reads at most RUN_LIMIT (the two reads overlap, or the later one sees what is left).
  const both = a.data.outbox.sent + b.data.outbox.sent;
  expect(both).toBeGreaterThanOrEqual(RUN_LIMIT);
  expect(both).toBeLessThanOrEqual(n);
  const next = (await cloud.runTimer('events')) as Tick;
  expect(next.data.outbox).toMatchObject({ sent: n - both, left: 0 });

  const sends = sendsTo('twin-');
  expect(sends).toHaveLength(n);
  expect([...timesEach(sends).values()].every((times) => times === 1)).toBe(true);
  expect(sends.every((c) => c.errCode === 0)).toBe(true);
  // Sent: the record keeps its key (no repeat), not the person or the content.
  const left = cloud.db.find('outbox', { _id: 'bookingChanged:twin-7' })[0];
  expect(left).toMatchObject({ status: 'sent', attempts: 1 });
  expect(left).not.toHaveProperty('touser');
  expect(left).not.toHaveProperty('data');
  const again = (await cloud.runTimer('events')) as Tick;
  expect(again.data.outbox.sent).toBe(0);
  expect(sendsTo('twin-')).toHaveLength(n);
});

test('a claim left by a killed run is sent again; a live run\'s claim is left alone', async () => {
  const stale = new Date(Date.now() - STALE_CLAIM_MS - 1000);
  const docs = [
    queued('bookingChanged:cut-dead', 'cut-dead', { status: 'sending', claim: 'killed-run', claimedAt: stale }),
    queued('bookingChanged:cut-live', 'cut-live', { status: 'sending', claim: 'live-run', claimedAt: new Date() }),
    queued('bookingChanged:cut-next', 'cut-next'),
  ];
  docs.forEach((d) => cloud.openapi.grantSubscription(d.touser, templateId));
  await insertDocs(cloud, 'outbox', docs);
  await cloud.runTimer('events');
  expect([...timesEach(sendsTo('cut-')).entries()].sort()).toEqual([
    ['cut-dead', 1],
    ['cut-next', 1],
  ]);
  expect(cloud.db.find('outbox', { _id: 'bookingChanged:cut-live' })[0]).toMatchObject({ status: 'sending', claim: 'live-run' });
});

test('cancelling an event tells every entrant who granted it, once, across the call and the timer', async () => {
  const admin = await cloud.makeStaff('发消息的管理员', 'admin');
  const eventId = okOf(await cloud.call('events', 'save', { draft: draft({ title: '要取消的大活动', capacity: 100 }) }, admin)).id;
  okOf(await cloud.call('events', 'setStatus', { id: eventId, status: 'published' }, admin));
  const people = Array.from({ length: 40 }, (_, i) => worker(`cancel-${i}`));
  const granted = people.filter((_, i) => i % 4 !== 0);
  granted.forEach((p) => cloud.openapi.grantSubscription(p.openid, SUBSCRIBE_TEMPLATES.eventCancelled.id, 2));
  for (let i = 0; i < people.length; i += 4) {
    await Promise.all(
      people.slice(i, i + 4).map(async (p, j) => {
        const subscribed: 'eventCancelled'[] = granted.includes(p) ? ['eventCancelled'] : [];
        okOf(await cloud.call('events', 'signUp', { eventId, requestId: rid(`cx${i + j}`), form: form(i + j), subscribed }, p));
      }),
    );
  }
  okOf(await cloud.call('events', 'setStatus', { id: eventId, status: 'cancelled' }, admin));
  await cloud.runTimer('events');
  await cloud.runTimer('events');
  const sends = sendsTo('test-worker-cancel-').filter((c) => c.data.template_id === SUBSCRIBE_TEMPLATES.eventCancelled.id);
  // Two grants each, yet one message each: the key, not WeChat's grant count, forbids a repeat.
  expect([...timesEach(sends).entries()].sort()).toEqual(granted.map((p) => [p.openid, 1]).sort());
  expect(sends.every((c) => c.errCode === 0)).toBe(true);
});

test('我的数据 → delete drops the messages not yet sent to the worker, without their content', async () => {
  const me = worker('outbox-leaver');
  await insertDocs(cloud, 'outbox', [queued('bookingChanged:leaver', me.openid)]);
  okOf(await cloud.call('account', 'deleteMyData', { confirm: '删除我的数据' }, me));
  const doc = cloud.db.find('outbox', { _id: 'bookingChanged:leaver' })[0];
  expect(doc).toMatchObject({ status: 'dropped' });
  expect(JSON.stringify(doc)).not.toContain(me.openid);
  await cloud.runTimer('events');
  expect(sendsTo(me.openid)).toHaveLength(0);
});

test('我的数据 → delete frees a seat and the account function tells the next in line (its permission is derived)', async () => {
  const admin = await cloud.makeStaff('一个名额的管理员', 'admin');
  const eventId = okOf(await cloud.call('events', 'save', { draft: draft({ title: '只有一个名额', capacity: 1 }) }, admin)).id;
  okOf(await cloud.call('events', 'setStatus', { id: eventId, status: 'published' }, admin));
  const [leaving, next] = [worker('seat-leaver'), worker('seat-next')];
  cloud.openapi.grantSubscription(next.openid, SUBSCRIBE_TEMPLATES.waitlistOffer.id);
  okOf(await cloud.call('events', 'signUp', { eventId, requestId: rid('sl1'), form: form(1) }, leaving));
  okOf(await cloud.call('events', 'signUp', { eventId, requestId: rid('sl2'), form: form(2), subscribed: ['waitlistOffer'] }, next));
  okOf(await cloud.call('account', 'deleteMyData', { confirm: '删除我的数据' }, leaving));
  expect(sendsTo(next.openid).map((c) => ({ caller: c.caller, errCode: c.errCode, template: c.data.template_id }))).toEqual([
    { caller: 'account', errCode: 0, template: SUBSCRIBE_TEMPLATES.waitlistOffer.id },
  ]);
});

test('in quiet hours the timer sends notices but keeps reminders for the morning', async () => {
  // 23:30 Shanghai today (15:30 UTC), whatever the clock of the machine.
  const night = new Date();
  night.setUTCHours(15, 30, 0, 0);
  cloud.setTimeOffset(night.getTime() - Date.now());
  try {
    cloud.openapi.grantSubscription('quiet-notice', templateId);
    cloud.openapi.grantSubscription('quiet-reminder', SUBSCRIBE_TEMPLATES.bookingReminder.id);
    await insertDocs(cloud, 'outbox', [
      queued('bookingChanged:quiet-notice', 'quiet-notice'),
      queued('bookingReminder:quiet-reminder', 'quiet-reminder', { template: 'bookingReminder', templateId: SUBSCRIBE_TEMPLATES.bookingReminder.id }),
    ]);
    await cloud.runTimer('events');
    expect(sendsTo('quiet-').map((c) => c.data.touser)).toEqual(['quiet-notice']);
    expect(cloud.db.find('outbox', { _id: 'bookingReminder:quiet-reminder' })[0]).toMatchObject({ status: 'pending' });
  } finally {
    cloud.setTimeOffset(0);
  }
});
