import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { ANSWER_RATINGS, ARTICLE_CATEGORY_LABELS, CONSULTATION_STATUSES, CONSULTATION_STATUS_LABELS, type AnswerRating, type Consultation } from '@contract/rights/model';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { HotlineCard } from '../../../../components/rights/hotline';
import { StatusTag, whenText } from '../../../../components/rights/status';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES } from '../../../../routes';
import { AppButton } from '../../../../components/button';

function Progress({ c }: { c: Consultation }) {
  const reached = CONSULTATION_STATUSES.indexOf(c.status);
  return (
    <View className='rt-steps' aria-label={`进度：${CONSULTATION_STATUS_LABELS[c.status]}`}>
      {CONSULTATION_STATUSES.map((s, i) => (
        <Text key={s} className={i <= reached ? 'rt-steps__step rt-steps__step--done' : 'rt-steps__step'}>
          {CONSULTATION_STATUS_LABELS[s]}
        </Text>
      ))}
    </View>
  );
}

function Rate({ c, onRated }: { c: Consultation; onRated: (c: Consultation) => void }) {
  const [message, setMessage] = useState('');
  async function rate(rating: AnswerRating) {
    const res = await call('rights', 'rate', { id: c.id, rating });
    if (res.ok) onRated(res.data);
    else setMessage(res.error.message);
  }
  return (
    <View data-testid='rate'>
      <Text className='rt-section' style={{ marginTop: '16px' }}>
        这个答复帮到你了吗？
      </Text>
      {([3, 2, 1] as AnswerRating[]).map((r) => (
        <AppButton key={r} kind={r === 3 ? 'primary' : 'secondary'} onClick={() => void rate(r)}>
          {ANSWER_RATINGS[r]}
        </AppButton>
      ))}
      {message && <Text className='field-error'>{message}</Text>}
    </View>
  );
}

export default function RightsCasePage() {
  const { id = '', new: isNew } = usePageParams();
  const { state, reload } = useCall('rights', 'consultation', { id });
  const [rated, setRated] = useState<Consultation | null>(null);
  useDidShow(() => void reload());

  return (
    <PageShell>
      {isNew === '1' && (
        <View className='card' style={{ borderColor: 'var(--color-ok)' }}>
          <Text style={{ display: 'block', color: 'var(--color-ok)', fontWeight: 600 }}>提交成功！</Text>
        </View>
      )}
      <AsyncView state={state} onRetry={reload} emptyText=''>
        {(loaded) => {
          const c = rated ?? loaded;
          return (
            <View data-testid='case'>
              <View className='card'>
                <View style={{ display: 'flex', justifyContent: 'space-between', gap: '16px' }}>
                  <Text className='rt-section'>{ARTICLE_CATEGORY_LABELS[c.category]}</Text>
                  <StatusTag status={c.status} />
                </View>
                <Progress c={c} />
                {(c.status === 'submitted' || c.status === 'processing') && (
                  <Text style={{ display: 'block' }} data-testid='due'>
                    工作人员会在 <Text style={{ fontWeight: 600 }}>{c.dueText}</Text> 答复你（节假日顺延）。
                  </Text>
                )}
                <Text className='muted' style={{ display: 'block' }}>
                  咨询编号 {c.code} · {whenText(c.createdAt)} 提交
                </Text>
              </View>
              <View className='card'>
                <Text className='rt-section'>你的问题</Text>
                <Text style={{ display: 'block' }}>{c.description}</Text>
                <Text className='muted' style={{ display: 'block', marginTop: '8px' }}>
                  {[c.anonymous ? '匿名' : '', c.noEmployerContact ? '不要联系单位' : '', c.phone ? `手机 ${c.phone}` : ''].filter(Boolean).join(' · ')}
                </Text>
                {c.articleSlug && (
                  <AppButton kind='secondary' onClick={() => openPage(PAGES.rightsArticle, { slug: c.articleSlug ?? '' })}>
                    看原来那篇文章
                  </AppButton>
                )}
              </View>
              {c.answer && (
                <View className='card' data-testid='answer' style={{ borderColor: 'var(--color-ok)' }}>
                  <Text className='rt-section'>工会的答复</Text>
                  <Text style={{ display: 'block' }}>{c.answer.text}</Text>
                  <Text className='muted' style={{ display: 'block', marginTop: '8px' }}>
                    {c.answer.by} · {whenText(c.answer.at)}
                  </Text>
                  {c.status === 'answered' && <Rate c={c} onRated={setRated} />}
                  {c.rating && (
                    <Text className='muted' style={{ display: 'block', marginTop: '8px' }}>
                      你的评价：{ANSWER_RATINGS[c.rating]}。谢谢！
                    </Text>
                  )}
                </View>
              )}
            </View>
          );
        }}
      </AsyncView>
      <AppButton kind='secondary' onClick={() => openPage(PAGES.rightsCases)}>
        我的全部咨询
      </AppButton>
      <HotlineCard text='还有疑问，或者情况变急了，打工会热线' />
    </PageShell>
  );
}
