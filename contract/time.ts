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

/** By dayjs's day(): 0 = Sunday. The one weekday table (the booking page's day tiles use it too). */
export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** The year in front only when it is not this year's. */
function yearPrefix(d: Dayjs, now: Date | number): string {
  return d.year() === shanghai(now).year() ? '' : `${d.year()}年`;
}

/**
 * How a moment is shown to a person, on every page and in 我的数据: "11月30日 周一 09:00", with
 * the year in front when it is not this year's. One format, so a worker never compares
 * 2026-11-30 09:00 on one page with 11月30日 周一 on another.
 */
export function dayTimeText(instant: Date | number | string, now: Date | number = Date.now()): string {
  return `${dayText(instant, now)} ${shanghai(instant).format('HH:mm')}`;
}

/** A Shanghai calendar day as 'YYYY-MM-DD' (a fair's date, a slot day): no instant, no time zone. */
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The same without the time, for a whole day: "11月30日 周一". Takes an instant, or a calendar
 * day 'YYYY-MM-DD', which is read as that day in Shanghai (not as midnight of the phone's zone).
 */
export function dayText(when: Date | number | string, now: Date | number = Date.now()): string {
  const d = typeof when === 'string' && CALENDAR_DAY.test(when) ? shanghai(fromShanghai(`${when} 12:00`)) : shanghai(when);
  return `${yearPrefix(d, now)}${d.month() + 1}月${d.date()}日 ${WEEKDAY_LABELS[d.day()]}`;
}

/** "11月30日" of a calendar day: only where the weekday is shown beside it (a day tile) or the sentence needs no more. */
export function monthDayText(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}
