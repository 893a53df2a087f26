import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { stopPullDownRefresh, useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { BOOKING_STATUS_LABELS, CENTRE_SERVICE_LABELS, FAIR_TICKET_STATE_LABELS, type GivenBackTicket, type MyFairTicket } from '@contract/centres/model';
import { dayText } from '@contract/time';
import { GiveBackButton, GivenBackNotice } from '../../../../components/centres/give-back';
import { ErrorCard } from '../../../../components/centres/signed-out';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openPage, openTab, PAGES, TABS } from '../../../../routes';
import '../../../../components/centres/bookings.scss';
import { AppButton } from '../../../../components/button';

/**
 * The numbers taken at a coming 便民日: the day, the queue by name, the number; the top of the
 * card opens the fair, 退号 gives a waiting number back (the buttons sit outside the tappable part).
 */
function FairTickets({ tickets, givenBack, onGivenBack }: { tickets: MyFairTicket[]; givenBack: GivenBackTicket | null; onGivenBack: (result: GivenBackTicket) => void }) {
  return (
    <>
      {tickets.map((t) => (
        <View key={t.id} className='card' data-testid='my-fair-ticket'>
          <View onClick={() => openPage(PAGES.fair, { id: t.fairId })} aria-role='button'>
            <View className='row'>
              <Text style={{ fontSize: 'var(--font-title)', fontWeight: 600 }}>
                {t.queueName} {t.number}号
              </Text>
              <Text className={t.state === 'returned' ? 'tag' : 'tag tag--ok'}>{FAIR_TICKET_STATE_LABELS[t.state]}</Text>
            </View>
            <Text className='line'>
              {dayText(t.date)} {t.title}
              {t.window ? ` · ${t.window}` : ''}
            </Text>
            <Text className='muted line'>{t.centreName}</Text>
          </View>
          {t.state === 'waiting' && <GiveBackButton ticket={t} onDone={onGivenBack} />}
          {/* The notice above already offers 重新取号 for the number just given back. */}
          {t.state === 'returned' && t.id !== givenBack?.id && (
            <AppButton kind='secondary' onClick={() => openPage(PAGES.fair, { id: t.fairId })}>
              重新取号
            </AppButton>
          )}
        </View>
      ))}
    </>
  );
}

/** 我的预约: numbers at a coming 便民日, then coming bookings first, each opens its booking code. */
export default function MyBookingsPage() {
  const { state, reload } = useCall('centres', 'myBookings', {});
  const fair = useCall('centres', 'myFairTickets', {});
  const refresh = () => Promise.all([reload(), fair.reload()]);
  useDidShow(() => void refresh());
  usePullDownRefresh(() => void refresh().finally(() => stopPullDownRefresh()));
  const hasTickets = fair.state.status === 'ready' && fair.state.data.length > 0;
  const [givenBack, setGivenBack] = useState<GivenBackTicket | null>(null);
  const onGivenBack = (result: GivenBackTicket) => {
    setGivenBack(result);
    void fair.reload();
  };

  return (
    <PageShell>
      {givenBack && <GivenBackNotice result={givenBack} onTakeAgain={() => openPage(PAGES.fair, { id: givenBack.fairId })} />}
      {fair.state.status === 'ready' && <FairTickets tickets={fair.state.data} givenBack={givenBack} onGivenBack={onGivenBack} />}
      {state.status === 'loading' && (
        <View className='card' aria-busy='true'>
          <Text className='muted'>正在加载…</Text>
        </View>
      )}
      {state.status === 'error' && <ErrorCard error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && !hasTickets && (
        <View className='card'>
          <Text style={{ display: 'block' }}>还没有预约。</Text>
          <AppButton onClick={() => openTab(TABS.home)}>
            去服务中心预约
          </AppButton>
        </View>
      )}
      {state.status === 'ready' &&
        [...state.data]
          .sort((a, b) => Number(b.status === 'booked') - Number(a.status === 'booked') || (a.status === 'booked' ? a.start.localeCompare(b.start) : 0))
          .map((b) => (
            <View
              key={b.id}
              className='card'
              onClick={() => openPage(PAGES.booking, { id: b.id })}
              aria-role='button'
              aria-label={`${CENTRE_SERVICE_LABELS[b.service]} ${b.when}`}
              data-testid='my-booking'
            >
              <View className='row'>
                <Text style={{ fontSize: 'var(--font-title)', fontWeight: 600 }}>{CENTRE_SERVICE_LABELS[b.service]}</Text>
                <Text className={b.status === 'booked' || b.status === 'arrived' ? 'tag tag--ok' : 'tag'}>{BOOKING_STATUS_LABELS[b.status]}</Text>
              </View>
              <Text className='line'>{b.when}</Text>
              <Text className='muted line'>{b.centreName}</Text>
            </View>
          ))}
    </PageShell>
  );
}
