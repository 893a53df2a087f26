import { useEffect, useRef, useState } from 'react';
import { Input, ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { BOOKING_TOPIC_MAX, CENTRE_SERVICE_LABELS, SENSITIVE_SERVICES, SLOT_STATE_LABELS, type CentreService, type Slot, type SlotDay } from '@contract/centres/model';
import { consentMissingText } from '@contract/privacy';
import { mobileProblem } from '@contract/phone';
import { dayText, monthDayText } from '@contract/time';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { askBookingMessages } from '../../../../components/centres/client';
import { newRequestId } from '@contract/request-id';
import { PageShell } from '../../../../components/page-shell';
import { ensurePrivacyConsent, PRIVACY_DECLINED, SensitiveConsent } from '../../../../components/privacy/consent';
import { useCall } from '../../../../hooks/use-call';
import { lastCentre, rememberCentre } from '../../../../prefs/last-centre';
import { PAGES } from '../../../../routes';
import '../../../../components/centres/bookings.scss';
import { AppButton } from '../../../../components/button';

/**
 * A day's chip: 休息 when the centre does not open that day (a closure or no hours for the service),
 * 满 only when its slots are taken, 已过 when the time to book it has gone.
 */
function dayChipLabel(d: SlotDay, open: number): string {
  if (d.closedReason || d.slots.length === 0) return '休息';
  if (open > 0) return `${open}个空`;
  return d.slots.some((s) => s.state === 'full') ? '满' : '已过';
}

/** The first day after `from` with a free slot, or -1. */
function nextOpen(days: SlotDay[], from: number): number {
  return days.findIndex((d, i) => i > from && d.slots.some((s) => s.state === 'open'));
}

/**
 * Pick a day, pick a time, confirm: three taps. Also used to move a booking (?reschedule=<id>).
 * A new booking of a sensitive service (困难帮扶) waits for its own consent tick. Opened without a
 * centre (预约法律咨询 from an article, nothing booked on this phone yet) it first asks which
 * centre; `topic` (the article's title) is shown as 想咨询的事, editable, and booked with the slot.
 */
export default function BookPage() {
  const params = usePageParams();
  const service = (params.service ?? '') as CentreService;
  const [centreId, setCentreId] = useState(params.centreId ?? '');
  const [topic, setTopic] = useState(params.topic ?? '');
  const rescheduleId = params.reschedule;
  if (!centreId) {
    return (
      <PageShell>
        <CentreChoice service={service} onChoose={setCentreId} />
      </PageShell>
    );
  }
  return (
    <BookAtCentre
      key={centreId}
      centreId={centreId}
      service={service}
      rescheduleId={rescheduleId}
      topic={rescheduleId ? null : { text: topic, asked: service === 'legal-consultation' || Boolean(params.topic), onChange: setTopic }}
      onChangeCentre={rescheduleId ? null : () => setCentreId('')}
    />
  );
}

/** Which centre: those that offer the service, the one last booked on this phone marked. */
function CentreChoice({ service, onChoose }: { service: CentreService; onChoose: (centreId: string) => void }) {
  const { state, reload } = useCall('centres', 'list', {});
  const last = lastCentre();
  return (
    <AsyncView state={state} onRetry={reload} emptyText='暂时没有服务中心提供这项服务' isEmpty={(list) => !list.some((c) => c.services.includes(service))}>
      {(list) => (
        <View className='card' data-testid='choose-centre'>
          <Text className='title' style={{ display: 'block', marginTop: 0 }}>
            {CENTRE_SERVICE_LABELS[service] ?? '预约'}：去哪个服务中心？
          </Text>
          {list
            .filter((c) => c.services.includes(service))
            .map((c) => (
              <View key={c.id} className='list-row' onClick={() => onChoose(c.id)} aria-role='button' aria-label={c.name}>
                <Text style={{ display: 'block', fontWeight: 600 }}>
                  {c.name}
                  {c.id === last ? '（上次去的）' : ''}
                </Text>
                <Text className='muted' style={{ display: 'block' }}>
                  {c.address}
                </Text>
              </View>
            ))}
        </View>
      )}
    </AsyncView>
  );
}

interface BookAtCentreProps {
  centreId: string;
  service: CentreService;
  rescheduleId?: string;
  /** 想咨询的事 for a new booking: shown when `asked`; null when moving a booking. */
  topic: { text: string; asked: boolean; onChange: (text: string) => void } | null;
  /** 换一个中心 (a new booking only). */
  onChangeCentre: (() => void) | null;
}

function BookAtCentre({ centreId, service, rescheduleId, topic, onChangeCentre }: BookAtCentreProps) {
  // Moving a booking sends nothing new about the person: only a new booking needs the tick.
  const sensitive = rescheduleId ? null : (SENSITIVE_SERVICES[service] ?? null);
  const { state, reload } = useCall('centres', 'slots', { centreId, service });
  const [dayIndex, setDayIndex] = useState(-1);
  const [picked, setPicked] = useState<Slot | null>(null);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [consent, setConsent] = useState(false);
  const requestId = useRef(newRequestId());

  // The confirm card appears under the slots, below the fold on a phone: bring it up once a time is picked.
  useEffect(() => {
    if (picked) void Taro.pageScrollTo({ selector: '#book-confirm', duration: 200 });
  }, [picked?.start]);

  // Open on the first day that still has a free slot.
  useEffect(() => {
    if (state.status !== 'ready' || dayIndex >= 0) return;
    const first = state.data.days.findIndex((d) => d.slots.some((s) => s.state === 'open'));
    setDayIndex(first >= 0 ? first : 0);
  }, [state, dayIndex]);

  function pick(slot: Slot) {
    setPicked(slot);
    setError('');
    requestId.current = newRequestId(); // a new choice is a new press; a retry keeps the id
  }

  /** A new booking; null when the worker declined WeChat's privacy pop-up (nothing sent). */
  async function book(slot: Slot) {
    // Reminders first: WeChat asks for them only while the tap is fresh.
    const remind = await askBookingMessages();
    if (!(await ensurePrivacyConsent())) {
      setError(PRIVACY_DECLINED);
      return null;
    }
    return call('centres', 'book', {
      centreId,
      service,
      start: slot.start,
      requestId: requestId.current,
      remind,
      ...(phone ? { phone } : {}),
      ...(topic?.text.trim() ? { topic: topic.text.trim() } : {}),
      ...(sensitive ? { sensitiveConsent: true } : {}),
    });
  }

  async function confirm() {
    if (!picked || busy) return;
    const phoneProblem = phone ? mobileProblem(phone) : null;
    if (phoneProblem) {
      setError(`${phoneProblem}（也可以不填）`);
      return;
    }
    if (sensitive && !consent) {
      setError(consentMissingText(sensitive));
      return;
    }
    setBusy(true);
    setError('');
    const res = rescheduleId ? await call('centres', 'reschedule', { id: rescheduleId, start: picked.start }) : await book(picked);
    setBusy(false);
    if (!res) return;
    if (res.ok) {
      if (!rescheduleId) rememberCentre(centreId);
      void Taro.redirectTo({ url: `${PAGES.booking}?id=${encodeURIComponent(res.data.id)}&fresh=${rescheduleId ? 'moved' : '1'}` });
      return;
    }
    setError(res.error.message);
    if (res.error.code === 'SLOT_FULL' || res.error.code === 'SLOT_CLOSED' || res.error.code === 'TOO_SOON') {
      setPicked(null);
      void reload();
    }
  }

  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText='这项服务暂时没有可以预约的时间' isEmpty={(v) => v.days.every((d) => d.slots.length === 0)}>
        {(view) => {
          const day = view.days[Math.max(0, dayIndex)];
          return (
            <View>
              <View className='card'>
                <Text className='title' style={{ display: 'block', marginTop: 0 }}>
                  {CENTRE_SERVICE_LABELS[view.service]}
                </Text>
                <Text className='muted' style={{ display: 'block' }}>
                  {view.centreName} · 每次{view.durationMinutes}分钟
                </Text>
                {rescheduleId && <Text className='tag tag--ok'>改到新的时间</Text>}
                {onChangeCentre && (
                  <AppButton kind='secondary' onClick={onChangeCentre} data-testid='change-centre'>
                    换一个服务中心
                  </AppButton>
                )}
                {topic?.asked && (
                  <View data-testid='topic'>
                    <Text className='muted line'>想咨询的事（可以改，工作人员会先看到）</Text>
                    <Input
                      className='input'
                      value={topic.text}
                      maxlength={BOOKING_TOPIC_MAX}
                      onInput={(e) => topic.onChange(e.detail.value)}
                      placeholder='例如：工资被拖欠'
                      aria-label='想咨询的事'
                    />
                  </View>
                )}
              </View>
              <Text className='title' style={{ display: 'block' }}>
                1. 选日子
              </Text>
              <ScrollView scrollX className='chips'>
                {view.days.map((d, i) => {
                  const open = d.slots.filter((s) => s.state === 'open').length;
                  return (
                    <View
                      key={d.date}
                      className={`chip ${i === dayIndex ? 'chip--on' : open === 0 ? 'chip--off' : ''}`}
                      onClick={() => {
                        setDayIndex(i);
                        setPicked(null);
                      }}
                      aria-role='button'
                      aria-label={`${monthDayText(d.date)} ${d.weekdayLabel}`}
                    >
                      <Text>{i === 0 ? '今天' : i === 1 ? '明天' : d.weekdayLabel}</Text>
                      <Text>{monthDayText(d.date)}</Text>
                      <Text>{dayChipLabel(d, open)}</Text>
                    </View>
                  );
                })}
              </ScrollView>
              <Text className='title' style={{ display: 'block' }}>
                2. 选时间
              </Text>
              {day && (day.closedReason || day.slots.length === 0) && (
                <View className='card' data-testid='day-closed'>
                  <Text style={{ display: 'block' }}>
                    {day.closedReason ? `这天不开门（${day.closedReason}）。` : '这天休息，不开门。'}
                  </Text>
                  {nextOpen(view.days, dayIndex) >= 0 && (
                    <AppButton kind='secondary' onClick={() => setDayIndex(nextOpen(view.days, dayIndex))}>
                      {`约${dayText(view.days[nextOpen(view.days, dayIndex)].date)}（下一个能约的日子）`}
                    </AppButton>
                  )}
                </View>
              )}
              <View className='slot-grid'>
                {day?.slots.map((s) => {
                  const open = s.state === 'open';
                  const on = picked?.start === s.start;
                  return (
                    <View
                      key={s.start}
                      className={`slot ${on ? 'slot--on' : open ? '' : 'slot--off'}`}
                      onClick={() => open && pick(s)}
                      aria-role='button'
                      aria-disabled={!open}
                      aria-label={`${s.time} ${open ? `还有${s.left}个位置` : SLOT_STATE_LABELS[s.state]}`}
                    >
                      <Text className='slot__time'>{s.time}</Text>
                      <Text>{open ? `还有${s.left}位` : SLOT_STATE_LABELS[s.state]}</Text>
                    </View>
                  );
                })}
              </View>
              {picked && (
                <View className='card' style={{ marginTop: 'var(--space)' }} data-testid='confirm' id='book-confirm'>
                  <Text className='title' style={{ display: 'block', marginTop: 0 }}>
                    3. 确认
                  </Text>
                  <Text style={{ display: 'block' }}>
                    {dayText(picked.date)} {picked.time}–{picked.endTime}
                  </Text>
                  <Text className='muted' style={{ display: 'block' }}>
                    {view.centreName}
                  </Text>
                  {!rescheduleId && (
                    <View>
                      <Text className='muted line'>手机号（可不填，有变动时方便通知你）</Text>
                      <Input className='input' type='number' maxlength={11} value={phone} onInput={(e) => setPhone(e.detail.value)} placeholder='可以不填' />
                    </View>
                  )}
                  {sensitive && <SensitiveConsent kind={sensitive} checked={consent} onChange={setConsent} />}
                  {error && <Text className='error-text'>{error}</Text>}
                  <AppButton busy={busy} onClick={() => void confirm()}>
                    {rescheduleId ? '确认改时间' : '确认预约'}
                  </AppButton>
                  <Text className='muted'>要取消或改时间，最晚在开始前{view.rules.changeUntilHours}小时。</Text>
                </View>
              )}
              {!picked && error && <Text className='error-text'>{error}</Text>}
            </View>
          );
        }}
      </AsyncView>
    </PageShell>
  );
}
