import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CENTRE_SERVICE_LABELS, type NearestFree } from '@contract/centres/model';
import { dayText, monthDayText } from '@contract/time';
import { call } from '../../api/call';
import { useCall } from '../../hooks/use-call';
import { openPage, PAGES } from '../../routes';
import './bookings.scss';

/** 平安返乡: shown on 首页 while a station campaign runs (or is about to). */
export function StationBanner() {
  const { state } = useCall('station', 'current', {});
  if (state.status !== 'ready' || !state.data) return null;
  const c = state.data;
  return (
    <View className='card' onClick={() => openPage(PAGES.stationPoint, { id: c.id })} aria-role='button' data-testid='station-banner'>
      <View className='row'>
        <Text style={{ fontSize: 'var(--font-title)', fontWeight: 600 }}>{c.name}</Text>
        <Text className={c.phase === 'running' ? 'tag tag--ok' : 'tag'}>{c.phase === 'running' ? '服务中' : '即将开始'}</Text>
      </View>
      <Text className='muted line'>
        {c.station} · {monthDayText(c.startDate)}–{monthDayText(c.endDate)} · 热水、姜茶、返乡礼品
      </Text>
    </View>
  );
}

/** The next 便民日, if one is coming. */
export function FairBanner() {
  const { state } = useCall('centres', 'fairs', {});
  if (state.status !== 'ready' || state.data.length === 0) return null;
  const f = state.data[0];
  return (
    <View className='card' onClick={() => openPage(PAGES.fair, { id: f.id })} aria-role='button' data-testid='fair-banner'>
      <View className='row'>
        <Text style={{ fontSize: 'var(--font-title)', fontWeight: 600 }}>{f.title}</Text>
        <Text className='tag tag--ok'>{f.when === 'today' ? '今天' : dayText(f.date)}</Text>
      </View>
      <Text className='muted line'>
        {f.centreName} · {f.queueNames.join('、')} · 可以先取号
      </Text>
    </View>
  );
}

/**
 * "今天还能约": the centre with a free slot later today, nearest to the centre the worker taps
 * (我在哪边), else in the union's order. A tap instead of wx.getLocation: no location permission,
 * no privacy prompt, works on every phone and on H5 (docs/deploying.md).
 */
export function NearestFreeCard() {
  const [picked, setPicked] = useState<{ near: string; found: NearestFree | null } | null>(null);
  const [note, setNote] = useState('');
  const { state } = useCall('centres', 'nearestFree', {});
  const centres = useCall('centres', 'list', {}).state;
  const found = picked ? picked.found : state.status === 'ready' ? state.data : undefined;

  async function pick(near: string) {
    const res = await call('centres', 'nearestFree', { near });
    if (res.ok) {
      setPicked({ near, found: res.data });
      setNote('');
    } else setNote(res.error.message);
  }

  if (found === undefined) return null;
  return (
    <View className='card' data-testid='nearest-free'>
      <Text className='title' style={{ display: 'block', marginTop: 0 }}>
        今天还能约
      </Text>
      {found ? (
        <View
          className='service-button'
          onClick={() => openPage(PAGES.centreBook, { centreId: found.centreId, service: found.service })}
          aria-role='button'
        >
          <View>
            <Text className='service-button__label' style={{ display: 'block' }}>
              {found.time} {CENTRE_SERVICE_LABELS[found.service]}
            </Text>
            <Text className='muted'>
              {found.centreName}
              {found.distanceKm !== undefined ? ` · 离你选的地方约${found.distanceKm}公里` : ''}
            </Text>
          </View>
          <Text style={{ color: 'var(--color-brand)' }}>预约 ›</Text>
        </View>
      ) : (
        <Text className='muted'>今天没有还能约的时间了（可能不开门或已约满），点下面的服务中心约别的日子。</Text>
      )}
      {centres.status === 'ready' && centres.data.length > 1 && (
        <View data-testid='nearest-near'>
          <Text className='muted line'>我在哪边？点一下，找离你近的：</Text>
          <View className='chips'>
            {centres.data.map((c) => (
              <View key={c.id} className={picked?.near === c.id ? 'chip chip--on' : 'chip'} onClick={() => void pick(c.id)} aria-role='button'>
                <Text>{c.shortName}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
      {note && <Text className='muted line'>{note}</Text>}
    </View>
  );
}
