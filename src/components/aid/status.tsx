import { Text, View } from '@tarojs/components';
import { AID_STATUS_LABELS, type AidStep, type AidStatus } from '@contract/aid/model';
import { dayTimeText, shanghai } from '@contract/time';
import './aid.scss';

export const dayText = (d: Date | string) => shanghai(d).format('M月D日');

export function AidStatusTag({ status }: { status: AidStatus }) {
  const tone = status === 'done' ? ' ad-status--end' : status === 'refused' ? ' ad-status--refused' : status === 'needs-more' ? ' ad-status--needs-more' : '';
  return <Text className={`status-tag ad-status${tone}`}>{AID_STATUS_LABELS[status]}</Text>;
}

/** Every step with its date, oldest first: what happened and when. */
export function AidHistory({ history }: { history: AidStep[] }) {
  return (
    <View data-testid='aid-history'>
      {history.map((h, i) => (
        <Text key={i} className='ad-line'>
          {dayTimeText(h.at)} · {AID_STATUS_LABELS[h.status]}
          {h.note ? `：${h.note}` : ''}
        </Text>
      ))}
    </View>
  );
}
