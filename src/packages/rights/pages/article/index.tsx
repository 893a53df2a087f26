import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { ARTICLE_CATEGORY_LABELS, UNHELPFUL_REASONS, type ArticleView, type UnhelpfulReason } from '@contract/rights/model';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { ArticleList } from '../../../../components/rights/article-list';
import { HotlineCard } from '../../../../components/rights/hotline';
import { openAsk, openLegalBooking } from '../../../../components/rights/nav';
import { useCall } from '../../../../hooks/use-call';
import { PAGES, TABS } from '../../../../routes';
import { dayText } from '@contract/time';
import { AppButton } from '../../../../components/button';

function Numbered({ items }: { items: string[] }) {
  return (
    <View className='rt-list'>
      {items.map((item, i) => (
        <View key={i} className='rt-list__item'>
          <Text className='rt-list__mark'>{i + 1}.</Text>
          <Text>{item}</Text>
        </View>
      ))}
    </View>
  );
}

function Bullets({ items }: { items: string[] }) {
  return (
    <View className='rt-list'>
      {items.map((item, i) => (
        <View key={i} className='rt-list__item'>
          <Text className='rt-list__mark'>·</Text>
          <Text>{item}</Text>
        </View>
      ))}
    </View>
  );
}

/** 有用 / 没用 (with an optional reason), once per worker. */
type Votes = Pick<ArticleView, 'helpful' | 'unhelpful' | 'myVote'>;

function Feedback({ article, onVoted }: { article: ArticleView; onVoted: (votes: Votes) => void }) {
  const [myVote, setMyVote] = useState(article.myVote);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<UnhelpfulReason | null>(null);
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function send(vote: 'up' | 'down') {
    setBusy(true);
    setMessage('');
    const res = await call('rights', 'vote', { slug: article.slug, vote, ...(vote === 'down' ? { reason: reason ?? undefined, text: text.trim() || undefined } : {}) });
    setBusy(false);
    if (!res.ok) {
      setMessage(res.error.code === 'NOT_SIGNED_IN' ? '请先在“我的”里登录再评价' : res.error.message);
      return;
    }
    setMyVote(res.data.myVote);
    onVoted(res.data);
    setAsking(false);
  }

  if (myVote) {
    return (
      <View className='card' data-testid='feedback-done'>
        <Text>{myVote === 'up' ? '谢谢！很高兴能帮到你。' : '谢谢你告诉我们，我们会改进这篇文章。'}</Text>
        {myVote === 'down' && (
          <AppButton kind='secondary' onClick={() => openAsk({ category: article.category, slug: article.slug })}>
            没解决？直接问我们
          </AppButton>
        )}
      </View>
    );
  }
  return (
    <View className='card' data-testid='feedback'>
      <Text className='rt-section'>这篇文章对你有用吗？</Text>
      {!asking ? (
        <View className='rt-row'>
          <AppButton disabled={busy} onClick={() => void send('up')}>
            有用
          </AppButton>
          <AppButton kind='secondary' disabled={busy} onClick={() => setAsking(true)}>
            没用
          </AppButton>
        </View>
      ) : (
        <View>
          <Text style={{ display: 'block' }}>哪里不好？（可以不选）</Text>
          <View>
            {(Object.keys(UNHELPFUL_REASONS) as UnhelpfulReason[]).map((r) => (
              <Text key={r} className={reason === r ? 'choice choice--on' : 'choice'} onClick={() => setReason(reason === r ? null : r)}>
                {UNHELPFUL_REASONS[r]}
              </Text>
            ))}
          </View>
          <Textarea
            className='textarea'
            style={{ minHeight: '160px' }}
            value={text}
            maxlength={200}
            placeholder='还想说点什么？（可以不写）'
            onInput={(e) => setText(e.detail.value)}
          />
          <AppButton disabled={busy} onClick={() => void send('down')}>
            提交
          </AppButton>
        </View>
      )}
      {message && <Text className='field-error'>{message}</Text>}
    </View>
  );
}

function FavouriteButton({ article }: { article: ArticleView }) {
  const [on, setOn] = useState(article.favourite);
  const [message, setMessage] = useState('');
  async function toggle() {
    const res = await call('rights', 'favourite', { slug: article.slug, on: !on });
    if (res.ok) {
      setOn(res.data.favourite);
      setMessage('');
      void Taro.showToast({ title: res.data.favourite ? '已收藏' : '已取消收藏', icon: 'none' });
    } else setMessage(res.error.code === 'NOT_SIGNED_IN' ? '请先在“我的”里登录再收藏' : res.error.message);
  }
  return (
    <View style={{ flex: 1 }}>
      <AppButton kind='secondary' onClick={() => void toggle()} data-testid='favourite'>
        {on ? '★ 已收藏' : '☆ 收藏'}
      </AppButton>
      {message && <Text className='field-error'>{message}</Text>}
    </View>
  );
}

/**
 * Who wrote it, and the lawyer's review once there is one. An unreviewed article says nothing
 * about review: "待律师复核" is for staff, never for workers.
 */
/** "12 人看过 · 3 人觉得有用", leaving out a count that is still 0 (a fresh install reads 0 everywhere). */
function readsAndHelpful(reads: number, helpful: number): string {
  return [reads > 0 ? `${reads} 人看过` : '', helpful > 0 ? `${helpful} 人觉得有用` : ''].filter(Boolean).join(' · ');
}

