/**
 * The article review process and the content sync, through the local cloud (real wx-server-sdk):
 * the lawyer's sign-off (admin only, audited at the door, refused on a version they did not read),
 * what workers see of the review state, what unreviewed new content does, and how a content fix
 * reaches a running database without overwriting a staff edit.
 */
import path from 'node:path';
import { ARTICLES, type LegalArticle } from '../../content/articles';
import type { ArticleSyncReport } from '../../contract/rights/model';
import { PUBLISHED_BEFORE_REVIEW } from '../../server/domain/rights/shipped-articles';
import { okOf as ok, startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import type { Identity } from '../../local-cloud';

let cloud: TestCloud;
let lawyer: Identity;
let admin: Identity;
let centreStaff: Identity;

// Each sync runs a release script in its own process (cloud.exec): seconds each on a busy machine.
jest.setTimeout(60_000);

const SYNC = path.join(__dirname, '..', 'fixtures', 'sync-changed-articles.ts');
const sync = (changes: Array<{ slug: string; shortAnswer: string }>, added?: LegalArticle) =>
  cloud.exec(SYNC, [JSON.stringify(changes), ...(added ? [JSON.stringify(added)] : [])]) as Promise<ArticleSyncReport>;

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true });
  lawyer = await cloud.makeStaff('陈律师', 'admin');
  admin = await cloud.makeStaff('管理员小何', 'admin');
  centreStaff = await cloud.makeStaff('小李', 'centre_staff', ['jiujiang']);
}, 90000);

afterAll(async () => {
  await cloud?.destroy();
});

function code(res: { ok: boolean; error?: { code: string } }): string | undefined {
  return res.ok ? 'OK' : res.error?.code;
}

function auditOf(action: string) {
  return cloud.db.find('audit', { fn: 'rights', action }) as Array<{ outcome: string; name: string; openid: string; note?: Record<string, unknown> }>;
}

describe('the seed: what workers see of the review state', () => {
  it('publishes the articles workers read before reviews existed, unreviewed, and never shows 待律师复核', async () => {
    const home = ok(await cloud.call('rights', 'home', {}, null));
    // Published: the articles live before reviews existed (and any content/ marks reviewed); the rest are staff-only drafts.
    const published = ARTICLES.filter((a) => PUBLISHED_BEFORE_REVIEW.has(a.slug) || a.review.state === 'reviewed');
    expect(home.categories.reduce((n, c) => n + c.count, 0)).toBe(published.length);
    const rows = ok(await cloud.call('rights', 'staffArticles', {}, centreStaff));
    for (const a of ARTICLES) expect(rows.find((r) => r.slug === a.slug)?.status).toBe(published.includes(a) ? 'published' : 'draft');
    const view = ok(await cloud.call('rights', 'article', { slug: 'paid-annual-leave' }, worker('reader')));
    expect(view.review).toEqual({ state: 'draft-unreviewed' });
    expect(view.author).toBe('九江镇总工会法律服务团队');
    expect(JSON.stringify(view)).not.toContain('待律师复核');
    const row = rows.find((r) => r.slug === 'paid-annual-leave');
    expect(row).toMatchObject({ status: 'published', review: { state: 'draft-unreviewed' }, reviewNeeded: true, shippedUpdateKept: false });
  });
});

