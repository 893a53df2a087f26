/**
 * The rights function through the local cloud (real wx-server-sdk, several instances): articles,
 * search, votes, favourites, consultations and the staff side.
 */
import { ARTICLES } from '../../content/articles';
import { RIGHTS_LIMITS, type ArticleDraft } from '../../contract/rights/model';
import { initialStatus } from '../../server/domain/rights/shipped-articles';
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import type { Identity } from '../../local-cloud';

// Publishing rebuilds the search index in every instance (30 articles): seconds on a busy machine.
jest.setTimeout(60_000);

let cloud: TestCloud;
let admin: Identity;
let centreStaff: Identity;

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true });
  admin = await cloud.makeStaff('法律顾问', 'admin');
  centreStaff = await cloud.makeStaff('小李', 'centre_staff', ['jiujiang']);
}, 90000);

afterAll(async () => {
  await cloud?.destroy();
});

function ok<T>(res: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data;
}

function code(res: { ok: boolean; error?: { code: string } }): string | undefined {
  return res.ok ? 'OK' : res.error?.code;
}

let requestSeq = 0;
const rid = () => `req-${Date.now().toString(36)}-${(requestSeq += 1)}`;

describe('articles', () => {
  it('the 维权 tab lists every category with counts, featured and most-read articles (no sign-in needed)', async () => {
    const home = ok(await cloud.call('rights', 'home', {}, null));
    // Unreviewed new content from content/ is a staff-only draft (docs/rights.md).
    expect(home.categories.reduce((n, c) => n + c.count, 0)).toBe(ARTICLES.filter((a) => initialStatus(a) === 'published').length);
    expect(home.featured.map((a) => a.slug)).toContain('work-injury-claim');
    expect(home.popular.length).toBeGreaterThan(0);
    expect(home.hotline).toBe('12351');
    const injury = ok(await cloud.call('rights', 'category', { category: 'injury' }, null));
    expect(injury.map((a) => a.slug).sort()).toEqual(['injury-without-insurance', 'work-injury-claim']);
  });

  it('shows the article with its related articles, the caller\'s vote and favourite', async () => {
    const first = ok(await cloud.call('rights', 'article', { slug: 'unpaid-wages' }, worker('reader')));
    expect(first.related.map((r) => r.slug)).toEqual(['labor-arbitration-steps', 'migrant-union-help', 'quit-job-properly', 'blank-contract-wage-mismatch']);
    expect(first.basis.length).toBeGreaterThan(3);
    expect(first.myVote).toBeNull();
    expect(first.favourite).toBe(false);
  });

  it('counts a read once per worker per article per Shanghai day, whatever the reloads and concurrent calls', async () => {
    const slug = 'overtime-pay';
    const stored = () => cloud.db.find('rights_articles', { _id: slug })[0].reads as number;
    const before = stored();
    const once = worker('reload-reader');
    // Eight loads at once (reloads, a second tab) reach several instances: one read.
    const views = await Promise.all(Array.from({ length: 8 }, () => cloud.call('rights', 'article', { slug }, once)));
    expect(views.map((v) => v.ok)).toEqual(Array(8).fill(true));
    expect(stored()).toBe(before + 1);
    // What the page shows is the stored count, the worker's own read included.
    expect(ok(await cloud.call('rights', 'article', { slug }, once)).reads).toBe(before + 1);
    // Another worker is another read; a call without an identity cannot be told from a reload.
    await Promise.all([cloud.call('rights', 'article', { slug }, worker('second-reader')), cloud.call('rights', 'article', { slug }, worker('second-reader'))]);
    ok(await cloud.call('rights', 'article', { slug }, null));
    expect(stored()).toBe(before + 2);
    // Reading another article counts there, not here.
    ok(await cloud.call('rights', 'article', { slug: 'unpaid-wages' }, once));
    expect(stored()).toBe(before + 2);
    // The next Shanghai day the same worker counts again; the events timer removes the ended day's marks.
    const marks = cloud.db.find('rights_reads', {}).length;
    cloud.setTimeOffset(24 * 60 * 60 * 1000);
    try {
      await Promise.all([cloud.call('rights', 'article', { slug }, once), cloud.call('rights', 'article', { slug }, once)]);
      expect(stored()).toBe(before + 3);
      await cloud.runTimer('events');
      expect(cloud.db.find('rights_reads', {})).toHaveLength(1);
      expect(marks).toBeGreaterThan(1);
    } finally {
      cloud.setTimeOffset(0);
    }
  });

  it('answers ARTICLE_NOT_FOUND for a slug that does not exist, and refuses a malformed slug', async () => {
    expect(code(await cloud.call('rights', 'article', { slug: 'no-such-article' }, null))).toBe('ARTICLE_NOT_FOUND');
    expect(code(await cloud.call('rights', 'article', { slug: '../etc' }, null))).toBe('BAD_INPUT');
  });

  it('takes one vote per worker per article, even when the same worker presses many times at once', async () => {
    const slug = 'overtime-pay';
    const before = ok(await cloud.call('rights', 'article', { slug }, null));
    const voters = Array.from({ length: 6 }, (_, i) => worker(`voter-${i}`));
    // Each voter presses 有用 three times at once.
    await Promise.all(voters.flatMap((who) => [1, 2, 3].map(() => cloud.call('rights', 'vote', { slug, vote: 'up' }, who))));
    const after = ok(await cloud.call('rights', 'article', { slug }, voters[0]));
    expect(after.helpful).toBe(before.helpful + voters.length);
    expect(after.myVote).toBe('up');
    // A change of mind is not a second vote.
    const again = ok(await cloud.call('rights', 'vote', { slug, vote: 'down', reason: 'hard-to-read' }, voters[0]));
    expect(again).toEqual({ helpful: after.helpful, unhelpful: after.unhelpful, myVote: 'up' });
  });

  it('records 没用 with its reason for staff, and refuses a risky reason text', async () => {
    const res = ok(
      await cloud.call('rights', 'vote', { slug: 'probation-rules', vote: 'down', reason: 'not-my-case', text: '我是做保洁的，没讲到小时工' }, worker('critic')),
    );
    expect(res.myVote).toBe('down');
    expect(res.unhelpful).toBe(1);
    expect(code(await cloud.call('rights', 'vote', { slug: 'probation-rules', vote: 'down', text: '来赌博吧' }, worker('spam')))).toBe('TEXT_REFUSED');
    const insights = ok(await cloud.call('rights', 'staffInsights', {}, centreStaff));
    expect(insights.unhelpful[0]).toMatchObject({ slug: 'probation-rules', reason: 'not-my-case', reasonLabel: '没说到我的情况', text: '我是做保洁的，没讲到小时工' });
    expect(insights.unhelpful[0].title).toContain('试用期');
  });

  it('keeps favourites per worker (set twice = once; off removes it)', async () => {
    const who = worker('collector');
    ok(await cloud.call('rights', 'favourite', { slug: 'paid-annual-leave', on: true }, who));
    ok(await cloud.call('rights', 'favourite', { slug: 'paid-annual-leave', on: true }, who));
    ok(await cloud.call('rights', 'favourite', { slug: 'labor-dispatch', on: true }, who));
    expect(ok(await cloud.call('rights', 'myFavourites', {}, who)).map((a) => a.slug).sort()).toEqual(['labor-dispatch', 'paid-annual-leave']);
    expect(ok(await cloud.call('rights', 'article', { slug: 'labor-dispatch' }, who)).favourite).toBe(true);
    ok(await cloud.call('rights', 'favourite', { slug: 'labor-dispatch', on: false }, who));
    expect(ok(await cloud.call('rights', 'myFavourites', {}, who)).map((a) => a.slug)).toEqual(['paid-annual-leave']);
    expect(ok(await cloud.call('rights', 'myFavourites', {}, worker('other')))).toEqual([]);
    expect(code(await cloud.call('rights', 'favourite', { slug: 'labor-dispatch', on: true }, null))).toBe('NOT_SIGNED_IN');
  });
});

