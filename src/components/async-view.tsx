import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { CallState } from '../hooks/use-call';
import { openTab, type TabPath } from '../routes';
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

/** The loading, empty and error states every page needs, in one place. No dead ends: errors offer 重试. */
export function AsyncView<O>({ state, onRetry, emptyText, isEmpty, children, exit }: Props<O>) {
  if (state.status === 'loading') {
    return (
      <View className='card' aria-busy='true'>
        <Text className='muted'>正在加载…</Text>
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View className='card' role='alert'>
        <Text>{state.error.message}</Text>
        <AppButton onClick={onRetry}>
          重试
        </AppButton>
        {exit && (
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
