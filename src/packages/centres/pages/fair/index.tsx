import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import type { FairDay, FairTicket, GivenBackTicket } from '@contract/centres/model';
import { dayText, monthDayText, shanghaiDay } from '@contract/time';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { ensureDemoIdentity } from '../../../../components/centres/client';
import { GiveBackButton, GivenBackNotice } from '../../../../components/centres/give-back';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES } from '../../../../routes';
import '../../../../components/centres/bookings.scss';
import { AppButton } from '../../../../components/button';

/**
 * 便民日: take a number (or a time window) in each queue, and watch the number being served.
 * The live view polls every refreshSeconds while the page is on screen: one cheap request, works
 * on any network, and stops when the page is hidden (see docs/centres.md for why not a socket).
 */
/** Where a ticket stands. Before the day nobody is being called, so "下一个就是你" would mislead. */
function ticketState(t: FairTicket, date: string): string {
  if (t.state === 'returned') return '已退号';
  if (t.state === 'serving') return '轮到你了！';
  if (t.state === 'done') return '已过号';
  if (date !== shanghaiDay()) return `${monthDayText(date)}当天叫号，你排第${t.ahead + 1}位`;
  return t.ahead === 0 ? '下一个就是你' : `前面还有${t.ahead}人`;
}

export default function FairPage() {
  const id = usePageParams().id ?? '';
  const { state, reload } = useCall('centres', 'fair', { id });
  const [live, setLive] = useState<FairDay | null>(null);
  const [visible, setVisible] = useState(true);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const [givenBack, setGivenBack] = useState<GivenBackTicket | null>(null);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  const fair = live ?? (state.status === 'ready' ? state.data : null);

  useEffect(() => {
    if (!visible || !fair) return undefined;
    const timer = setInterval(() => {
      void call('centres', 'fair', { id }).then((res) => res.ok && setLive(res.data));
    }, fair.refreshSeconds * 1000);
    return () => clearInterval(timer);
  }, [visible, id, fair?.refreshSeconds]);

  async function take(queueId: string, window?: string) {
    setBusy(`${queueId}:${window ?? ''}`);
    setError('');
    if (!(await ensureDemoIdentity())) {
      setBusy('');
      setError('登录失败，请到「我的」里登录');
      return;
    }
    const res = await call('centres', 'takeNumber', { fairId: id, queueId, ...(window ? { window } : {}) });
    setBusy('');
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setGivenBack(null);
    await refresh();
  }

  async function refresh() {
    const fresh = await call('centres', 'fair', { id });
    if (fresh.ok) setLive(fresh.data);
  }

  function onGivenBack(result: GivenBackTicket) {
    setError('');
    setGivenBack(result);
    void refresh();
  }

  /** 重新取号 right away in a queue without time windows; otherwise the person picks a window below. */
  function takeAgain(f: FairDay, queueId: string) {
    const queue = f.queues.find((q) => q.id === queueId);
    if (queue && queue.windows.length === 0) void take(queueId);
    else setGivenBack(null);
  }

  return (
    <PageShell>
      <AsyncView state={fair ? { status: 'ready', data: fair } : state} onRetry={reload} emptyText=''>
        {(f) => (
          <View>
            <View className='card'>
              <Text className='title' style={{ display: 'block', marginTop: 0 }}>
                {f.title}
              </Text>
              <Text style={{ display: 'block' }}>
                {dayText(f.date)} {f.opens}–{f.closes}
              </Text>
              <Text className='muted' style={{ display: 'block' }}>
                {f.place}
              </Text>
            </View>
            {givenBack && <GivenBackNotice result={givenBack} onTakeAgain={() => takeAgain(f, givenBack.queueId)} />}
            {f.mine.length > 0 && (
              <View className='card' data-testid='my-tickets'>
                <Text className='title' style={{ display: 'block', marginTop: 0 }}>
                  我的号
                </Text>
                {f.mine.map((t) => (
                  <View key={t.id} className='table-row'>
                    <View>
                      <Text style={{ display: 'block' }}>{t.queueName}</Text>
                      {t.window && <Text className='muted'>{t.window}</Text>}
                    </View>
                    <View style={{ textAlign: 'right' }}>
                      <Text className='number' style={{ display: 'block' }}>
                        {t.number}号
                      </Text>
                      <Text className={t.state === 'serving' ? 'ok-text' : 'muted'}>
                        {ticketState(t, f.date)}
                      </Text>
                    </View>
                  </View>
                ))}
                {f.mine
                  .filter((t) => t.state === 'waiting')
                  .map((t) => (
                    <GiveBackButton key={t.id} ticket={t} onDone={onGivenBack} />
                  ))}
              </View>
            )}
            {error && <Text className='error-text'>{error}</Text>}
            {f.queues.map((q) => {
              const mine = f.mine.find((t) => t.queueId === q.id && t.state !== 'returned');
              const takeLabel = f.mine.some((t) => t.queueId === q.id && t.state === 'returned') ? '重新取号' : '取号';
              return (
                <View key={q.id} className='card' data-testid='fair-queue'>
                  <View className='row'>
                    <Text style={{ fontSize: 'var(--font-title)', fontWeight: 600 }}>{q.name}</Text>
                    <Text className='muted'>{q.waiting > 0 ? `${q.waiting}人在等` : '不用等'}</Text>
                  </View>
                  <Text className='line'>正在服务：{q.serving > 0 ? `${q.serving}号` : '还没开始'}</Text>
                  {!mine && q.windows.length === 0 && (
                    <AppButton busy={busy === `${q.id}:`} onClick={() => void take(q.id)}>
                      {takeLabel}
                    </AppButton>
                  )}
                  {!mine &&
                    q.windows.map((w) => (
                      <AppButton
                        key={w.start}
                        kind={w.left > 0 ? 'primary' : 'secondary'}
                        busy={busy === `${q.id}:${w.start}`}
                        disabled={w.left <= 0}
                        onClick={() => void take(q.id, w.start)}
                      >
                        {w.start}–{w.end} {w.left > 0 ? `${takeLabel}（剩${w.left}）` : '已满'}
                      </AppButton>
                    ))}
                  {mine && <Text className='ok-text'>已取号：{mine.number}号</Text>}
                </View>
              );
            })}
            <Text className='muted' style={{ display: 'block', textAlign: 'center' }}>
              每{f.refreshSeconds}秒自动更新
            </Text>
            <FairStaffLink centreId={f.centreId} fairId={f.id} />
          </View>
        )}
      </AsyncView>
    </PageShell>
  );
}

function FairStaffLink({ centreId, fairId }: { centreId: string; fairId: string }) {
  const { state } = useCall('account', 'me', {});
  if (state.status !== 'ready' || state.data.role === 'worker') return null;
  if (state.data.role !== 'admin' && !state.data.centreIds.includes(centreId)) return null;
  return (
    <AppButton kind='secondary' onClick={() => openPage(PAGES.fairStaff, { id: fairId })}>
      工作人员：叫号和现场登记
    </AppButton>
  );
}
