import { useEffect, useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import { shanghai, shanghaiDay } from '@contract/time';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import type { StationStats } from '@contract/station/model';
import { monthDayText } from '@contract/time';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { base64Of, writeUserFile } from '../../../../components/files/user-file';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import '../../../../components/centres/bookings.scss';
import { AppButton } from '../../../../components/button';
import { LabelledField, PickerField } from '../../../../components/form-field';
import { formMessage } from '../../../../api/form-message';
import { useRequestId } from '../../../../hooks/use-request-id';

const STANDARD_SERVICES = [
  { id: 'water', label: '热水', kind: 'service' as const },
  { id: 'tea', label: '姜茶', kind: 'service' as const },
  { id: 'firstaid', label: '急救药品', kind: 'service' as const },
  { id: 'safety', label: '返乡安全知识', kind: 'service' as const },
  { id: 'ticket', label: '购票指引', kind: 'service' as const },
];

const SERVICE_NAMES = [...STANDARD_SERVICES.map((x) => x.label), '返乡礼品'].join('、');

/**
 * 新建服务点活动: every box labelled, dates and hours from the phone's pickers, the centre from the
 * clerk's own. No id to invent: the server makes it from this press of 保存 (one campaign however
 * often it is tapped).
 */
function NewCampaignForm({ onSaved }: { onSaved: (id: string) => void }) {
  const home = useCall('staff', 'home', {});
  const today = shanghaiDay();
  const blank = () => ({ name: '', station: '沙头文体公园公交站', centreId: '', startDate: today, endDate: shanghai().add(4, 'day').format('YYYY-MM-DD'), opens: '08:00', closes: '20:00', gifts: '100' });
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState({ text: '', saved: false });
  const [busy, setBusy] = useState(false);
  const press = useRequestId();
  const set = (key: keyof ReturnType<typeof blank>) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const centres = home.state.status === 'ready' ? home.state.data.centres : [];
  const centreId = form.centreId || centres[0]?.id || '';
  const err = (key: string) => errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1];

  async function save() {
    setBusy(true);
    setMessage({ text: '', saved: false });
    const gifts = Number(form.gifts);
    const res = await call('station', 'staffSaveCampaign', {
      requestId: press.requestId(),
      name: form.name.trim(),
      station: form.station.trim(),
      centreId,
      startDate: form.startDate,
      endDate: form.endDate,
      opens: form.opens,
      closes: form.closes,
      services: [...STANDARD_SERVICES, { id: 'gift', label: '返乡礼品', kind: 'gift', stock: form.gifts.trim() !== '' && Number.isInteger(gifts) ? gifts : -1 }],
      tips: ['不坐超载车、黑车。', '贵重物品随身带。', '遇到欠薪，拨打工会热线12351。'],
    });
    press.answered(res);
    setBusy(false);
    if (!res.ok) {
      setErrors(res.error.fields ?? {});
      setMessage({ text: formMessage(res.error, (f) => f !== 'requestId'), saved: false });
      return;
    }
    setErrors({});
    setForm(blank());
    setMessage({ text: `已保存：${res.data.name}，二维码在上面生成`, saved: true });
    onSaved(res.data.id);
  }

  return (
    <View className='card' data-testid='campaign-form'>
      <Text className='title' style={{ display: 'block', marginTop: 0 }}>
        新建服务点活动
      </Text>
      <Text className='muted line'>服务：{SERVICE_NAMES}</Text>
      <LabelledField label='活动名称' error={err('name')}>
        <Input className='input' placeholder='例如 2028平安返乡' maxlength={20} value={form.name} onInput={(e) => set('name')(e.detail.value)} aria-label='活动名称' />
      </LabelledField>
      <LabelledField label='服务点地点' error={err('station')}>
        <Input className='input' maxlength={30} value={form.station} onInput={(e) => set('station')(e.detail.value)} aria-label='服务点地点' />
      </LabelledField>
      <LabelledField label='负责的服务中心' error={err('centreId')}>
        <View>
          {centres.map((c) => (
            <View key={c.id} role='radio' aria-checked={c.id === centreId} className={c.id === centreId ? 'choice choice--on' : 'choice'} onClick={() => set('centreId')(c.id)}>
              {c.name.replace('职工·家服务中心', '')}
            </View>
          ))}
          {home.state.status === 'loading' && <Text className='muted'>正在加载…</Text>}
        </View>
      </LabelledField>
      <PickerField mode='date' label='开始日期' value={form.startDate} start={today} onChange={set('startDate')} error={err('startDate')} />
      <PickerField mode='date' label='结束日期' value={form.endDate} start={form.startDate} onChange={set('endDate')} error={err('endDate')} />
      <PickerField mode='time' label='每天开始时间' value={form.opens} onChange={set('opens')} error={err('opens')} />
      <PickerField mode='time' label='每天结束时间' value={form.closes} onChange={set('closes')} error={err('closes')} />
      <LabelledField label='礼品数量（份）' error={err('services')}>
        <Input className='input' type='number' value={form.gifts} onInput={(e) => set('gifts')(e.detail.value)} aria-label='礼品数量' />
      </LabelledField>
      {message.text && (
        <View className={message.saved ? '' : 'error-text'} role={message.saved ? 'status' : 'alert'}>
          {message.text}
        </View>
      )}
      <AppButton busy={busy} disabled={!centreId} onClick={() => void save()}>
        保存
      </AppButton>
    </View>
  );
}

