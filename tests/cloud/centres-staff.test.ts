/**
 * Staff at a centre and the day-before reminder, through the real centres function: the day's
 * list (phones masked, no OPENID), check-in by code, walk-ins, no-shows, closing a slot with the
 * bookers told, and the timer trigger's reminders only where the worker subscribed.
 */
import { fromShanghai, shanghaiDay } from '../../contract/time';
import { SUBSCRIBE_TEMPLATES } from '../../contract/subscribe-templates';
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import type { Identity } from '../../local-cloud';
import { docs, okOf, openSlots, rid, saveRoster, testRoster } from './centres-helpers';

jest.setTimeout(120_000);

let cloud: TestCloud;
let admin: Identity;
let staff: Identity;

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: 4 });
  admin = await cloud.makeStaff('centres-admin', 'admin');
  staff = await cloud.makeStaff('jiujiang-desk', 'centre_staff', ['jiujiang']);
  await saveRoster(cloud, admin, testRoster({ seats: 4 }));
}, 90_000);

afterAll(async () => {
  await cloud?.destroy();
});

const bookAs = (who: Identity, start: string, extra: { remind?: boolean; phone?: string } = {}) =>
  cloud.call('centres', 'book', { centreId: 'jiujiang', service: 'legal-consultation', start, requestId: rid(), remind: extra.remind ?? false, ...(extra.phone ? { phone: extra.phone } : {}) }, who);

describe('staff at a centre', () => {
  it('the day list masks phones and never shows an OPENID; staff of another centre are refused', async () => {
    const [slot] = await openSlots(cloud, 'jiujiang', 'legal-consultation');
    okOf(await bookAs(worker('list-1'), slot.start, { phone: '13812345678' }));
    const day = okOf(await cloud.call('centres', 'staffDay', { centreId: 'jiujiang', date: slot.date }, staff));
    const row = day.slots.find((s) => s.start === slot.start)!.bookings[0];
    expect(row.maskedPhone).toBe('138****5678');
    expect(JSON.stringify(day)).not.toContain('test-worker-list-1');
    expect(JSON.stringify(day)).not.toContain('13812345678');
    const other = await cloud.makeStaff('yannan-desk', 'centre_staff', ['yannan']);
    const refused = await cloud.call('centres', 'staffDay', { centreId: 'jiujiang', date: slot.date }, other);
    expect(refused.ok ? '' : refused.error.code).toBe('NOT_YOUR_CENTRE');
    const asWorker = await cloud.call('centres', 'staffDay', { centreId: 'jiujiang', date: slot.date }, worker('list-1'));
    expect(asWorker.ok ? '' : asWorker.error.code).toBe('FORBIDDEN');
  });

  it('check-in by code works on the day only, once; a wrong code is CODE_NOT_FOUND', async () => {
    const [slot] = await openSlots(cloud, 'jiujiang', 'legal-consultation');
    const booking = okOf(await bookAs(worker('arrive'), slot.start));
    const early = await cloud.call('centres', 'staffCheckIn', { code: booking.code }, staff);
    expect(early.ok ? '' : early.error.code).toBe('NOT_TODAY');
    cloud.setTimeOffset(new Date(slot.start).getTime() - Date.now() - 10 * 60_000);
    try {
      const lower = booking.code.toLowerCase(); // typed on a phone keyboard
      expect(okOf(await cloud.call('centres', 'staffCheckIn', { code: lower }, staff)).status).toBe('arrived');
      expect(okOf(await cloud.call('centres', 'staffCheckIn', { code: booking.code }, staff)).status).toBe('arrived');
    } finally {
      cloud.setTimeOffset(0);
    }
    const wrong = await cloud.call('centres', 'staffCheckIn', { code: '22222222' }, staff);
    expect(wrong.ok ? '' : wrong.error.code).toBe('CODE_NOT_FOUND');
  });

  it('a walk-in takes a seat in the slot; the same form sent twice adds one', async () => {
    const [, slot] = await openSlots(cloud, 'jiujiang', 'legal-consultation');
    const requestId = rid('walk');
    const rows = await Promise.all([1, 2].map(() =>
      cloud.call('centres', 'staffWalkIn', { centreId: 'jiujiang', service: 'legal-consultation', start: slot.start, name: '李师傅', phone: '13900001111', requestId }, staff),
    ));
    expect(new Set(rows.map((r) => okOf(r).id)).size).toBe(1);
    expect(okOf(rows[0])).toMatchObject({ source: 'walk_in', status: 'arrived', name: '李师傅', maskedPhone: '139****1111' });
    const view = okOf(await cloud.call('centres', 'slots', { centreId: 'jiujiang', service: 'legal-consultation' }, null));
    expect(view.days.flatMap((d) => d.slots).find((s) => s.start === slot.start)?.left).toBe(3);
  });

  it('no-show only after the start; closing a slot ends its bookings and tells the subscribed bookers', async () => {
    const [, , slot] = await openSlots(cloud, 'jiujiang', 'legal-consultation');
    const subscribed = worker('told');
    const silent = worker('not-subscribed');
    cloud.openapi.grantSubscription(subscribed.openid, SUBSCRIBE_TEMPLATES.bookingChanged.id);
    const a = okOf(await bookAs(subscribed, slot.start));
    okOf(await bookAs(silent, slot.start));
    const early = await cloud.call('centres', 'staffNoShow', { id: a.id }, staff);
    expect(early.ok ? '' : early.error.code).toBe('BAD_INPUT');
    const before = cloud.openapi.calls.length;
    const closed = okOf(await cloud.call('centres', 'staffCloseSlot', { centreId: 'jiujiang', service: 'legal-consultation', start: slot.start, reason: '律师临时有事' }, staff));
    expect(closed).toEqual({ closed: true, told: 2, notified: 1 });
    const sent = cloud.openapi.calls.slice(before).filter((c) => c.api === 'subscribeMessage.send');
    expect(sent.map((c) => [c.data.touser, c.errCode]).sort()).toEqual([[silent.openid, 43101], [subscribed.openid, 0]].sort());
    const mine = okOf(await cloud.call('centres', 'myBookings', {}, subscribed));
    expect(mine[0].status).toBe('closed');
    const again = await bookAs(worker('late-comer'), slot.start);
    expect(again.ok ? '' : again.error.code).toBe('SLOT_CLOSED');
  });
});

