import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../../components/button';
import { useDidShow } from '@tarojs/taro';
import { AID_KIND_LABELS, AID_KINDS, type AidKind } from '@contract/aid/model';
import { AsyncView } from '../../../../components/async-view';
import { AidStatusTag, dayText } from '../../../../components/aid/status';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES, TABS } from '../../../../routes';
import '../../../../components/aid/aid.scss';

/** 帮扶申请 (工作台): open applications of the staff member's centres, due first, by kind. */
export default function AidQueuePage() {
  const [kind, setKind] = useState<AidKind | undefined>(undefined);
  const { state, reload } = useCall('aid', 'staffQueue', kind ? { kind } : {});
  useDidShow(() => void reload());
  return (
    <PageShell>
      <View className='card'>
        <Text className={!kind ? 'choice choice--on' : 'choice'} onClick={() => setKind(undefined)} aria-role='radio' aria-checked={!kind}>
          全部
        </Text>
        {AID_KINDS.map((k) => (
          <Text key={k} className={kind === k ? 'choice choice--on' : 'choice'} onClick={() => setKind(k)} aria-role='radio' aria-checked={kind === k}>
            {AID_KIND_LABELS[k]}
          </Text>
        ))}
      </View>
      <AsyncView state={state} onRetry={reload} emptyText='没有待办的申请' isEmpty={(list) => list.length === 0} exit={{ tab: TABS.me, label: '回到我的' }}>
        {(list) => (
          <View className='card' data-testid='aid-queue'>
            {list.map((a) => (
              <View key={a.id} className='list-row' onClick={() => openPage(PAGES.aidStaffApplication, { id: a.id })} aria-role='link'>
                <View style={{ display: 'flex', justifyContent: 'space-between', gap: '16px' }}>
                  <Text className='ad-line'>
                    {AID_KIND_LABELS[a.kind]} · {a.name}
                  </Text>
                  <AidStatusTag status={a.status} />
                </View>
                <Text className={a.overdue ? 'field-error' : 'muted'}>
                  {a.centreName} · {a.overdue ? '已超期' : '期限'} {dayText(a.dueAt)}
                </Text>
              </View>
            ))}
          </View>
        )}
      </AsyncView>
      <AppButton kind='secondary' onClick={() => openPage(PAGES.aidStaffAlerts)}>
        集体欠薪预警
      </AppButton>
    </PageShell>
  );
}
