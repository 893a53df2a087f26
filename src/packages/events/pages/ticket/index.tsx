import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { AsyncView } from '../../../../components/async-view';
import { dayTime } from '../../../../components/events/format';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES } from '../../../../routes';
import '../../../../components/events/events.scss';
import { AppButton } from '../../../../components/button';

/** The ticket: a QR drawn on the server (no QR library on the phone). Brighten the screen at the door. */
export default function TicketPage() {
  const entryId = usePageParams().entryId ?? '';
  const { state, reload } = useCall('events', 'ticket', { entryId });

  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText=''>
        {(ticket) => (
          <View className='card' data-testid='ticket'>
            <Text className='title' style={{ display: 'block', textAlign: 'center' }}>
              {ticket.eventTitle}
            </Text>
            <Text className='ev-line' style={{ textAlign: 'center' }}>
              {dayTime(ticket.startsAt)}
            </Text>
            <Text className='muted ev-line' style={{ textAlign: 'center' }}>
              {ticket.venueName}
            </Text>
            <Image className='ev-qr' src={ticket.qrDataUrl} mode='aspectFit' aria-label='入场二维码' />
            <Text className='ev-status ev-status--good' style={{ textAlign: 'center' }}>
              {ticket.status === 'checked_in' ? '已签到' : `${ticket.holderName}${ticket.seats > 1 ? `（${ticket.seats}人）` : ''}`}
            </Text>
            <Text className='muted ev-line' style={{ textAlign: 'center' }}>
              到场后把这个码给工作人员扫一下。扫不了时，念出下面的票码。
            </Text>
            {/* Tickets from before the short codes still show the QR's own code. */}
            <Text className={ticket.doorCode ? 'ev-door-code' : 'ev-code'} data-testid='ticket-code'>
              {ticket.doorCode ?? ticket.code}
            </Text>
            {process.env.TARO_ENV === 'weapp' && (
              <AppButton kind='secondary' onClick={() => void Taro.setScreenBrightness({ value: 1 })}>
                屏幕调亮，方便扫码
              </AppButton>
            )}
          </View>
        )}
      </AsyncView>
      <AppButton kind='secondary' onClick={() => openPage(PAGES.eventsMine)}>
        我的报名
      </AppButton>
    </PageShell>
  );
}
