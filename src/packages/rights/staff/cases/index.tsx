import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { ARTICLE_CATEGORY_LABELS, type ConsultationStatus } from '@contract/rights/model';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { StatusTag, whenText } from '../../../../components/rights/status';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES } from '../../../../routes';

const FILTERS: Array<{ value: ConsultationStatus | 'open'; label: string }> = [
  { value: 'open', label: '待答复' },
  { value: 'answered', label: '已答复' },
  { value: 'closed', label: '已结束' },
];

/** Staff: questions waiting for an answer, the longest-waiting first; overdue ones marked. */
export default function RightsStaffCasesPage() {
  const [status, setStatus] = useState<ConsultationStatus | 'open'>('open');
  const { state, reload } = useCall('rights', 'staffConsultations', { status });
  useDidShow(() => void reload());
  return (
    <PageShell>
      <View>
        {FILTERS.map((f) => (
          <Text key={f.value} className={status === f.value ? 'choice choice--on' : 'choice'} onClick={() => setStatus(f.value)}>
            {f.label}
          </Text>
        ))}
      </View>
      <AsyncView state={state} onRetry={reload} emptyText='这里没有咨询' isEmpty={(list) => list.length === 0}>
        {(list) => (
          <View className='card' data-testid='staff-cases'>
            {list.map((c) => (
              <View key={c.id} className='list-row' hoverClass='rt-pressed' onClick={() => openPage(PAGES.rightsStaffCase, { id: c.id })} aria-role='link'>
                <View style={{ display: 'flex', justifyContent: 'space-between', gap: '16px' }}>
                  <Text className='rt-item__title'>
                    {ARTICLE_CATEGORY_LABELS[c.category]} · {c.who}
                  </Text>
                  <StatusTag status={c.status} />
                </View>
                <Text className='rt-item__line'>{c.description.length > 60 ? `${c.description.slice(0, 60)}…` : c.description}</Text>
                <Text className='muted rt-item__line' style={c.overdue ? { color: 'var(--color-error)' } : {}}>
                  {whenText(c.createdAt)} · {c.overdue ? '⚠ 已超过答复时间' : `${c.dueText}答复`}
                  {c.flagged ? ' · 需人工看内容' : ''}
                  {c.noEmployerContact ? ' · 不要联系单位' : ''}
                </Text>
              </View>
            ))}
          </View>
        )}
      </AsyncView>
    </PageShell>
  );
}
