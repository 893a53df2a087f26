import Taro from '@tarojs/taro';

/**
 * 长辈模式 (large text): the worker's choice, remembered on the phone. Until they choose, it
 * follows WeChat's own font size: a worker who already enlarged WeChat's text gets large text.
 */
const KEY = 'pref-large-text';
/** WeChat's scale factor above which its text is "large" (standard is 1). */
const LARGE_SCALE = 1.15;

type Listener = (on: boolean) => void;
const listeners = new Set<Listener>();

function followsWeChat(): boolean {
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined;
    return (info?.fontSizeScaleFactor ?? 1) >= LARGE_SCALE;
  } catch {
    return false;
  }
}

export function isLargeText(): boolean {
  const stored = Taro.getStorageSync(KEY) as string | undefined;
  if (stored === 'on') return true;
  if (stored === 'off') return false;
  return followsWeChat();
}

export function setLargeText(on: boolean): void {
  Taro.setStorageSync(KEY, on ? 'on' : 'off');
  listeners.forEach((listener) => listener(on));
}

export function onLargeTextChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
