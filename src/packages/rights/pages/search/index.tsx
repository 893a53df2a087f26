import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { useState } from 'react';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { ArticleList } from '../../../../components/rights/article-list';
import { HotlineCard } from '../../../../components/rights/hotline';
import { openAsk } from '../../../../components/rights/nav';
import { SearchBox } from '../../../../components/rights/search-box';
import { useCall } from '../../../../hooks/use-call';
import { AppButton } from '../../../../components/button';

export default function RightsSearchPage() {
  const params = usePageParams();
  const [q, setQ] = useState(() => params.q ?? '');
  const { state, reload } = useCall('rights', 'search', { q });

  return (
    <PageShell>
      <View className='card'>
        <SearchBox key={q} initial={q} onSearch={(next) => {
          setQ(next);
          void Taro.setNavigationBarTitle({ title: next.slice(0, 12) });
        }} autoFocus={!q} />
      </View>
      {q ? (
        <AsyncView state={state} onRetry={reload} emptyText=''>
          {(answer) =>
            answer.results.length > 0 ? (
              <View className='card' data-testid='results'>
                {answer.corrections.length > 0 && (
                  <Text className='muted' style={{ display: 'block' }}>
                    已按“{answer.corrections.map((c) => c.term).join('、')}”帮你找
                  </Text>
                )}
                <Text className='rt-section'>找到 {answer.results.length} 篇</Text>
                <ArticleList articles={answer.results} />
              </View>
            ) : (
              <View className='card' data-testid='no-results'>
                <Text className='rt-section'>没找到相关文章</Text>
                <Text style={{ display: 'block' }}>换个说法试试，比如“工资”“工伤”“合同”。也可以直接把你的事写下来，工会的工作人员会答复你。</Text>
                <AppButton onClick={() => openAsk()}>
                  我要咨询
                </AppButton>
              </View>
            )
          }
        </AsyncView>
      ) : (
        <View className='card'>
          <Text className='muted'>用自己的话说你遇到的事，比如“老板三个月没发工资”。</Text>
        </View>
      )}
      <HotlineCard />
    </PageShell>
  );
}
