/**
 * Bookings through the real centres function on the local cloud, with several instances racing at
 * the one database: seats, double booking, idempotency, weekly limits, cancel and reschedule.
 */
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import type { Identity } from '../../local-cloud';
import { docs, okOf, openSlots, rid, saveRoster, testRoster } from './centres-helpers';

jest.setTimeout(180_000);

let cloud: TestCloud;
let admin: Identity;

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: 8 });
  admin = await cloud.makeStaff('bookings-admin', 'admin');
}, 90_000);

afterAll(async () => {
  await cloud?.destroy();
});

const bookInput = (start: string, extra: Partial<{ service: 'legal-consultation' | 'rights-help' | 'job-referral'; requestId: string; remind: boolean; phone: string }> = {}) => ({
  centreId: 'jiujiang',
  service: extra.service ?? ('legal-consultation' as const),
  start,
  requestId: extra.requestId ?? rid(),
  remind: extra.remind ?? false,
  ...(extra.phone ? { phone: extra.phone } : {}),
});

describe('booking invariants under concurrency (8 instances)', () => {
  it('500 workers at once for 20 seats: exactly 20 bookings, the rest SLOT_FULL, the counter at 0', async () => {
    await saveRoster(cloud, admin, testRoster({ seats: 20 }));
    const [slot] = await openSlots(cloud, 'jiujiang', 'legal-consultation');
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) => cloud.call('centres', 'book', bookInput(slot.start), worker(`rush-${i}`))),
    );
    const booked = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(booked).toHaveLength(20);
    expect(new Set(refused.map((r) => (r.ok ? '' : r.error.code)))).toEqual(new Set(['SLOT_FULL']));
    const stored = docs(cloud, 'bookings', { slotId: { $regex: `:${slot.date.replace(/-/g, '')}T${slot.time.replace(':', '')}$` }, status: 'booked', service: 'legal-consultation' });
    expect(stored).toHaveLength(20);
    const [counter] = docs(cloud, 'slots', { _id: stored[0].slotId as string });
    expect(counter).toMatchObject({ seats: 20, left: 0 });
    // Every refused worker got their weekly quota back.
    const quotas = docs(cloud, 'booking_quotas');
    const used = quotas.reduce((sum, q) => sum + (5 - (q.left as number)), 0);
    expect(used).toBe(20);
  });

  it('the same worker booking two services at the same start at once gets exactly one', async () => {
    await saveRoster(cloud, admin, testRoster({ service: 'rights-help', seats: 5 }));
    await saveRoster(cloud, admin, testRoster({ service: 'job-referral', seats: 5 }));
    const slots = await openSlots(cloud, 'jiujiang', 'rights-help');
    const slot = slots[3];
    const me = worker('double');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        cloud.call('centres', 'book', bookInput(slot.start, { service: i % 2 ? 'rights-help' : 'job-referral' }), me),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r.ok ? '' : r.error.code).toBe('ALREADY_BOOKED_THEN');
    const mine = docs(cloud, 'bookings', { openid: me.openid, status: 'booked' });
    expect(mine).toHaveLength(1);
    // The seats taken by the refused attempts were given back.
    const counters = docs(cloud, 'slots', { date: slot.date, service: { $in: ['rights-help', 'job-referral'] } }).filter(
      (c) => new Date(c.start as string).toISOString() === slot.start,
    );
    expect(counters.reduce((sum, c) => sum + (c.seats as number) - (c.left as number), 0)).toBe(1);
  });

  it('a press retried 20 times at once books once and answers the same booking every time', async () => {
    const [slot] = (await openSlots(cloud, 'jiujiang', 'rights-help')).slice(5);
    const me = worker('retry');
    const requestId = rid('same');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => cloud.call('centres', 'book', bookInput(slot.start, { service: 'rights-help', requestId }), me)),
    );
    const ids = new Set(results.map((r) => okOf(r).id));
    expect(ids.size).toBe(1);
    expect(docs(cloud, 'bookings', { openid: me.openid })).toHaveLength(1);
    const counters = docs(cloud, 'slots', { service: 'rights-help' }).filter((c) => new Date(c.start as string).toISOString() === slot.start);
    expect(counters[0]).toMatchObject({ seats: 5, left: 4 });
  });

  it('the weekly limit holds when one worker books five slots of the same week at once', async () => {
    await saveRoster(cloud, admin, testRoster({ service: 'integration', seats: 5, rules: { minNoticeMinutes: 0, windowDays: 14, perPersonPerWeek: 2, changeUntilHours: 2 } }));
    const slots = await openSlots(cloud, 'jiujiang', 'integration');
    // Five slots on one day: always the same week.
    const day = slots[0].date;
    const sameDay = slots.filter((s) => s.date === day).slice(0, 5);
    expect(sameDay.length).toBe(5);
    const me = worker('limit');
    const results = await Promise.all(
      sameDay.map((s) => cloud.call('centres', 'book', { centreId: 'jiujiang', service: 'integration', start: s.start, requestId: rid(), remind: false }, me)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(['WEEKLY_LIMIT', 'WEEKLY_LIMIT', 'WEEKLY_LIMIT']);
  });
});

