import { Text } from '@tarojs/components';
import { CONSULTATION_STATUS_LABELS, type ConsultationStatus } from '@contract/rights/model';
import { shanghai } from '@contract/time';
import './rights.scss';

export function StatusTag({ status }: { status: ConsultationStatus }) {
  return <Text className={`status-tag rt-status--${status}`}>{CONSULTATION_STATUS_LABELS[status]}</Text>;
}

/** An instant as a worker reads it: 11月24日 21:40 (Shanghai). */
export function whenText(iso: string): string {
  const d = shanghai(iso);
  return `${d.month() + 1}月${d.date()}日 ${d.format('HH:mm')}`;
}