describe('the lawyer marks an article reviewed', () => {
  it('is refused to a worker and to centre staff, and every call is audited at the door', async () => {
    const before = ok(await cloud.call('rights', 'staffArticle', { slug: 'overtime-pay' }, admin));
    const input = { slug: 'overtime-pay', updatedAt: before.updatedAt };
    expect(code(await cloud.call('rights', 'staffReviewArticle', input, worker('w1')))).toBe('FORBIDDEN');
    expect(code(await cloud.call('rights', 'staffReviewArticle', input, centreStaff))).toBe('FORBIDDEN');
    expect(code(await cloud.call('rights', 'staffReviewArticle', input, null))).toBe('NOT_SIGNED_IN');
    const refused = auditOf('staffReviewArticle');
    expect(refused.map((a) => a.outcome).sort()).toEqual(['FORBIDDEN', 'FORBIDDEN', 'NOT_SIGNED_IN']);
    expect(ok(await cloud.call('rights', 'staffArticle', { slug: 'overtime-pay' }, admin)).review).toEqual({ state: 'draft-unreviewed' });
  });

  it('signs in the lawyer’s own name and today’s Shanghai date; workers then see reviewer and date', async () => {
    const before = ok(await cloud.call('rights', 'staffArticle', { slug: 'overtime-pay' }, lawyer));
    const reviewed = ok(await cloud.call('rights', 'staffReviewArticle', { slug: 'overtime-pay', updatedAt: before.updatedAt }, lawyer));
    expect(reviewed.review).toMatchObject({ state: 'reviewed', reviewer: '陈律师' });
    const at = (reviewed.review as { reviewedAt: string }).reviewedAt;
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(reviewed.reviewDue).toBe(`${Number(at.slice(0, 4)) + 1}${at.slice(4)}`);
    const ok1 = auditOf('staffReviewArticle').filter((a) => a.outcome === 'ok');
    expect(ok1).toHaveLength(1);
    expect(ok1[0]).toMatchObject({ name: '陈律师', note: { reviewer: '陈律师' } });
    const view = ok(await cloud.call('rights', 'article', { slug: 'overtime-pay' }, null));
    expect(view.review).toEqual({ state: 'reviewed', reviewer: '陈律师', reviewedAt: at });
    const row = ok(await cloud.call('rights', 'staffArticles', {}, admin)).find((r) => r.slug === 'overtime-pay');
    expect(row).toMatchObject({ reviewNeeded: false });
  });

  it('refuses a sign-off on a version the lawyer did not read (edited meanwhile), and a missing article', async () => {
    const read = ok(await cloud.call('rights', 'staffArticle', { slug: 'labor-dispatch' }, lawyer));
    const { status: _s, updatedAt: _u, review: _r, reviewDue: _d, ...draft } = read;
    // Another admin edits at the same time: the edit is unreviewed again, and the lawyer's sign-off on the old text is refused.
    const [edit, review] = await Promise.all([
      cloud.call('rights', 'staffSaveArticle', { draft: { ...draft, shortAnswer: `${draft.shortAnswer}（已更新）` }, isNew: false }, admin),
      new Promise((r) => setTimeout(r, 30)).then(() => cloud.call('rights', 'staffReviewArticle', { slug: 'labor-dispatch', updatedAt: read.updatedAt }, lawyer)),
    ]);
    ok(edit);
    const after = ok(await cloud.call('rights', 'staffArticle', { slug: 'labor-dispatch' }, admin));
    if (review.ok) {
      // The sign-off landed first: the edit that followed made the article unreviewed again.
      expect(after.review).toEqual({ state: 'draft-unreviewed' });
    } else {
      expect(review.error.code).toBe('ARTICLE_CHANGED');
      expect(review.error.message).toContain('重新打开');
      expect(after.review).toEqual({ state: 'draft-unreviewed' });
    }
    // Deterministically: a stale version is refused with ARTICLE_CHANGED.
    expect(code(await cloud.call('rights', 'staffReviewArticle', { slug: 'labor-dispatch', updatedAt: read.updatedAt }, lawyer))).toBe('ARTICLE_CHANGED');
    expect(code(await cloud.call('rights', 'staffReviewArticle', { slug: 'no-such-article', updatedAt: read.updatedAt }, lawyer))).toBe('ARTICLE_NOT_FOUND');
    expect(code(await cloud.call('rights', 'staffReviewArticle', { slug: 'labor-dispatch', updatedAt: 'yesterday' }, lawyer))).toBe('BAD_INPUT');
  });
});

