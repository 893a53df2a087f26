/**
 * 便民日 through the real centres function: numbers from a per-queue sequence under concurrency,
 * one ticket per worker per queue, windows with seats, walk-ins in the same queue, calling the next,
 * giving a number back (racing a call of the same number, pressed twice, retried after taking again).
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

describe('giving a 便民日 number back', () => {
  let fairId2: string;
  let staff: Identity;
  const ROUNDS = 10;

  beforeAll(async () => {
    staff = await cloud.makeStaff('shatou-giveback', 'centre_staff', ['shatou']);
    const fair = okOf(
      await cloud.call('centres', 'staffSaveFair', {
        centreId: 'shatou',
        date: addDays(shanghaiDay(new Date()), 4),
        title: '退号测试',
        opens: '09:00',
        closes: '12:00',
        place: '服务中心门前',
        queues: [
          { id: 'main', name: '义剪' },
          { id: 'win', name: '法律咨询', windows: [{ start: '09:00', end: '10:00', seats: 1 }] },
          ...Array.from({ length: ROUNDS }, (_, i) => ({ id: `race${i}`, name: `比${i}` })),
        ],
      }, admin),
    );
    fairId2 = fair.id;
  });

  const take = async (who: Identity, queueId = 'main') => okOf(await cloud.call('centres', 'takeNumber', { fairId: fairId2, queueId }, who));
  const queueOf = async (queueId = 'main', who: Identity | null = null) => {
    const fair = okOf(await cloud.call('centres', 'fair', { id: fairId2 }, who));
    return { queue: fair.queues.find((q) => q.id === queueId)!, mine: fair.mine };
  };

  it('a given-back number is never issued again, is skipped by the call and leaves the counts', async () => {
    const [a, b, c] = [worker('gb-a'), worker('gb-b'), worker('gb-c')];
    const ta = await take(a);
    const tb = await take(b);
    const tc = await take(c);
    expect([ta.number, tb.number, tc.number]).toEqual([1, 2, 3]);

    const back = okOf(await cloud.call('centres', 'giveBackNumber', { id: tb.id, requestId: rid() }, b));
    expect(back).toMatchObject({ number: 2, state: 'returned', fairId: fairId2, canTakeAgain: true });
    const seen = await queueOf('main', c);
    expect(seen.queue).toMatchObject({ issued: 3, serving: 0, waiting: 2, givenBack: 1 });
    expect(seen.mine[0]).toMatchObject({ number: 3, ahead: 1, state: 'waiting' });

    // The worker who gave 2 back takes again: a new number at the end, never 2.
    const again = await take(b);
    expect(again).toMatchObject({ id: tb.id, number: 4, state: 'waiting' });
    expect((await take(worker('gb-d'))).number).toBe(5);

    // Calling goes 1, then 3 (2 was given back), then 4.
    const called = [];
    for (let i = 0; i < 3; i += 1) {
      const day = okOf(await cloud.call('centres', 'staffCallNext', { fairId: fairId2, queueId: 'main' }, staff));
      called.push(day.queues.find((q) => q.id === 'main')!.serving);
    }
    expect(called).toEqual([1, 3, 4]);
    expect((await queueOf('main')).queue).toMatchObject({ issued: 5, serving: 4, waiting: 1, givenBack: 1 });
    expect(docs(cloud, 'fair_tickets', { queueKey: `${fairId2}:main` }).map((t) => t.number).sort()).toEqual([1, 3, 4, 5]);
  });

  it('a number in a time window gives its seat back to the window (the number itself stays spent)', async () => {
    const first = okOf(await cloud.call('centres', 'takeNumber', { fairId: fairId2, queueId: 'win', window: '09:00' }, worker('win-a')));
    const full = await cloud.call('centres', 'takeNumber', { fairId: fairId2, queueId: 'win', window: '09:00' }, worker('win-b'));
    expect(full.ok ? '' : full.error.code).toBe('WINDOW_FULL');
    okOf(await cloud.call('centres', 'giveBackNumber', { id: first.id, requestId: rid() }, worker('win-a')));
    expect((await queueOf('win')).queue.windows[0].left).toBe(1);
    const second = okOf(await cloud.call('centres', 'takeNumber', { fairId: fairId2, queueId: 'win', window: '09:00' }, worker('win-b')));
    expect(second.number).toBe(first.number + 1);
    expect((await queueOf('win')).queue).toMatchObject({ issued: 2, waiting: 1, givenBack: 1 });
  });

  it('a number already called cannot be given back; someone else\'s ticket is not found', async () => {
    const [a] = docs(cloud, 'fair_tickets', { queueKey: `${fairId2}:main`, number: 1 });
    const called = await cloud.call('centres', 'giveBackNumber', { id: String(a._id), requestId: rid() }, worker('gb-a'));
    expect(called.ok ? '' : called.error.code).toBe('NUMBER_CALLED');
    const [d] = docs(cloud, 'fair_tickets', { queueKey: `${fairId2}:main`, number: 5 });
    const stranger = await cloud.call('centres', 'giveBackNumber', { id: String(d._id), requestId: rid() }, worker('gb-a'));
    expect(stranger.ok ? '' : stranger.error.code).toBe('TICKET_NOT_FOUND');
    expect((await queueOf('main')).queue).toMatchObject({ waiting: 1, givenBack: 1 });
  });

  it('ten presses of 退号 at once give the number back once', async () => {
    const me = worker('gb-double');
    const t = await take(me);
    const same = rid();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => cloud.call('centres', 'giveBackNumber', { id: t.id, requestId: i < 5 ? same : rid() }, me)),
    );
    for (const r of results) expect(okOf(r)).toMatchObject({ number: t.number, state: 'returned' });
    const queue = docs(cloud, 'fair_queues', { _id: `${fairId2}:main` })[0] as { returned: number[] };
    expect(queue.returned.filter((n) => n === t.number)).toHaveLength(1);
  });

  it('a retried 退号 after taking again answers the old number and leaves the new one alone', async () => {
    const me = worker('gb-retry');
    const first = await take(me);
    const press = rid();
    okOf(await cloud.call('centres', 'giveBackNumber', { id: first.id, requestId: press }, me));
    const second = await take(me);
    expect(second.number).toBeGreaterThan(first.number);
    const retried = okOf(await cloud.call('centres', 'giveBackNumber', { id: first.id, requestId: press }, me));
    expect(retried).toMatchObject({ number: first.number, state: 'returned' });
    const { mine } = await queueOf('main', me);
    expect(mine).toEqual([expect.objectContaining({ number: second.number, state: 'waiting' })]);
    // 我的数据 keeps both: the number held and the one given back.
    const data = okOf(await cloud.call('account', 'myData', {}, me));
    const fair = data.sections.find((x) => x.key === 'fair')!;
    expect(fair.items.map((i) => i.detail)).toEqual([expect.stringMatching(new RegExp(`${second.number}号 · 退过${first.number}号$`))]);
  });

  it(`退号 racing the staff calling the same number: exactly one wins, ${ROUNDS} rounds at once`, async () => {
    const rounds = await Promise.all(
      Array.from({ length: ROUNDS }, async (_, i) => {
        const queueId = `race${i}`;
        const first = await take(worker(`race-a${i}`), queueId);
        const second = await take(worker(`race-b${i}`), queueId);
        const giveBack = () => cloud.call('centres', 'giveBackNumber', { id: first.id, requestId: rid() }, worker(`race-a${i}`));
        const callNext = () => cloud.call('centres', 'staffCallNext', { fairId: fairId2, queueId }, staff);
        // Half the rounds send the call first, so both orders of arrival are raced.
        const [back, call] = i % 2 ? await Promise.all([giveBack(), callNext()]) : await Promise.all([callNext(), giveBack()]).then(([c, b]) => [b, c] as const);
        const { queue } = await queueOf(queueId);
        return { first: first.number, second: second.number, back, call, queue };
      }),
    );
    for (const r of rounds) {
      expect(r.call.ok).toBe(true);
      if (r.back.ok) {
        // The give-back came first: the call skipped the number, nobody is left waiting.
        expect(r.queue).toMatchObject({ serving: r.second, waiting: 0, givenBack: 1 });
      } else {
        expect(r.back.error.code).toBe('NUMBER_CALLED');
        expect(r.queue).toMatchObject({ serving: r.first, waiting: 1, givenBack: 0 });
      }
    }
  });
});
