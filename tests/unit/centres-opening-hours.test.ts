import { isOpenAt } from '../../server/domain/centres/opening-hours';
import { fromShanghai } from '../../contract/time';
import type { OpeningHours } from '../../contract/centres/model';

const weekdayOffice: OpeningHours[] = [
  { weekday: 2, open: '09:00', close: '12:00' },
  { weekday: 2, open: '14:00', close: '17:30' },
];

describe('isOpenAt (judged on the Shanghai clock)', () => {
  // 2026-11-24 is a Tuesday (weekday 2).
  it.each([
    ['2026-11-24 08:59', false],
    ['2026-11-24 09:00', true],
    ['2026-11-24 11:59', true],
    ['2026-11-24 12:00', false],
    ['2026-11-24 14:30', true],
    ['2026-11-24 17:30', false],
    ['2026-11-25 10:00', false],
  ])('%s -> %s', (wall, open) => {
    expect(isOpenAt(weekdayOffice, fromShanghai(wall))).toBe(open);
  });

  it('uses the Shanghai weekday, not the UTC one', () => {
    // Tuesday 09:30 in Shanghai is Monday 01:30 UTC.
    const instant = new Date('2026-11-24T01:30:00Z');
    expect(instant.getUTCDay()).toBe(2);
    expect(isOpenAt(weekdayOffice, instant)).toBe(true);
    expect(isOpenAt(weekdayOffice, new Date('2026-11-23T17:30:00Z'))).toBe(false); // Tue 01:30 local
  });
});