describe('cancel and reschedule', () => {
  it('cancel gives the seat and the weekly quota back, and frees the time for another booking', async () => {
    await saveRoster(cloud, admin, testRoster({ service: 'hardship-aid', seats: 1 }));
    const [slot] = await openSlots(cloud, 'jiujiang', 'hardship-aid');
    const a = worker('cancel-a');
    const b = worker('cancel-b');
    const booking = okOf(await cloud.call('centres', 'book', { ...bookInput(slot.start), service: 'hardship-aid', sensitiveConsent: true }, a));
    const full = await cloud.call('centres', 'book', { ...bookInput(slot.start), service: 'hardship-aid', sensitiveConsent: true }, b);
    expect(full.ok ? '' : full.error.code).toBe('SLOT_FULL');
    // Someone else cannot cancel it.
    const theirs = await cloud.call('centres', 'cancel', { id: booking.id }, b);
    expect(theirs.ok ? '' : theirs.error.code).toBe('NOT_FOUND');
    // Cancelled twice at once: one cancellation, one seat given back.
    const cancels = await Promise.all([1, 2, 3].map(() => cloud.call('centres', 'cancel', { id: booking.id }, a)));
    for (const c of cancels) expect(okOf(c).status).toBe('cancelled');
    const counter = docs(cloud, 'slots', { service: 'hardship-aid' }).find((c) => new Date(c.start as string).toISOString() === slot.start);
    expect(counter).toMatchObject({ seats: 1, left: 1 });
    // The time is free again for a (the unique key was replaced when the booking ended), and the seat for anyone.
    okOf(await cloud.call('centres', 'book', { ...bookInput(slot.start), service: 'hardship-aid', sensitiveConsent: true }, a));
    const again = await cloud.call('centres', 'book', { ...bookInput(slot.start), service: 'hardship-aid', sensitiveConsent: true }, b);
    expect(again.ok ? '' : again.error.code).toBe('SLOT_FULL');
  });

  it('reschedule takes the new seat and gives back the old one; racing reschedules leave one booking holding one seat', async () => {
    await saveRoster(cloud, admin, testRoster({ service: 'job-referral', seats: 3 }));
    const slots = (await openSlots(cloud, 'jiujiang', 'job-referral')).slice(6);
    const me = worker('move');
    const booking = okOf(await cloud.call('centres', 'book', { ...bookInput(slots[0].start), service: 'job-referral' }, me));
    const targets = [slots[1], slots[2], slots[3], slots[4]];
    const moves = await Promise.all(targets.map((t) => cloud.call('centres', 'reschedule', { id: booking.id, start: t.start }, me)));
    // Racing moves of one booking either win in turn (each from the then-current start) or lose to
    // the move under way (操作的人太多了，请稍后再试).
    const moved = moves.filter((m) => m.ok);
    expect(moved.length).toBeGreaterThanOrEqual(1);
    for (const m of moves.filter((x) => !x.ok)) expect(['BOOKING_NOT_ACTIVE', 'CONFLICT']).toContain(m.ok ? '' : m.error.code);
    const counterAt = (start: string) =>
      docs(cloud, 'slots', { service: 'job-referral' }).find((c) => new Date(c.start as string).toISOString() === start);
    const taken = [slots[0], ...targets].map((s) => counterAt(s.start)).reduce((sum, c) => sum + (c ? (c.seats as number) - (c.left as number) : 0), 0);
    expect(taken).toBe(1);
    const newStart = new Date(docs(cloud, 'bookings', { _id: booking.id })[0].start as string).toISOString();
    expect(targets.map((t) => t.start)).toContain(newStart);
    expect(counterAt(newStart)).toMatchObject({ left: 2 });
    expect(counterAt(slots[0].start)).toMatchObject({ left: 3 });
  });

  it('reschedule onto a time the worker already holds is refused and leaks no seat', async () => {
    await saveRoster(cloud, admin, testRoster({ service: 'job-referral', seats: 3 }));
    const slots = (await openSlots(cloud, 'jiujiang', 'job-referral')).slice(10);
    const me = worker('clash');
    const first = okOf(await cloud.call('centres', 'book', { ...bookInput(slots[0].start), service: 'job-referral' }, me));
    okOf(await cloud.call('centres', 'book', { ...bookInput(slots[1].start), service: 'legal-consultation' }, me));
    const res = await cloud.call('centres', 'reschedule', { id: first.id, start: slots[1].start }, me);
    expect(res.ok ? '' : res.error.code).toBe('ALREADY_BOOKED_THEN');
    const counter = docs(cloud, 'slots', { service: 'job-referral' }).find((c) => new Date(c.start as string).toISOString() === slots[1].start);
    expect(counter ? counter.left : 3).toBe(3);
  });
});

