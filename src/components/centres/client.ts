import Taro from '@tarojs/taro';
import { SUBSCRIBE_TEMPLATES } from '@contract/subscribe-templates';
import { devSession } from '../../api/dev-session';

/**
 * One id per press of 确认预约 (or 登记): kept while that press may still be in flight, so a retry
 * after a network error is answered with the same booking instead of a second one.
 */
export function newRequestId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Asks for the day-before reminder and the "slot closed" notice inside the booking tap (WeChat
 * allows it only there). Returns whether the reminder was accepted; a refusal is fine.
 * On H5 the local cloud's POST /dev/subscribe stands in for wx.requestSubscribeMessage.
 */
export async function askBookingMessages(): Promise<boolean> {
  const reminder = SUBSCRIBE_TEMPLATES.bookingReminder.id;
  const tmplIds = [reminder, SUBSCRIBE_TEMPLATES.bookingChanged.id];
  try {
    let answer: Record<string, string>;
    if (process.env.TARO_ENV === 'weapp') {
      answer = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    } else {
      const token = devSession.token();
      if (!token) return false;
      const res = await fetch('/dev/subscribe', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ templateIds: tmplIds }),
      });
      answer = res.ok ? ((await res.json()) as Record<string, string>) : {};
    }
    return answer[reminder] === 'accept';
  } catch {
    return false;
  }
}

/**
 * H5 only (the local demo): a first-time visitor has no identity yet, so sign them in as a guest
 * worker in the same tap. On WeChat the platform always provides the OPENID: never called there.
 */
export async function ensureDemoIdentity(): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') return true;
  if (devSession.token()) return true;
  try {
    await devSession.signIn('worker', `访客${Math.random().toString(36).slice(2, 6)}`);
    return true;
  } catch {
    return false;
  }
}

/** '2026-11-24' -> '11月24日' */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/**
 * Button props for a busy or unavailable button. Taro's H5 button renders `disabled="false"` as
 * an attribute that its stylesheet greys out, so the props are left out entirely when false.
 */
export function buttonState(opts: { busy?: boolean; off?: boolean }): { loading?: true; disabled?: true } {
  return { ...(opts.busy ? { loading: true as const, disabled: true as const } : {}), ...(opts.off ? { disabled: true as const } : {}) };
}