function articleCredit(a: ArticleView): string {
  const reviewed = a.review.state === 'reviewed' ? `；律师复核：${a.review.reviewer}，${dayText(a.review.reviewedAt)}` : '';
  return `整理：${a.author}${reviewed}；法律条文核对到 ${dayText(a.effectiveLawCheckedAt)}`;
}

export default function RightsArticlePage() {
  const slug = usePageParams().slug ?? '';
  const { state, reload } = useCall('rights', 'article', { slug });
  // The worker's own vote shows in the count at once, from the vote's answer.
  const [votes, setVotes] = useState<Votes | null>(null);
  const title = state.status === 'ready' ? state.data.title : '维权普法';
  useShareAppMessage(() => ({ title, path: `${PAGES.rightsArticle}?slug=${slug}` }));
  useShareTimeline(() => ({ title, query: `slug=${slug}` }));

  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} exit={{ tab: TABS.rights, label: '回维权首页' }} emptyText=''>
        {(a) => (
          <View data-testid='article'>
            <View className='card'>
              <Text className='tag'>{ARTICLE_CATEGORY_LABELS[a.category]}</Text>
              <Text className='title' style={{ display: 'block', marginTop: 0 }}>
                {a.title}
              </Text>
              <Text className='muted' style={{ display: 'block' }}>
                {readsAndHelpful(a.reads, votes?.helpful ?? a.helpful)}
              </Text>
              <Text className='muted' style={{ display: 'block', marginTop: '12px' }}>
                职工问：{a.question}
              </Text>
            </View>
            <View className='card'>
              <Text className='rt-section'>先说答案</Text>
              <Text className='rt-answer'>{a.shortAnswer}</Text>
            </View>
            <View className='card'>
              <Text className='rt-section'>一步一步怎么做</Text>
              <Numbered items={a.steps} />
            </View>
            {a.evidence.length > 0 && (
              <View className='card'>
                <Text className='rt-section'>要留好的证据</Text>
                <Bullets items={a.evidence} />
              </View>
            )}
            {a.deadlines.length > 0 && (
              <View className='card'>
                <Text className='rt-section'>期限，别错过</Text>
                {a.deadlines.map((d, i) => (
                  <View key={i} className='rt-basis'>
                    <Text style={{ display: 'block', fontWeight: 600 }}>{d.what}</Text>
                    <Text style={{ display: 'block' }}>{d.limit}</Text>
                    <Text className='muted' style={{ display: 'block' }}>
                      依据：{d.basis}
                    </Text>
                  </View>
                ))}
                <AppButton kind='secondary' onClick={() => Taro.navigateTo({ url: PAGES.rightsDeadlines })}>
                  帮我算日子
                </AppButton>
              </View>
            )}
            <View className='card'>
              <Text className='rt-section'>真实案例</Text>
              <Text style={{ display: 'block', fontWeight: 600 }}>{a.case.title}</Text>
              <Text style={{ display: 'block', marginTop: '8px' }}>{a.case.story}</Text>
              <Text style={{ display: 'block', marginTop: '8px' }}>结果：{a.case.outcome}</Text>
            </View>
            {a.localNotes.length > 0 && (
              <View className='card'>
                <Text className='rt-section'>广东、佛山的规定</Text>
                <Bullets items={a.localNotes} />
              </View>
            )}
            <View className='card'>
              <Text className='rt-section'>法律依据</Text>
              {a.basis.map((b, i) => (
                <View key={i} className='rt-basis'>
                  <Text style={{ display: 'block', fontWeight: 600 }}>
                    {b.law}
                    {b.article}
                  </Text>
                  <Text style={{ display: 'block' }}>{b.gist}</Text>
                  <Text className='muted' style={{ display: 'block' }}>
                    {b.version}
                  </Text>
                </View>
              ))}
              <Text className='muted' style={{ display: 'block', marginTop: '12px' }}>
                {articleCredit(a)}
              </Text>
            </View>

            <View className='card'>
              <Text className='rt-section'>还是不放心？</Text>
              <AppButton onClick={() => openLegalBooking(a.title)} data-testid='book-legal'>
                预约法律咨询（到服务中心面谈）
              </AppButton>
              <AppButton kind='secondary' onClick={() => openAsk({ category: a.category, slug: a.slug })} data-testid='ask'>
                在线提问，工作人员答复
              </AppButton>
            </View>

            <Feedback article={a} onVoted={setVotes} />

            <View className='rt-row'>
              <FavouriteButton article={a} />
              {process.env.TARO_ENV === 'weapp' ? (
                <AppButton kind='secondary' openType='share' style={{ flex: 1 }}>
                  分享给工友
                </AppButton>
              ) : (
                <AppButton
                  kind='secondary'
                  style={{ flex: 1 }}
                  onClick={() => void Taro.setClipboardData({ data: `${a.title}（职工·家 小程序 · 维权普法）` })}
                >
                  复制标题分享
                </AppButton>
              )}
            </View>

            {a.related.length > 0 && (
              <View className='card'>
                <Text className='rt-section'>相关问题</Text>
                <ArticleList articles={a.related} />
              </View>
            )}
          </View>
        )}
      </AsyncView>
      <HotlineCard />
    </PageShell>
  );
}