describe('search through the function', () => {
  it('finds articles in workers\' words, typos included', async () => {
    const res = ok(await cloud.call('rights', 'search', { q: '公伤怎么申请' }, null));
    expect(res.results.slice(0, 3).map((r) => r.slug)).toContain('work-injury-claim');
    expect(res.corrections).toContainEqual({ typed: '公伤', term: '工伤' });
    expect(ok(await cloud.call('rights', 'search', { q: '被炒鱿鱼有赔偿吗' }, null)).results[0].slug).toBe('dismissal-compensation');
    expect(ok(await cloud.call('rights', 'search', { q: '   ' }, null))).toEqual({ query: '', results: [], corrections: [] });
  });

  it('records a zero-result query once per normalised query, counting repeats with _.inc', async () => {
    await Promise.all([
      cloud.call('rights', 'search', { q: '天气预报' }, null),
      cloud.call('rights', 'search', { q: '天气预报 ' }, worker(1)),
      cloud.call('rights', 'search', { q: '天氣預報' }, worker(2)),
    ]);
    const insights = ok(await cloud.call('rights', 'staffInsights', {}, admin));
    const miss = insights.misses.find((m) => m.query === '天气预报');
    expect(miss?.count).toBe(3);
    expect(cloud.db.find('rights_search_misses', { query: '天气预报' })).toHaveLength(1);
  });

  it('refuses an over-long query at the door', async () => {
    expect(code(await cloud.call('rights', 'search', { q: '工'.repeat(RIGHTS_LIMITS.queryMax + 1) }, null))).toBe('BAD_INPUT');
  });
});

