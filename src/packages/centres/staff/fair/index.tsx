import { useEffect, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { usePageParams } from '../../../../hooks/use-page-params';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { newRequestId } from '@contract/request-id';
import { dayText } from '@contract/time';
import { PageShell } from '../../../../components/page-shell';
import { ChoiceList } from '../../../../components/staff/choice-list';
import { StaffOnly } from '../../../../components/staff/staff-only';
import { useCall } from '../../../../hooks/use-call';
import { lastChoice, rememberChoice } from '../../../../prefs/staff-choice';
import { openPage, PAGES } from '../../../../routes';
import type { FairSummary } from '@contract/centres/model';
import type { StaffHome } from '@contract/staff/model';
import '../../../../components/centres/bookings.scss';
import { AppButton } from '../../../../components/button';

/**
 * Staff at the 便民日: first which one (from ?id=, else today's at their centres: the only one, or
 * the one remembered on this phone, or they pick; with none today the page says so and lists the
 * next ones), then call the next number per queue and add walk-ins into the same queue.
 */
export default function FairStaffPage() {
  const param = usePageParams().id ?? '';
  const [id, setId] = useState(param);
  /** After 换一场 the list stays up, even when there is only one to take. */
  const [changing, setChanging] = useState(false);
  return (
    <PageShell>
      <StaffOnly>
        {(me) =>
          id ? (
            <FairDesk
              id={id}
              onChange={
                param
                  ? undefined
                  : () => {
                      setChanging(true);
                      setId('');
                    }
              }
            />
          ) : (
            <FairChooser
              me={me}
              pickAlone={!changing}
              onPick={(picked) => {
                rememberChoice('fair', picked);
                setId(picked);
              }}
            />
          )
        }
      </StaffOnly>
    </PageShell>
  );
}

/** Today's fairs at the caller's centres, or (none today) the next ones; picks by itself when there is no choice to make. */
function FairChooser({ me, pickAlone, onPick }: { me: StaffHome; pickAlone: boolean; onPick: (id: string) => void }) {
  const { state, reload } = useCall('centres', 'fairs', {});
  const mine = state.status === 'ready' ? state.data.filter((f) => me.isAdmin || me.centres.some((c) => c.id === f.centreId)) : [];
  const today = mine.filter((f) => f.when === 'today');
  const remembered = lastChoice('fair');
  const auto = !pickAlone ? undefined : today.length === 1 ? today[0].id : today.find((f) => f.id === remembered)?.id;
  useEffect(() => {
    if (auto) onPick(auto);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [auto]);
  const option = (f: FairSummary) => ({ id: f.id, label: `${dayText(f.date)} ${f.title}`, hint: f.centreName });
  return (
    <AsyncView state={state} onRetry={reload} emptyText=''>
      {() =>
        today.length > 0 ? (
          <ChoiceList title='今天的场次，选一场叫号' options={today.map(option)} onPick={onPick} />
        ) : (
          <View>
            <View className='card' role='status'>
              <Text style={{ display: 'block' }}>今天没有场次要叫号。</Text>
              {mine.length === 0 && <Text className='muted'>接下来两个月也还没有安排。</Text>}
            </View>
            {mine.length > 0 && <ChoiceList title='接下来的场次' options={mine.map(option)} onPick={onPick} />}
            <AppButton kind='secondary' onClick={() => openPage(PAGES.staffHome)}>
              回工作台
            </AppButton>
          </View>
        )
      }
    </AsyncView>
  );
}

/** One 便民日's calling desk. `onChange` (absent when the page was opened for this fair) goes back to the choice. */
function FairDesk({ id, onChange }: { id: string; onChange?: () => void }) {
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
    <View>
      {message && <Text className='ok-text'>{message}</Text>}
      {error && <Text className='error-text'>{error}</Text>}
      <AsyncView state={state} onRetry={reload} emptyText=''>
        {(f) => (
          <View>
            <View className='desk-head'>
              <View className='desk-head__name'>
                <Text className='title' style={{ display: 'block', margin: 0 }}>
                  {f.title} · {dayText(f.date)}
                </Text>
                <Text className='muted'>{f.centreName}</Text>
              </View>
              {onChange && (
                <AppButton kind='secondary' onClick={onChange}>
                  换一场
                </AppButton>
              )}
            </View>
            {f.queues.map((q) => (
              <View key={q.id} className='card'>
                <View className='row'>
                  <Text style={{ fontSize: 'var(--font-title)', fontWeight: 600 }}>{q.name}</Text>
                  <Text className='muted'>
                    已发 {q.issued} 号{q.givenBack > 0 ? ` · 退了 ${q.givenBack} 个` : ''} · {q.waiting} 人在等
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
    </View>
  );
}
