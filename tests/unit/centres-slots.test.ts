import type { Closure, ServiceRoster } from '../../contract/centres/model';
import { fromShanghai } from '../../contract/time';
import { addDays, buildSlotDays, changeable, checkSlot, slotId, slotsOnDay, timingOf, weekStart } from '../../server/domain/centres/slots';

const roster: ServiceRoster = {
  centreId: 'jiujiang',
  service: 'legal-consultation',
  // Tuesday mornings and afternoons; Saturday morning.
  periods: [
    { weekday: 2, start: '09:00', end: '12:00' },
    { weekday: 2, start: '14:00', end: '17:30' },
    { weekday: 6, start: '09:00', end: '10:00' },
  ],
  durationMinutes: 45,
  seats: 3,
  rules: { minNoticeMinutes: 120, windowDays: 7, perPersonPerWeek: 2, changeUntilHours: 24 },
};

describe('slotsOnDay (a pure function of the roster and a Shanghai date)', () => {
  it('cuts each period into whole slots; a slot never runs past the period end', () => {
    // 2026-11-24 is a Tuesday.
    const times = slotsOnDay(roster, '2026-11-24').map((s) => `${s.time}-${s.endTime}`);
    expect(times).toEqual(['09:00-09:45', '09:45-10:30', '10:30-11:15', '11:15-12:00', '14:00-14:45', '14:45-15:30', '15:30-16:15', '16:15-17:00']);
    expect(slotsOnDay(roster, '2026-11-25')).toEqual([]);
  });

  it('gives the Shanghai instant whatever the process TZ (09:00 Shanghai = 01:00 UTC)', () => {
    const [first] = slotsOnDay(roster, '2026-11-24');
    expect(first.start.toISOString()).toBe('2026-11-24T01:00:00.000Z');
    expect(slotId('jiujiang', 'legal-consultation', first.start)).toBe('jiujiang:legal-consultation:20261124T0900');
  });

  it('handles a slot just before midnight and one just after, on the right calendar day', () => {
    const night: ServiceRoster = { ...roster, periods: [{ weekday: 2, start: '23:00', end: '23:59' }, { weekday: 3, start: '00:00', end: '01:00' }], durationMinutes: 30 };
    const tue = slotsOnDay(night, '2026-11-24');
    const wed = slotsOnDay(night, '2026-11-25');
    expect(tue.map((s) => s.time)).toEqual(['23:00']); // 23:30-00:00 would pass 23:59
    expect(wed.map((s) => s.start.toISOString())).toEqual(['2026-11-24T16:00:00.000Z', '2026-11-24T16:30:00.000Z']);
    expect(wed[0].date).toBe('2026-11-25');
  });
});

describe('rules', () => {
  const now = fromShanghai('2026-11-24 08:30'); // Tuesday
  it('minimum notice: 09:00 is too soon at 08:30 with two hours notice; 10:30 is fine', () => {
    expect(timingOf(fromShanghai('2026-11-24 09:00'), roster.rules, now)).toBe('too_soon');
    expect(timingOf(fromShanghai('2026-11-24 10:30'), roster.rules, now)).toBe('ok');
    expect(timingOf(fromShanghai('2026-11-24 08:00'), roster.rules, now)).toBe('past');
  });

  it('booking window counts calendar days in Shanghai, today included', () => {
    expect(timingOf(fromShanghai('2026-11-30 16:15'), roster.rules, now)).toBe('ok'); // day 7
    expect(timingOf(fromShanghai('2026-12-01 09:00'), roster.rules, now)).toBe('too_far'); // day 8
  });

  it('the window is judged on the Shanghai date at 23:30 Shanghai (15:30 UTC the same day)', () => {
    const late = fromShanghai('2026-11-24 23:30');
    expect(timingOf(fromShanghai('2026-11-30 10:00'), { ...roster.rules, minNoticeMinutes: 0 }, late)).toBe('ok');
    expect(timingOf(fromShanghai('2026-12-01 00:30'), { ...roster.rules, minNoticeMinutes: 0 }, late)).toBe('too_far');
    // Just after midnight Shanghai it is a new day: the window moves by one.
    const afterMidnight = fromShanghai('2026-11-25 00:10');
    expect(timingOf(fromShanghai('2026-12-01 00:30'), { ...roster.rules, minNoticeMinutes: 0 }, afterMidnight)).toBe('ok');
  });

  it('change allowed until N hours before', () => {
    const start = fromShanghai('2026-11-26 10:00');
    expect(changeable(start, roster.rules, fromShanghai('2026-11-25 10:00'))).toBe(true);
    expect(changeable(start, roster.rules, fromShanghai('2026-11-25 10:01'))).toBe(false);
  });

  it('weeks run Monday to Sunday', () => {
    expect(weekStart('2026-11-24')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('checkSlot and buildSlotDays', () => {
  const now = fromShanghai('2026-11-24 08:30');
  const closures: Closure[] = [{ centreId: 'all', date: '2026-11-28', reason: '放假' }];

  it('accepts only real slot starts, refuses closed days, too soon and too far', () => {
    expect(checkSlot(roster, [], fromShanghai('2026-11-24 10:30'), now)).toMatchObject({ ok: true });
    expect(checkSlot(roster, [], fromShanghai('2026-11-24 10:00'), now)).toEqual({ ok: false, code: 'SLOT_NOT_FOUND' });
    expect(checkSlot(roster, [], fromShanghai('2026-11-24 09:00'), now)).toEqual({ ok: false, code: 'TOO_SOON' });
    expect(checkSlot(roster, closures, fromShanghai('2026-11-28 09:00'), now)).toEqual({ ok: false, code: 'CENTRE_CLOSED_DAY' });
    expect(checkSlot(roster, [], fromShanghai('2026-12-01 09:00'), now)).toEqual({ ok: false, code: 'TOO_FAR' });
  });

  it('shows each day of the window with the state of every slot', () => {
    const first = slotsOnDay(roster, '2026-11-24')[4]; // 14:00
    const counters = new Map([
      [slotId('jiujiang', 'legal-consultation', first.start), { left: 0, seats: 3, closed: false }],
      [slotId('jiujiang', 'legal-consultation', fromShanghai('2026-11-24 14:45')), { left: 1, seats: 3, closed: true }],
    ]);
    const days = buildSlotDays({ roster, closures, counters, now });
    expect(days.map((d) => d.date)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']);
    expect(days[0].weekdayLabel).toBe('周二');
    expect(days[0].slots.map((s) => s.state)).toEqual(['too_soon', 'too_soon', 'open', 'open', 'full', 'closed', 'open', 'open']);
    expect(days[0].slots[2]).toMatchObject({ time: '10:30', left: 3, seats: 3 });
    expect(days[4]).toMatchObject({ closedReason: '放假', slots: [] });
  });
});
