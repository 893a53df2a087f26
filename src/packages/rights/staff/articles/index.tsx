import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { ARTICLE_CATEGORY_LABELS, ARTICLE_REVIEW_LABELS, ARTICLE_STATUS_LABELS, type StaffArticleRow } from '@contract/rights/model';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES } from '../../../../routes';
import { AppButton } from '../../../../components/button';

function reviewLine(r: StaffArticleRow): string {
  if (r.review.state !== 'reviewed') return `⚠ ${ARTICLE_REVIEW_LABELS['draft-unreviewed']}`;
  return `${r.reviewNeeded ? '⚠ 该复核了' : ARTICLE_REVIEW_LABELS.reviewed}：${r.review.reviewer}，${r.review.reviewedAt}（下次 ${r.reviewDue}）`;
}

/** Staff: every article with its feedback and review state; new, edit, 更新内置文章, and what workers missed. */
export default function RightsStaffArticlesPage() {
  const { state, reload } = useCall('rights', 'staffArticles', {});
  const [syncMessage, setSyncMessage] = useState('');
  useDidShow(() => void reload());

  // After a deploy on WeChat's cloud: bring content/ fixes in (docs/deploying.md). Admins only.
  async function syncShipped() {
    setSyncMessage('正在更新…');
    const res = await call('rights', 'staffSyncArticles', {});
    if (!res.ok) {
      setSyncMessage(res.error.message);
      return;
    }
    const { added, updated, keptStaffEdit } = res.data;
    setSyncMessage(`新增 ${added.length} 篇，更新 ${updated.length} 篇，保留工作人员改过的 ${keptStaffEdit.length} 篇`);
    void reload();
  }
  return (
    <PageShell>
      <View className='rt-row'>
        <AppButton onClick={() => openPage(PAGES.rightsStaffArticle, { slug: '' })}>
          写新文章
        </AppButton>
        <AppButton kind='secondary' onClick={() => openPage(PAGES.rightsStaffInsights)}>
          职工没找到的
        </AppButton>
      </View>
      <AppButton kind='secondary' onClick={() => openPage(PAGES.rightsStaffCases)}>
        答复咨询
      </AppButton>
      <AppButton kind='secondary' onClick={() => void syncShipped()} data-testid='sync-shipped'>
        更新内置文章
      </AppButton>
      {syncMessage && (
        <Text className='muted' style={{ display: 'block', margin: '0 8px var(--space)' }}>
          {syncMessage}
        </Text>
      )}
      <AsyncView state={state} onRetry={reload} emptyText='还没有文章' isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <View className='card' data-testid='staff-articles'>
            {rows.map((r) => (
              <View key={r.slug} className='list-row' hoverClass='rt-pressed' onClick={() => openPage(PAGES.rightsStaffArticle, { slug: r.slug })} aria-role='link'>
                <Text className='rt-item__title'>{r.title}</Text>
                <Text className='muted rt-item__line'>
                  {ARTICLE_STATUS_LABELS[r.status]} · {ARTICLE_CATEGORY_LABELS[r.category]}
                  {r.featured ? ' · 推荐' : ''} · {r.reads} 阅读 · 有用 {r.helpful} / 没用 {r.unhelpful}
                </Text>
                <Text className='muted rt-item__line' style={r.reviewNeeded ? { color: 'var(--color-error)' } : {}}>
                  {reviewLine(r)}
                </Text>
                {r.shippedUpdateKept && (
                  <Text className='muted rt-item__line' style={{ color: 'var(--color-warn)' }}>
                    内置文章有新版本，因为这里改过，没有覆盖；请对照新版修改
                  </Text>
                )}
              </View>
            ))}
          </View>
        )}
      </AsyncView>
    </PageShell>
  );
}
