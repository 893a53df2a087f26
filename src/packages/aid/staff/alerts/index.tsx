import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../../components/button';
import { useDidShow } from '@tarojs/taro';
import { WAGE_ALERT, type WageAlert } from '@contract/aid/model';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { dayText } from '../../../../components/aid/status';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { TABS } from '../../../../routes';
import '../../../../components/aid/aid.scss';

/** 集体欠薪预警: employers several workers reported within the window; names masked. */
export default function AidAlertsPage() {
  const { state, reload } = useCall('aid', 'staffAlerts', {});
  const [done, setDone] = useState<Record<string, WageAlert>>({});
  const [message, setMessage] = useState('');
  useDidShow(() => void reload());

  async function acknowledge(id: string) {
    const res = await call('aid', 'staffAcknowledgeAlert', { id });
    if (res.ok) setDone({ ...done, [id]: res.data });
    else setMessage(res.error.message);
  }

  return (
    <PageShell>
      <View className='card'>
        <Text className='muted'>
          {WAGE_ALERT.windowDays} 天内同一单位有 {WAGE_ALERT.workers} 位以上职工反映欠薪，就会出现在这里。
        </Text>
      </View>
      <AsyncView state={state} onRetry={reload} emptyText='现在没有集体欠薪预警' isEmpty={(list) => list.length === 0} exit={{ tab: TABS.me, label: '回到我的' }}>
        {(list) => (
          <View className='card' data-testid='aid-alerts'>
            {list.map((a) => {
              const acked = done[a.id]?.acknowledged ?? a.acknowledged;
              return (
                <View key={a.id} className='list-row'>
                  <Text className='ad-line' style={{ fontWeight: 600 }}>
                    {a.employer}：{a.count} 人反映欠薪
                  </Text>
                  <Text className='muted'>
                    {a.workers.join('、')} · {dayText(a.windowStart)} 起
                  </Text>
                  {acked ? (
                    <Text className='muted' style={{ display: 'block' }}>
                      {acked.by} 已知悉
                    </Text>
                  ) : (
                    <AppButton onClick={() => void acknowledge(a.id)}>
                      已知悉，去跟进
                    </AppButton>
                  )}
                </View>
              );
            })}
          </View>
        )}
      </AsyncView>
      {message && <Text className='field-error'>{message}</Text>}
    </PageShell>
  );
}
