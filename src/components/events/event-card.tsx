import { Text, View } from '@tarojs/components';
import type { EventSummary } from '@contract/events/model';
import { openPage, PAGES } from '../../routes';
import { EventBadge } from './event-badge';
import { span } from './format';
import './events.scss';

function seatsLine(e: EventSummary): string {
  if (e.allocation === 'lottery') return `${e.capacity}个名额，报名后抽签`;
  if (e.badge === 'full') return `名额已满，已有${e.waiting}人候补`;
  if (e.badge === 'open' || e.badge === 'few') return `还剩${e.seatsLeft}个名额（共${e.capacity}个）`;
  return `共${e.capacity}个名额`;
}

/** One event in the 活动 list: the whole card is the tap target. */
export function EventCard({ event }: { event: EventSummary }) {
  return (
    <View
      className='card ev-card'
      hoverClass='ev-card--pressed'
      onClick={() => openPage(PAGES.eventDetail, { id: event.id })}
      aria-role='button'
      data-testid='event-card'
    >
      <View className='ev-card__head'>
        <Text className='ev-card__title'>{event.title}</Text>
        <EventBadge badge={event.badge} />
      </View>
      <Text className='ev-line'>{span(event.startsAt, event.endsAt)}</Text>
      <Text className='muted ev-line'>{event.venueName}</Text>
      <Text className='muted ev-line'>{seatsLine(event)}</Text>
    </View>
  );
}
