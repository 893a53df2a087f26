import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { stopPullDownRefresh, usePullDownRefresh } from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { BOOKING_STATUS_LABELS, CENTRE_SERVICE_LABELS, type StaffDaySlot } from '@contract/centres/model';
import { dayText, shanghai, shanghaiDay } from '@contract/time';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { newRequestId } from '@contract/request-id';
import { PageShell } from '../../../../components/page-shell';
import { ChoiceList } from '../../../../components/staff/choice-list';
import { StaffOnly } from '../../../../components/staff/staff-only';
import { useCall } from '../../../../hooks/use-call';
import { lastChoice, rememberChoice } from '../../../../prefs/staff-choice';
import type { StaffHome } from '@contract/staff/model';
import '../../../../components/centres/bookings.scss';
import { AppButton } from '../../../../components/button';

function shiftDay(date: string, n: number): string {
  return shanghai(new Date(`${date}T12:00:00+08:00`)).add(n, 'day').format('YYYY-MM-DD');
}

/**
 * The desk: first which centre (from ?centreId=, else the one remembered on this phone, else the
 * only one the staff member has, else they pick from their centres), then today's bookings per
 * slot, check-in by scanning the booking code (on H5: typing it), walk-ins, no-shows, closing a
 * slot. Phones arrive masked from the server.
 */
export default function StaffDayPage() {
  const param = usePageParams().centreId ?? '';
  return (
    <PageShell>
      <StaffOnly>{(me) => <CentreDesk me={me} param={param} />}</StaffOnly>
    </PageShell>
  );
}

function firstCentre(me: StaffHome, param: string): string {
  const mine = (id: string) => me.centres.some((c) => c.id === id);
  if (param && mine(param)) return param;
  const remembered = lastChoice('centre');
  if (remembered && mine(remembered)) return remembered;
  return me.centres.length === 1 ? me.centres[0].id : '';
}

function CentreDesk({ me, param }: { me: StaffHome; param: string }) {
  const [centreId, setCentreId] = useState(() => firstCentre(me, param));
  const centre = me.centres.find((c) => c.id === centreId);
  if (me.centres.length === 0) {
    return (
      <View className='card'>
        <Text>你还没有分到服务中心，请找工会管理员在「工作人员和权限」里设置。</Text>
      </View>
    );
  }
  if (!centre) {
    return (
      <ChoiceList
        title='选一个服务中心'
        options={me.centres.map((c) => ({ id: c.id, label: c.name }))}
        onPick={(id) => {
          rememberChoice('centre', id);
          setCentreId(id);
        }}
      />
    );
  }
  return (
    <View>
      <View className='desk-head'>
        <Text className='title desk-head__name' style={{ margin: 0 }} data-testid='staff-centre'>
          {centre.name}
        </Text>
        {me.centres.length > 1 && (
          <AppButton kind='secondary' onClick={() => setCentreId('')}>
            换一个中心
          </AppButton>
        )}
      </View>
      <CentreDay centreId={centre.id} />
    </View>
  );
}

