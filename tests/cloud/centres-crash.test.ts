/**
 * Issue 10, item 4 for the centres: book, cancel, reschedule and a 便民日 number take cut off after
 * each of their writes (tests/support/db-cut.ts: nothing after the k-th write reaches the
 * database, as by kill -9), then settled — by the centres timer, or by the worker trying again.
 * Afterwards every slot's taken seats are the bookings holding one, every weekly quota's units the
 * bookings holding one (both through the counters' markers, tests/support/invariants.ts), nobody
 * holds two bookings at one start, and 我的预约 shows the worker what is true. The weekly limit is
 * 1, so a quota unit a crash kept would refuse the worker's next booking.
 */
import type { Slot } from '../../contract/centres/model';
import type { Identity } from '../../local-cloud';
import { addDays, weekStart } from '../../server/domain/centres/slots';
import { shanghaiDay } from '../../contract/time';
import { cutAfter } from '../support/db-cut';
import { checkInvariants } from '../support/invariants';
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import { docs, okOf, openSlots, rid, saveRoster, testRoster } from './centres-helpers';

jest.setTimeout(300_000);

const CENTRE = 'jiujiang';
const SERVICE = 'job-referral' as const;

let cloud: TestCloud;
let slots: Slot[];
beforeAll(async () => {
  cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: 2 });
  const admin = await cloud.makeStaff('centres-crash-admin', 'admin');
  await saveRoster(cloud, admin, testRoster({ service: SERVICE, seats: 200, rules: { minNoticeMinutes: 0, windowDays: 14, perPersonPerWeek: 1, changeUntilHours: 2 } }));
  slots = await openSlots(cloud, CENTRE, SERVICE);
}, 90_000);
afterEach(() => cloud.setTimeOffset(0));
afterAll(async () => {
  await cloud?.destroy();
});

const week = (s: Slot) => weekStart(s.date);
/** Slots of the n-th week in the window (14 days: there are always two). */
function weekOf(n: number): Slot[] {
  const weeks = [...new Set(slots.map(week))];
  return slots.filter((s) => week(s) === weeks[n]);
}

const book = (who: Identity, start: string, requestId = rid()) =>
  cloud.call('centres', 'book', { centreId: CENTRE, service: SERVICE, start, requestId, remind: false }, who);
const cancel = (who: Identity, id: string) => cloud.call('centres', 'cancel', { id }, who);
const reschedule = (who: Identity, id: string, start: string) => cloud.call('centres', 'reschedule', { id, start }, who);
const mine = async (who: Identity) => okOf(await cloud.call('centres', 'myBookings', {}, who)).map((b) => [b.start, b.status]);
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

/** The timer three minutes on (past STALE_PENDING_MS), twice at once: overlapping runs. */
async function settleByTimer(): Promise<void> {
  cloud.setTimeOffset(3 * 60_000);
  try {
    const runs = (await Promise.all([cloud.runTimer('centres'), cloud.runTimer('centres')])) as { ok: boolean }[];
    for (const run of runs) expect(run.ok).toBe(true);
  } finally {
    cloud.setTimeOffset(0);
  }
}

function expectSettled(k: number): void {
  expect([k, checkInvariants(cloud).violations]).toEqual([k, []]);
}

/** How many writes the uncut call makes (the cuts run from 1 to this). */
async function stepsOf(fn: () => Promise<{ ok: boolean }>): Promise<number> {
  const whole = await cutAfter(cloud, Infinity, fn);
  expect(whole.result.ok).toBe(true);
  return whole.writes;
}

describe('book cut after each write', () => {
  it('abandoned: the timer gives back what a booking nobody was told about took; the worker books again', async () => {
    const [slot, other] = weekOf(0);
    const steps = await stepsOf(() => book(worker('book-whole'), slot.start));
    expect(steps).toBeGreaterThanOrEqual(5); // rate limit, booking, quota, seat, done
    for (let k = 1; k <= steps; k++) {
      const who = worker(`book-left-${k}`);
      const cut = await cutAfter(cloud, k, () => book(who, slot.start));
      await settleByTimer();
      expectSettled(k);
      if (cut.result.ok) {
        // Told it is booked: it stays, and it used the week's one booking.
        expect([k, await mine(who)]).toEqual([k, [[slot.start, 'booked']]]);
        expect([k, codeOf(await book(who, other.start))]).toEqual([k, 'WEEKLY_LIMIT']);
      } else {
        // Never told: nothing of it is left, not the start, not the seat, not the week's quota.
        expect([k, await mine(who)]).toEqual([k, []]);
        expect([k, codeOf(await book(who, slot.start))]).toEqual([k, 'ok']);
        expect([k, await mine(who)]).toEqual([k, [[slot.start, 'booked']]]);
      }
      expectSettled(k);
    }
  });

  it('retried with the same request id: the retry finishes it at once, one booking', async () => {
    const [slot] = weekOf(0);
    const steps = await stepsOf(() => book(worker('book-whole-2'), slot.start));
    for (let k = 1; k <= steps; k++) {
      const who = worker(`book-retry-${k}`);
      const requestId = rid();
      await cutAfter(cloud, k, () => book(who, slot.start, requestId));
      expect([k, codeOf(await book(who, slot.start, requestId))]).toEqual([k, 'ok']);
      expect([k, await mine(who)]).toEqual([k, [[slot.start, 'booked']]]);
      expectSettled(k); // without the timer
    }
  });
});

