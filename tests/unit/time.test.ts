import { dayText, dayTimeText, fromShanghai, monthDayText, isQuietHour, shanghai, shanghaiDay } from '../../contract/time';

describe('Asia/Shanghai time, whatever the process TZ', () => {
  it('runs under TZ=UTC in npm test (the cloud functions do)', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0);
  });

  it('turns a Shanghai wall-clock time into the right instant', () => {
    // 除夕 dinner, 18:00 in Jiujiang = 10:00 UTC.
    expect(fromShanghai('2027-02-05 18:00').toISOString()).toBe('2027-02-05T10:00:00.000Z');
  });

  it('puts 23:30 UTC on the next Shanghai day', () => {
    const instant = new Date('2026-11-24T23:30:00Z');
    expect(shanghaiDay(instant)).toBe('2026-11-25');
    expect(shanghai(instant).format('HH:mm')).toBe('07:30');
  });

  it('round-trips wall clock -> instant -> wall clock', () => {
    const wall = '2026-12-31 23:59';
    expect(shanghai(fromShanghai(wall)).format('YYYY-MM-DD HH:mm')).toBe(wall);
  });

  it('keeps quiet hours from 22:00 to 08:00 Shanghai, whatever the UTC hour', () => {
    expect(isQuietHour(fromShanghai('2026-11-24 21:59'))).toBe(false);
    expect(isQuietHour(fromShanghai('2026-11-24 22:00'))).toBe(true);
    expect(isQuietHour(fromShanghai('2026-11-25 03:00'))).toBe(true); // 19:00 UTC the day before
    expect(isQuietHour(fromShanghai('2026-11-25 07:59'))).toBe(true);
    expect(isQuietHour(fromShanghai('2026-11-25 08:00'))).toBe(false); // 00:00 UTC
  });
});

describe('dayTimeText: the one way a moment is shown to a person', () => {
  test('11月30日 周一 09:00 on the Shanghai clock, the year only when it is not this year', () => {
    const now = new Date('2026-11-29T02:00:00Z');
    expect(dayTimeText(new Date('2026-11-30T01:00:00Z'), now)).toBe('11月30日 周一 09:00');
    // 23:30 UTC is already the next Shanghai day.
    expect(dayTimeText('2026-12-31T23:30:00Z', now)).toBe('2027年1月1日 周五 07:30');
  });
});

describe('dayText: a calendar day in the same format, without the time', () => {
  test('11月30日 周一, the year only when it is not this year, whatever the process TZ', () => {
    const now = new Date('2026-11-29T02:00:00Z');
    expect(dayText('2026-11-30', now)).toBe('11月30日 周一');
    expect(dayText('2027-01-01', now)).toBe('2027年1月1日 周五');
    expect(monthDayText('2026-12-05')).toBe('12月5日');
    // The same day as dayTimeText gives for a moment in it.
    expect(dayTimeText(fromShanghai('2026-12-12 09:00'), now).startsWith(dayText('2026-12-12', now))).toBe(true);
  });
});
