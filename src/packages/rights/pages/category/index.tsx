import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { useEffect } from 'react';
import { ARTICLE_CATEGORY_LABELS, type ArticleCategory } from '@contract/rights/model';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { ArticleList } from '../../../../components/rights/article-list';
import { HotlineCard } from '../../../../components/rights/hotline';
import { useCall } from '../../../../hooks/use-call';

export default function RightsCategoryPage() {
  const category = (usePageParams().category ?? '') as ArticleCategory;
  const { state, reload } = useCall('rights', 'category', { category });
  const label = ARTICLE_CATEGORY_LABELS[category] ?? '维权普法';
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: label });
  }, [label]);

  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText='这一类还没有文章，有问题请点“我要咨询”或打 12351' isEmpty={(list) => list.length === 0}>
        {(list) => (
          <View className='card'>
            <Text className='rt-section'>{label}</Text>
            <ArticleList articles={list} showReads />
          </View>
        )}
      </AsyncView>
      <HotlineCard />
    </PageShell>
  );
}
