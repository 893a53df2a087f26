import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../../components/page-shell';
import { openTab, TABS } from '../../../../routes';
import { AppButton } from '../../../../components/button';

/** Where an unknown address lands (a stale or mistyped link): say so plainly and offer the way home. */
export default function NotFoundPage() {
  return (
    <PageShell>
      <View className='card' role='alert' data-testid='not-found'>
        <Text className='title' style={{ display: 'block' }}>
          找不到这个页面
        </Text>
        <Text className='muted' style={{ display: 'block' }}>
          这个链接可能已经过时了。
        </Text>
        <AppButton onClick={() => openTab(TABS.home)}>
          回首页
        </AppButton>
      </View>
    </PageShell>
  );
}
