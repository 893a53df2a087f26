import { useEffect, useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
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

const STANDARD_SERVICES = [
  { id: 'water', label: '热水', kind: 'service' as const },
  { id: 'tea', label: '姜茶', kind: 'service' as const },
  { id: 'firstaid', label: '急救药品', kind: 'service' as const },
  { id: 'safety', label: '返乡安全知识', kind: 'service' as const },
  { id: 'ticket', label: '购票指引', kind: 'service' as const },
];

/** Staff: campaigns, the printable QR code, live counts by service and hour (refreshed every 15 s). */
export default function StationStaffPage() {
  const { state, reload } = useCall('station', 'staffCampaigns', {});
  const [selected, setSelected] = useState('');
  const [stats, setStats] = useState<StationStats | null>(null);
  const [qr, setQr] = useState('');
  const [error, setError] = useState('');
  const [visible, setVisible] = useState(true);
  const [form, setForm] = useState({ id: '', name: '', startDate: '', endDate: '', gifts: '100' });
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

  async function create() {
    const gifts = Number(form.gifts);
    const res = await call('station', 'staffSaveCampaign', {
      id: form.id.trim(),
      name: form.name.trim(),
      station: '沙头文体公园公交站',
      centreId: 'shatou',
      startDate: form.startDate.trim(),
      endDate: form.endDate.trim(),
      opens: '08:00',
      closes: '20:00',
      services: [...STANDARD_SERVICES, { id: 'gift', label: '返乡礼品', kind: 'gift', stock: Number.isFinite(gifts) ? gifts : 0 }],
      tips: ['不坐超载车、黑车。', '贵重物品随身带。', '遇到欠薪，拨打工会热线12351。'],
    });
    if (!res.ok) {
      setError(res.error.fields ? Object.values(res.error.fields).join('；') : res.error.message);
      return;
    }
    setError('');
    void reload();
    setSelected(res.data.id);
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
      <View className='card'>
        <Text className='title' style={{ display: 'block', marginTop: 0 }}>
          新建服务点活动
        </Text>
        <Text className='muted line'>服务：热水、姜茶、急救药品、返乡安全知识、购票指引、返乡礼品</Text>
        <Input className='input' placeholder='编号，如 cy2028（小写字母和数字）' value={form.id} onInput={(e) => setForm({ ...form, id: e.detail.value })} />
        <Input className='input' placeholder='名称，如 2028平安返乡' value={form.name} onInput={(e) => setForm({ ...form, name: e.detail.value })} />
        <Input className='input' placeholder='开始日期，如 2028-01-18' value={form.startDate} onInput={(e) => setForm({ ...form, startDate: e.detail.value })} />
        <Input className='input' placeholder='结束日期，如 2028-01-22' value={form.endDate} onInput={(e) => setForm({ ...form, endDate: e.detail.value })} />
        <Input className='input' type='number' placeholder='礼品数量' value={form.gifts} onInput={(e) => setForm({ ...form, gifts: e.detail.value })} />
        <AppButton onClick={() => void create()}>
          保存
        </AppButton>
      </View>
    </PageShell>
  );
}