describe('content sync: a fix in content/ reaches the running database', () => {
  const fresh: LegalArticle = {
    ...ARTICLES[0],
    slug: 'factory-closure-wages',
    title: '厂子倒闭了，工资还没结怎么办？',
    keywords: ['倒闭', '停产'],
    related: [],
  };

  it('updates articles staff never edited, keeps a staff-edited one, adds a new one as a staff-only draft', async () => {
    // A staff edit before the release (labor-dispatch was edited above; edit one more to be explicit).
    const edited = ok(await cloud.call('rights', 'staffArticle', { slug: 'probation-rules' }, admin));
    const { status: _s, updatedAt: _u, review: _r, reviewDue: _d, ...draft } = edited;
    ok(await cloud.call('rights', 'staffSaveArticle', { draft: { ...draft, shortAnswer: '工作人员改过的答案' }, isNew: false }, admin));

    // Two workers read overtime-pay before the release: its read count must survive the sync.
    for (const reader of ['sync-reader-a', 'sync-reader-b']) ok(await cloud.call('rights', 'article', { slug: 'overtime-pay' }, worker(reader)));
    const readsBefore = ok(await cloud.call('rights', 'article', { slug: 'overtime-pay' }, null)).reads;
    expect(readsBefore).toBeGreaterThanOrEqual(2);

    const report = await sync(
      [
        { slug: 'overtime-pay', shortAnswer: '新版：加班费的答案' },
        { slug: 'probation-rules', shortAnswer: '新版：试用期的答案' },
      ],
      fresh,
    );
    expect(report.updated).toEqual(['overtime-pay']);
    // labor-dispatch was staff-edited too, but content/ has nothing new for it: nothing to report.
    expect(report.keptStaffEdit).toEqual(['probation-rules']);
    expect(report.added).toEqual(['factory-closure-wages']);

    // The fix shows to workers, in the article and in the next search of every instance; its counters are kept.
    const fixed = ok(await cloud.call('rights', 'article', { slug: 'overtime-pay' }, null));
    expect(fixed.shortAnswer).toBe('新版：加班费的答案');
    expect(fixed.reads).toBe(readsBefore);
    // The lawyer reviewed the old text: the new text is unreviewed, as content/ says.
    expect(fixed.review).toEqual({ state: 'draft-unreviewed' });
    const found = await Promise.all(Array.from({ length: 4 }, () => cloud.call('rights', 'search', { q: '加班费' }, null)));
    for (const f of found) expect(ok(f).results.find((r) => r.slug === 'overtime-pay')?.shortAnswer).toBe('新版：加班费的答案');

    // The staff edit is kept.
    expect(ok(await cloud.call('rights', 'article', { slug: 'probation-rules' }, null)).shortAnswer).toBe('工作人员改过的答案');
    const rows = ok(await cloud.call('rights', 'staffArticles', {}, admin));

    // New and unreviewed: staff see it as a draft, workers do not, until an admin publishes it.
    expect(rows.find((r) => r.slug === 'factory-closure-wages')).toMatchObject({ status: 'draft', review: { state: 'draft-unreviewed' } });
    expect(code(await cloud.call('rights', 'article', { slug: 'factory-closure-wages' }, null))).toBe('ARTICLE_NOT_FOUND');
    expect(ok(await cloud.call('rights', 'search', { q: '厂子倒闭了工资还没结' }, null)).results.map((r) => r.slug)).not.toContain('factory-closure-wages');
    ok(await cloud.call('rights', 'staffSetArticleStatus', { slug: 'factory-closure-wages', status: 'published' }, admin));
    expect(ok(await cloud.call('rights', 'article', { slug: 'factory-closure-wages' }, null)).title).toBe(fresh.title);
  });

  it('is idempotent, and several syncs at once (instances starting together) write each change once', async () => {
    const changes = [
      { slug: 'overtime-pay', shortAnswer: '新版：加班费的答案' },
      { slug: 'probation-rules', shortAnswer: '新版：试用期的答案' },
      { slug: 'unpaid-wages', shortAnswer: '再一版：欠薪的答案' },
    ];
    const reports = await Promise.all([sync(changes, fresh), sync(changes, fresh), sync(changes, fresh)]);
    expect(reports.flatMap((r) => r.updated)).toEqual(['unpaid-wages']);
    expect(reports.flatMap((r) => r.added)).toEqual([]);
    for (const r of reports) expect(r.keptStaffEdit).toEqual(['probation-rules']);
    const again = await sync(changes, fresh);
    expect(again.updated).toEqual([]);
    // The published new article stays published: a sync never touches status.
    expect(ok(await cloud.call('rights', 'staffArticle', { slug: 'factory-closure-wages' }, admin)).status).toBe('published');
  });

  it('更新内置文章 is the same sync as an admin action (the content the function carries): refused to centre staff, audited', async () => {
    // Staff edit overtime-pay, last written from the test release: the function's own content/
    // differs from it, so the staff list says a shipped version waits that the edit keeps out.
    const current = ok(await cloud.call('rights', 'staffArticle', { slug: 'overtime-pay' }, admin));
    const { status: _s, updatedAt: _u, review: _r, reviewDue: _d, ...draft } = current;
    ok(await cloud.call('rights', 'staffSaveArticle', { draft: { ...draft, shortAnswer: '工作人员改的加班费答案' }, isNew: false }, admin));
    const rows = ok(await cloud.call('rights', 'staffArticles', {}, admin));
    expect(rows.find((r) => r.slug === 'overtime-pay')?.shippedUpdateKept).toBe(true);
    // probation-rules was edited from the very version content/ ships: nothing newer waits.
    expect(rows.find((r) => r.slug === 'probation-rules')?.shippedUpdateKept).toBe(false);

    expect(code(await cloud.call('rights', 'staffSyncArticles', {}, centreStaff))).toBe('FORBIDDEN');
    const report = ok(await cloud.call('rights', 'staffSyncArticles', {}, admin));
    expect(report).toMatchObject({ updated: ['unpaid-wages'], keptStaffEdit: ['overtime-pay'], added: [] });
    expect(auditOf('staffSyncArticles').map((a) => a.outcome).sort()).toEqual(['FORBIDDEN', 'ok']);
    const shipped = ARTICLES.find((a) => a.slug === 'unpaid-wages')!;
    expect(ok(await cloud.call('rights', 'article', { slug: 'unpaid-wages' }, null)).shortAnswer).toBe(shipped.shortAnswer);
    expect(ok(await cloud.call('rights', 'article', { slug: 'overtime-pay' }, null)).shortAnswer).toBe('工作人员改的加班费答案');
  });
});
