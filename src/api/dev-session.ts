import Taro from '@tarojs/taro';
import { forgetSignUps } from '../prefs/sign-up-memory';

/**
 * The development sign-in of the local cloud (h5 only). On WeChat the platform provides the
 * OPENID; in the browser the local cloud issues a signed token for a stable test identity.
 */
const TOKEN_KEY = 'dev-session-token';

export type DevRole = 'worker' | 'staff';

export const devSession = {
  token(): string {
    return (Taro.getStorageSync(TOKEN_KEY) as string | undefined) || '';
  },
  clear(): void {
    Taro.removeStorageSync(TOKEN_KEY);
    forgetSignUps(); // the next person on this browser must not be offered this one's name and phone
  },
  /** Signs in on the local cloud; throws with a Chinese message when the server refuses. */
  async signIn(role: DevRole, name: string): Promise<void> {
    const res = await fetch('/dev/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role, name }),
    });
    const body = (await res.json().catch(() => null)) as { token?: string } | null;
    if (!res.ok || !body?.token) throw new Error('登录失败，请确认本地云已启动');
    forgetSignUps();
    Taro.setStorageSync(TOKEN_KEY, body.token);
  },
};
