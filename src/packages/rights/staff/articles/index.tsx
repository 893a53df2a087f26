import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { ARTICLE_CATEGORY_LABELS, ARTICLE_STATUS_LABELS } from '@contract/rights/model';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES } from '../../../../routes';

/** Staff: every article with its feedback and review date; new, edit, and what workers missed. */
export default function RightsStaffArticlesPage() {
  const { state, reload } = useCall('rights', 'staffArticles', {});
  useDidShow(() => void reload());
  return (
    <PageShell>
      <View className='rt-row'>
        <Button className='button' onClick={() => openPage(PAGES.rightsStaffArticle, { slug: '' })}>
          写新文章
        </Button>
        <Button className='button button--plain' onClick={() => openPage(PAGES.rightsStaffInsights)}>
          职工没找到的
        </Button>
      </View>
      <Button className='button button--plain' onClick={() => openPage(PAGES.rightsStaffCases)}>
        答复咨询
      </Button>
      <AsyncView state={state} onRetry={reload} emptyText='还没有文章' isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <View className='card' data-testid='staff-articles'>
            {rows.map((r) => (
              <View key={r.slug} className='rt-item' hoverClass='rt-pressed' onClick={() => openPage(PAGES.rightsStaffArticle, { slug: r.slug })} aria-role='link'>
                <Text className='rt-item__title'>{r.title}</Text>
                <Text className='muted rt-item__line'>
                  {ARTICLE_STATUS_LABELS[r.status]} · {ARTICLE_CATEGORY_LABELS[r.category]}
                  {r.featured ? ' · 推荐' : ''} · {r.reads} 阅读 · 有用 {r.helpful} / 没用 {r.unhelpful}
                </Text>
                <Text className='muted rt-item__line' style={r.reviewOverdue ? { color: 'var(--color-error)' } : {}}>
                  {r.reviewOverdue ? '⚠ 该复核了：' : '下次复核：'}
                  {r.reviewDue}
                </Text>
              </View>
            ))}
          </View>
        )}
      </AsyncView>
    </PageShell>
  );
}
