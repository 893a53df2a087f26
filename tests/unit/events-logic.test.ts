/** Pure events logic: the lottery draw, badges, eligibility and form checks, message values. */
import { badgeOf } from '../../server/domain/events/badge';
import { checkSignUp } from '../../server/domain/events/eligibility';
import { commitmentOf, draw, drawKey } from '../../server/domain/events/lottery';
import { thing } from '../../server/domain/events/notify';
import { subscribeTime } from '../../contract/subscribe-templates';
import { maskPhone } from '../../contract/privacy';
import { canCancel } from '../../server/domain/events/records';
import { CHUXI, nextFixed, nextMayDay, seedEventDrafts } from '../../server/seed/events';
import { fromShanghai } from '../../contract/time';
import type { FormField } from '../../contract/events/model';
import { checkInClosedText, checkInWindow } from '../../contract/events/check-in-window';
import { DOOR_CODE_ALPHABET, doorCodeOf, formatDoorCode } from '../../contract/events/door-code';

const applicants = Array.from({ length: 40 }, (_, i) => ({ id: `entry-${i}`, seats: i % 5 === 0 ? 3 : 1, priority: i % 4 === 0 ? 1 : 0 }));

describe('events lottery', () => {
  test('the same seed and applicants give the same draw, whoever runs it and in any input order', () => {
    const a = draw('seed-abc', applicants, 20);
    const b = draw('seed-abc', [...applicants].reverse(), 20);
    expect(b).toEqual(a);
  });

  test('a different seed gives a different order', () => {
    expect(draw('seed-abc', applicants, 20).order).not.toEqual(draw('seed-xyz', applicants, 20).order);
  });

  test('priority group 0 (first-time applicants) is drawn before group 1', () => {
    const { order } = draw('seed-abc', applicants, 20);
    const firstLater = order.findIndex((id) => applicants.find((a) => a.id === id)!.priority === 1);
    expect(order.slice(firstLater).every((id) => applicants.find((a) => a.id === id)!.priority === 1)).toBe(true);
  });

  test('winners fit the capacity exactly or below; a group that does not fit is passed over, not split', () => {
    const { winners, waitlist, order } = draw('seed-abc', applicants, 20);
    const seats = winners.reduce((n, id) => n + applicants.find((a) => a.id === id)!.seats, 0);
    expect(seats).toBeLessThanOrEqual(20);
    expect(winners.length + waitlist.length).toBe(applicants.length);
    expect(new Set([...winners, ...waitlist])).toEqual(new Set(order));
  });

  test('within a group the order is by sha256(seed:entryId), as docs/events.md says', () => {
    const { order } = draw('s', applicants.map((a) => ({ ...a, priority: 0 })), 100);
    const keys = order.map((id) => drawKey('s', id));
    expect(keys).toEqual([...keys].sort());
    expect(commitmentOf('s')).toBe('043a718774c572bd8a25adbeb1bfcd5c0256ae11cecf9f9c3f925d0e52beaf89');
  });
});

const base = {
  status: 'published' as const,
  allocation: 'first_come' as const,
  signUpOpensAt: new Date('2027-01-01T00:00:00Z'),
  signUpClosesAt: new Date('2027-02-01T00:00:00Z'),
  endsAt: new Date('2027-02-05T13:00:00Z'),
  capacity: 300,
  seatsLeft: 100,
  waiting: 0,
  waitlistLimit: 500,
  drawnAt: null,
};
const during = new Date('2027-01-10T00:00:00Z');

describe('events badges', () => {
  test('open, few, full, closed, ended, soon, cancelled', () => {
    expect(badgeOf(base, during)).toBe('open');
    expect(badgeOf({ ...base, seatsLeft: 30 }, during)).toBe('few');
    expect(badgeOf({ ...base, seatsLeft: 31 }, during)).toBe('open');
    expect(badgeOf({ ...base, seatsLeft: 0, waiting: 3 }, during)).toBe('full');
    expect(badgeOf({ ...base, seatsLeft: 0, waiting: 500 }, during)).toBe('closed');
    expect(badgeOf({ ...base, seatsLeft: 2, waiting: 1 }, during)).toBe('full');
    expect(badgeOf(base, new Date('2027-02-02T00:00:00Z'))).toBe('closed');
    expect(badgeOf(base, new Date('2027-02-06T00:00:00Z'))).toBe('ended');
    expect(badgeOf(base, new Date('2026-12-01T00:00:00Z'))).toBe('soon');
    expect(badgeOf({ ...base, status: 'cancelled' }, during)).toBe('cancelled');
    expect(badgeOf({ ...base, status: 'closed' }, during)).toBe('closed');
    // A draft is not closed: it has not opened yet (only staff see it).
    expect(badgeOf({ ...base, status: 'draft' }, during)).toBe('draft');
  });

  test('a small event is 名额紧张 at 5 seats or fewer', () => {
    expect(badgeOf({ ...base, capacity: 20, seatsLeft: 5 }, during)).toBe('few');
    expect(badgeOf({ ...base, capacity: 20, seatsLeft: 6 }, during)).toBe('open');
  });

  test('lottery: applications, then waiting for the draw, then closed', () => {
    const lottery = { ...base, allocation: 'lottery' as const };
    expect(badgeOf(lottery, during)).toBe('lottery');
    expect(badgeOf(lottery, new Date('2027-02-02T00:00:00Z'))).toBe('drawing');
    expect(badgeOf({ ...lottery, drawnAt: new Date('2027-02-02T00:00:00Z') }, new Date('2027-02-03T00:00:00Z'))).toBe('closed');
  });
});

