import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { hoursText, type StationPoint, type TapResult } from '@contract/station/model';
import { monthDayText } from '@contract/time';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { ensureDemoIdentity } from '../../../../components/centres/client';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { TABS } from '../../../../routes';
import '../../../../components/centres/bookings.scss';

/**
 * Where the printed QR code lands. The scene (`c=<campaign>`) arrives as `options.scene`, still
 * URI-encoded on WeChat — also on a cold start, when it may only be in the enter options; on H5
 * the code encodes `/#/<page>?scene=...`. No sign-up: scan, tap — two taps.
 */
function sceneOf(params: Record<string, string | undefined>): { scene?: string; id?: string } {
  if (params.id) return { id: params.id };
  if (params.scene) return { scene: params.scene };
  try {
    const enter = (Taro.getEnterOptionsSync?.() ?? Taro.getLaunchOptionsSync?.()) as { query?: Record<string, string> } | undefined;
    if (enter?.query?.scene) return { scene: enter.query.scene };
  } catch {
    // not available on this platform
  }
  return {};
}

/** Why taps are off now, in the words of the volunteer at the stand (the server refuses them too). */
function closedText(point: StationPoint): string {
  if (point.phase === 'before') return `服务点还没开始，${monthDayText(point.campaign.startDate)}起开放。`;
  if (point.phase === 'after') return '今年的服务点已经结束了，谢谢！';
  return `现在不在服务时间（${hoursText(point.campaign)}），到时再来。`;
}

export default function StationPointPage() {
  const params = usePageParams();
  const { state, reload } = useCall('station', 'point', sceneOf(params));
  const [results, setResults] = useState<Record<string, TapResult>>({});
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');

  async function tapService(campaignId: string, serviceId: string) {
    if (busy) return;
    setBusy(serviceId);
    setError('');
    if (!(await ensureDemoIdentity())) {
      setBusy('');
      setError('网络不好，请再点一次');
      return;
    }
    // A weak signal: retry the same tap. The server counts a worker once per service per day,
    // so a tap that did arrive the first time is never counted twice.
    let res = await call('station', 'tap', { campaignId, serviceId });
    for (let i = 0; i < 2 && !res.ok && res.error.code === 'NETWORK'; i += 1) {
      res = await call('station', 'tap', { campaignId, serviceId });
    }
    setBusy('');
    if (res.ok) setResults({ ...results, [serviceId]: res.data });
    else setError(res.error.message);
  }

  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} exit={{ tab: TABS.home, label: '回首页' }} emptyText=''>
        {(point) => (
          <View>
            <View className='card'>
              <Text className='title' style={{ display: 'block', marginTop: 0 }}>
                {point.campaign.name}
              </Text>
              <Text style={{ display: 'block' }}>{point.campaign.station}</Text>
              <Text className='muted' style={{ display: 'block' }} data-testid='station-hours'>
                {monthDayText(point.campaign.startDate)}–{monthDayText(point.campaign.endDate)} {hoursText(point.campaign)}
              </Text>
              {!point.openNow && (
                <View className='error-text' role='status'>
                  {closedText(point)}
                </View>
              )}
            </View>
            {point.openNow && (
              <Text className='title' style={{ display: 'block' }}>
                你拿到了什么？点一下
              </Text>
            )}
            {error && <Text className='error-text'>{error}</Text>}
            {point.services.map((s) => {
              const result = results[s.id];
              const done = s.done || (result !== undefined && result.gift !== 'out');
              // The stock on screen counts the gift just handed out to this worker.
              const left = Math.max(0, (s.left ?? 0) - (result?.gift === 'given' ? 1 : 0));
              const out = s.kind === 'gift' && ((s.left ?? 0) <= 0 || result?.gift === 'out') && !done;
              return (
                <View
                  key={s.id}
                  className={`service-button ${done ? 'service-button--done' : !point.openNow || out ? 'service-button--off' : ''}`}
                  onClick={() => point.openNow && !done && !out && void tapService(point.campaign.id, s.id)}
                  aria-role='button'
                  aria-disabled={done || out || !point.openNow}
                  aria-label={s.label}
                  data-testid='station-service'
                >
                  <View>
                    <Text className='service-button__label' style={{ display: 'block' }}>
                      {s.label}
                    </Text>
                    <Text className='muted'>
                      {s.kind === 'gift' ? `${result?.message ?? s.note ?? ''} 还剩${left}份` : (result?.message ?? s.note ?? '')}
                    </Text>
                  </View>
                  <Text style={{ color: done ? 'var(--color-ok)' : 'var(--color-brand)', fontWeight: 600 }}>
                    {busy === s.id ? '…' : done ? '✓ 已记下' : out ? '发完了' : !point.openNow ? '未开放' : s.kind === 'gift' ? '领取' : '拿到了'}
                  </Text>
                </View>
              );
            })}
            {point.campaign.tips.length > 0 && (
              <View className='card'>
                <Text className='title' style={{ display: 'block', marginTop: 0 }}>
                  返乡安全提醒
                </Text>
                {point.campaign.tips.map((t) => (
                  <Text key={t} className='line'>
                    · {t}
                  </Text>
                ))}
              </View>
            )}
          </View>
        )}
      </AsyncView>
    </PageShell>
  );
}
