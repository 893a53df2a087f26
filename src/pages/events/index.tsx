import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { openTab, TABS } from '../../routes';

export default function EventsPage() {
  return (
    <PageShell>
      <View className='card'>
        <Text className='title' style={{ display: 'block' }}>
          活动报名
        </Text>
        <Text className='muted' style={{ display: 'block' }}>
          工会活动报名正在准备中。想了解活动，可以先到服务中心问问。
        </Text>
        <Button className='button' onClick={() => openTab(TABS.home)}>
          看服务中心
        </Button>
      </View>
    </PageShell>
  );
}