const FORM: FormField[] = [
  { key: 'name', label: '姓名', kind: 'text', required: true },
  { key: 'phone', label: '手机号', kind: 'phone', required: true },
  { key: 'hukouLocal', label: '户籍在南海区吗', kind: 'yesno', required: true },
  { key: 'single', label: '本人目前单身', kind: 'confirm', required: false },
];

describe('events eligibility and forms', () => {
  const event = { form: FORM, group: { kind: 'single' as const }, eligibility: [{ kind: 'nonLocalHukou' as const }] };
  const code = (f: () => unknown) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return (e as { code: string; fields?: Record<string, string> }).code + JSON.stringify((e as { fields?: unknown }).fields ?? {});
    }
  };

  test('a complete form from a 非户籍 worker passes; seats = 1', () => {
    const r = checkSignUp(event, { form: { name: '张三', phone: '13812345678', hukouLocal: 'no' } });
    expect(r).toMatchObject({ seats: 1, name: '张三', phone: '13812345678' });
  });

  test('local hukou is not eligible for a 新市民 event', () => {
    expect(code(() => checkSignUp(event, { form: { name: '张三', phone: '13812345678', hukouLocal: 'yes' } }))).toMatch(/^NOT_ELIGIBLE/);
  });

  test('missing and malformed fields come back per field', () => {
    const out = code(() => checkSignUp(event, { form: { phone: '12345', hukouLocal: 'no', extra: 'x' } }));
    expect(out).toContain('BAD_INPUT');
    expect(out).toContain('form.name');
    expect(out).toContain('手机号是1开头的11位数字');
    expect(out).toContain('form.extra');
  });

  test('a confirm rule needs the box ticked', () => {
    const qixi = { form: FORM, group: { kind: 'single' as const }, eligibility: [{ kind: 'confirm' as const, field: 'single', text: '本人目前单身' }] };
    expect(code(() => checkSignUp(qixi, { form: { name: 'a', phone: '13812345678', hukouLocal: 'yes' } }))).toMatch(/^NOT_ELIGIBLE/);
    expect(code(() => checkSignUp(qixi, { form: { name: 'a', phone: '13812345678', hukouLocal: 'yes', single: true } }))).toBe('ok');
  });

  test('a team needs exactly size-1 other members; a family counts the parent and each child', () => {
    const team = { form: FORM.slice(0, 2), group: { kind: 'team' as const, size: 10, memberLabel: '队员' }, eligibility: [] };
    const f = { name: '队长', phone: '13812345678' };
    expect(code(() => checkSignUp(team, { form: f, members: ['a', 'b'] }))).toContain('members');
    expect(checkSignUp(team, { form: f, members: Array.from({ length: 9 }, (_, i) => `m${i}`) }).seats).toBe(10);
    // The captain is one of the ten already: typed again as a member, they would fill two seats.
    const withCaptain = ['队长', ...Array.from({ length: 8 }, (_, i) => `m${i}`)];
    expect(code(() => checkSignUp(team, { form: f, members: withCaptain }))).toContain('members');
    expect(code(() => checkSignUp(team, { form: { ...f, name: ' 队长 ' }, members: [' 队长', ...withCaptain.slice(1)] }))).toContain('members');
    const twice = ['m0', 'm0', ...Array.from({ length: 7 }, (_, i) => `n${i}`)];
    expect(code(() => checkSignUp(team, { form: f, members: twice }))).toContain('members');
    const family = { form: FORM.slice(0, 2), group: { kind: 'family' as const, minChildren: 1, maxChildren: 2, childAgeMin: 3, childAgeMax: 12 }, eligibility: [] };
    expect(checkSignUp(family, { form: f, children: [{ name: '小明', age: 5 }, { name: '小红', age: 8 }] }).seats).toBe(3);
    expect(code(() => checkSignUp(family, { form: f, children: [{ name: '小明', age: 15 }] }))).toContain('孩子年龄');
    expect(code(() => checkSignUp(family, { form: f, children: [] }))).toContain('children');
  });
});

