/**
 * The station service point (平安返乡) through the real station function on the local cloud, with
 * several instances racing: gift stock, once-per-day counting, the QR code, staff counts.
 */
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import type { Identity } from '../../local-cloud';
import { shanghai, shanghaiDay } from '../../contract/time';
import { addDays } from '../../server/domain/centres/slots';
import { createCampaign, docs, okOf, testCampaign as campaign } from './centres-helpers';

jest.setTimeout(180_000);

let cloud: TestCloud;
let admin: Identity;
/** The campaign of the gift rush, used again by the stock test. */
let rush = '';

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: 8 });
  admin = await cloud.makeStaff('station-admin', 'admin');
}, 90_000);

afterAll(async () => {
  await cloud?.destroy();
});


describe('station taps under concurrency (8 instances)', () => {
  it('300 workers tapping the gift at once for 100 gifts: exactly 100 given, stock 0, never below', async () => {
    rush = (await createCampaign(cloud, admin)).id;
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => cloud.call('station', 'tap', { campaignId: rush, serviceId: 'gift' }, worker(`gift-${i}`))),
    );
    const data = results.map(okOf);
    expect(data.filter((d) => d.gift === 'given')).toHaveLength(100);
    expect(data.filter((d) => d.gift === 'out')).toHaveLength(200);
    const [stock] = docs(cloud, 'station_stock', { _id: `${rush}:gift` });
    expect(stock).toMatchObject({ stock: 100, left: 0 });
    expect(docs(cloud, 'station_taps', { campaignId: rush, serviceId: 'gift' })).toHaveLength(100);
    const counted = docs(cloud, 'station_counts', { campaignId: rush, serviceId: 'gift' }).reduce((s, c) => s + (c.n as number), 0);
    expect(counted).toBe(100);
    // One of the lucky ones taps again: "already", no second gift.
    const lucky = data.findIndex((d) => d.gift === 'given');
    const again = okOf(await cloud.call('station', 'tap', { campaignId: rush, serviceId: 'gift' }, worker(`gift-${lucky}`)));
    expect(again).toMatchObject({ counted: false, gift: 'already' });
  });

  it('a tap retried 20 times at once on a weak signal counts one 人次', async () => {
    const retry = (await createCampaign(cloud, admin)).id;
    const me = worker('weak-signal');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => cloud.call('station', 'tap', { campaignId: retry, serviceId: 'tea' }, me)),
    );
    expect(results.map(okOf).filter((d) => d.counted)).toHaveLength(1);
    const counts = docs(cloud, 'station_counts', { campaignId: retry });
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatchObject({ serviceId: 'tea', n: 1, date: shanghaiDay(new Date()), hour: shanghai(new Date()).format('HH') });
  });

  it('many workers tapping the same service in the same hour at once: every 人次 counted in one hourly counter', async () => {
    const hourly = (await createCampaign(cloud, admin)).id;
    await Promise.all(Array.from({ length: 60 }, (_, i) => cloud.call('station', 'tap', { campaignId: hourly, serviceId: 'water' }, worker(`h-${i}`))));
    const counts = docs(cloud, 'station_counts', { campaignId: hourly, serviceId: 'water' });
    expect(counts.reduce((s, c) => s + (c.n as number), 0)).toBe(60);
    expect(counts.length).toBeLessThanOrEqual(2); // the run may straddle an hour
  });

  it('counts again the next day (the key is per worker, service and day), but a gift only once ever', async () => {
    const days = (await createCampaign(cloud, admin, { endDate: addDays(shanghaiDay(new Date()), 2) })).id;
    const me = worker('two-days');
    okOf(await cloud.call('station', 'tap', { campaignId: days, serviceId: 'tea' }, me));
    okOf(await cloud.call('station', 'tap', { campaignId: days, serviceId: 'gift' }, me));
    cloud.setTimeOffset(86_400_000);
    try {
      expect(okOf(await cloud.call('station', 'tap', { campaignId: days, serviceId: 'tea' }, me)).counted).toBe(true);
      expect(okOf(await cloud.call('station', 'tap', { campaignId: days, serviceId: 'gift' }, me)).gift).toBe('already');
      const point = okOf(await cloud.call('station', 'point', { id: days }, me));
      expect(point.services.find((s) => s.id === 'tea')?.done).toBe(true);
    } finally {
      cloud.setTimeOffset(0);
    }
    const stats = okOf(await cloud.call('station', 'staffStats', { campaignId: days }, admin));
    expect(stats.total).toBe(3);
    expect(stats.byDay).toHaveLength(2);
  });
});

