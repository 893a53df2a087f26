import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { ENTRY_STATUS_LABELS, type Attendee, type CheckInOutcome } from '@contract/events/model';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { clock, dayTime } from '../../../../components/events/format';
import { saveXlsx } from '../../../../components/events/save-xlsx';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES } from '../../../../routes';
import '../../../../components/events/events.scss';
import { AppButton } from '../../../../components/button';

const FILTERS = [
  { key: 'in', label: '已报名' },
  { key: 'checked_in', label: '已签到' },
  { key: 'waitlisted', label: '候补' },
  { key: 'cancelled', label: '已取消' },
  { key: 'all', label: '全部' },
] as const;
type Filter = (typeof FILTERS)[number]['key'];

const TONE: Record<CheckInOutcome['result'], string> = { ok: 'ok', already: 'warn', wrong_event: 'bad', not_valid: 'bad', not_open: 'warn', unknown: 'bad' };

function AttendeeRow({ a, canNoShow, onCheckIn, onNoShow }: { a: Attendee; canNoShow: boolean; onCheckIn: () => void; onNoShow: () => void }) {
  return (
    <View className='card ev-row' data-testid='attendee'>
      <View className='ev-row__main'>
        <Text style={{ display: 'block', fontWeight: 600 }}>{`${a.name}${a.seats > 1 ? `（${a.seats}人）` : ''}`}</Text>
        <Text className='muted ev-line'>{[a.maskedPhone, a.employer].filter(Boolean).join(' · ')}</Text>
        {a.party.length > 0 && <Text className='muted ev-line'>{`同行：${a.party.join('、')}`}</Text>}
        <Text className='ev-line'>
          {a.status === 'checked_in' && a.checkedInAt
            ? `已于${clock(a.checkedInAt)}签到`
            : a.status === 'waitlisted' && a.position
              ? `候补第${a.position}位`
              : ENTRY_STATUS_LABELS[a.status]}
        </Text>
      </View>
      <View>
        {a.status === 'confirmed' && (
          <AppButton className='ev-small-button' onClick={onCheckIn}>
            签到
          </AppButton>
        )}
        {a.status === 'confirmed' && canNoShow && (
          <AppButton kind='secondary' className='ev-small-button' onClick={onNoShow}>
            没来
          </AppButton>
        )}
      </View>
    </View>
  );
}

