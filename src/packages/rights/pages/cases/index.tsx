import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { ARTICLE_CATEGORY_LABELS } from '@contract/rights/model';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { openAsk } from '../../../../components/rights/nav';
import { StatusTag, whenText } from '../../../../components/rights/status';
import { useCall } from '../../../../hooks/use-call';
import { openPage, openTab, PAGES, TABS } from '../../../../routes';
import { AppButton } from '../../../../components/button';

export default function RightsCasesPage() {
  const { state, reload } = useCall('rights', 'myConsultations', {});
  useDidShow(() => void reload());

  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText='你还没有提过问题。遇到难事可以点下面“我要咨询”。' isEmpty={(list) => list.length === 0}>
        {(list) => (
          <View className='card' data-testid='cases'>
            {list.map((c) => (
              <View key={c.id} className='list-row' hoverClass='rt-pressed' onClick={() => openPage(PAGES.rightsCase, { id: c.id })} aria-role='link'>
                <View style={{ display: 'flex', justifyContent: 'space-between', gap: '16px' }}>
                  <Text className='rt-item__title'>{ARTICLE_CATEGORY_LABELS[c.category]}</Text>
                  <StatusTag status={c.status} />
                </View>
                <Text className='rt-item__line'>{c.excerpt}</Text>
                <Text className='muted rt-item__line'>
                  {whenText(c.createdAt)} 提交
                  {c.status === 'submitted' || c.status === 'processing' ? ` · ${c.dueText}答复` : ''}
                </Text>
              </View>
            ))}
          </View>
        )}
      </AsyncView>
      {state.status === 'error' && state.error.code === 'NOT_SIGNED_IN' && (
        <AppButton kind='secondary' onClick={() => openTab(TABS.me)}>
          去登录
        </AppButton>
      )}
      <AppButton onClick={() => openAsk()}>
        我要咨询
      </AppButton>
    </PageShell>
  );
}
