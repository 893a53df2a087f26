import { dayTimeText, shanghai } from '@contract/time';

/** Dates arrive as ISO strings over the wire; both forms are shown on the Shanghai clock. */
export type When = Date | string;

/** 2月5日 周五 18:00 (with the year when it is not this year's): the one format, contract/time.ts. */
export function dayTime(at: When): string {
  return dayTimeText(at);
}

/** 2月5日 周五 18:00–21:00 (or with the end day when it differs). */
export function span(start: When, end: When): string {
  const s = shanghai(start);
  const e = shanghai(end);
  return s.format('YYYY-MM-DD') === e.format('YYYY-MM-DD') ? `${dayTime(start)}–${e.format('HH:mm')}` : `${dayTime(start)} 至 ${dayTime(end)}`;
}

export function clock(at: When): string {
  return shanghai(at).format('HH:mm');
}