export default function StaffCheckInPage() {
  const eventId = usePageParams().eventId ?? '';
  const event = useCall('events', 'staffGet', { id: eventId });
  const [filter, setFilter] = useState<Filter>('in');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const list = useCall('events', 'attendees', { eventId, status: filter, ...(query ? { search: query } : {}) });
  // Only admins may export full phone numbers (the server refuses anyone else): ask who is here.
  const me = useCall('staff', 'home', {});
  const isAdmin = me.state.status === 'ready' && me.state.data.isAdmin;
  const [code, setCode] = useState('');
  const [codeProblem, setCodeProblem] = useState('');
  const [checking, setChecking] = useState(false);
  const checkingNow = useRef(false);
  const [outcome, setOutcome] = useState<CheckInOutcome | null>(null);
  const [note, setNote] = useState('');
  const [capacity, setCapacity] = useState('');

  async function checkInByCode(raw: string) {
    setCodeProblem('');
    if (!raw.trim()) {
      // A tap with nothing typed must still answer, or the clerk taps again and again.
      setOutcome(null);
      setCodeProblem('请先扫码或输入票码');
      return;
    }
    // Both taps of a double tap arrive before `checking` re-renders: the ref stops the second.
    if (checkingNow.current) return;
    checkingNow.current = true;
    setChecking(true);
    const res = await call('events', 'checkIn', { eventId, code: raw.trim() });
    checkingNow.current = false;
    setChecking(false);
    if (res.ok) {
      setOutcome(res.data);
      setCode('');
      if (res.data.result === 'ok') void list.reload();
      if (process.env.TARO_ENV === 'weapp') void Taro.vibrateShort({ type: res.data.result === 'ok' ? 'light' : 'heavy' });
    } else setCodeProblem(res.error.message);
  }

  async function scan() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await checkInByCode(res.result);
    } catch {
      // The staff member closed the scanner: nothing to do.
    }
  }

  async function run<T>(label: string, fn: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>, after?: (data: T) => void) {
    setNote('');
    const res = await fn();
    if (!res.ok) {
      setNote(res.error.message);
      return;
    }
    setNote(`${label}：完成`);
    after?.(res.data);
    void event.reload();
    void list.reload();
  }

  async function confirmThen(title: string, content: string, go: () => void) {
    const sure = await Taro.showModal({ title, content, confirmText: '确定', cancelText: '不了' });
    if (sure.confirm) go();
  }

  return (
    <PageShell>
      <AsyncView state={event.state} onRetry={event.reload} emptyText=''>
        {(e) => (
          <View className='card'>
            <Text className='title' style={{ display: 'block' }}>
              {e.title}
            </Text>
            <Text className='ev-line'>{`${dayTime(e.startsAt)} · ${e.venue.name}`}</Text>
            <Text className='muted ev-line'>{`名额${e.capacity}，剩${e.seatsLeft}，候补${e.waiting}人`}</Text>
          </View>
        )}
      </AsyncView>

      <View className='card'>
        <Text className='title' style={{ display: 'block' }}>
          入场签到
        </Text>
        {process.env.TARO_ENV === 'weapp' && <AppButton onClick={() => void scan()}>扫入场码</AppButton>}
        {/* Scanning fails on a cracked or dim screen: the worker reads the short code aloud. */}
        <Input className='input ev-input' value={code} placeholder='输入票码，如 K7Q-4PX' onInput={(ev) => setCode(ev.detail.value)} aria-label='入场码' name='ticket-code' />
        <AppButton kind={process.env.TARO_ENV === 'weapp' ? 'secondary' : 'primary'} onClick={() => void checkInByCode(code)} busy={checking} data-testid='check-in'>
          {process.env.TARO_ENV === 'weapp' ? '按票码签到' : '签到'}
        </AppButton>
        {codeProblem && (
          <View className='ev-error' role='alert' data-testid='check-in-problem'>
            <Text>{codeProblem}</Text>
          </View>
        )}
        {outcome && (
          <View data-testid='check-in-result'>
            <Text className={`ev-result ev-result--${TONE[outcome.result]}`}>{outcome.message}</Text>
            {outcome.attendee && (
              <Text className='ev-line' style={{ textAlign: 'center' }}>
                {`${outcome.attendee.name} ${outcome.attendee.maskedPhone}${outcome.attendee.seats > 1 ? ` · ${outcome.attendee.seats}人` : ''}`}
              </Text>
            )}
          </View>
        )}
      </View>

      <View className='ev-chips'>
        {FILTERS.map((f) => (
          <View key={f.key} className={f.key === filter ? 'ev-chip ev-chip--on' : 'ev-chip'} onClick={() => setFilter(f.key)}>
            <Text>{f.label}</Text>
          </View>
        ))}
      </View>
      <View className='ev-choice-row' style={{ marginBottom: '24px' }}>
        <Input className='input ev-input' style={{ flex: 1 }} value={search} placeholder='搜名字或手机后4位' onInput={(ev) => setSearch(ev.detail.value)} aria-label='搜索' />
        <AppButton className='ev-small-button' onClick={() => setQuery(search.trim())}>
          搜索
        </AppButton>
      </View>
      <AsyncView state={list.state} onRetry={list.reload} emptyText={query ? '没有找到这个人' : '这里还没有人'} isEmpty={(rows) => rows.length === 0}>
        {(rows) =>
          rows.map((a) => (
            <AttendeeRow
              key={a.entryId}
              a={a}
              canNoShow={event.state.status === 'ready' && new Date() >= new Date(event.state.data.startsAt)}
              onCheckIn={() => void call('events', 'checkInEntry', { eventId, entryId: a.entryId }).then((res) => {
                if (res.ok) {
                  setOutcome(res.data);
                  // The answer is drawn in the 入场签到 card at the top: bring it into view.
                  void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
                } else setNote(res.error.message);
                void list.reload();
              })}
              onNoShow={() => void confirmThen('登记为没来？', `${a.name}的名额会让给候补的人。`, () => void run('登记没来', () => call('events', 'markNoShow', { eventId, entryId: a.entryId })))}
            />
          ))
        }
      </AsyncView>

      {event.state.status === 'ready' && (
        <View className='card'>
          <Text className='title' style={{ display: 'block' }}>
            管理
          </Text>
          {note && <Text className='ev-line' data-testid='staff-note'>{note}</Text>}
          <AppButton kind='secondary' onClick={() => openPage(PAGES.eventEdit, { id: eventId })}>
            修改活动信息
          </AppButton>
          <AppButton
            kind='secondary'
            onClick={() => void run('导出名单', () => call('exports', 'attendeesXlsx', { eventId }), (d) => void saveXlsx(d.fileName, d.base64))}
          >
            导出名单（Excel）
          </AppButton>
          {isAdmin && (
            <AppButton
              kind='secondary'
              onClick={() =>
                void confirmThen('导出完整电话？', '文件里会有每个人的完整手机号，导出会记录在操作记录里，请妥善保管。', () =>
                  void run('导出名单（含完整电话）', () => call('exports', 'attendeesXlsx', { eventId, fullPhones: true }), (d) => void saveXlsx(d.fileName, d.base64)),
                )
              }
            >
              导出（含完整电话）
            </AppButton>
          )}
          {event.state.data.allocation === 'lottery' && !event.state.data.lottery?.drawnAt && (
            <AppButton onClick={() => void confirmThen('现在抽签？', '抽签结果公开，不能重抽。', () => void run('抽签', () => call('events', 'draw', { id: eventId })))}>
              抽签
            </AppButton>
          )}
          <View className='ev-choice-row'>
            <Input className='input ev-input' style={{ flex: 1 }} type='number' value={capacity} placeholder={`新名额（现在${event.state.data.capacity}）`} onInput={(ev) => setCapacity(ev.detail.value)} />
            <AppButton kind='secondary' className='ev-small-button' onClick={() => void run('改名额', () => call('events', 'setCapacity', { id: eventId, capacity: Number(capacity) }))}>
              改名额
            </AppButton>
          </View>
          {event.state.data.status === 'draft' && (
            <AppButton onClick={() => void run('发布', () => call('events', 'setStatus', { id: eventId, status: 'published' }))}>
              发布活动
            </AppButton>
          )}
          {event.state.data.status === 'published' && (
            <AppButton kind='secondary' onClick={() => void run('停止报名', () => call('events', 'setStatus', { id: eventId, status: 'closed' }))}>
              停止报名
            </AppButton>
          )}
          {event.state.data.status === 'closed' && (
            <AppButton kind='secondary' onClick={() => void run('重新开放', () => call('events', 'setStatus', { id: eventId, status: 'published' }))}>
              重新开放报名
            </AppButton>
          )}
          {event.state.data.status !== 'cancelled' && (
            <AppButton
              kind='secondary'
              onClick={() => void confirmThen('取消整个活动？', '已报名的人会收到通知（订阅了的）。', () => void run('取消活动', () => call('events', 'setStatus', { id: eventId, status: 'cancelled' })))}
            >
              取消活动
            </AppButton>
          )}
        </View>
      )}
      <AppButton kind='secondary' onClick={() => openPage(PAGES.eventsStaff)}>
        回活动管理
      </AppButton>
    </PageShell>
  );
}