describe('cancel cut after each write', () => {
  it('the seat and the week go back, by the timer or by the worker pressing again', async () => {
    const [slot, other] = weekOf(0);
    const whole = worker('cancel-whole');
    const first = okOf(await book(whole, slot.start));
    const steps = await stepsOf(() => cancel(whole, first.id));
    expect(steps).toBeGreaterThanOrEqual(4); // rate limit, end (recording what it gives back), seat, quota, clear
    for (const how of ['timer', 'retry'] as const) {
      for (let k = 1; k <= steps; k++) {
        const who = worker(`cancel-${how}-${k}`);
        const booking = okOf(await book(who, slot.start));
        const cut = await cutAfter(cloud, k, () => cancel(who, booking.id));
        if (how === 'timer') await settleByTimer();
        else expect([k, codeOf(await cancel(who, booking.id))]).toEqual([k, 'ok']);
        expectSettled(k);
        const cancelled = how === 'retry' || docs(cloud, 'bookings', { _id: booking.id })[0].status === 'cancelled';
        expect([k, await mine(who)]).toEqual([k, [[slot.start, cancelled ? 'cancelled' : 'booked']]]);
        if (cut.result.ok) expect(cancelled).toBe(true);
        // Cancelled: the week's one booking is free again for another time.
        expect([k, codeOf(await book(who, other.start))]).toEqual([k, cancelled ? 'ok' : 'WEEKLY_LIMIT']);
        expectSettled(k);
      }
    }
  });
});

describe.each([
  ['within the week', 0, 0],
  ['to the next week', 0, 1],
])('reschedule %s cut after each write', (_name, fromWeek, toWeek) => {
  it('the booking is at one start holding one seat and one week; the worker can move it again', async () => {
    const [from, sameWeekOther] = weekOf(fromWeek);
    const targets = weekOf(toWeek).filter((s) => s.start !== from.start && s.start !== sameWeekOther.start);
    const [to, third] = targets;
    const whole = worker(`move-whole-${toWeek}`);
    const first = okOf(await book(whole, from.start));
    const steps = await stepsOf(() => reschedule(whole, first.id, to.start));
    expect(steps).toBeGreaterThanOrEqual(5); // rate limit, move recorded, (quota), seat, moved, old seat, (old quota), clear
    for (const how of ['timer', 'retry'] as const) {
      for (let k = 1; k <= steps; k++) {
        const who = worker(`move-${toWeek}-${how}-${k}`);
        const booking = okOf(await book(who, from.start));
        const cut = await cutAfter(cloud, k, () => reschedule(who, booking.id, to.start));
        if (how === 'timer') await settleByTimer();
        else {
          // Pressed again minutes later: the call itself settles what the cut left, then moves.
          cloud.setTimeOffset(3 * 60_000);
          expect([k, codeOf(await reschedule(who, booking.id, to.start))]).toEqual([k, 'ok']);
          cloud.setTimeOffset(0);
        }
        expectSettled(k);
        const [now] = await mine(who);
        expect([k, now[1]]).toEqual([k, 'booked']);
        expect([k, [from.start, to.start]]).toEqual([k, expect.arrayContaining([now[0]])]);
        if (cut.result.ok || how === 'retry') expect([k, now[0]]).toEqual([k, to.start]);
        // Not blocked, and no week's quota kept by the cut: a move into the target week works.
        expect([k, codeOf(await reschedule(who, booking.id, third.start))]).toEqual([k, 'ok']);
        expect([k, await mine(who)]).toEqual([k, [[third.start, 'booked']]]);
        expectSettled(k);
      }
    }
  });
});