describe('staff: writing, publishing and retiring articles', () => {
  const draft: ArticleDraft = {
    slug: 'heatstroke-allowance',
    category: 'hours',
    title: '夏天车间太热，有没有高温津贴？',
    question: '车间里四十度，厂里说没有高温补贴。',
    shortAnswer: '广东每年6月至10月，高温天气下露天作业或室内温度降不到33℃以下的，单位要发高温津贴。',
    steps: ['记下车间温度和日期。', '找工会或打12351咨询。'],
    evidence: ['温度照片', '工资条'],
    deadlines: [],
    basis: [{ law: '《防暑降温措施管理办法》', article: '第十七条', version: '安监总安健〔2012〕89号', gist: '高温天气作业要发高温津贴。' }],
    localNotes: [],
    case: { title: '注塑车间的高温津贴（改编）', story: '车间很热，没有补贴。', outcome: '工会协调后补发。' },
    keywords: ['高温补贴', '防暑', '中暑'],
    related: ['overtime-pay'],
    author: '工会法律服务团队',
    effectiveLawCheckedAt: '2026-11-20',
    featured: false,
  };

  it('only admins write articles; centre staff can read the list', async () => {
    expect(code(await cloud.call('rights', 'staffSaveArticle', { draft, isNew: true }, centreStaff))).toBe('FORBIDDEN');
    expect(code(await cloud.call('rights', 'staffSaveArticle', { draft, isNew: true }, worker(1)))).toBe('FORBIDDEN');
    const rows = ok(await cloud.call('rights', 'staffArticles', {}, centreStaff));
    expect(rows.length).toBeGreaterThanOrEqual(ARTICLES.length);
  });

  it('refuses related links to articles that do not exist (a dead end for the worker)', async () => {
    const res = await cloud.call('rights', 'staffSaveArticle', { draft: { ...draft, related: ['overtime-pay', 'no-such-article'] }, isNew: true }, admin);
    expect(code(res)).toBe('RELATED_NOT_FOUND');
    if (!res.ok) expect(res.error.fields?.['draft.related']).toContain('no-such-article');
  });

  it('a new article is a draft nobody finds; publishing shows it in the next search of every instance', async () => {
    const saved = ok(await cloud.call('rights', 'staffSaveArticle', { draft, isNew: true }, admin));
    expect(saved.status).toBe('draft');
    expect(code(await cloud.call('rights', 'staffSaveArticle', { draft, isNew: true }, admin))).toBe('SLUG_TAKEN');
    const hidden = ok(await cloud.call('rights', 'search', { q: '高温补贴' }, null));
    expect(hidden.results.map((r) => r.slug)).not.toContain(draft.slug);
    expect(code(await cloud.call('rights', 'article', { slug: draft.slug }, null))).toBe('ARTICLE_NOT_FOUND');

    ok(await cloud.call('rights', 'staffSetArticleStatus', { slug: draft.slug, status: 'published' }, admin));
    // Several searches at once land on several instances: every one must see the new article.
    const answers = await Promise.all(Array.from({ length: 6 }, () => cloud.call('rights', 'search', { q: '车间太热有高温补贴吗' }, null)));
    for (const a of answers) expect(ok(a).results[0]?.slug).toBe(draft.slug);

    ok(await cloud.call('rights', 'staffSaveArticle', { draft: { ...draft, title: '夏天车间太热，高温津贴怎么拿？', keywords: ['高温补贴', '防暑降温费'] }, isNew: false }, admin));
    const edited = ok(await cloud.call('rights', 'search', { q: '防暑降温费' }, null));
    expect(edited.results[0]).toMatchObject({ slug: draft.slug, title: '夏天车间太热，高温津贴怎么拿？' });

    ok(await cloud.call('rights', 'staffSetArticleStatus', { slug: draft.slug, status: 'retired' }, admin));
    const gone = ok(await cloud.call('rights', 'search', { q: '防暑降温费' }, null));
    expect(gone.results.map((r) => r.slug)).not.toContain(draft.slug);
    const row = ok(await cloud.call('rights', 'staffArticles', {}, admin)).find((r) => r.slug === draft.slug);
    expect(row).toMatchObject({ status: 'retired', review: { state: 'draft-unreviewed' }, reviewDue: null, reviewNeeded: true });
  });

  it('re-seeding never overwrites what staff changed', async () => {
    ok(await cloud.call('rights', 'staffSetArticleStatus', { slug: 'labor-dispatch', status: 'retired' }, admin));
    await cloud.seed();
    const row = ok(await cloud.call('rights', 'staffArticle', { slug: 'labor-dispatch' }, admin));
    expect(row.status).toBe('retired');
    ok(await cloud.call('rights', 'staffSetArticleStatus', { slug: 'labor-dispatch', status: 'published' }, admin));
  });
});