describe('events status rules and display values', () => {
  const event = { cancelDeadline: new Date('2027-02-04T10:00:00Z'), status: 'published' as const };
  test('cancel is allowed for active entries before the deadline only', () => {
    expect(canCancel({ status: 'confirmed' }, event, new Date('2027-02-04T09:59:00Z'))).toBe(true);
    expect(canCancel({ status: 'waitlisted' }, event, new Date('2027-02-04T09:59:00Z'))).toBe(true);
    expect(canCancel({ status: 'confirmed' }, event, new Date('2027-02-04T10:00:00Z'))).toBe(false);
    expect(canCancel({ status: 'checked_in' }, event, new Date('2027-01-01T00:00:00Z'))).toBe(false);
    expect(canCancel({ status: 'cancelled' }, event, new Date('2027-01-01T00:00:00Z'))).toBe(false);
    expect(canCancel({ status: 'confirmed' }, { ...event, status: 'cancelled' }, new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });

  test('phones are masked as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('')).toBe('');
  });

  test('subscribe-message values stay inside WeChat limits, on the Shanghai clock', () => {
    const long = '新市民浓情欢聚年夜饭暨九江镇总工会新春慰问职工文艺汇演';
    expect(Array.from(thing(long)).length).toBe(20);
    expect(thing(long).endsWith('…')).toBe(true);
    expect(thing('短')).toBe('短');
    expect(thing('   ')).toBe('-');
    expect(subscribeTime(new Date('2027-02-05T10:00:00Z'))).toBe('2027年2月5日 18:00');
  });
});

describe('events seed dates', () => {
  test('除夕 of the coming Spring Festival: 2027-02-05 18:00 Shanghai, seen from late 2026', () => {
    const dinner = nextFixed(CHUXI, '18:00', new Date('2026-11-24T12:00:00Z'));
    expect(dinner.toISOString()).toBe(fromShanghai('2027-02-05 18:00').toISOString());
    // After that dinner has begun, the next one is a year on.
    expect(nextFixed(CHUXI, '18:00', new Date('2027-02-05T10:30:00Z')).toISOString()).toBe(fromShanghai('2028-01-25 18:00').toISOString());
  });

  test('五一 is the next 1 May; every seeded event is consistent', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    expect(nextMayDay('09:00', now).toISOString()).toBe(fromShanghai('2027-05-01 09:00').toISOString());
    for (const { id, draft } of seedEventDrafts(now)) {
      expect([id, draft.signUpOpensAt < draft.signUpClosesAt]).toEqual([id, true]);
      expect([id, draft.signUpClosesAt <= draft.startsAt]).toEqual([id, true]);
      expect([id, draft.startsAt < draft.endsAt]).toEqual([id, true]);
      expect(draft.form.some((f) => f.key === 'name') && draft.form.some((f) => f.key === 'phone')).toBe(true);
    }
  });
});

describe('the door: short codes and the check-in window', () => {
  test('a door code is read however it was typed, and only from its alphabet', () => {
    expect(doorCodeOf(' k7q-4px ')).toBe('K7Q4PX');
    expect(doorCodeOf('K7Q 4PX')).toBe('K7Q4PX');
    expect(doorCodeOf('K7Q4P')).toBeNull(); // too short
    expect(doorCodeOf('K7Q-4P0')).toBeNull(); // 0 is not in it (nor O, 1, I, L)
    expect(doorCodeOf('ILO-123')).toBeNull();
    expect(formatDoorCode('K7Q4PX')).toBe('K7Q-4PX');
    for (const c of '0O1IL') expect(DOOR_CODE_ALPHABET).not.toContain(c);
  });

  test('the door opens 2 hours before the start and closes at the end of the event day, Shanghai time', () => {
    const event = { startsAt: fromShanghai('2026-12-05 19:30'), endsAt: fromShanghai('2026-12-05 21:30') };
    const window = checkInWindow(event);
    expect(window.opensAt).toEqual(fromShanghai('2026-12-05 17:30'));
    expect(window.closesAt).toEqual(fromShanghai('2026-12-06 00:00'));
    const now = fromShanghai('2026-12-05 17:29');
    expect(checkInClosedText(window, now)).toBe('还没到签到时间，12月5日 周六 17:30起可以签到');
    expect(checkInClosedText(window, fromShanghai('2026-12-05 17:30'))).toBeNull();
    expect(checkInClosedText(window, fromShanghai('2026-12-05 23:59'))).toBeNull();
    expect(checkInClosedText(window, fromShanghai('2026-12-06 00:00'))).toBe('活动已经结束，不能再签到了');
  });
});
