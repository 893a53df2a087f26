import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import {
  arbitrationDeadline,
  dateText,
  injuryDeadlines,
  sueAfterAwardDeadline,
  wageArrearsDeadline,
  type DeadlineAnswer,
  type DeadlineError,
} from '@contract/rights/deadlines';
import { shanghaiDay } from '@contract/time';
import { PageShell } from '../../../../components/page-shell';
import { HotlineCard } from '../../../../components/rights/hotline';
import { openAsk } from '../../../../components/rights/nav';

type Kind = 'injury' | 'arbitration' | 'wages' | 'sue';

const KINDS: Array<{ kind: Kind; label: string; ask: string }> = [
  { kind: 'injury', label: '受伤了（工伤认定）', ask: '哪天受的伤（或确诊职业病）？' },
  { kind: 'arbitration', label: '想申请劳动仲裁', ask: '哪天知道自己的权益被侵害？（比如被辞退那天）' },
  { kind: 'wages', label: '被欠工资', ask: '哪天离职的？' },
  { kind: 'sue', label: '不服仲裁结果', ask: '哪天收到仲裁裁决书？' },
];

function compute(kind: Kind, date: string, stillEmployed: boolean): DeadlineAnswer | DeadlineError {
  switch (kind) {
    case 'injury':
      return injuryDeadlines(date);
    case 'arbitration':
      return arbitrationDeadline(date);
    case 'wages':
      return stillEmployed ? wageArrearsDeadline({ stillEmployed: true }) : wageArrearsDeadline({ stillEmployed: false, endDate: date });
    case 'sue':
      return sueAfterAwardDeadline(date);
  }
}

function daysLeftText(days: number | null): string {
  if (days === null) return '';
  if (days > 0) return `还剩 ${days} 天`;
  if (days === 0) return '今天是最后一天！';
  return `已经过了 ${-days} 天`;
}

/** 算算期限: pick what happened and the date; every answer shows the article of law it comes from. */
export default function RightsDeadlinesPage() {
  const today = shanghaiDay();
  const [kind, setKind] = useState<Kind>('injury');
  const [date, setDate] = useState('');
  const [stillEmployed, setStillEmployed] = useState(true);
  const spec = KINDS.find((k) => k.kind === kind) ?? KINDS[0];
  const needsDate = !(kind === 'wages' && stillEmployed);
  const answer = needsDate && !date ? null : compute(kind, date, stillEmployed);

  return (
    <PageShell>
      <View className='card'>
        <Text className='rt-section'>你遇到的是？</Text>
        {KINDS.map((k) => (
          <Text
            key={k.kind}
            className={kind === k.kind ? 'rt-chip rt-chip--on' : 'rt-chip'}
            onClick={() => {
              setKind(k.kind);
              setDate('');
            }}
            aria-role='radio'
            aria-checked={kind === k.kind}
          >
            {k.label}
          </Text>
        ))}
      </View>

      <View className='card'>
        {kind === 'wages' && (
          <View style={{ marginBottom: '12px' }}>
            <Text className='rt-section'>你现在还在这个厂干吗？</Text>
            <Text className={stillEmployed ? 'rt-chip rt-chip--on' : 'rt-chip'} onClick={() => setStillEmployed(true)}>
              还在干
            </Text>
            <Text className={!stillEmployed ? 'rt-chip rt-chip--on' : 'rt-chip'} onClick={() => setStillEmployed(false)}>
              已经离职
            </Text>
          </View>
        )}
        {needsDate && (
          <View>
            <Text className='rt-section'>{spec.ask}</Text>
            <Picker mode='date' value={date || today} end={today} start='2000-01-01' onChange={(e) => setDate(String(e.detail.value))}>
              <View className='input' style={{ display: 'flex', alignItems: 'center' }} data-testid='date'>
                <Text className={date ? '' : 'muted'}>{date ? dateText(date) : '点这里选日期'}</Text>
              </View>
            </Picker>
          </View>
        )}
      </View>

      {answer && 'error' in answer && (
        <View className='card'>
          <Text className='rt-error'>{answer.error}</Text>
        </View>
      )}
      {answer && !('error' in answer) && (
        <View className='card' data-testid='deadline-results'>
          {answer.results.map((r) => (
            <View key={r.who} className='rt-result'>
              <Text style={{ display: 'block', fontWeight: 600 }}>{r.who}</Text>
              <Text className='rt-big'>{r.lastDay ? `${r.lastDayText}前` : r.lastDayText}</Text>
              {r.daysLeft !== null && (
                <Text style={{ display: 'block', color: r.daysLeft < 0 ? 'var(--color-error)' : r.daysLeft <= 7 ? 'var(--color-warn)' : 'var(--color-ok)', fontWeight: 600 }}>
                  {daysLeftText(r.daysLeft)}
                </Text>
              )}
              <Text style={{ display: 'block' }}>{r.advice}</Text>
              <Text className='muted' style={{ display: 'block' }}>
                依据：{r.basis}
              </Text>
            </View>
          ))}
          {answer.notes.map((n, i) => (
            <Text key={i} className='rt-note'>
              {n}
            </Text>
          ))}
          {answer.results.some((r) => r.daysLeft !== null && r.daysLeft < 0) && (
            <Text className='rt-note'>期限过了也别放弃：有时效中断等情况，可以先问问工会。</Text>
          )}
          <View className='button button--plain' onClick={() => openAsk()} aria-role='button'>
            <Text>把情况告诉工会</Text>
          </View>
        </View>
      )}
      <Text className='muted' style={{ display: 'block', margin: '0 8px var(--space)' }}>
        这里只帮你算日子，具体情况不同，拿不准请咨询工会或律师。
      </Text>
      <HotlineCard />
    </PageShell>
  );
}
