import Taro from '@tarojs/taro';

/**
 * The service centre the worker last booked at, remembered on the phone: a booking started from
 * elsewhere (预约法律咨询 on an article) goes to that centre instead of a fixed one, and the worker
 * is asked to choose only when there is none yet.
 */
const KEY = 'pref-last-centre';

export function lastCentre(): string {
  return (Taro.getStorageSync(KEY) as string | undefined) || '';
}

export function rememberCentre(centreId: string): void {
  Taro.setStorageSync(KEY, centreId);
}
