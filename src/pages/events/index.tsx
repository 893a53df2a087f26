import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { stopPullDownRefresh, usePullDownRefresh } from '@tarojs/taro';
import { EVENT_CATEGORIES, EVENT_CATEGORY_LABELS, type EventCategory } from '@contract/events/model';
import { AsyncView } from '../../components/async-view';
import { EventCard } from '../../components/events/event-card';
import { useReloadOnReturn } from '../../components/events/use-reload-on-return';
import { PageShell } from '../../components/page-shell';
import { useCall } from '../../hooks/use-call';
import { openPage, PAGES } from '../../routes';
import '../../components/events/events.scss';
import { AppButton } from '../../components/button';

export default function EventsPage() {
  const [category, setCategory] = useState<EventCategory | undefined>(undefined);
  const { state, reload } = useCall('events', 'list', category ? { category } : {});
  usePullDownRefresh(() => {
    void reload().finally(() => stopPullDownRefresh());
  });
  useReloadOnReturn(reload);

  const chips: Array<{ key: EventCategory | undefined; label: string }> = [
    { key: undefined, label: '全部' },
    ...EVENT_CATEGORIES.map((key) => ({ key, label: EVENT_CATEGORY_LABELS[key] })),
  ];

  return (
    <PageShell>
      <AppButton kind='secondary' onClick={() => openPage(PAGES.eventsMine)}>
        我的报名和入场码
      </AppButton>
      <View className='ev-chips' role='tablist'>
        {chips.map((chip) => (
          <View
            key={chip.label}
            className={chip.key === category ? 'ev-chip ev-chip--on' : 'ev-chip'}
            onClick={() => setCategory(chip.key)}
            aria-role='tab'
            aria-selected={chip.key === category}
          >
            <Text>{chip.label}</Text>
          </View>
        ))}
      </View>
      <AsyncView
        state={state}
        onRetry={reload}
        emptyText={category ? `暂时没有${EVENT_CATEGORY_LABELS[category]}活动，看看别的类别吧` : '暂时没有活动，过几天再来看看'}
        isEmpty={(list) => list.length === 0}
      >
        {(list) => list.map((event) => <EventCard key={event.id} event={event} />)}
      </AsyncView>
    </PageShell>
  );
}
