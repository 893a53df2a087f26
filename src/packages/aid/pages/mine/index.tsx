import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../../components/button';
import { useDidShow } from '@tarojs/taro';
import { AID_KIND_LABELS } from '@contract/aid/model';
import { AsyncView } from '../../../../components/async-view';
import { AidStatusTag, dayText } from '../../../../components/aid/status';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES, TABS } from '../../../../routes';
import '../../../../components/aid/aid.scss';

/** 我的帮扶申请: every application with its status, newest first; a way to apply. */
export default function AidMinePage() {
  const { state, reload } = useCall('aid', 'mine', {});
  useDidShow(() => void reload());
  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText='你还没有申请过帮扶' isEmpty={(list) => list.length === 0} exit={{ tab: TABS.me, label: '回到我的' }}>
        {(list) => (
          <View className='card'>
            {list.map((a) => (
              <View key={a.id} className='list-row' onClick={() => openPage(PAGES.aidApplication, { id: a.id })} aria-role='link'>
                <View style={{ display: 'flex', justifyContent: 'space-between', gap: '16px' }}>
                  <Text className='ad-line'>{AID_KIND_LABELS[a.kind]}</Text>
                  <AidStatusTag status={a.status} />
                </View>
                <Text className='muted'>
                  {a.centreName} · {dayText(a.createdAt)} 提交
                </Text>
              </View>
            ))}
          </View>
        )}
      </AsyncView>
      <AppButton onClick={() => openPage(PAGES.aidApply)}>
        申请帮扶
      </AppButton>
    </PageShell>
  );
}
