import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { ALLOCATION_LABELS, LOTTERY_PRIORITY_LABELS, type EventDetail, type MyEntry } from '@contract/events/model';
import { devSession } from '../../../../api/dev-session';
import { AsyncView } from '../../../../components/async-view';
import { EntryPanel } from '../../../../components/events/entry-panel';
import { EventBadge } from '../../../../components/events/event-badge';
import { dayTime, span } from '../../../../components/events/format';
import { SignUpForm } from '../../../../components/events/sign-up-form';
import { draftOf } from '../../../../prefs/sign-up-memory';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openPage, openTab, PAGES, TABS } from '../../../../routes';
import '../../../../components/events/events.scss';
import { AppButton } from '../../../../components/button';

function seatsText(e: EventDetail): string {
  if (e.allocation === 'lottery') return `${e.capacity}个名额，报名截止后抽签`;
  if (e.seatsLeft > 0 && e.waiting === 0) return `还剩${e.seatsLeft}个名额（共${e.capacity}个）`;
  return `名额已满（共${e.capacity}个），${e.waiting}人在候补`;
}

function signUpLabel(e: EventDetail): string | null {
  if (e.badge === 'open' || e.badge === 'few') return '我要报名';
  if (e.badge === 'full') return '加入候补';
  if (e.badge === 'lottery') return '申请抽签';
  return null;
}

function doneText(e: MyEntry): string {
  if (e.status === 'confirmed') return '报名成功！到场时请出示入场码。';
  if (e.status === 'waitlisted') return '已加入候补。有人取消时会按顺序通知你。';
  if (e.status === 'applied') return '申请已提交，请等抽签结果。';
  return '已提交。';
}

const needsSignIn = () => process.env.TARO_ENV === 'h5' && !devSession.token();

function Lottery({ event }: { event: EventDetail }) {
  const l = event.lottery;
  const [open, setOpen] = useState(false);
  if (!l) return null;
  return (
    <View className='card' data-testid='lottery'>
      <Text className='title' style={{ display: 'block' }}>
        抽签规则
      </Text>
      <Text className='ev-line'>{`${LOTTERY_PRIORITY_LABELS[l.priority]}。报名截止后由电脑按固定方法抽签。`}</Text>
      <Text className='ev-line' data-testid='lottery-when'>
        {l.drawnAt
          ? `抽签结果已于${dayTime(l.drawnAt)}公布：${l.applicants}份申请，${l.winners}份中签。`
          : `抽签结果将在${dayTime(event.signUpClosesAt)}报名截止后公布。`}
      </Text>
      <Text className='muted ev-line'>抽签前已公开一串核对码，抽完公开种子，任何人都能核对结果没有被改过。</Text>
      <AppButton kind='secondary' className='ev-small-button' onClick={() => setOpen(!open)}>
        {open ? '收起核对方法' : '查看核对方法'}
      </AppButton>
      {open && (
        <View data-testid='lottery-check'>
          <Text className='muted ev-line'>核对码（种子的 SHA-256 指纹，报名开始时就公开，之后不能改）：</Text>
          <Text className='ev-code'>{l.seedCommitment}</Text>
          {l.seed ? (
            <>
              <Text className='muted ev-line'>抽签种子：</Text>
              <Text className='ev-code'>{l.seed}</Text>
            </>
          ) : (
            <Text className='muted ev-line'>{`抽签种子在${dayTime(event.signUpClosesAt)}报名截止时公开。`}</Text>
          )}
          <Text className='muted ev-line'>
            核对：种子算出的 SHA-256 应等于核对码；每份申请按“种子:报名编号”的 SHA-256 排序（优先的组在前），依次给名额，其余按这个顺序候补。
          </Text>
        </View>
      )}
    </View>
  );
}

