import { Text, View } from '@tarojs/components';
import { stopPullDownRefresh, usePullDownRefresh } from '@tarojs/taro';
import { devSession } from '../../../../api/dev-session';
import { AsyncView } from '../../../../components/async-view';
import { EntryPanel } from '../../../../components/events/entry-panel';
import { useReloadOnReturn } from '../../../../components/events/use-reload-on-return';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openPage, openTab, PAGES, TABS } from '../../../../routes';
import { AppButton } from '../../../../components/button';

export default function MyEntriesPage() {
  const { state, reload } = useCall('events', 'mine', {});
  const me = useCall('account', 'me', {});
  usePullDownRefresh(() => {
    void reload().finally(() => stopPullDownRefresh());
  });
  useReloadOnReturn(reload);

  if (process.env.TARO_ENV === 'h5' && !devSession.token()) {
    return (
      <PageShell>
        <View className='card'>
          <Text style={{ display: 'block' }}>看报名记录前请先登录。</Text>
          <AppButton onClick={() => openTab(TABS.me)}>
            去登录
          </AppButton>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText='还没有报过名。去“活动”里看看有什么好玩的。' isEmpty={(list) => list.length === 0}>
        {(list) => list.map((entry) => <EntryPanel key={entry.id} entry={entry} showTitle onChanged={() => void reload()} />)}
      </AsyncView>
      <AppButton kind='secondary' onClick={() => openTab(TABS.events)}>
        去看活动
      </AppButton>
      {me.state.status === 'ready' && me.state.data.role !== 'worker' && (
        <AppButton kind='secondary' onClick={() => openPage(PAGES.eventsStaff)}>
          工作人员：活动管理和签到
        </AppButton>
      )}
    </PageShell>
  );
}
