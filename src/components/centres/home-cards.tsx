import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CENTRE_SERVICE_LABELS, type NearestFree } from '@contract/centres/model';
import { call } from '../../api/call';
import { useCall } from '../../hooks/use-call';
import { openPage, PAGES } from '../../routes';
import { monthDay } from './client';
import './bookings.scss';
import { AppButton } from '../button';

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
        {c.station} · {monthDay(c.startDate)}–{monthDay(c.endDate)} · 热水、姜茶、返乡礼品
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
        <Text className='tag tag--ok'>{f.when === 'today' ? '今天' : monthDay(f.date)}</Text>
      </View>
      <Text className='muted line'>
        {f.centreName} · {f.queueNames.join('、')} · 可以先取号
      </Text>
    </View>
  );
}

/**
 * "今天最近有空位": the nearest centre with a free slot later today. Without the worker's location
 * (refused, or on H5) it follows the union's order; the location is asked only on a tap.
 */
export function NearestFreeCard() {
  const [located, setLocated] = useState<NearestFree | null | undefined>(undefined);
  const [note, setNote] = useState('');
  const { state } = useCall('centres', 'nearestFree', {});
  const found = located !== undefined ? located : state.status === 'ready' ? state.data : undefined;

  async function useLocation() {
    try {
      const here = await Taro.getLocation({ type: 'gcj02' });
      const res = await call('centres', 'nearestFree', { latitude: here.latitude, longitude: here.longitude });
      if (res.ok) setLocated(res.data);
      setNote('');
    } catch {
      setNote('没有拿到位置，按服务中心顺序推荐');
    }
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
              {found.distanceKm !== undefined ? ` · 约${found.distanceKm}公里` : ''}
            </Text>
          </View>
          <Text style={{ color: 'var(--color-brand)' }}>预约 ›</Text>
        </View>
      ) : (
        <Text className='muted'>今天已经约满了，可以点下面的服务中心约别的日子。</Text>
      )}
      {process.env.TARO_ENV === 'weapp' && found !== null && located === undefined && (
        <AppButton kind='secondary' onClick={() => void useLocation()}>
          用我的位置找最近的
        </AppButton>
      )}
      {note && <Text className='muted line'>{note}</Text>}
    </View>
  );
}
