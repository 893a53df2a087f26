import { useState } from 'react';
import { AppButton } from '../../../../components/button';
import { Picker, Text, View } from '@tarojs/components';
import {
  arbitrationDeadline,
  dateText,
  injuryDeadlines,
  moneyClaimDeadline,
  MONEY_CLAIMS,
  sueAfterAwardDeadline,
  wageArrearsDeadline,
  type DeadlineAnswer,
  type DeadlineError,
  type MoneyClaim,
} from '@contract/rights/deadlines';
import { shanghaiDay } from '@contract/time';
import { PageShell } from '../../../../components/page-shell';
import { HotlineCard } from '../../../../components/rights/hotline';
import { openAsk } from '../../../../components/rights/nav';

type Kind = 'injury' | 'arbitration' | 'wages' | 'sue';

const KINDS: Array<{ kind: Kind; label: string; ask: string }> = [
  { kind: 'injury', label: '受伤了（工伤认定）', ask: '哪天受的伤（或确诊职业病）？' },
  { kind: 'arbitration', label: '想申请劳动仲裁', ask: '哪天知道自己的权益被侵害？（比如被辞退那天）' },
  { kind: 'wages', label: '被欠工资或补偿', ask: MONEY_CLAIMS.wages.ask },
  { kind: 'sue', label: '不服仲裁结果', ask: '哪天收到仲裁裁决书？' },
];

const CLAIMS = Object.keys(MONEY_CLAIMS) as MoneyClaim[];

interface Choices {
  stillEmployed: boolean;
  claim: MoneyClaim;
  finalAward: boolean;
}

function compute(kind: Kind, date: string, c: Choices): DeadlineAnswer | DeadlineError {
  switch (kind) {
    case 'injury':
      return injuryDeadlines(date);
    case 'arbitration':
      return arbitrationDeadline(date);
    case 'wages':
      if (c.claim !== 'wages') return moneyClaimDeadline(c.claim, date);
      return c.stillEmployed ? wageArrearsDeadline({ stillEmployed: true }) : wageArrearsDeadline({ stillEmployed: false, endDate: date });
    case 'sue':
      return sueAfterAwardDeadline(date, c.finalAward);
  }
}

/** One row of big choice chips (a radio group). */
function Choice<T extends string | boolean>(props: { title: string; options: Array<{ value: T; label: string }>; value: T; onChange: (v: T) => void }) {
  return (
    <View style={{ marginBottom: '12px' }}>
      <Text className='rt-section'>{props.title}</Text>
      {props.options.map((o) => (
        <Text
          key={String(o.value)}
          className={props.value === o.value ? 'choice choice--on' : 'choice'}
          onClick={() => props.onChange(o.value)}
          aria-role='radio'
          aria-checked={props.value === o.value}
        >
          {o.label}
        </Text>
      ))}
    </View>
  );
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
  const [claim, setClaim] = useState<MoneyClaim>('wages');
  const [finalAward, setFinalAward] = useState(false);
  const spec = KINDS.find((k) => k.kind === kind) ?? KINDS[0];
  const ask = kind === 'wages' ? MONEY_CLAIMS[claim].ask : spec.ask;
  const needsDate = !(kind === 'wages' && claim === 'wages' && stillEmployed);
  const answer = needsDate && !date ? null : compute(kind, date, { stillEmployed, claim, finalAward });

  return (
    <PageShell>
      <View className='card'>
        <Text className='rt-section'>你遇到的是？</Text>
        {KINDS.map((k) => (
          <Text
            key={k.kind}
            className={kind === k.kind ? 'choice choice--on' : 'choice'}
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
          <Choice
            title='要讨的是什么钱？'
            options={CLAIMS.map((c) => ({ value: c, label: MONEY_CLAIMS[c].label }))}
            value={claim}
            onChange={(c) => {
              setClaim(c);
              setDate('');
            }}
          />
        )}
        {kind === 'wages' && claim === 'wages' && (
          <Choice
            title='你现在还在这个厂干吗？'
            options={[
              { value: true, label: '还在干' },
              { value: false, label: '已经离职' },
            ]}
            value={stillEmployed}
            onChange={setStillEmployed}
          />
        )}
        {kind === 'sue' && (
          <Choice
            title='裁决书上有没有写“终局裁决”？'
            options={[
              { value: true, label: '写了终局裁决' },
              { value: false, label: '没写或看不懂' },
            ]}
            value={finalAward}
            onChange={setFinalAward}
          />
        )}
        {needsDate && (
          <View>
            <Text className='rt-section'>{ask}</Text>
            <Picker mode='date' value={date || today} end={today} start='2000-01-01' onChange={(e) => setDate(String(e.detail.value))}>
              <View className='input' data-testid='date'>
                <Text className={date ? '' : 'muted'}>{date ? dateText(date) : '点这里选日期'}</Text>
              </View>
            </Picker>
          </View>
        )}
      </View>

      {answer && 'error' in answer && (
        <View className='card'>
          <Text className='field-error'>{answer.error}</Text>
        </View>
      )}
      {answer && !('error' in answer) && (
        <View className='card' data-testid='deadline-results'>
          {answer.results.map((r) => (
            <View key={r.who} className='rt-result'>
              <Text style={{ display: 'block', fontWeight: 600 }}>{r.who}</Text>
              <Text className='rt-big'>{r.lastDayText}</Text>
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
          <AppButton kind='secondary' onClick={() => openAsk()}>
            把情况告诉工会
          </AppButton>
        </View>
      )}
      <Text className='muted' style={{ display: 'block', margin: '0 8px var(--space)' }}>
        这里只帮你算日子，具体情况不同，拿不准请咨询工会或律师。
      </Text>
      <HotlineCard />
    </PageShell>
  );
}
