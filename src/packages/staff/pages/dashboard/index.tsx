import { useState } from 'react';
import { Switch, Text, View } from '@tarojs/components';
import { monthDayText, shanghai } from '@contract/time';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { saveXlsx } from '../../../../components/events/save-xlsx';
import { PageShell } from '../../../../components/page-shell';
import { Bars } from '../../../../components/staff/bars';
import { StaffOnly } from '../../../../components/staff/staff-only';
import '../../../../components/staff/staff.scss';
import { useCall } from '../../../../hooks/use-call';
import { AppButton } from '../../../../components/button';

type RangeKey = 'month' | 'lastMonth' | 'year' | 'lastYear';
const RANGE_LABELS: Record<RangeKey, string> = { month: '本月', lastMonth: '上月', year: '今年', lastYear: '去年' };

function rangeOf(key: RangeKey): { from: string; to: string } {
  const now = shanghai();
  const day = (d: ReturnType<typeof shanghai>) => d.format('YYYY-MM-DD');
  if (key === 'month') return { from: day(now.startOf('month')), to: day(now) };
  if (key === 'lastMonth') {
    const last = now.startOf('month').subtract(1, 'day');
    return { from: day(last.startOf('month')), to: day(last) };
  }
  if (key === 'year') return { from: day(now.startOf('year')), to: day(now) };
  const last = now.startOf('year').subtract(1, 'day');
  return { from: day(last.startOf('year')), to: day(last) };
}

/** A month of the figures ('2026-11') as a clerk reads it: 11月, or 2025年11月 for another year. */
function monthLabel(month: string): string {
  const year = Number(month.slice(0, 4));
  return `${year === shanghai().year() ? '' : `${year}年`}${Number(month.slice(5, 7))}月`;
}

function Figures({ range }: { range: { from: string; to: string } }) {
  const { state, reload } = useCall('staff', 'figures', range);
  return (
    <AsyncView state={state} onRetry={reload} emptyText=''>
      {(f) => (
        <View data-testid='figures'>
          <View className='card'>
            {/* no weekdays at a range's ends (they only wrapped it); the tab above says which year */}
            <Text className='st-section'>
              {monthDayText(f.from)} 至 {monthDayText(f.to)}
            </Text>
            {[
              ['服务人次（合计）', f.totals.served],
              ['活动报名（人）', f.totals.signUps],
              ['活动签到（人次）', f.totals.checkIns],
              ['服务中心预约到场', f.totals.bookingsKept],
              ['法律咨询已答复（件）', f.totals.consultationsAnswered],
              ['平安返乡服务点（人次）', f.totals.stationVisits],
              ['帮扶申请办结（件）', f.totals.aidDone],
              ['困难帮扶发放（元）', f.totals.aidYuan],
            ].map(([label, n]) => (
              <View key={label} className='st-total'>
                <Text>{label}</Text>
                <Text className='st-total__n'>{n}</Text>
              </View>
            ))}
          </View>
          <View className='card'>
            <Text className='st-section'>按月份（人次）</Text>
            <Bars rows={f.byMonth.map((m) => ({ key: m.month, label: monthLabel(m.month), n: m.total }))} />
          </View>
          <View className='card'>
            <Text className='st-section'>按服务</Text>
            <Bars rows={f.byService} />
          </View>
          <View className='card'>
            <Text className='st-section'>按服务中心</Text>
            <Bars rows={f.byCentre} />
          </View>
          <View className='card'>
            <Text className='st-section'>按活动（签到人次）</Text>
            <Bars rows={f.byEvent.slice(0, 12)} />
          </View>
          <View className='card'>
            <Text className='st-section'>平安返乡服务点</Text>
            <Bars rows={f.byCampaign} />
          </View>
        </View>
      )}
    </AsyncView>
  );
}

function Report({ isAdmin }: { isAdmin: boolean }) {
  const [full, setFull] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const download = async (month: string) => {
    setBusy(true);
    setMessage('正在生成月报…');
    const res = await call('exports', 'monthlyReport', { month, fullPhones: isAdmin && full });
    setBusy(false);
    if (!res.ok) return setMessage(res.error.message);
    setMessage(`已生成：${res.data.fileName}（${res.data.phonesMasked ? '手机号已隐藏中间四位' : '含完整手机号，请妥善保管'}）`);
    await saveXlsx(res.data.fileName, res.data.base64);
  };
  const now = shanghai();
  return (
    <View className='card'>
      <Text className='st-section'>月报（Excel）</Text>
      <Text className='muted' style={{ display: 'block' }}>
        每个服务一张表。导出会记录在操作记录里。
      </Text>
      {isAdmin && (
        <View style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <Text>含完整手机号</Text>
          <Switch checked={full} onChange={(e) => setFull(e.detail.value)} color='#b4151c' aria-label='含完整手机号' />
        </View>
      )}
      <View className='st-row'>
        <AppButton disabled={busy} onClick={() => void download(now.format('YYYY-MM'))}>
          本月月报
        </AppButton>
        <AppButton kind='secondary' disabled={busy} onClick={() => void download(now.startOf('month').subtract(1, 'day').format('YYYY-MM'))}>
          上月月报
        </AppButton>
      </View>
      {message && (
        <View role='status' style={{ display: 'block' }}>
          {message}
        </View>
      )}
    </View>
  );
}

export default function StaffDashboardPage() {
  const [key, setKey] = useState<RangeKey>('month');
  return (
    <PageShell>
      <StaffOnly>
        {(me) => (
          <View>
            <View>
              {(Object.keys(RANGE_LABELS) as RangeKey[]).map((k) => (
                <View key={k} className={k === key ? 'st-choice st-choice--on' : 'st-choice'} role='button' aria-pressed={k === key} onClick={() => setKey(k)}>
                  {RANGE_LABELS[k]}
                </View>
              ))}
            </View>
            <Figures range={rangeOf(key)} />
            <Report isAdmin={me.isAdmin} />
          </View>
        )}
      </StaffOnly>
    </PageShell>
  );
}