describe('rules', () => {
  it('refuses a time that is not a slot, a closed day, too soon and too far, with their codes', async () => {
    await saveRoster(cloud, admin, testRoster({ service: 'legal-consultation', centreId: 'gongzi', seats: 2, rules: { minNoticeMinutes: 24 * 60, windowDays: 7, perPersonPerWeek: 5, changeUntilHours: 2 } }));
    const view = okOf(await cloud.call('centres', 'slots', { centreId: 'gongzi', service: 'legal-consultation' }, null));
    expect(view.days).toHaveLength(7);
    const me = worker('rules');
    const book = (start: string) => cloud.call('centres', 'book', { centreId: 'gongzi', service: 'legal-consultation', start, requestId: rid(), remind: false }, me);
    const code = async (start: string) => {
      const r = await book(start);
      return r.ok ? 'ok' : r.error.code;
    };
    const open = view.days.flatMap((d) => d.slots).find((s) => s.state === 'open')!;
    expect(await code(new Date(new Date(open.start).getTime() + 15 * 60_000).toISOString())).toBe('SLOT_NOT_FOUND');
    const soon = view.days[0].slots.find((s) => s.state === 'too_soon');
    if (soon) expect(await code(soon.start)).toBe('TOO_SOON');
    expect(await code(new Date(new Date(open.start).getTime() + 10 * 86_400_000).toISOString())).toBe('TOO_FAR');
    okOf(await cloud.call('centres', 'staffSaveClosure', { centreId: 'gongzi', date: open.date, reason: '培训' }, admin));
    expect(await code(open.start)).toBe('CENTRE_CLOSED_DAY');
    const after = okOf(await cloud.call('centres', 'slots', { centreId: 'gongzi', service: 'legal-consultation' }, null));
    const closedDay = after.days.find((d) => d.date === open.date)!;
    expect(closedDay.closedReason).toBe('培训');
    expect(closedDay.slots).toEqual([]);
  });

  it('困难帮扶 tells hardship finances: refused without its own tick, booked with it and the time kept', async () => {
    await saveRoster(cloud, admin, testRoster({ centreId: 'yannan', service: 'hardship-aid', seats: 5 }));
    const [slot] = await openSlots(cloud, 'yannan', 'hardship-aid');
    const me = worker('hardship');
    const input = { centreId: 'yannan', service: 'hardship-aid' as const, start: slot.start, remind: false };
    const refused = await cloud.call('centres', 'book', { ...input, requestId: rid() }, me);
    expect(refused.ok ? '' : refused.error.code).toBe('SENSITIVE_CONSENT_REQUIRED');
    expect(refused.ok ? '' : refused.error.message).toContain('家庭经济困难情况');
    expect(docs(cloud, 'bookings', { openid: me.openid })).toHaveLength(0);
    const booking = okOf(await cloud.call('centres', 'book', { ...input, requestId: rid(), sensitiveConsent: true }, me));
    const [stored] = docs(cloud, 'bookings', { _id: booking.id });
    expect(stored.sensitiveConsentAt).toBeDefined();
    // Nothing sensitive in a 法律咨询 booking: no tick needed, none kept.
    const [other] = docs(cloud, 'bookings', { service: 'legal-consultation' });
    expect(other.sensitiveConsentAt).toBeUndefined();
  });

  it('a booking keeps what the worker comes about (想咨询的事) for the desk; risky words are refused and nothing is booked', async () => {
    await saveRoster(cloud, admin, testRoster({ centreId: 'gongzi', service: 'legal-consultation', seats: 5 }));
    const [slot] = await openSlots(cloud, 'gongzi', 'legal-consultation');
    const me = worker('topic');
    const input = { centreId: 'gongzi', service: 'legal-consultation' as const, start: slot.start, remind: false };
    const refused = await cloud.call('centres', 'book', { ...input, requestId: rid(), topic: '帮我赌博赢回工资' }, me);
    expect(refused.ok ? '' : refused.error.code).toBe('TEXT_REFUSED');
    expect(docs(cloud, 'bookings', { openid: me.openid })).toHaveLength(0);
    const tooLong = await cloud.call('centres', 'book', { ...input, requestId: rid(), topic: '工'.repeat(41) }, me);
    expect(tooLong.ok ? '' : tooLong.error.message).toBe('想咨询的事最多40个字');
    const booking = okOf(await cloud.call('centres', 'book', { ...input, requestId: rid(), topic: '  老板拖了两个月工资 ' }, me));
    expect(booking.topic).toBe('老板拖了两个月工资');
    const day = okOf(await cloud.call('centres', 'staffDay', { centreId: 'gongzi', date: slot.date }, admin));
    const row = day.slots.flatMap((s) => s.bookings).find((b) => b.id === booking.id);
    expect(row?.topic).toBe('老板拖了两个月工资');
    // Without a topic the booking says none.
    const [later] = (await openSlots(cloud, 'gongzi', 'legal-consultation')).slice(30);
    expect(okOf(await cloud.call('centres', 'book', { ...input, start: later.start, requestId: rid() }, me)).topic).toBe('');
    // 我的数据 lists it; deleting the worker's data removes it with the phone and name.
    const mine = okOf(await cloud.call('account', 'myData', {}, me));
    expect(JSON.stringify(mine)).toContain('想咨询：老板拖了两个月工资');
    okOf(await cloud.call('account', 'deleteMyData', { confirm: '删除我的数据' }, me));
    expect(docs(cloud, 'bookings', { _id: booking.id })[0].topic).toBe('');
  });

  it('cancel and reschedule stop N hours before the start (clock moved forward)', async () => {
    const [slot] = (await openSlots(cloud, 'jiujiang', 'legal-consultation')).slice(20);
    const me = worker('late');
    const booking = okOf(await cloud.call('centres', 'book', bookInput(slot.start), me));
    expect(booking.changeable).toBe(true);
    cloud.setTimeOffset(new Date(slot.start).getTime() - Date.now() - 60 * 60_000); // one hour before
    try {
      const res = await cloud.call('centres', 'cancel', { id: booking.id }, me);
      expect(res.ok ? '' : res.error.code).toBe('TOO_LATE_TO_CHANGE');
      const list = okOf(await cloud.call('centres', 'myBookings', {}, me));
      expect(list.find((b) => b.id === booking.id)?.changeable).toBe(false);
    } finally {
      cloud.setTimeOffset(0);
    }
  });

  it('我的预约 lists only the caller\'s bookings, and one booking carries a PNG QR code', async () => {
    const me = worker('retry');
    const list = okOf(await cloud.call('centres', 'myBookings', {}, me));
    expect(list).toHaveLength(1);
    const one = okOf(await cloud.call('centres', 'booking', { id: list[0].id }, me));
    expect(one.qrDataUrl.startsWith('data:image/png;base64,')).toBe(true);
    expect(one.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const other = await cloud.call('centres', 'booking', { id: list[0].id }, worker('someone-else'));
    expect(other.ok ? '' : other.error.code).toBe('NOT_FOUND');
    const anonymous = await cloud.call('centres', 'myBookings', {}, null);
    expect(anonymous.ok ? '' : anonymous.error.code).toBe('NOT_SIGNED_IN');
  });

  it('nearest centre with a free slot today: by distance from the centre the worker picked, by the union order without', async () => {
    const res = okOf(await cloud.call('centres', 'nearestFree', {}, null));
    // The seeded rosters follow office hours; the test rosters at 九江镇 run 08:00–20:00 every day.
    if (res) {
      expect(typeof res.centreName).toBe('string');
      expect(res.distanceKm).toBeUndefined();
    }
    const near = okOf(await cloud.call('centres', 'nearestFree', { near: 'jiujiang' }, null));
    if (near) expect(typeof near.distanceKm).toBe('number');
    if (near?.centreId === 'jiujiang') expect(near.distanceKm).toBe(0);
    const unknown = await cloud.call('centres', 'nearestFree', { near: 'nowhere' }, null);
    expect(unknown.ok ? '' : unknown.error.code).toBe('NOT_FOUND');
  });
});