function CentreDay({ centreId }: { centreId: string }) {
  const [date, setDate] = useState(shanghaiDay());
  const { state, reload } = useCall('centres', 'staffDay', { centreId, date });
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [walkInName, setWalkInName] = useState('');
  const [closeReason, setCloseReason] = useState('');
  const walkInRequest = useRef(newRequestId());
  usePullDownRefresh(() => void reload().finally(() => stopPullDownRefresh()));

  function done(text: string) {
    setError('');
    setMessage(text);
    void reload();
  }

  async function checkIn(raw: string) {
    const clean = raw.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
    if (clean.length !== 8) {
      setError('预约码是8位字母和数字');
      return;
    }
    const res = await call('centres', 'staffCheckIn', { code: clean });
    if (!res.ok) {
      setMessage('');
      setError(res.error.message);
      return;
    }
    setCode('');
    done(`已核销：${res.data.name} ${res.data.time} ${CENTRE_SERVICE_LABELS[res.data.service]}`);
  }

  async function scan() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await checkIn(res.result);
    } catch {
      setError('没有扫到，可以直接输入8位预约码');
    }
  }

  async function walkIn(slot: StaffDaySlot) {
    if (!walkInName.trim()) {
      setError('先在上面填写现场来人的称呼');
      return;
    }
    const res = await call('centres', 'staffWalkIn', {
      centreId,
      service: slot.service,
      start: slot.start,
      name: walkInName.trim(),
      requestId: walkInRequest.current,
    });
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    walkInRequest.current = newRequestId();
    setWalkInName('');
    done(`已登记：${res.data.name} ${res.data.time}`);
  }

  async function noShow(id: string) {
    const res = await call('centres', 'staffNoShow', { id });
    if (res.ok) done('已标记未到场');
    else setError(res.error.message);
  }

  async function closeSlot(slot: StaffDaySlot) {
    const reason = closeReason.trim();
    if (!reason) {
      setError('先在上面填写暂停的原因，会告诉已预约的人');
      return;
    }
    const sure = await Taro.showModal({ title: '暂停这个时段', content: `${slot.time} ${CENTRE_SERVICE_LABELS[slot.service]}：已预约的人会被取消并收到通知。`, confirmText: '暂停' });
    if (!sure.confirm) return;
    const res = await call('centres', 'staffCloseSlot', { centreId, service: slot.service, start: slot.start, reason });
    if (res.ok) done(`已暂停，取消了${res.data.told}个预约，${res.data.notified}人收到通知`);
    else setError(res.error.message);
  }

  return (
    <View>
      <View className='card'>
        <Text className='title' style={{ display: 'block', marginTop: 0 }}>
          核销预约码
        </Text>
        {process.env.TARO_ENV === 'weapp' && (
          <AppButton onClick={() => void scan()}>
            扫码核销
          </AppButton>
        )}
        <Input className='input' value={code} maxlength={12} placeholder='输入8位预约码' onInput={(e) => setCode(e.detail.value)} onConfirm={() => void checkIn(code)} />
        <AppButton kind={process.env.TARO_ENV === 'weapp' ? 'secondary' : 'primary'} onClick={() => void checkIn(code)}>
          核销
        </AppButton>
        {message && <Text className='ok-text' data-testid='staff-message'>{message}</Text>}
        {error && <Text className='error-text'>{error}</Text>}
      </View>
      <View className='row'>
        <AppButton kind='secondary' onClick={() => setDate(shiftDay(date, -1))}>
          ‹ 前一天
        </AppButton>
        <Text style={{ fontWeight: 600, whiteSpace: 'nowrap', flexShrink: 0 }}>{date === shanghaiDay() ? '今天' : dayText(date)}</Text>
        <AppButton kind='secondary' onClick={() => setDate(shiftDay(date, 1))}>
          后一天 ›
        </AppButton>
      </View>
      <View className='card'>
        <Text className='muted line'>现场来人（登记时用）</Text>
        <Input className='input' value={walkInName} placeholder='称呼，如 李师傅' onInput={(e) => setWalkInName(e.detail.value)} />
        <Text className='muted line'>暂停原因（暂停时段时用，会发给预约的人）</Text>
        <Input className='input' value={closeReason} maxlength={20} placeholder='如 律师临时有事' onInput={(e) => setCloseReason(e.detail.value)} />
      </View>
      <AsyncView state={state} onRetry={reload} emptyText='这天没有排班' isEmpty={(d) => d.slots.length === 0}>
        {(day) =>
          day.slots.map((slot) => (
            <View key={`${slot.service}:${slot.start}`} className='card' data-testid='staff-slot'>
              <View className='row'>
                <Text style={{ fontWeight: 600 }}>
                  {slot.time} {CENTRE_SERVICE_LABELS[slot.service]}
                </Text>
                <Text className={slot.closed ? 'tag' : 'tag tag--ok'}>{slot.closed ? '已暂停' : `空${slot.left}/${slot.seats}`}</Text>
              </View>
              {slot.bookings.map((b) => (
                <View key={b.id} className='table-row'>
                  <View>
                    <Text style={{ display: 'block' }}>
                      {b.name} {b.maskedPhone}
                    </Text>
                    <Text className='muted'>
                      {b.source === 'walk_in' ? '现场' : '预约'} · {BOOKING_STATUS_LABELS[b.status]}
                    </Text>
                    {b.topic && <Text className='muted' style={{ display: 'block' }}>想咨询：{b.topic}</Text>}
                  </View>
                  {b.status === 'booked' && new Date(b.start).getTime() < Date.now() && (
                    <AppButton kind='secondary' className='button--inline' onClick={() => void noShow(b.id)}>
                      未到
                    </AppButton>
                  )}
                </View>
              ))}
              {!slot.closed && (
                <View className='row'>
                  <AppButton kind='secondary' className='button--inline' onClick={() => void walkIn(slot)}>
                    现场登记
                  </AppButton>
                  <AppButton kind='secondary' className='button--inline' onClick={() => void closeSlot(slot)}>
                    暂停时段
                  </AppButton>
                </View>
              )}
            </View>
          ))
        }
      </AsyncView>
    </View>
  );
}
