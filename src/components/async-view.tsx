import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { CallState } from '../hooks/use-call';
import { openTab, TABS, type TabPath } from '../routes';
import { AppButton } from './button';

interface Props<O> {
  state: CallState<O>;
  onRetry: () => void;
  /** What "nothing here" means on this page, in a worker's words. */
  emptyText: string;
  isEmpty?: (data: O) => boolean;
  children: (data: O) => ReactNode;
  /** A way out when the page cannot load (pages outside the tabs): a tab and what its button says. */
  exit?: { tab: TabPath; label: string };
}

/**
 * What a failed load offers. Trying again cannot cure a missing permission or sign-in, so those
 * get the right way out instead of 重试: sign in on 我的 (the H5 build signs in there, not in
 * WeChat), or go back to 我的.
 */
function errorActions(code: string): { retry: boolean; text?: string; way?: { tab: TabPath; label: string } } {
  if (code === 'NOT_SIGNED_IN') {
    return {
      retry: false,
      text: process.env.TARO_ENV === 'h5' ? '请先到「我的」登录' : undefined,
      way: { tab: TABS.me, label: '去「我的」登录' },
    };
  }
  if (code === 'FORBIDDEN') return { retry: false, way: { tab: TABS.me, label: '回「我的」' } };
  return { retry: true };
}

/** The loading, empty and error states every page needs, in one place. No dead ends: errors offer 重试 or a way out. */
export function AsyncView<O>({ state, onRetry, emptyText, isEmpty, children, exit }: Props<O>) {
  if (state.status === 'loading') {
    return (
      <View className='card' aria-busy='true'>
        <Text className='muted'>正在加载…</Text>
      </View>
    );
  }
  if (state.status === 'error') {
    const actions = errorActions(state.error.code);
    const way = actions.way;
    return (
      <View className='card' role='alert'>
        <Text>{actions.text ?? state.error.message}</Text>
        {actions.retry && (
          <AppButton onClick={onRetry}>
            重试
          </AppButton>
        )}
        {way && (
          <AppButton onClick={() => openTab(way.tab)}>
            {way.label}
          </AppButton>
        )}
        {exit && exit.tab !== way?.tab && (
          <AppButton kind='secondary' onClick={() => openTab(exit.tab)}>
            {exit.label}
          </AppButton>
        )}
      </View>
    );
  }
  if (isEmpty?.(state.data)) {
    return (
      <View className='card'>
        <Text className='muted'>{emptyText}</Text>
      </View>
    );
  }
  return <>{children(state.data)}</>;
}