/** Staff: campaigns, the printable QR code, live counts by service and hour (refreshed every 15 s). */
export default function StationStaffPage() {
  const { state, reload } = useCall('station', 'staffCampaigns', {});
  const [selected, setSelected] = useState('');
  const [stats, setStats] = useState<StationStats | null>(null);
  const [qr, setQr] = useState('');
  const [error, setError] = useState('');
  const [visible, setVisible] = useState(true);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  useEffect(() => {
    if (!selected || !visible) return undefined;
    const load = () => void call('station', 'staffStats', { campaignId: selected }).then((r) => (r.ok ? setStats(r.data) : setError(r.error.message)));
    load();
    const timer = setInterval(load, 15000);
    return () => clearInterval(timer);
  }, [selected, visible]);

  /** previewImage takes a file path, not a data URL: the PNG is written to a file first. */
  async function previewQr(dataUrl: string) {
    try {
      await Taro.previewImage({ urls: [writeUserFile(`station-qr-${selected}.png`, base64Of(dataUrl))] });
    } catch {
      void Taro.showToast({ title: '打不开图片，请再试一次', icon: 'none' });
    }
  }

  async function makeQr() {
    const res = await call('station', 'staffQrCode', { campaignId: selected });
    if (res.ok) setQr(res.data.dataUrl);
    else setError(res.error.message);
  }

  return (
    <PageShell>
      {error && <Text className='error-text'>{error}</Text>}
      <AsyncView state={state} onRetry={reload} emptyText='还没有服务点活动，在下面新建一个' isEmpty={(l) => l.length === 0}>
        {(list) => (
          <View>
            {list.map((c) => (
              <View
                key={c.id}
                className={`service-button ${selected === c.id ? 'service-button--done' : ''}`}
                onClick={() => {
                  setSelected(c.id);
                  setQr('');
                  setStats(null);
                }}
                aria-role='button'
              >
                <View>
                  <Text className='service-button__label' style={{ display: 'block' }}>
                    {c.name}
                  </Text>
                  <Text className='muted'>
                    {monthDayText(c.startDate)}–{monthDayText(c.endDate)} · {c.phase === 'running' ? '进行中' : c.phase === 'before' ? '未开始' : '已结束'}
                  </Text>
                </View>
                <Text style={{ color: 'var(--color-brand)' }}>看数据 ›</Text>
              </View>
            ))}
          </View>
        )}
      </AsyncView>
      {selected && (
        <View className='card' data-testid='station-stats'>
          <Text className='title' style={{ display: 'block', marginTop: 0 }}>
            {stats?.name ?? '…'}
          </Text>
          <Text className='number' style={{ display: 'block' }}>
            共 {stats?.total ?? 0} 人次
          </Text>
          {stats?.byService.map((s) => (
            <View key={s.id} className='table-row'>
              <Text>{s.label}</Text>
              <Text>{s.total}</Text>
            </View>
          ))}
          {stats?.gifts.map((g) => (
            <Text key={g.id} className='muted line'>
              {g.label}：共{g.stock}份，还剩{g.left}份
            </Text>
          ))}
          <Text className='title' style={{ display: 'block' }}>
            按小时
          </Text>
          {stats && stats.byHour.length === 0 && <Text className='muted'>还没有人次</Text>}
          {stats?.byHour.map((h) => (
            <View key={`${h.date}${h.hour}`} className='table-row'>
              <Text>
                {monthDayText(h.date)} {h.hour}:00
              </Text>
              <Text>{h.total}</Text>
            </View>
          ))}
          <AppButton onClick={() => void makeQr()}>
            生成打印用二维码
          </AppButton>
          {qr && (
            <View>
              <Image className='qr' src={qr} mode='aspectFit' />
              <AppButton
                kind='secondary'
                onClick={() =>
                  process.env.TARO_ENV === 'weapp'
                    ? void previewQr(qr)
                    : void Taro.setClipboardData({ data: qr })
                }
              >
                {process.env.TARO_ENV === 'weapp' ? '放大后长按保存' : '复制图片地址'}
              </AppButton>
            </View>
          )}
        </View>
      )}
      <NewCampaignForm
        onSaved={(id) => {
          void reload();
          setSelected(id);
          setQr('');
          setStats(null);
        }}
      />
    </PageShell>
  );
}
