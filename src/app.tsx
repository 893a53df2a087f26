import type { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import './app.scss';

// Taro.cloud exists only on weapp; on h5 the api client talks HTTP to the local cloud instead.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ traceUser: true });
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
