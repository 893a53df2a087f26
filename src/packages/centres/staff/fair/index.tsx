import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { usePageParams } from '../../../../hooks/use-page-params';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { newRequestId } from '@contract/request-id';
import { dayText } from '@contract/time';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import '../../../../components/centres/bookings.scss';
import { AppButton } from '../../../../components/button';

/** Staff at the 便民日: call the next number per queue, add walk-ins into the same queue. */
export default function FairStaffPage() {
  const id = usePageParams().id ?? '';
  const { state, reload } = useCall('centres', 'fair', { id });
  const [names, setNames] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const requestIds = useRef<Record<string, string>>({});

  async function next(queueId: string) {
    setError('');
    const res = await call('centres', 'staffCallNext', { fairId: id, queueId });
    if (!res.ok) setError(res.error.message);
    else setMessage(`已叫 ${res.data.queues.find((q) => q.id === queueId)?.serving ?? ''} 号`);
    void reload();
  }

  async function walkIn(queueId: string) {
    const name = (names[queueId] ?? '').trim();
    if (!name) {
      setError('请填写来人的称呼');
      return;
    }
    requestIds.current[queueId] ??= newRequestId();
    const res = await call('centres', 'staffFairWalkIn', { fairId: id, queueId, name, requestId: requestIds.current[queueId] });
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    delete requestIds.current[queueId];
    setNames({ ...names, [queueId]: '' });
    setMessage(`${name}：${res.data.number}号`);
    void reload();
  }

  return (
    <PageShell>
      {message && <Text className='ok-text'>{message}</Text>}
      {error && <Text className='error-text'>{error}</Text>}
      <AsyncView state={state} onRetry={reload} emptyText=''>
        {(f) => (
          <View>
            <Text className='title' style={{ display: 'block' }}>
              {f.title} · {dayText(f.date)}
            </Text>
            {f.queues.map((q) => (
              <View key={q.id} className='card'>
                <View className='row'>
                  <Text style={{ fontSize: 'var(--font-title)', fontWeight: 600 }}>{q.name}</Text>
                  <Text className='muted'>
                    已发 {q.issued} 号 · {q.waiting} 人在等
                  </Text>
                </View>
                <Text className='number' style={{ display: 'block' }}>
                  {q.serving > 0 ? `${q.serving}号` : '未开始'}
                </Text>
                <AppButton disabled={q.waiting === 0} onClick={() => void next(q.id)}>
                  叫下一个号
                </AppButton>
                <Input
                  className='input'
                  value={names[q.id] ?? ''}
                  placeholder='现场来人的称呼，如 陈阿姨'
                  onInput={(e) => setNames({ ...names, [q.id]: e.detail.value })}
                />
                <AppButton kind='secondary' onClick={() => void walkIn(q.id)}>
                  现场登记取号
                </AppButton>
              </View>
            ))}
            <AppButton kind='secondary' onClick={() => void reload()}>
              刷新
            </AppButton>
          </View>
        )}
      </AsyncView>
    </PageShell>
  );
}
