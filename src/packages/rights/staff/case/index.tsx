import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { usePageParams } from '../../../../hooks/use-page-params';
import { ANSWER_RATINGS, ARTICLE_CATEGORY_LABELS, RIGHTS_LIMITS, type StaffConsultation } from '@contract/rights/model';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { StatusTag, whenText } from '../../../../components/rights/status';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES } from '../../../../routes';
import { AppButton } from '../../../../components/button';
import { PhoneReveal } from '../../../../components/staff/phone-reveal';

function AnswerForm({ c, onDone }: { c: StaffConsultation; onDone: (c: StaffConsultation) => void }) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  async function send() {
    if ([...text.trim()].length < RIGHTS_LIMITS.answerMin) {
      setMessage(`答复至少${RIGHTS_LIMITS.answerMin}个字`);
      return;
    }
    setBusy(true);
    const res = await call('rights', 'staffAnswer', { id: c.id, text: text.trim() });
    setBusy(false);
    if (res.ok) onDone(res.data);
    else setMessage(res.error.message);
  }
  return (
    <View className='card' data-testid='answer-form'>
      <Text className='rt-section'>写答复</Text>
      <Text className='muted' style={{ display: 'block' }}>
        用职工看得懂的话：先说能不能、怎么做，再说依据。{c.noEmployerContact ? '职工不希望联系单位。' : ''}
      </Text>
      <Textarea className='textarea' value={text} maxlength={RIGHTS_LIMITS.answerMax} onInput={(e) => setText(e.detail.value)} aria-label='答复' name='answer' />
      {message && <Text className='field-error'>{message}</Text>}
      <AppButton disabled={busy} onClick={() => void send()}>
        发送答复
      </AppButton>
    </View>
  );
}

export default function RightsStaffCasePage() {
  const id = usePageParams().id ?? '';
  const { state, reload } = useCall('rights', 'staffConsultation', { id });
  const [updated, setUpdated] = useState<StaffConsultation | null>(null);
  const [message, setMessage] = useState('');

  async function claim() {
    const res = await call('rights', 'staffClaim', { id });
    if (res.ok) setUpdated(res.data);
    else setMessage(res.error.message);
  }

  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText=''>
        {(loaded) => {
          const c = updated ?? loaded;
          return (
            <View data-testid='staff-case'>
              <View className='card'>
                <View style={{ display: 'flex', justifyContent: 'space-between', gap: '16px' }}>
                  <Text className='rt-section'>
                    {ARTICLE_CATEGORY_LABELS[c.category]} · {c.who}
                  </Text>
                  <StatusTag status={c.status} />
                </View>
                <Text style={{ display: 'block' }}>{c.description}</Text>
                <Text className='muted' style={{ display: 'block', marginTop: '8px' }}>
                  编号 {c.code} · {whenText(c.createdAt)} 提交 · {c.overdue ? '已超过答复时间' : `${c.dueText}答复`}
                </Text>
                <PhoneReveal masked={c.maskedPhone} reveal={(why) => call('rights', 'staffRevealPhone', { id: c.id, ...why })} />
                {(c.noEmployerContact || c.flagged) && (
                  <Text className='muted' style={{ display: 'block' }}>
                    {[c.noEmployerContact ? '不要联系单位' : '', c.flagged ? '内容安全检查提示需人工看' : ''].filter(Boolean).join(' · ')}
                  </Text>
                )}
                {c.articleSlug && (
                  <AppButton kind='secondary' onClick={() => openPage(PAGES.rightsArticle, { slug: c.articleSlug ?? '' })}>
                    看职工读的文章
                  </AppButton>
                )}
                {c.status === 'submitted' && (
                  <AppButton kind='secondary' onClick={() => void claim()}>
                    我来处理
                  </AppButton>
                )}
                {message && <Text className='field-error'>{message}</Text>}
              </View>
              {c.answer ? (
                <View className='card'>
                  <Text className='rt-section'>已答复</Text>
                  <Text style={{ display: 'block' }}>{c.answer.text}</Text>
                  <Text className='muted' style={{ display: 'block' }}>
                    {c.answer.by} · {whenText(c.answer.at)}
                    {c.rating ? ` · 职工评价：${ANSWER_RATINGS[c.rating]}` : ''}
                  </Text>
                </View>
              ) : (
                <AnswerForm c={c} onDone={setUpdated} />
              )}
            </View>
          );
        }}
      </AsyncView>
      <AppButton kind='secondary' onClick={() => openPage(PAGES.rightsStaffCases)}>
        全部咨询
      </AppButton>
    </PageShell>
  );
}