describe('the day-before reminder (timer trigger)', () => {
  it('reminds tomorrow\'s bookers who subscribed, once, with field values WeChat accepts', async () => {
    const view = okOf(await cloud.call('centres', 'slots', { centreId: 'jiujiang', service: 'legal-consultation' }, null));
    const tomorrow = view.days[1];
    const [s1, s2] = tomorrow.slots.filter((s) => s.state === 'open').slice(-2);
    const yes = worker('remind-yes');
    const no = worker('remind-no');
    cloud.openapi.grantSubscription(yes.openid, SUBSCRIBE_TEMPLATES.bookingReminder.id);
    okOf(await bookAs(yes, s1.start, { remind: true }));
    okOf(await bookAs(no, s2.start, { remind: false }));
    const before = cloud.openapi.calls.length;
    // At 23:00 Shanghai (quiet hours) the run sends nothing and claims nothing: deferred, not dropped.
    const offsetTo = (wallTime: string) => fromShanghai(`${shanghaiDay(Date.now())} ${wallTime}`).getTime() - Date.now();
    cloud.setTimeOffset(offsetTo('23:00'));
    try {
      const quiet = (await cloud.runTimer('centres')) as { ok: boolean; data: { sent: number; quiet: boolean } };
      expect(quiet.data).toMatchObject({ sent: 0, quiet: true });
    } finally {
      cloud.setTimeOffset(0);
    }
    expect(cloud.openapi.calls.length).toBe(before);
    expect(docs(cloud, 'bookings', { openid: yes.openid })[0]).toMatchObject({ reminded: false });
    // The trigger's own time, 18:00 the same day: tomorrow is still the booking's day.
    cloud.setTimeOffset(offsetTo('18:00'));
    const result = (await cloud.runTimer('centres').finally(() => cloud.setTimeOffset(0))) as {
      ok: boolean;
      data: { date: string; sent: number; refused: number };
    };
    expect(result.ok).toBe(true);
    expect(result.data).toMatchObject({ date: tomorrow.date, sent: 1, refused: 0 });
    const sent = cloud.openapi.calls.slice(before).filter((c) => c.api === 'subscribeMessage.send');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ errCode: 0, data: { touser: yes.openid, template_id: SUBSCRIBE_TEMPLATES.bookingReminder.id } });
    cloud.setTimeOffset(offsetTo('18:05')); // the next run of the 5-minute timer: nothing twice
    const again = (await cloud.runTimer('centres').finally(() => cloud.setTimeOffset(0))) as { data: { sent: number } };
    expect(again.data.sent).toBe(0);
    expect(docs(cloud, 'bookings', { openid: yes.openid })[0]).toMatchObject({ reminded: true });
  });
});
