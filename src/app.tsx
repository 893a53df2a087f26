import type { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import { installH5Aria } from './a11y/h5-aria';
import './app.scss';

// Taro.cloud exists only on weapp; on h5 the api client talks HTTP to the local cloud instead.
// CLOUD_ENV is the release's environment (config/release.ts); '' = the account's default one.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
}
// H5 only: web spellings of the accessibility attributes (src/a11y/h5-aria.ts).
if (process.env.TARO_ENV === 'h5') {
  installH5Aria();
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
