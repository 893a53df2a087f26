/**
 * Bookings on the local cloud (the built centres function, real wx-server-sdk, 8 instances):
 *   - database requests per booking (the first in a slot, and the steady state), per cancel,
 *     per slots view and per 我的预约, from cloud.db.stats() deltas;
 *   - 500 concurrent bookings for 20 seats: how many got a seat, throughput, p50/p99 latency.
 * `export async function run()` returns the figures; bench/run.ts prints them as JSON.
 */
import { dbRequestsDuring, okOf, startTestCloud, worker } from '../tests/support/local-cloud';
import { percentile } from './support';

export async function run(): Promise<Record<string, unknown>> {
  const cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: 8 });
  try {
    const admin = await cloud.makeStaff('bench-admin', 'admin');
    const roster = {
      centreId: 'jiujiang',
      service: 'legal-consultation' as const,
      periods: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '08:00', end: '20:00' })),
      durationMinutes: 60,
      seats: 20,
      rules: { minNoticeMinutes: 0, windowDays: 14, perPersonPerWeek: 5, changeUntilHours: 2 },
    };
    okOf(await cloud.call('centres', 'staffSaveRoster', roster, admin));
    const view = okOf(await cloud.call('centres', 'slots', { centreId: 'jiujiang', service: 'legal-consultation' }, null));
    const open = view.days.slice(1).flatMap((d) => d.slots.filter((s) => s.state === 'open'));
    // Warm the instances so cold starts do not count as database time.
    await Promise.all(Array.from({ length: 8 }, () => cloud.call('centres', 'list', {}, null)));

    let n = 0;
    const book = (start: string, who = worker(`bench-${n++}`)) =>
      cloud.call('centres', 'book', { centreId: 'jiujiang', service: 'legal-consultation', start, requestId: `bench${n}x${Date.now().toString(36)}`, remind: false }, who);

    const first = await dbRequestsDuring(cloud, () => book(open[0].start));
    const steady = await dbRequestsDuring(cloud, () => book(open[0].start));
    const full = await (async () => {
      const s = open[1];
      await Promise.all(Array.from({ length: 20 }, () => book(s.start)));
      return dbRequestsDuring(cloud, () => book(s.start));
    })();
    const someone = worker('bench-canceller');
    const mine = okOf(await book(open[2].start, someone));
    const cancel = await dbRequestsDuring(cloud, () => cloud.call('centres', 'cancel', { id: mine.id }, someone));
    const slotsView = await dbRequestsDuring(cloud, () => cloud.call('centres', 'slots', { centreId: 'jiujiang', service: 'legal-consultation' }, null));
    const myList = await dbRequestsDuring(cloud, () => cloud.call('centres', 'myBookings', {}, someone));
    const nearest = await dbRequestsDuring(cloud, () => cloud.call('centres', 'nearestFree', {}, null));

    // 500 concurrent bookings for one 20-seat slot.
    const target = open[5].start;
    const latencies: number[] = [];
    const before = cloud.db.stats().requests;
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 500 }, async (_, i) => {
        const t0 = performance.now();
        const res = await book(target, worker(`rush-${i}`));
        latencies.push(performance.now() - t0);
        return res;
      }),
    );
    const elapsedMs = performance.now() - started;
    const rushRequests = cloud.db.stats().requests - before;
    latencies.sort((a, b) => a - b);
    const codes: Record<string, number> = {};
    for (const r of results) {
      const key = r.ok ? 'booked' : r.error.code;
      codes[key] = (codes[key] ?? 0) + 1;
    }
    return {
      dbRequestsPerBooking: {
        firstInSlotAndWeek: first.requests,
        steadyState: steady.requests,
        steadyStateByAction: steady.byAction,
        refusedFull: full.requests,
      },
      dbRequestsPerAction: {
        cancel: cancel.requests,
        slots: slotsView.requests,
        myBookings: myList.requests,
        nearestFree: nearest.requests,
      },
      concurrentBookings: {
        callers: 500,
        seats: 20,
        instances: 8,
        outcome: codes,
        elapsedMs: Math.round(elapsedMs),
        throughputPerSecond: Math.round((500 / elapsedMs) * 1000),
        p50Ms: Math.round(percentile(latencies, 50)),
        p99Ms: Math.round(percentile(latencies, 99)),
        dbRequests: rushRequests,
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
