import { Text, View } from '@tarojs/components';
import type { AppErrorBody } from '@contract/define';
import { openTab, TABS } from '../../routes';
import { AppButton } from '../button';

/** Error card for worker pages: a sign-in hint (no dead end) when the caller has no identity yet. */
export function ErrorCard({ error, onRetry }: { error: AppErrorBody; onRetry: () => void }) {
  return (
    <View className='card' role='alert'>
      <Text style={{ display: 'block' }}>{error.code === 'NOT_SIGNED_IN' && process.env.TARO_ENV !== 'weapp' ? '请先在「我的」里登录' : error.message}</Text>
      {error.code === 'NOT_SIGNED_IN' ? (
        <AppButton onClick={() => openTab(TABS.me)}>
          去「我的」
        </AppButton>
      ) : (
        <AppButton onClick={onRetry}>
          重试
        </AppButton>
      )}
    </View>
  );
}