describe('consultations', () => {
  const question = {
    category: 'wages' as const,
    description: '厂里两个月没发工资了，老板说等货款回来再发，我们该怎么办？',
    anonymous: false,
    noEmployerContact: true,
    phone: '13812345678',
  };

  it('checks the form at the door: length, phone, category', async () => {
    const short = await cloud.call('rights', 'ask', { ...question, description: '没发工资', requestId: rid() }, worker('asker'));
    expect(code(short)).toBe('BAD_INPUT');
    if (!short.ok) expect(short.error.fields?.description).toMatch(/[\u4e00-\u9fff]/);
    const phone = await cloud.call('rights', 'ask', { ...question, phone: '12345', requestId: rid() }, worker('asker'));
    if (!phone.ok) expect(phone.error.fields?.phone).toMatch(/1开头的11位/);
    expect(code(phone)).toBe('BAD_INPUT');
    expect(code(await cloud.call('rights', 'ask', { ...question, phone: '10012345678', requestId: rid() }, worker('asker')))).toBe('BAD_INPUT');
    expect(code(await cloud.call('rights', 'ask', { ...question, requestId: rid() }, null))).toBe('NOT_SIGNED_IN');
  });

  it('a 工伤 question tells health information: refused without its own tick, filed with it and the time kept', async () => {
    const who = worker('injured');
    const injury = { ...question, category: 'injury' as const, description: '我在车间被机器压伤了左手，厂里不给报工伤，我该怎么办？' };
    const refused = await cloud.call('rights', 'ask', { ...injury, requestId: rid() }, who);
    expect(code(refused)).toBe('SENSITIVE_CONSENT_REQUIRED');
    if (!refused.ok) expect(refused.error.message).toContain('健康信息');
    expect(ok(await cloud.call('rights', 'myConsultations', {}, who))).toEqual([]);
    const asked = ok(await cloud.call('rights', 'ask', { ...injury, sensitiveConsent: true, requestId: rid() }, who));
    expect(asked.category).toBe('injury');
    const [stored] = cloud.db.find('rights_consultations', { _id: asked.id });
    expect(stored.sensitiveConsentAt).toBeDefined();
    // A 工资 question carries nothing sensitive: no tick needed, none kept.
    const wages = ok(await cloud.call('rights', 'ask', { ...question, requestId: rid() }, who));
    expect(cloud.db.find('rights_consultations', { _id: wages.id })[0].sensitiveConsentAt).toBeUndefined();
  });

  it('refuses risky text with a plain message and flags review text for staff', async () => {
    const risky = await cloud.call('rights', 'ask', { ...question, description: '有人拉我去赌博，欠了钱怎么办才好', requestId: rid() }, worker('risky'));
    expect(code(risky)).toBe('TEXT_REFUSED');
    const review = ok(await cloud.call('rights', 'ask', { ...question, description: '中介说加微信刷单就能拿回工资，是真的吗', requestId: rid() }, worker('review')));
    const staffView = ok(await cloud.call('rights', 'staffConsultation', { id: review.id }, centreStaff));
    expect(staffView.flagged).toBe(true);
    expect(cloud.openapi.calls.some((c) => c.api === 'security.msgSecCheck')).toBe(true);
  });

  it('a retried submit (same request id) is the same case and costs no extra quota', async () => {
    const who = worker('retry');
    const requestId = rid();
    const [a, b] = await Promise.all([
      cloud.call('rights', 'ask', { ...question, requestId }, who),
      cloud.call('rights', 'ask', { ...question, requestId }, who),
    ]);
    expect(ok(a).id).toBe(ok(b).id);
    expect(ok(await cloud.call('rights', 'myConsultations', {}, who))).toHaveLength(1);
    // Two more distinct questions still fit in today's limit of 3.
    ok(await cloud.call('rights', 'ask', { ...question, requestId: rid() }, who));
    ok(await cloud.call('rights', 'ask', { ...question, requestId: rid() }, who));
    expect(code(await cloud.call('rights', 'ask', { ...question, requestId: rid() }, who))).toBe('DAILY_LIMIT');
    // ...and the first press, retried after the limit, is still answered with its case.
    expect(ok(await cloud.call('rights', 'ask', { ...question, requestId }, who)).id).toBe(ok(a).id);
  });

  it(`lets exactly ${RIGHTS_LIMITS.consultationsPerDay} of many simultaneous questions through per worker per day`, async () => {
    const who = worker('burst');
    const answers = await Promise.all(Array.from({ length: 8 }, () => cloud.call('rights', 'ask', { ...question, requestId: rid() }, who)));
    expect(answers.filter((a) => a.ok)).toHaveLength(RIGHTS_LIMITS.consultationsPerDay);
    expect(answers.filter((a) => code(a) === 'DAILY_LIMIT')).toHaveLength(8 - RIGHTS_LIMITS.consultationsPerDay);
    expect(ok(await cloud.call('rights', 'myConsultations', {}, who))).toHaveLength(RIGHTS_LIMITS.consultationsPerDay);
  });

  it('a worker sees only their own cases', async () => {
    const mine = ok(await cloud.call('rights', 'ask', { ...question, requestId: rid() }, worker('owner')));
    expect(code(await cloud.call('rights', 'consultation', { id: mine.id }, worker('intruder')))).toBe('CONSULTATION_NOT_FOUND');
    expect(code(await cloud.call('rights', 'rate', { id: mine.id, rating: 3 }, worker('intruder')))).toBe('CONSULTATION_NOT_FOUND');
    expect(ok(await cloud.call('rights', 'myConsultations', {}, worker('intruder')))).toEqual([]);
    expect(code(await cloud.call('rights', 'staffConsultations', { status: 'open' }, worker('intruder')))).toBe('FORBIDDEN');
    expect(code(await cloud.call('rights', 'staffAnswer', { id: mine.id, text: '我来冒充工作人员答复一下' }, worker('intruder')))).toBe('FORBIDDEN');
  });

  it('goes 已提交 -> 处理中 -> 已答复 -> 已结束 with a promised answer time; staff see a masked phone', async () => {
    const who = worker('flow');
    ok(await cloud.call('account', 'setNickname', { nickname: '阿芳' }, who));
    const asked = ok(await cloud.call('rights', 'ask', { ...question, requestId: rid() }, who));
    expect(asked.status).toBe('submitted');
    expect(asked.phone).toBe('13812345678');
    expect(asked.dueText).toMatch(/^\d+月\d+日 周[一二三四五] 18:00前$/);
    expect(new Date(asked.dueAt).getTime()).toBeGreaterThan(Date.now());
    expect(code(await cloud.call('rights', 'rate', { id: asked.id, rating: 3 }, who))).toBe('NOT_ANSWERED_YET');

    const open = ok(await cloud.call('rights', 'staffConsultations', { status: 'open' }, centreStaff));
    const row = open.find((c) => c.id === asked.id);
    expect(row).toMatchObject({ maskedPhone: '138****5678', who: '阿芳', noEmployerContact: true, flagged: false });
    expect(JSON.stringify(open)).not.toContain('13812345678');
    expect(JSON.stringify(open)).not.toContain(who.openid);

    expect(ok(await cloud.call('rights', 'staffClaim', { id: asked.id }, centreStaff)).status).toBe('processing');
    expect(ok(await cloud.call('rights', 'consultation', { id: asked.id }, who)).status).toBe('processing');

    // Two staff members answer at once: exactly one answer lands.
    const answers = await Promise.all([
      cloud.call('rights', 'staffAnswer', { id: asked.id, text: '可以向人社部门投诉，也可以申请劳动仲裁，欠薪在职期间不受一年时效限制。' }, centreStaff),
      cloud.call('rights', 'staffAnswer', { id: asked.id, text: '请带上工资流水来九江镇服务中心，我们帮你写仲裁申请。' }, admin),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.map(code)).toContain('ALREADY_ANSWERED');

    const seen = ok(await cloud.call('rights', 'consultation', { id: asked.id }, who));
    expect(seen.status).toBe('answered');
    expect(seen.answer?.text.length).toBeGreaterThan(10);
    expect(seen.history.map((h) => h.status)).toEqual(['submitted', 'processing', 'answered']);

    const rated = ok(await cloud.call('rights', 'rate', { id: asked.id, rating: 3 }, who));
    expect(rated).toMatchObject({ status: 'closed', rating: 3 });
    expect(code(await cloud.call('rights', 'rate', { id: asked.id, rating: 1 }, who))).toBe('CONSULTATION_CLOSED');
    expect(code(await cloud.call('rights', 'staffAnswer', { id: asked.id, text: '再补充一句话，记得保留证据。' }, admin))).toBe('CONSULTATION_CLOSED');
    const list = ok(await cloud.call('rights', 'myConsultations', {}, who));
    expect(list[0]).toMatchObject({ id: asked.id, status: 'closed' });
  });

  it('hides the name of an anonymous asker from staff', async () => {
    const who = worker('shy');
    ok(await cloud.call('account', 'setNickname', { nickname: '真名不想说' }, who));
    const asked = ok(await cloud.call('rights', 'ask', { ...question, anonymous: true, phone: undefined, requestId: rid() }, who));
    const view = ok(await cloud.call('rights', 'staffConsultation', { id: asked.id }, centreStaff));
    expect(view).toMatchObject({ who: '匿名', maskedPhone: '', anonymous: true });
    expect(cloud.db.find('rights_consultations', { _id: asked.id })[0].who).toBe('');
  });
});
