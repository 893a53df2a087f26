/**
 * Time is Asia/Shanghai, whatever the process TZ (cloud functions run in UTC).
 * China has had no daylight saving since 1991, so a fixed +08:00 offset is exact and needs no
 * Intl time-zone data (missing on some old phones). Used by both the client and the server.
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** A dayjs view of an instant in Asia/Shanghai local time. */
export function shanghai(instant: Date | number | string = Date.now()): Dayjs {
  return dayjs(instant).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** The instant of a Shanghai wall-clock time, e.g. fromShanghai('2027-02-05 18:00'). */
export function fromShanghai(wallClock: string): Date {
  return dayjs.utc(wallClock).subtract(SHANGHAI_OFFSET_MINUTES, 'minute').toDate();
}

/** 'YYYY-MM-DD' of the Shanghai calendar day containing the instant. */
export function shanghaiDay(instant: Date | number = Date.now()): string {
  return shanghai(instant).format('YYYY-MM-DD');
}

/**
 * Shanghai hours in which no subscribe message goes out (22:00 to 08:00): a reminder due then is
 * not claimed, so a run outside these hours sends it. The one rule for every timer that messages.
 */
export const QUIET_HOURS = { from: 22, to: 8 } as const;

export function isQuietHour(instant: Date | number): boolean {
  const hour = shanghai(instant).hour();
  return hour >= QUIET_HOURS.from || hour < QUIET_HOURS.to;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * How a moment is shown to a person, on every page and in 我的数据: "11月30日 周一 09:00", with
 * the year in front when it is not this year's. One format, so a worker never compares
 * 2026-11-30 09:00 on one page with 11月30日 周一 on another.
 */
export function dayTimeText(instant: Date | number | string, now: Date | number = Date.now()): string {
  return `${dayText(instant, now)} ${shanghai(instant).format('HH:mm')}`;
}

/** The same without the time, for a whole day: "11月30日 周一". */
export function dayText(instant: Date | number | string, now: Date | number = Date.now()): string {
  const d = shanghai(instant);
  const year = d.year() === shanghai(now).year() ? '' : `${d.year()}年`;
  return `${year}${d.month() + 1}月${d.date()}日 ${WEEKDAYS[d.day()]}`;
}