describe('a walk-in cut after each write', () => {
  it('the timer gives back the seat of one never confirmed; the same form sent again adds it once', async () => {
    const admin = await cloud.makeStaff('centres-crash-desk', 'admin');
    const [slot] = weekOf(0);
    const walkIn = (requestId: string) =>
      cloud.call('centres', 'staffWalkIn', { centreId: CENTRE, service: SERVICE, start: slot.start, name: '现场', requestId }, admin);
    const listed = async () => {
      const day = okOf(await cloud.call('centres', 'staffDay', { centreId: CENTRE, date: slot.date }, admin));
      return day.slots.flatMap((s) => s.bookings).filter((b) => b.source === 'walk_in').map((b) => b.id).sort();
    };
    const walkInIds = new Map<string, string>();
    const steps = await stepsOf(() => walkIn(rid()));
    expect(steps).toBeGreaterThanOrEqual(3); // the walk-in, its seat, confirmed (and the audit record)
    const before = await listed();
    for (const how of ['timer', 'retry'] as const) {
      for (let k = 1; k <= steps; k++) {
        const requestId = rid();
        const cut = await cutAfter(cloud, k, () => walkIn(requestId));
        if (how === 'timer') await settleByTimer();
        else walkInIds.set(requestId, okOf(await walkIn(requestId)).id);
        expectSettled(k);
        if (cut.result.ok) walkInIds.set(requestId, cut.result.data.id);
        // On the desk's list exactly the walk-ins confirmed (by the call itself or the form sent again).
        expect([k, how, await listed()]).toEqual([k, how, [...before, ...walkInIds.values()].sort()]);
      }
    }
  });
});

describe('便民日 number take cut after each write', () => {
  it('one transaction: a number is taken whole or not at all, and the worker gets exactly one', async () => {
    const admin = await cloud.makeStaff('centres-crash-fair', 'admin');
    const fair = okOf(
      await cloud.call(
        'centres',
        'staffSaveFair',
        {
          centreId: 'shatou',
          date: addDays(shanghaiDay(new Date()), 3),
          title: '测试便民日',
          opens: '09:00',
          closes: '12:00',
          place: '服务中心门前',
          queues: [{ id: 'haircut', name: '义剪' }],
        },
        admin,
      ),
    );
    const take = (who: Identity) => cloud.call('centres', 'takeNumber', { fairId: fair.id, queueId: 'haircut' }, who);
    const steps = await stepsOf(() => take(worker('fair-whole')));
    expect(steps).toBeGreaterThanOrEqual(3); // rate limit, the transaction's writes, its commit
    const cut: Identity[] = [];
    for (let k = 1; k <= steps; k++) {
      const who = worker(`fair-cut-${k}`);
      await cutAfter(cloud, k, () => take(who));
      expectSettled(k); // nothing half-written, before any retry
      // Cut inside the transaction, its write holds the queue until the database ends the
      // transaction (60 s): a take meanwhile is told to try again, and writes nothing.
      expect([k, ['ok', 'CONFLICT']]).toEqual([k, expect.arrayContaining([codeOf(await take(who))])]);
      expectSettled(k);
      cut.push(who);
    }
    // Once the cut transactions have ended, each of those workers takes a number: exactly one each.
    const deadline = Date.now() + 75_000;
    while (codeOf(await take(worker('fair-probe'))) === 'CONFLICT' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5_000));
    for (const [i, who] of cut.entries()) {
      const ticket = okOf(await take(who));
      expect([i, codeOf(await take(who))]).toEqual([i, 'ok']);
      expect([i, docs(cloud, 'fair_tickets', { openid: who.openid }).map((t) => t.number)]).toEqual([i, [ticket.number]]);
      const shown = okOf(await cloud.call('centres', 'myFairTickets', {}, who));
      expect([i, shown.map((t) => t.number)]).toEqual([i, [ticket.number]]);
    }
    expectSettled(steps);
  });
});

describe('bookings made before the markers', () => {
  /** Makes a booking look as one stored before crash safety: its units unmarked, no `marked`. */
  async function unmark(id: string): Promise<void> {
    const [b] = docs(cloud, 'bookings', { _id: id }) as { slotId: string; quotaId: string }[];
    const unset = (collection: string, _id: string, field: string) =>
      cloud.db.handle({
        action: 'database.modifyDocument',
        collectionName: collection,
        queryType: 'DOC',
        query: JSON.stringify({ _id }),
        data: JSON.stringify({ $unset: { [field]: '' } }),
        multi: false,
        merge: true,
        upsert: false,
      });
    await unset('slots', b.slotId, `m.${id}`);
    await unset('booking_quotas', b.quotaId, `m.${id}`);
    await unset('bookings', id, 'marked');
    const [slot] = docs(cloud, 'slots', { _id: b.slotId }) as { m?: Record<string, boolean> }[];
    expect(Object.keys(slot.m ?? {})).not.toContain(id);
  }

  it('are adopted when first changed: a cancel and a move give their units back', async () => {
    const [a, b] = weekOf(0);
    const [next] = weekOf(1);
    const cancelling = worker('legacy-cancel');
    const one = okOf(await book(cancelling, a.start));
    await unmark(one.id);
    expect(codeOf(await cancel(cancelling, one.id))).toBe('ok');
    expect(codeOf(await book(cancelling, b.start))).toBe('ok'); // the week's one booking came back
    const moving = worker('legacy-move');
    const two = okOf(await book(moving, a.start));
    await unmark(two.id);
    expect(codeOf(await reschedule(moving, two.id, next.start))).toBe('ok');
    expect(codeOf(await book(moving, b.start))).toBe('ok'); // its old week's unit came back
    expectSettled(0);
  });
});

