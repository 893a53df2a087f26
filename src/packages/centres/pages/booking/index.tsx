import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { BOOKING_STATUS_LABELS, CENTRE_SERVICE_LABELS } from '@contract/centres/model';
import { call } from '../../../../api/call';
import { ErrorCard } from '../../../../components/centres/signed-out';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES } from '../../../../routes';
import '../../../../components/centres/bookings.scss';
import { AppButton } from '../../../../components/button';

/** One booking: the code staff scan at the desk (a PNG made on the server), change or cancel. */
export default function BookingPage() {
  const params = usePageParams();
  const id = params.id ?? '';
  const { state, reload } = useCall('centres', 'booking', { id });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function cancel() {
    const sure = await Taro.showModal({ title: '取消预约', content: '确定要取消这个预约吗？', confirmText: '取消预约', cancelText: '不取消' });
    if (!sure.confirm) return;
    setBusy(true);
    const res = await call('centres', 'cancel', { id });
    setBusy(false);
    if (res.ok) void reload();
    else setError(res.error.message);
  }

  if (state.status === 'loading') {
    return (
      <PageShell>
        <View className='card' aria-busy='true'>
          <Text className='muted'>正在加载…</Text>
        </View>
      </PageShell>
    );
  }
  if (state.status === 'error') {
    return (
      <PageShell>
        <ErrorCard error={state.error} onRetry={reload} />
        <AppButton kind='secondary' onClick={() => openPage(PAGES.myBookings)}>
          看我的预约
        </AppButton>
      </PageShell>
    );
  }
  const b = state.data;
  const active = b.status === 'booked';
  return (
    <PageShell>
      {params.fresh === '1' && active && (
        <View className='card' role='status'>
          <Text className='ok-text'>预约成功！到了服务中心，把这个码给工作人员看。</Text>
        </View>
      )}
      {params.fresh === 'moved' && active && (
        <View className='card' role='status'>
          <Text className='ok-text'>改好了！下面是新的时间。</Text>
        </View>
      )}
      <View className='card' data-testid='booking'>
        <View className='row'>
          <Text style={{ fontSize: 'var(--font-title)', fontWeight: 600 }}>{CENTRE_SERVICE_LABELS[b.service]}</Text>
          <Text className={active || b.status === 'arrived' ? 'tag tag--ok' : 'tag'}>{BOOKING_STATUS_LABELS[b.status]}</Text>
        </View>
        <Text className='line' style={{ fontSize: 'var(--font-title)' }}>
          {b.when}
        </Text>
        <Text className='muted line'>{b.centreName}</Text>
        {b.topic && (
          <Text className='line' data-testid='booking-topic'>
            想咨询：{b.topic}
          </Text>
        )}
      </View>
      {(active || b.status === 'arrived') && (
        <View className='card'>
          <Image className='qr' src={b.qrDataUrl} mode='aspectFit' aria-label={`预约码 ${b.code}`} />
          <Text className='big-code' data-testid='booking-code'>
            {b.code}
          </Text>
          <Text className='muted' style={{ display: 'block', textAlign: 'center' }}>
            扫不了时，工作人员可以输入这8位码
          </Text>
        </View>
      )}
      {error && <Text className='error-text'>{error}</Text>}
      {active && b.changeable && (
        <View>
          <AppButton
            
            onClick={() => openPage(PAGES.centreBook, { centreId: b.centreId, service: b.service, reschedule: b.id })}
          >
            改时间
          </AppButton>
          <AppButton kind='secondary' busy={busy} onClick={() => void cancel()}>
            取消预约
          </AppButton>
        </View>
      )}
      {active && !b.changeable && (
        <View className='card'>
          <Text>离开始太近了，不能在这里改。来不了请打电话给服务中心。</Text>
        </View>
      )}
      <AppButton kind='secondary' onClick={() => openPage(PAGES.centreDetail, { id: b.centreId })}>
        服务中心地址和电话
      </AppButton>
      <AppButton kind='secondary' onClick={() => openPage(PAGES.myBookings)}>
        我的全部预约
      </AppButton>
    </PageShell>
  );
}
