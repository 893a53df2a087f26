import Taro from '@tarojs/taro';
import { devSession } from './dev-session';

/**
 * Asks the worker for subscribe-message grants; resolves with the template ids they accepted.
 * WeChat allows the question only inside a tap, so call it from the tap's handler. A refusal or a
 * failure resolves with none: what the worker was doing goes on without messages.
 * On H5 the local cloud's POST /dev/subscribe stands in for wx.requestSubscribeMessage.
 */
export async function requestSubscriptions(tmplIds: string[]): Promise<Set<string>> {
  try {
    let answer: Record<string, string>;
    if (process.env.TARO_ENV === 'weapp') {
      answer = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    } else {
      const token = devSession.token();
      if (!token) return new Set();
      const res = await fetch('/dev/subscribe', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ templateIds: tmplIds }),
      });
      answer = res.ok ? ((await res.json()) as Record<string, string>) : {};
    }
    return new Set(tmplIds.filter((id) => answer[id] === 'accept'));
  } catch {
    return new Set();
  }
}
