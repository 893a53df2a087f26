import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MyEntry } from '@contract/events/model';
import { call } from '../../api/call';
import { openPage, PAGES } from '../../routes';
import { clock, dayTime } from './format';
import './events.scss';
import { AppButton } from '../button';

/** What an entry's state means for the worker, in one line. */
export function statusText(entry: MyEntry): { text: string; tone: 'good' | 'wait' | 'off' } {
  if (entry.eventCancelled) return { text: '活动已取消', tone: 'off' };
  switch (entry.status) {
    case 'confirmed': {
      const done = entry.allocation === 'lottery' ? '抽中了' : '已报名';
      return { text: entry.seats > 1 ? `${done}（${entry.seats}人）` : done, tone: 'good' };
    }
    case 'checked_in':
      return { text: entry.checkedInAt ? `已于${clock(entry.checkedInAt)}签到` : '已签到', tone: 'good' };
    case 'waitlisted': {
      const place = entry.position ? `候补第${entry.position}位` : '候补中';
      return { text: entry.allocation === 'lottery' ? `没抽中，${place}` : place, tone: 'wait' };
    }
    case 'offered':
      return { text: '候补到名额了，请确认', tone: 'wait' };
    case 'applied':
      return { text: '已申请，等抽签', tone: 'wait' };
    case 'pending':
      return { text: '正在处理…', tone: 'wait' };
    case 'cancelled':
      return { text: '已取消', tone: 'off' };
    case 'expired':
      return { text: '没有按时确认，名额已让出', tone: 'off' };
    case 'no_show':
      return { text: '登记为没有到场', tone: 'off' };
  }
}

/** The worker's own entry: its state and what they can do next (ticket, claim, cancel). */
export function EntryPanel({ entry, onChanged, showTitle = false }: { entry: MyEntry; onChanged: (entry: MyEntry) => void; showTitle?: boolean }) {
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const status = statusText(entry);

  async function act(action: 'cancel' | 'claim') {
    if (action === 'cancel') {
      const sure = await Taro.showModal({ title: '确定取消报名吗？', content: '取消后名额会让给候补的工友。', confirmText: '确定取消', cancelText: '不取消' });
      if (!sure.confirm) return;
    }
    setBusy(action);
    setError('');
    const res = await call('events', action, { entryId: entry.id });
    setBusy('');
    if (res.ok) onChanged(res.data);
    else setError(res.error.message);
  }

  return (
    <View className='card' data-testid='entry-panel'>
      {showTitle && (
        <Text className='title' style={{ display: 'block' }} onClick={() => openPage(PAGES.eventDetail, { id: entry.eventId })}>
          {entry.eventTitle}
        </Text>
      )}
      <Text className={`ev-status ev-status--${status.tone}`} data-testid='entry-status'>
        {status.text}
      </Text>
      {showTitle && <Text className='muted ev-line'>{`${dayTime(entry.startsAt)} · ${entry.venueName}`}</Text>}
      {entry.status === 'offered' && entry.offerExpiresAt && (
        <Text className='ev-line'>{`请在 ${dayTime(entry.offerExpiresAt)} 前确认，过时名额会让给下一位。`}</Text>
      )}
      {entry.status === 'waitlisted' && <Text className='muted ev-line'>有人取消时会按顺序通知你，请留意微信消息。</Text>}
      {error && (
        <View className='ev-error' role='alert'>
          <Text>{error}</Text>
        </View>
      )}
      {!entry.eventCancelled && (entry.status === 'confirmed' || entry.status === 'checked_in') && (
        <AppButton onClick={() => openPage(PAGES.eventTicket, { entryId: entry.id })}>
          看入场码
        </AppButton>
      )}
      {entry.status === 'offered' && (
        <AppButton busy={busy === 'claim'} disabled={!!busy} onClick={() => void act('claim')}>
          确认参加
        </AppButton>
      )}
      {entry.canCancel && (
        <AppButton kind='secondary' busy={busy === 'cancel'} disabled={!!busy} onClick={() => void act('cancel')}>
          {entry.status === 'offered' ? '不要这个名额' : entry.status === 'waitlisted' ? '不再候补' : '取消报名'}
        </AppButton>
      )}
    </View>
  );
}
