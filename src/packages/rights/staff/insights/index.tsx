import { Text, View } from '@tarojs/components';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { whenText } from '../../../../components/rights/status';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES } from '../../../../routes';

/** What to write next: what workers searched for and did not find, and why articles did not help. */
export default function RightsStaffInsightsPage() {
  const { state, reload } = useCall('rights', 'staffInsights', {});
  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText=''>
        {(data) => (
          <View>
            <View className='card' data-testid='misses'>
              <Text className='rt-section'>搜了没找到</Text>
              {data.misses.length === 0 && <Text className='muted'>暂时没有。</Text>}
              {data.misses.map((m) => (
                <View key={m.query} className='list-row'>
                  <Text className='rt-item__title'>{m.query}</Text>
                  <Text className='muted rt-item__line'>
                    {m.count} 次 · 第一次 {whenText(m.firstAt)}
                  </Text>
                </View>
              ))}
            </View>
            <View className='card' data-testid='unhelpful'>
              <Text className='rt-section'>觉得“没用”的原因</Text>
              {data.unhelpful.length === 0 && <Text className='muted'>暂时没有。</Text>}
              {data.unhelpful.map((u, i) => (
                <View key={i} className='list-row' hoverClass='rt-pressed' onClick={() => openPage(PAGES.rightsStaffArticle, { slug: u.slug })}>
                  <Text className='rt-item__title'>{u.title}</Text>
                  <Text className='rt-item__line'>{[u.reasonLabel, u.text].filter(Boolean).join('：') || '没写原因'}</Text>
                  <Text className='muted rt-item__line'>{whenText(u.at)}</Text>
                </View>
              ))}
            </View>
          </View>
        )}
      </AsyncView>
    </PageShell>
  );
}
