import { Text, View } from '@tarojs/components';
import { usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro';
import { AsyncView } from '../../components/async-view';
import { PageShell } from '../../components/page-shell';
import { ArticleList } from '../../components/rights/article-list';
import { HotlineCard } from '../../components/rights/hotline';
import { openAsk, openSearch } from '../../components/rights/nav';
import { SearchBox } from '../../components/rights/search-box';
import { useCall } from '../../hooks/use-call';
import { openPage, PAGES } from '../../routes';
import '../../components/rights/rights.scss';
import { AppButton } from '../../components/button';

/** 维权: search first (in your own words), then the categories, featured and most-read, and ways to ask. */
export default function RightsPage() {
  const { state, reload } = useCall('rights', 'home', {});
  const me = useCall('account', 'me', {});
  usePullDownRefresh(() => {
    void reload().finally(() => stopPullDownRefresh());
  });
  const isStaff = me.state.status === 'ready' && me.state.data.role !== 'worker';

  return (
    <PageShell>
      <View className='card'>
        <Text className='rt-section'>遇到什么事了？</Text>
        <SearchBox onSearch={openSearch} />
        <Text className='muted' style={{ display: 'block', marginTop: '8px' }}>
          用自己的话说就行，比如“上班受伤了”“被炒鱿鱼”“试用期不买社保”。
        </Text>
      </View>

      <View className='rt-row'>
        <AppButton onClick={() => openAsk()}>
          我要咨询
        </AppButton>
        <AppButton kind='secondary' onClick={() => openPage(PAGES.rightsDeadlines)}>
          算算期限
        </AppButton>
      </View>

      <AsyncView state={state} onRetry={reload} emptyText='文章还在准备中，有问题请直接打 12351' isEmpty={(h) => h.categories.every((c) => c.count === 0)}>
        {(home) => (
          <View>
            <Text className='title' style={{ display: 'block' }}>
              按问题找
            </Text>
            <View className='rt-grid' style={{ marginBottom: 'var(--space)' }}>
              {home.categories
                .filter((c) => c.count > 0)
                .map((c) => (
                  <View
                    key={c.category}
                    className='rt-grid__item'
                    hoverClass='rt-pressed'
                    onClick={() => openPage(PAGES.rightsCategory, { category: c.category })}
                    aria-role='link'
                    aria-label={`${c.label}，${c.count}篇`}
                  >
                    <Text>{c.label}</Text>
                    <Text className='muted'>{c.count}</Text>
                  </View>
                ))}
            </View>
            {home.featured.length > 0 && (
              <View className='card' data-testid='featured'>
                <Text className='rt-section'>工会推荐</Text>
                <ArticleList articles={home.featured} />
              </View>
            )}
            {home.popular.length > 0 && (
              <View className='card' data-testid='popular'>
                <Text className='rt-section'>大家都在看</Text>
                <ArticleList articles={home.popular} showReads />
              </View>
            )}
          </View>
        )}
      </AsyncView>

      <HotlineCard />

      <View className='rt-row'>
        <AppButton kind='secondary' onClick={() => openPage(PAGES.rightsCases)}>
          我的咨询
        </AppButton>
        <AppButton kind='secondary' onClick={() => openPage(PAGES.rightsFavourites)}>
          我的收藏
        </AppButton>
      </View>

      {isStaff && (
        <View className='card' data-testid='rights-staff'>
          <Text className='rt-section'>工作人员</Text>
          <View className='rt-row'>
            <AppButton kind='secondary' onClick={() => openPage(PAGES.rightsStaffCases)}>
              答复咨询
            </AppButton>
            <AppButton kind='secondary' onClick={() => openPage(PAGES.rightsStaffArticles)}>
              管理文章
            </AppButton>
          </View>
        </View>
      )}
    </PageShell>
  );
}