export default function EventDetailPage() {
  const id = usePageParams().id ?? '';
  const { state, reload } = useCall('events', 'get', { id });
  const [entry, setEntry] = useState<MyEntry | null>(null);
  const [filling, setFilling] = useState(false);
  // A half-filled form left on this phone opens again (a reload, a call in between).
  useEffect(() => {
    if (id && draftOf(id)) setFilling(true);
  }, [id]);
  const [done, setDone] = useState('');

  useEffect(() => {
    if (state.status === 'ready') setEntry(state.data.myEntry);
  }, [state]);

  const active = entry && !['cancelled', 'expired', 'no_show'].includes(entry.status);

  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText=''>
        {(event) => (
          <View>
            <View className='card'>
              <View className='ev-card__head'>
                <Text className='ev-card__title'>{event.title}</Text>
                <EventBadge badge={event.badge} />
              </View>
              <Text className='ev-line'>{event.summary}</Text>
              <Text className='muted ev-line'>时间</Text>
              <Text className='ev-line'>{span(event.startsAt, event.endsAt)}</Text>
              <Text className='muted ev-line'>地点</Text>
              <Text className='ev-line'>{event.venue.name}</Text>
              {event.venue.address && <Text className='muted ev-line'>{event.venue.address}</Text>}
              <Text className='muted ev-line'>名额</Text>
              <Text className='ev-line' data-testid='seats'>
                {seatsText(event)}
              </Text>
              <Text className='muted ev-line'>{`${ALLOCATION_LABELS[event.allocation]} · 报名截止 ${dayTime(event.signUpClosesAt)}`}</Text>
              <Text className='muted ev-line'>{`主办：${event.organiser}`}</Text>
              <View className='ev-choice-row'>
                {event.venue.centreId && (
                  <AppButton kind='secondary' className='ev-small-button' onClick={() => openPage(PAGES.centreDetail, { id: event.venue.centreId! })}>
                    中心地址和电话
                  </AppButton>
                )}
                {event.phone && (
                  <AppButton kind='secondary' className='ev-small-button' onClick={() => void Taro.makePhoneCall({ phoneNumber: event.phone })}>
                    {`问一问 ${event.phone}`}
                  </AppButton>
                )}
              </View>
            </View>

            {/* Said on the page, not in a toast: a toast would lie over 看入场码 just below. */}
            {done && (
              <View className='ev-success' role='status' data-testid='sign-up-done'>
                <Text>{done}</Text>
              </View>
            )}
            {entry && <EntryPanel entry={entry} onChanged={(e) => { setDone(''); setEntry(e); void reload(); }} />}

            {!active && !filling && signUpLabel(event) && (
              needsSignIn() ? (
                <View className='card'>
                  <Text>报名前请先登录。</Text>
                  <AppButton onClick={() => openTab(TABS.me)}>
                    去登录
                  </AppButton>
                </View>
              ) : (
                <AppButton onClick={() => setFilling(true)} data-testid='sign-up'>
                  {signUpLabel(event)}
                </AppButton>
              )
            )}
            {!active && filling && (
              <SignUpForm
                event={event}
                onCancel={() => setFilling(false)}
                onDone={(e) => {
                  setFilling(false);
                  setEntry(e);
                  setDone(doneText(e));
                  void reload();
                }}
              />
            )}

            {event.description && (
              <View className='card'>
                <Text className='title' style={{ display: 'block' }}>
                  活动说明
                </Text>
                <Text style={{ display: 'block', whiteSpace: 'pre-wrap' }}>{event.description}</Text>
                {event.eligibility.length > 0 && (
                  <Text className='ev-line'>
                    {`报名条件：${event.eligibility.map((r) => (r.kind === 'nonLocalHukou' ? '非本地户籍的新市民职工' : r.text)).join('；')}`}
                  </Text>
                )}
                <Text className='muted ev-line'>{`不能来请在 ${dayTime(event.cancelDeadline)} 前取消。`}</Text>
              </View>
            )}
            <Lottery event={event} />
          </View>
        )}
      </AsyncView>
      <AppButton kind='secondary' onClick={() => openTab(TABS.events)}>
        看其他活动
      </AppButton>
    </PageShell>
  );
}
