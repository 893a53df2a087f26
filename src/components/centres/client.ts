import { SUBSCRIBE_TEMPLATES } from '@contract/subscribe-templates';
import { devSession } from '../../api/dev-session';
import { requestSubscriptions } from '../../api/subscribe';

/** Asks for the day-before reminder and the "slot closed" notice on the booking tap; true if the reminder was accepted. */
export async function askBookingMessages(): Promise<boolean> {
  const reminder = SUBSCRIBE_TEMPLATES.bookingReminder.id;
  const accepted = await requestSubscriptions([reminder, SUBSCRIBE_TEMPLATES.bookingChanged.id]);
  return accepted.has(reminder);
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
