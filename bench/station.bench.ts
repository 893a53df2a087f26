/**
 * The station service point on the local cloud (the built station function, 8 instances):
 *   - database requests per tap: a service, a gift, a retried tap, the page after a scan, staff stats;
 *   - 300 concurrent gift taps for 100 gifts: outcome, throughput, p50/p99 latency.
 */
import { dbRequestsDuring, startTestCloud, worker, type TestCloud } from '../tests/support/local-cloud';
import { percentile } from './support';
import { createCampaign } from '../tests/cloud/centres-helpers';

/** Database requests one call makes. */
const requests = async (cloud: TestCloud, fn: () => Promise<unknown>) => (await dbRequestsDuring(cloud, fn)).requests;

export async function run(): Promise<Record<string, unknown>> {
  const cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: 8 });
  try {
    const admin = await cloud.makeStaff('bench-station', 'admin');
    const { id: bench } = await createCampaign(cloud, admin, {
      name: '压测',
      services: [
        { id: 'tea', label: '姜茶', kind: 'service' },
        { id: 'gift', label: '返乡礼品', kind: 'gift', stock: 100 },
      ],
      tips: [],
    });
    await Promise.all(Array.from({ length: 8 }, () => cloud.call('station', 'current', {}, null)));
    const me = worker('bench-tapper');
    const firstInHour = await requests(cloud, () => cloud.call('station', 'tap', { campaignId: bench, serviceId: 'tea' }, worker('bench-first')));
    const serviceTap = await requests(cloud, () => cloud.call('station', 'tap', { campaignId: bench, serviceId: 'tea' }, me));
    const retried = await requests(cloud, () => cloud.call('station', 'tap', { campaignId: bench, serviceId: 'tea' }, me));
    const giftTap = await requests(cloud, () => cloud.call('station', 'tap', { campaignId: bench, serviceId: 'gift' }, me));
    const point = await requests(cloud, () => cloud.call('station', 'point', { scene: 'c%3Dbench' }, me));
    const stats = await requests(cloud, () => cloud.call('station', 'staffStats', { campaignId: bench }, admin));

    const latencies: number[] = [];
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const t0 = performance.now();
        const res = await cloud.call('station', 'tap', { campaignId: bench, serviceId: 'gift' }, worker(`gift-${i}`));
        latencies.push(performance.now() - t0);
        return res;
      }),
    );
    const elapsedMs = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const outcome: Record<string, number> = {};
    for (const r of results) {
      const key = r.ok ? (r.data.gift ?? 'counted') : r.error.code;
      outcome[key] = (outcome[key] ?? 0) + 1;
    }
    const [stock] = cloud.db.find('station_stock', { _id: 'bench:gift' });
    return {
      dbRequestsPerTap: { service: serviceTap, serviceFirstInHour: firstInHour, retriedDuplicate: retried, gift: giftTap },
      dbRequestsPerAction: { pointAfterScan: point, staffStats: stats },
      concurrentGiftTaps: {
        callers: 300,
        stock: 100,
        instances: 8,
        outcome,
        stockLeft: stock?.left,
        elapsedMs: Math.round(elapsedMs),
        throughputPerSecond: Math.round((300 / elapsedMs) * 1000),
        p50Ms: Math.round(percentile(latencies, 50)),
        p99Ms: Math.round(percentile(latencies, 99)),
      },
    };
  } finally {
    await cloud.destroy();
  }
}

if (require.main === module) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)), (e) => {
    console.error(e);
    process.exit(1);
  });
}
