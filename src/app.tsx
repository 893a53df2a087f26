import type { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import { installH5Aria } from './a11y/h5-aria';
import { isLargeText, onLargeTextChange } from './prefs/large-text';
import { PAGES } from './routes';
import './app.scss';

// Taro.cloud exists only on weapp; on h5 the api client talks HTTP to the local cloud instead.
// CLOUD_ENV is the release's environment (config/release.ts); '' = the account's default one.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
}
// H5 only: web spellings of the accessibility attributes (src/a11y/h5-aria.ts).
if (process.env.TARO_ENV === 'h5') {
  installH5Aria();
  // 长辈模式 for what lies outside the pages (the tab bar): a class on the root element.
  const markLargeText = (on: boolean) => document.documentElement.classList.toggle('large-text', on);
  markLargeText(isLargeText());
  onLargeTextChange(markLargeText);
  // Taro's H5 router leaves the previous page on screen for an unknown address; show a page that
  // says so, with the way home. (WeChat itself refuses unknown paths on weapp.)
  Taro.eventCenter.on('__taroRouterNotFound', () => {
    void Taro.reLaunch({ url: PAGES.notFound });
  });
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
