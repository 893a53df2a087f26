import Taro from '@tarojs/taro';
import { EVENT_SUBSCRIPTIONS, type EventSubscription } from '@contract/events/model';
import { SUBSCRIBE_TEMPLATES } from '@contract/subscribe-templates';
import { devSession } from '../../api/dev-session';

/**
 * Asks for the event reminders on the sign-up tap (WeChat allows it only inside a tap). Returns the
 * ones the worker accepted; a refusal is fine — the sign-up goes on without messages.
 * On H5 the local cloud's POST /dev/subscribe stands in for wx.requestSubscribeMessage.
 */
export async function askEventSubscriptions(): Promise<EventSubscription[]> {
  const wanted = EVENT_SUBSCRIPTIONS.map((key) => ({ key, id: SUBSCRIBE_TEMPLATES[key].id }));
  const tmplIds = wanted.map((w) => w.id);
  try {
    let answer: Record<string, string>;
    if (process.env.TARO_ENV === 'weapp') {
      answer = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    } else {
      const token = devSession.token();
      if (!token) return [];
      const res = await fetch('/dev/subscribe', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ templateIds: tmplIds }),
      });
      answer = res.ok ? ((await res.json()) as Record<string, string>) : {};
    }
    return wanted.filter((w) => answer[w.id] === 'accept').map((w) => w.key);
  } catch {
    return [];
  }
}
