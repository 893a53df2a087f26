import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/** Reloads when the worker comes back to the page (after signing up elsewhere), not on its first show. */
export function useReloadOnReturn(reload: () => unknown): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
}
