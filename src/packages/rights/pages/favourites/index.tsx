import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { ArticleList } from '../../../../components/rights/article-list';
import { useCall } from '../../../../hooks/use-call';
import { openTab, TABS } from '../../../../routes';
import { AppButton } from '../../../../components/button';

export default function RightsFavouritesPage() {
  const { state, reload } = useCall('rights', 'myFavourites', {});
  useDidShow(() => void reload());
  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText='还没有收藏。看到有用的文章，点“收藏”就能在这里找到。' isEmpty={(list) => list.length === 0}>
        {(list) => (
          <View className='card' data-testid='favourites'>
            <ArticleList articles={list} />
          </View>
        )}
      </AsyncView>
      <AppButton kind='secondary' onClick={() => openTab(TABS.rights)}>
        去看维权文章
      </AppButton>
    </PageShell>
  );
}
