import { useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { useRequestId } from '../../../../hooks/use-request-id';
import {
  ARTICLE_CATEGORIES,
  ARTICLE_CATEGORY_LABELS,
  ARTICLE_REVIEW_LABELS,
  ARTICLE_STATUS_LABELS,
  type ArticleCategory,
  type ArticleDraft,
  type ArticleStatus,
  type StaffArticle,
} from '@contract/rights/model';
import { dayText, shanghaiDay } from '@contract/time';
import { call } from '../../../../api/call';
import { PageShell } from '../../../../components/page-shell';
import { openPage, PAGES } from '../../../../routes';
import { AppButton } from '../../../../components/button';
// the rt- classes below: this page uses no rights component that would bring them
import '../../../../components/rights/rights.scss';
import { formMessage } from '../../../../api/form-message';

/**
 * The article editor. Lists are one item per line; structured lines use ' | ' between parts:
 *   期限  what | limit | basis        法律依据  law | article | version | gist
 */
interface Form {
  slug: string;
  category: ArticleCategory;
  title: string;
  question: string;
  shortAnswer: string;
  steps: string;
  evidence: string;
  deadlines: string;
  basis: string;
  localNotes: string;
  caseTitle: string;
  caseStory: string;
  caseOutcome: string;
  keywords: string;
  related: string;
  author: string;
  effectiveLawCheckedAt: string;
  featured: boolean;
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const parts = (line: string) => line.split('|').map((p) => p.trim());

function emptyForm(): Form {
  const today = shanghaiDay();
  return {
    slug: '', category: 'wages', title: '', question: '', shortAnswer: '', steps: '', evidence: '', deadlines: '', basis: '',
    localNotes: '', caseTitle: '', caseStory: '', caseOutcome: '', keywords: '', related: '',
    author: '九江镇总工会法律服务团队', effectiveLawCheckedAt: today, featured: false,
  };
}

function toForm(a: StaffArticle): Form {
  return {
    slug: a.slug,
    category: a.category,
    title: a.title,
    question: a.question,
    shortAnswer: a.shortAnswer,
    steps: a.steps.join('\n'),
    evidence: a.evidence.join('\n'),
    deadlines: a.deadlines.map((d) => [d.what, d.limit, d.basis].join(' | ')).join('\n'),
    basis: a.basis.map((b) => [b.law, b.article, b.version, b.gist].join(' | ')).join('\n'),
    localNotes: a.localNotes.join('\n'),
    caseTitle: a.case.title,
    caseStory: a.case.story,
    caseOutcome: a.case.outcome,
    keywords: a.keywords.join('、'),
    related: a.related.join('、'),
    author: a.author,
    effectiveLawCheckedAt: a.effectiveLawCheckedAt,
    featured: a.featured,
  };
}

function toDraft(f: Form): ArticleDraft {
  const list = (text: string) => text.split(/[、,，\s]+/).map((s) => s.trim()).filter(Boolean);
  return {
    slug: f.slug.trim(),
    category: f.category,
    title: f.title,
    question: f.question,
    shortAnswer: f.shortAnswer,
    steps: lines(f.steps),
    evidence: lines(f.evidence),
    deadlines: lines(f.deadlines).map((l) => {
      const [what = '', limit = '', basis = ''] = parts(l);
      return { what, limit, basis };
    }),
    basis: lines(f.basis).map((l) => {
      const [law = '', article = '', version = '', ...gist] = parts(l);
      return { law, article, version, gist: gist.join(' | ') };
    }),
    localNotes: lines(f.localNotes),
    case: { title: f.caseTitle, story: f.caseStory, outcome: f.caseOutcome },
    keywords: list(f.keywords),
    related: list(f.related),
    author: f.author,
    effectiveLawCheckedAt: f.effectiveLawCheckedAt,
    featured: f.featured,
  };
}

type TextKey = Exclude<keyof Form, 'category' | 'featured'>;

export default function RightsStaffArticlePage() {
  const initialSlug = usePageParams().slug ?? '';
  const [isNew, setIsNew] = useState(!initialSlug);
  const [form, setForm] = useState<Form>(emptyForm);
  const [status, setStatus] = useState<ArticleStatus>('draft');
  // The stored version: its review state, and the updatedAt the lawyer's sign-off names.
  const [saved, setSaved] = useState<StaffArticle | null>(null);
  const [loading, setLoading] = useState(Boolean(initialSlug));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  // One id per 保存 of a new article: a double tap or a retry makes one article.
  const press = useRequestId();

  useEffect(() => {
    if (!initialSlug) return;
    void call('rights', 'staffArticle', { slug: initialSlug }).then((res) => {
      setLoading(false);
      if (res.ok) {
        setForm(toForm(res.data));
        setStatus(res.data.status);
        setSaved(res.data);
      } else setMessage(res.error.message);
    });
  }, [initialSlug]);

  const set = (key: TextKey) => (e: { detail: { value: string } }) => setForm((f) => ({ ...f, [key]: e.detail.value }));

  function field(key: TextKey, label: string, opts: { long?: boolean; hint?: string } = {}) {
    const error = errors[`draft.${key}`] ?? errors[`draft.${key.replace(/^case(.)/, (_m, c: string) => `case.${c.toLowerCase()}`)}`];
    return (
      <View key={key} style={{ marginBottom: '12px' }}>
        <Text style={{ display: 'block', fontWeight: 600 }}>{label}</Text>
        {opts.hint && <Text className='muted' style={{ display: 'block' }}>{opts.hint}</Text>}
        {opts.long ? (
          <Textarea className='textarea' value={form[key]} maxlength={-1} onInput={set(key)} aria-label={label} name={key} />
        ) : (
          <Input className='input' value={form[key]} onInput={set(key)} aria-label={label} name={key} disabled={key === 'slug' && !isNew} />
        )}
        {error && <Text className='field-error'>{error}</Text>}
      </View>
    );
  }

  async function save() {
    setBusy(true);
    setMessage('');
    const res = await call('rights', 'staffSaveArticle', { draft: toDraft(form), isNew, ...(isNew ? { requestId: press.requestId() } : {}) });
    press.answered(res);
    setBusy(false);
    if (!res.ok) {
      setErrors(res.error.fields ?? {});
      setMessage(formMessage(res.error, (f) => f.startsWith('draft.')));
      return;
    }
    setErrors({});
    setIsNew(false);
    setStatus(res.data.status);
    setSaved(res.data);
    void Taro.showToast({ title: '已保存', icon: 'success' });
  }

  async function changeStatus(next: ArticleStatus) {
    setBusy(true);
    const res = await call('rights', 'staffSetArticleStatus', { slug: form.slug, status: next });
    setBusy(false);
    if (res.ok) {
      setStatus(res.data.status);
      setSaved(res.data);
    } else setMessage(res.error.message);
  }

  async function markReviewed() {
    if (!saved) return;
    setBusy(true);
    setMessage('');
    const res = await call('rights', 'staffReviewArticle', { slug: saved.slug, updatedAt: saved.updatedAt });
    setBusy(false);
    if (res.ok) {
      setSaved(res.data);
      void Taro.showToast({ title: '已复核', icon: 'success' });
    } else setMessage(res.error.message);
  }

  if (loading) {
    return (
      <PageShell>
        <View className='card'>
          <Text className='muted'>正在加载…</Text>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell>
      {saved && (
        <View className='card' data-testid='review'>
          <Text className='rt-section'>律师复核</Text>
          {saved.review.state === 'reviewed' ? (
            <Text style={{ display: 'block' }}>
              {ARTICLE_REVIEW_LABELS.reviewed}：{saved.review.reviewer}，{dayText(saved.review.reviewedAt)}（下次复核 {saved.reviewDue ? dayText(saved.reviewDue) : '—'}）
            </Text>
          ) : (
            <View>
              <Text style={{ display: 'block', color: 'var(--color-warn)', fontWeight: 600 }}>{ARTICLE_REVIEW_LABELS['draft-unreviewed']}</Text>
              <Text className='muted' style={{ display: 'block' }}>
                保存过的这一版还没有律师看过。职工看不到这个状态；没发布的文章只有工作人员能看到。
              </Text>
              <AppButton disabled={busy} onClick={() => void markReviewed()} data-testid='mark-reviewed'>
                我是律师：已看过保存的这一版，确认复核
              </AppButton>
            </View>
          )}
          <Text className='muted' style={{ display: 'block' }}>改过内容再保存，需要重新复核。</Text>
        </View>
      )}
      <View className='card'>
        <Text className='rt-section'>{isNew ? '写新文章' : `编辑（${ARTICLE_STATUS_LABELS[status]}）`}</Text>
        {field('slug', '编号', { hint: '英文小写和短横线，如 heat-allowance；保存后不能改' })}
        <Text style={{ display: 'block', fontWeight: 600 }}>分类</Text>
        <View>
          {ARTICLE_CATEGORIES.map((c) => (
            <Text key={c} className={form.category === c ? 'choice choice--on' : 'choice'} onClick={() => setForm((f) => ({ ...f, category: c }))}>
              {ARTICLE_CATEGORY_LABELS[c]}
            </Text>
          ))}
        </View>
        {field('title', '标题（职工会怎么问）')}
        {field('question', '职工的处境', { long: true })}
        {field('shortAnswer', '先说答案（80字以内）', { long: true })}
        {field('steps', '怎么做（一行一步）', { long: true })}
        {field('evidence', '要留的证据（一行一条）', { long: true })}
        {field('deadlines', '期限（一行一条：事项 | 期限 | 依据）', { long: true })}
        {field('basis', '法律依据（一行一条：法律 | 第几条 | 版本 | 说了什么）', { long: true })}
        {field('localNotes', '广东、佛山的规定（一行一条）', { long: true })}
        {field('caseTitle', '案例标题')}
        {field('caseStory', '案例经过', { long: true })}
        {field('caseOutcome', '案例结果', { long: true })}
        {field('keywords', '职工的说法（用、隔开，用于搜索）')}
        {field('related', '相关文章编号（用、隔开）')}
        {field('author', '整理人（职工能看到）')}
        {field('effectiveLawCheckedAt', '法律条文核对日期（如 2026-01-31）')}
        <View className='rt-check' onClick={() => setForm((f) => ({ ...f, featured: !f.featured }))} aria-role='checkbox' aria-checked={form.featured}>
          <Text className='rt-check__box'>{form.featured ? '☑' : '☐'}</Text>
          <Text>在维权首页推荐</Text>
        </View>
        {message && <Text className='field-error'>{message}</Text>}
        <AppButton disabled={busy} onClick={() => void save()}>
          保存
        </AppButton>
        {!isNew && (
          <View className='rt-row'>
            {status !== 'published' && (
              <AppButton kind='secondary' disabled={busy} onClick={() => void changeStatus('published')}>
                {saved?.review.state === 'reviewed' ? '发布' : '发布（还没经律师复核）'}
              </AppButton>
            )}
            {status === 'published' && (
              <AppButton kind='secondary' disabled={busy} onClick={() => void changeStatus('retired')}>
                下架
              </AppButton>
            )}
            {status === 'published' && (
              <AppButton kind='secondary' onClick={() => openPage(PAGES.rightsArticle, { slug: form.slug })}>
                看效果
              </AppButton>
            )}
          </View>
        )}
      </View>
    </PageShell>
  );
}
