import { Text } from '@tarojs/components';
import { EVENT_BADGE_LABELS, type EventBadge as Badge } from '@contract/events/model';
import './events.scss';

export function EventBadge({ badge }: { badge: Badge }) {
  return <Text className={`ev-badge ev-badge--${badge}`}>{EVENT_BADGE_LABELS[badge]}</Text>;
}