describe('the station page and staff', () => {
  it('the page reads the campaign from the QR scene, still URI-encoded or not, with no sign-in', async () => {
    for (const scene of ['c%3Ddemo', 'c=demo']) {
      const point = okOf(await cloud.call('station', 'point', { scene }, null));
      expect(point.campaign.id).toBe('demo');
      expect(point.phase).toBe('running');
      expect(point.services.map((s) => s.label)).toEqual(['热水', '姜茶', '急救药品', '返乡安全知识', '购票指引', '返乡礼品']);
      expect(point.services.find((s) => s.kind === 'gift')?.left).toBe(100);
    }
    const bad = await cloud.call('station', 'point', { scene: 'x=nothing' }, null);
    expect(bad.ok ? '' : bad.error.code).toBe('CAMPAIGN_NOT_FOUND');
  });

  it('a tap needs a WeChat identity, a running campaign and a real service', async () => {
    const anonymous = await cloud.call('station', 'tap', { campaignId: 'demo', serviceId: 'tea' }, null);
    expect(anonymous.ok ? '' : anonymous.error.code).toBe('NOT_SIGNED_IN');
    const past = await cloud.call('station', 'tap', { campaignId: 'cy2027', serviceId: 'tea' }, worker(1));
    // The seeded Spring Festival campaign is ahead of today (unless the run falls inside it).
    if (!past.ok) expect(past.error.code).toBe('CAMPAIGN_NOT_STARTED');
    const missing = await cloud.call('station', 'tap', { campaignId: 'demo', serviceId: 'beer' }, worker(1));
    expect(missing.ok ? '' : missing.error.code).toBe('STATION_SERVICE_NOT_FOUND');
  });

  it('staff print the QR code: wxacode.getUnlimited with a scene within 32 chars and a page without a leading /', async () => {
    const before = cloud.openapi.calls.length;
    const qr = okOf(await cloud.call('station', 'staffQrCode', { campaignId: 'demo' }, admin));
    expect(qr.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(qr.dataUrl.split(',')[1], 'base64');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const call = cloud.openapi.calls.slice(before).find((c) => c.api === 'wxacode.getUnlimited')!;
    expect(call.errCode).toBe(0);
    expect(String(call.data.scene).length).toBeLessThanOrEqual(32);
    expect(call.data.page).toBe('packages/station/pages/point/index');
    expect(qr.scene).toBe('c=demo');
  });

  it('staff of another centre cannot manage the campaign; workers cannot at all', async () => {
    const other = await cloud.makeStaff('yannan-staff', 'centre_staff', ['yannan']);
    const res = await cloud.call('station', 'staffStats', { campaignId: 'demo' }, other);
    expect(res.ok ? '' : res.error.code).toBe('NOT_YOUR_CENTRE');
    const w = await cloud.call('station', 'staffStats', { campaignId: 'demo' }, worker(5));
    expect(w.ok ? '' : w.error.code).toBe('FORBIDDEN');
    const own = await cloud.makeStaff('shatou-staff', 'centre_staff', ['shatou']);
    okOf(await cloud.call('station', 'staffStats', { campaignId: 'demo' }, own));
  });

  it('staff see live counts by service and hour, and the total', async () => {
    const taps = [['tea', 1], ['tea', 2], ['water', 1], ['gift', 3]] as const;
    for (const [serviceId, n] of taps) okOf(await cloud.call('station', 'tap', { campaignId: 'demo', serviceId }, worker(`stats-${n}`)));
    const stats = okOf(await cloud.call('station', 'staffStats', { campaignId: 'demo' }, admin));
    expect(stats.total).toBe(4);
    expect(stats.byService.find((s) => s.id === 'tea')?.total).toBe(2);
    expect(stats.byHour.reduce((s, h) => s + h.total, 0)).toBe(4);
    expect(stats.gifts).toEqual([{ id: 'gift', label: '返乡礼品', stock: 100, left: 99 }]);
  });

  it('lowering gift stock below what was handed out is refused (stock never below zero)', async () => {
    const c = { ...campaign(), id: rush };
    const res = await cloud.call('station', 'staffSaveCampaign', { ...c, services: c.services.map((s) => (s.kind === 'gift' ? { ...s, stock: 50 } : s)) }, admin);
    expect(res.ok ? '' : res.error.code).toBe('BAD_INPUT');
    okOf(await cloud.call('station', 'staffSaveCampaign', { ...c, services: c.services.map((s) => (s.kind === 'gift' ? { ...s, stock: 120 } : s)) }, admin));
    expect(docs(cloud, 'station_stock', { _id: `${rush}:gift` })[0]).toMatchObject({ stock: 120, left: 20 });
  });
});

describe('taps count only while the campaign is open (its days, its daily hours in Shanghai)', () => {
  const today = shanghaiDay(new Date());
  const hour = shanghai(new Date()).hour();
  // Hours that leave out the time of this run, whatever it is.
  const closedHours = hour < 12 ? { opens: '13:00', closes: '14:00' } : { opens: '01:00', closes: '02:00' };
  const cases = [
    ['before its first day', { startDate: addDays(today, 1), endDate: addDays(today, 3) }, 'CAMPAIGN_NOT_STARTED', '服务点还没开始，到开始那天再来'],
    ['after its last day', { startDate: addDays(today, -3), endDate: addDays(today, -1) }, 'CAMPAIGN_ENDED', '服务点已经结束了，谢谢你'],
    ['outside its daily hours', closedHours, 'STATION_CLOSED_NOW', `现在不在服务时间（每天 ${closedHours.opens.replace(/^0/, '')}–${closedHours.closes.replace(/^0/, '')}）`],
  ] as const;

  it.each(cases)('a tap %s is refused with a plain reason and nothing is counted or given', async (_when, dates, code, message) => {
    const { id } = await createCampaign(cloud, admin, dates);
    for (const serviceId of ['tea', 'gift']) {
      const res = await cloud.call('station', 'tap', { campaignId: id, serviceId }, worker(`closed-${code}`));
      expect(res.ok ? 'ok' : [res.error.code, res.error.message]).toEqual([code, message]);
    }
    expect(docs(cloud, 'station_taps', { campaignId: id })).toHaveLength(0);
    expect(docs(cloud, 'station_counts', { campaignId: id })).toHaveLength(0);
    expect(docs(cloud, 'station_stock', { campaignId: id })[0]).toMatchObject({ stock: 100, left: 100 });
    const point = okOf(await cloud.call('station', 'point', { id }, worker(`closed-${code}`)));
    expect(point.openNow).toBe(false);
    expect(point.services.every((s) => !s.done)).toBe(true);
  });

  it('the same campaign counts within its hours: an all-day campaign is open now', async () => {
    const { id } = await createCampaign(cloud, admin);
    expect(okOf(await cloud.call('station', 'point', { id }, null)).openNow).toBe(true);
    expect(okOf(await cloud.call('station', 'tap', { campaignId: id, serviceId: 'tea' }, worker('open-now'))).counted).toBe(true);
  });
});
