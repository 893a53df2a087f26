import { Text, View } from '@tarojs/components';
import { usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro';
import { AsyncView } from '../../components/async-view';
import { CentreCard } from '../../components/centres/centre-card';
import { FairBanner, NearestFreeCard, StationBanner } from '../../components/centres/home-cards';
import { PageShell } from '../../components/page-shell';
import { AID_KIND_LABELS, AID_KINDS } from '@contract/aid/model';
import { useCall } from '../../hooks/use-call';
import { openPage, PAGES } from '../../routes';

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
      <View className='card' data-testid='aid-entry'>
        <Text className='title'>申请帮扶</Text>
        <View className='menu'>
          {AID_KINDS.map((k) => (
            <View key={k} className='menu__row' hoverClass='menu__row--pressed' onClick={() => openPage(PAGES.aidApply, { kind: k })} aria-role='button'>
              <Text>{AID_KIND_LABELS[k]}</Text>
              <Text className='menu__chevron'>›</Text>
            </View>
          ))}
        </View>
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
