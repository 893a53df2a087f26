/**
 * 便民日 through the real centres function: numbers from a per-queue sequence under concurrency,
 * one ticket per worker per queue, windows with seats, walk-ins in the same queue, calling the next.
 */
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import type { Identity } from '../../local-cloud';
import { addDays } from '../../server/domain/centres/slots';
import { shanghaiDay } from '../../contract/time';
import { docs, okOf, rid } from './centres-helpers';

jest.setTimeout(120_000);

let cloud: TestCloud;
let admin: Identity;
let fairId: string;

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: 8 });
  admin = await cloud.makeStaff('fair-admin', 'admin');
  const date = addDays(shanghaiDay(new Date()), 3);
  const fair = okOf(
    await cloud.call('centres', 'staffSaveFair', {
      centreId: 'shatou',
      date,
      title: '测试便民日',
      opens: '09:00',
      closes: '12:00',
      place: '服务中心门前',
      queues: [
        { id: 'haircut', name: '义剪' },
        { id: 'legal', name: '法律咨询', windows: [{ start: '09:00', end: '10:00', seats: 4 }] },
      ],
    }, admin),
  );
  fairId = fair.id;
}, 90_000);

afterAll(async () => {
  await cloud?.destroy();
});

describe('便民日 queues', () => {
  it('100 workers taking a number at once get 1..100, each once', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => cloud.call('centres', 'takeNumber', { fairId, queueId: 'haircut' }, worker(`fair-${i}`))),
    );
    const numbers = results.map((r) => okOf(r).number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(docs(cloud, 'fair_queues', { _id: `${fairId}:haircut` })[0]).toMatchObject({ issued: 100, serving: 0 });
  });

  it('one worker pressing 20 times at once holds one number', async () => {
    const me = worker('fair-impatient');
    const results = await Promise.all(Array.from({ length: 20 }, () => cloud.call('centres', 'takeNumber', { fairId, queueId: 'haircut' }, me)));
    expect(new Set(results.map((r) => okOf(r).number)).size).toBe(1);
    expect(docs(cloud, 'fair_tickets', { fairId, openid: me.openid })).toHaveLength(1);
  });

  it('a window with 4 seats gives 4 numbers to 10 workers at once; the rest hear WINDOW_FULL', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => cloud.call('centres', 'takeNumber', { fairId, queueId: 'legal', window: '09:00' }, worker(`win-${i}`))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    for (const r of results.filter((x) => !x.ok)) expect(r.ok ? '' : r.error.code).toBe('WINDOW_FULL');
    const fair = okOf(await cloud.call('centres', 'fair', { id: fairId }, null));
    expect(fair.queues.find((q) => q.id === 'legal')?.windows[0].left).toBe(0);
  });

  it('a walk-in joins the same sequence; calling next moves everyone ahead', async () => {
    const staff = await cloud.makeStaff('shatou-fair', 'centre_staff', ['shatou']);
    const walkIn = okOf(await cloud.call('centres', 'staffFairWalkIn', { fairId, queueId: 'haircut', name: '陈阿姨', requestId: rid() }, staff));
    expect(walkIn.number).toBe(102);
    const me = worker('fair-5');
    const before = (await cloud.call('centres', 'fair', { id: fairId }, me));
    const ticket = okOf(before).mine[0];
    await cloud.call('centres', 'staffCallNext', { fairId, queueId: 'haircut' }, staff);
    await cloud.call('centres', 'staffCallNext', { fairId, queueId: 'haircut' }, staff);
    const after = okOf(await cloud.call('centres', 'fair', { id: fairId }, me));
    const q = after.queues.find((x) => x.id === 'haircut')!;
    expect(q.serving).toBe(2);
    expect(q.waiting).toBe(100);
    expect(after.mine[0].ahead).toBe(ticket.ahead - 2);
    const other = await cloud.makeStaff('yannan-fair', 'centre_staff', ['yannan']);
    const refused = await cloud.call('centres', 'staffCallNext', { fairId, queueId: 'haircut' }, other);
    expect(refused.ok ? '' : refused.error.code).toBe('NOT_YOUR_CENTRE');
  });

  it('lists the seeded 便民日 at 沙头 next month with its queues', async () => {
    const fairs = okOf(await cloud.call('centres', 'fairs', {}, null));
    const seeded = fairs.find((f) => f.title.endsWith('月便民日'));
    expect(seeded?.centreName).toBe('沙头文体公园职工·家服务中心');
    expect(seeded?.queueNames).toEqual(['义剪', '量血压', '家电维修', '法律咨询']);
  });
});
