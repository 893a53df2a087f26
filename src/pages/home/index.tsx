import { Text, View } from '@tarojs/components';
import { usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro';
import { AsyncView } from '../../components/async-view';
import { CentreCard } from '../../components/centres/centre-card';
import { FairBanner, NearestFreeCard, StationBanner } from '../../components/centres/home-cards';
import { PageShell } from '../../components/page-shell';
import { useCall } from '../../hooks/use-call';

export default function HomePage() {
  const { state, reload } = useCall('centres', 'list', {});
  usePullDownRefresh(() => {
    void reload().finally(() => stopPullDownRefresh());
  });

  return (
    <PageShell>
      <View className='card'>
        <Text className='title'>九江镇总工会 · 职工·家</Text>
        <Text className='muted' style={{ display: 'block' }}>
          维权帮扶、困难帮扶、就业推荐、法律咨询，都可以来服务中心。有急事请打工会热线 12351。
        </Text>
      </View>
      <StationBanner />
      <NearestFreeCard />
      <FairBanner />
      <Text className='title'>服务中心</Text>
      <AsyncView state={state} onRetry={reload} emptyText='暂时没有服务中心信息' isEmpty={(list) => list.length === 0}>
        {(list) => list.map((centre) => <CentreCard key={centre.id} centre={centre} />)}
      </AsyncView>
    </PageShell>
  );
}
