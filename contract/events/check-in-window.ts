/**
 * When the door takes tickets: from CHECK_IN_OPENS_BEFORE_MS before the start to the end of the
 * event's last day (Asia/Shanghai). A ticket scanned months early is refused with the time it opens,
 * so a test scan or a mix-up of events cannot mark someone present.
 */
import { dayTimeText, fromShanghai, shanghaiDay } from '../time';

export const CHECK_IN_OPENS_BEFORE_MS = 2 * 3600_000;

export interface CheckInWindow {
  opensAt: Date;
  closesAt: Date;
}

export function checkInWindow(event: { startsAt: Date; endsAt: Date }): CheckInWindow {
  const nextDay = fromShanghai(`${shanghaiDay(event.endsAt)} 00:00`).getTime() + 24 * 3600_000;
  return { opensAt: new Date(event.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS), closesAt: new Date(nextDay) };
}

/** Why check-in is refused now, in plain words; null inside the window. */
export function checkInClosedText(window: CheckInWindow, now: Date): string | null {
  if (now < window.opensAt) return `还没到签到时间，${dayTimeText(window.opensAt, now)}起可以签到`;
  if (now >= window.closesAt) return '活动已经结束，不能再签到了';
  return null;
}
