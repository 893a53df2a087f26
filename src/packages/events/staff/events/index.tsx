import { Text, View } from '@tarojs/components';
import { EVENT_STATUS_LABELS, type StaffEventSummary } from '@contract/events/model';
import { AsyncView } from '../../../../components/async-view';
import { EventBadge } from '../../../../components/events/event-badge';
import { dayTime } from '../../../../components/events/format';
import { useReloadOnReturn } from '../../../../components/events/use-reload-on-return';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES, TABS } from '../../../../routes';
import '../../../../components/events/events.scss';
import { AppButton } from '../../../../components/button';

/** Staff: every event (drafts too) with its figures; tap one to run the door. */
/** The counts a clerk plans by. Before a lottery's draw nobody holds a seat yet: count the applications. */
function staffCounts(e: StaffEventSummary): string {
  const status = EVENT_STATUS_LABELS[e.status];
  if (e.badge === 'lottery' || e.badge === 'drawing') return `${status} · 已申请${e.applied}人 · 名额${e.capacity}个 · 还没抽签`;
  return `${status} · 已报名${e.confirmed}/${e.capacity}人 · 已签到${e.checkedIn}人 · 候补${e.waiting}`;
}

export default function StaffEventsPage() {
  const { state, reload } = useCall('events', 'staffList', {});
  useReloadOnReturn(reload);
  return (
    <PageShell>
      <AppButton onClick={() => openPage(PAGES.eventEdit)}>
        新建活动
      </AppButton>
      <AsyncView state={state} onRetry={reload} exit={{ tab: TABS.me, label: '回“我的”' }} emptyText='还没有活动' isEmpty={(list) => list.length === 0}>
        {(list) =>
          list.map((e) => (
            <View key={e.id} className='card ev-card' hoverClass='ev-card--pressed' onClick={() => openPage(PAGES.eventCheckIn, { eventId: e.id })} data-testid='staff-event'>
              <View className='ev-card__head'>
                <Text className='ev-card__title'>{e.title}</Text>
                <EventBadge badge={e.badge} />
              </View>
              <Text className='ev-line'>{dayTime(e.startsAt)}</Text>
              <Text className='muted ev-line'>{staffCounts(e)}</Text>
            </View>
          ))
        }
      </AsyncView>
    </PageShell>
  );
}
