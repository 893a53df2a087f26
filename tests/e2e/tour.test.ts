/**
 * The screenshot tour (issue 9): every route of src/routes.ts, as a worker or a staff member, in
 * normal text and in 长辈模式, on a 360 px phone. Each page is opened with the parameters it
 * needs, taken from the seeded local cloud (centres, fairs, events, articles, the campaign) or
 * made for the tour through the local cloud as the signed-in worker (a booking, a 便民日 number, a
 * sign-up, a question, a 帮扶 application). The tour waits for the page's own content, then checks
 * what a person would see as broken: an error or 找不到, a raw id or slug, English words,
 * "undefined" / "NaN" / "[object Object]", anything sticking out past the right edge. It writes
 * .tmp/screenshots/tour/<route>-<mode>.png for a person to review (docs/testing.md).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ERROR_MESSAGES } from '../../contract/errors';
import type { CentreSummary, FairSummary } from '../../contract/centres/model';
import type { ArticleSummary } from '../../contract/rights/model';
import { PAGES, TABS } from '../../src/routes';
import { SCREENSHOT_DIR } from '../support/browser';
import { useE2E } from '../support/e2e';
import { okOf } from '../support/local-cloud';
import { rid } from '../cloud/centres-helpers';

// src/routes.ts also navigates with Taro; the tour only reads its paths, in Node.
jest.mock('@tarojs/taro', () => ({}));

const e2e = useE2E();

export const TOUR_SCREENSHOTS = path.join(SCREENSHOT_DIR, 'tour');
/** A small Android phone: the narrowest screen the pages must fit. */
const PHONE_WIDTH = 360;
const MODES = ['normal', 'large'] as const;
/** The smallest thing to press, in CSS px: the usual 44, and 长辈模式's 60 (src/styles/tokens.scss). */
const TARGET = 44;
const LARGE_TARGET = 60;
type Mode = (typeof MODES)[number];
type Who = 'worker' | 'staff';

/** What the tour made or found before it starts, so no id is written into the test. */
interface Seeded {
  centre: CentreSummary;
  bookingId: string;
  fair: FairSummary;
  campaignId: string;
  campaignName: string;
  event: { id: string; title: string };
  entryId: string;
  article: ArticleSummary;
  categoryLabel: string;
  consultationId: string;
  aidId: string;
}

interface Stop {
  who: Who;
  query?: Record<string, string>;
  /** Words only the page's real content shows (not its loading state). */
  shows: string | RegExp;
  /** Words this page is meant to say that the checks below would otherwise refuse. */
  expected?: RegExp;
}

type RouteName = keyof typeof TABS | keyof typeof PAGES;

/** The account shown masked on 我的 and to admins on 工作人员 ("账号 dev-…1577" from the development sign-in). */
const MASKED_ACCOUNT = /账号 \S+…\d+/;

/** Every route and how the tour opens it. A route added to src/routes.ts without a stop here fails the type check and the first test. */
const TOUR: Record<RouteName, (s: Seeded) => Stop> = {
  home: (s) => ({ who: 'worker', shows: s.centre.name }),
  events: (s) => ({ who: 'worker', shows: s.event.title }),
  rights: () => ({ who: 'worker', shows: '12351' }),
  me: () => ({ who: 'worker', shows: '长辈模式', expected: MASKED_ACCOUNT }),
  centreDetail: (s) => ({ who: 'worker', query: { id: s.centre.id }, shows: s.centre.address }),
  centreBook: (s) => ({ who: 'worker', query: { centreId: s.centre.id, service: s.centre.services[0] }, shows: s.centre.name }),
  myBookings: (s) => ({ who: 'worker', shows: s.centre.name }),
  booking: (s) => ({ who: 'worker', query: { id: s.bookingId }, shows: s.centre.name }),
  fair: (s) => ({ who: 'worker', query: { id: s.fair.id }, shows: s.fair.queueNames[0] }),
  // the day's slots, or the closed day's empty state (the seed's centres rest on some days)
  centreStaffDay: (s) => ({ who: 'staff', query: { centreId: s.centre.id }, shows: /这天没有排班|空\d+\/\d+|已暂停/ }),
  fairStaff: (s) => ({ who: 'staff', query: { id: s.fair.id }, shows: s.fair.queueNames[0] }),
  stationPoint: (s) => ({ who: 'worker', query: { id: s.campaignId }, shows: s.campaignName }),
  stationStaff: (s) => ({ who: 'staff', shows: s.campaignName }),
  eventDetail: (s) => ({ who: 'worker', query: { id: s.event.id }, shows: s.event.title }),
  eventsMine: (s) => ({ who: 'worker', shows: s.event.title }),
  eventTicket: (s) => ({ who: 'worker', query: { entryId: s.entryId }, shows: s.event.title }),
  eventsStaff: (s) => ({ who: 'staff', shows: s.event.title }),
  eventCheckIn: (s) => ({ who: 'staff', query: { eventId: s.event.id }, shows: s.event.title }),
  eventEdit: (s) => ({ who: 'staff', query: { id: s.event.id }, shows: '发布' }),
  rightsSearch: (s) => ({ who: 'worker', query: { q: s.article.title.slice(0, 4) }, shows: s.article.title }),
  rightsCategory: (s) => ({ who: 'worker', query: { category: s.article.category }, shows: s.article.title }),
  rightsArticle: (s) => ({ who: 'worker', query: { slug: s.article.slug }, shows: s.article.title }),
  rightsAsk: (s) => ({ who: 'worker', query: { category: s.article.category }, shows: s.categoryLabel }),
  rightsCases: (s) => ({ who: 'worker', shows: s.categoryLabel }),
  rightsCase: (s) => ({ who: 'worker', query: { id: s.consultationId }, shows: '厂里两个月没发工资' }),
  rightsFavourites: (s) => ({ who: 'worker', shows: s.article.title }),
  rightsDeadlines: () => ({ who: 'worker', shows: '你遇到的是？' }),
  rightsStaffArticles: (s) => ({ who: 'staff', shows: s.article.title }),
  // the article's 编号 is a slug an admin writes and the check date is typed: their hints show the forms
  rightsStaffArticle: (s) => ({ who: 'staff', query: { slug: s.article.slug }, shows: '保存', expected: /如 heat-allowance|如 \d{4}-\d{2}-\d{2}/ }),
  rightsStaffCases: () => ({ who: 'staff', shows: '厂里两个月没发工资' }),
  rightsStaffCase: (s) => ({ who: 'staff', query: { id: s.consultationId }, shows: '厂里两个月没发工资' }),
  rightsStaffInsights: () => ({ who: 'staff', shows: '没找到' }),
  aidApply: () => ({ who: 'worker', query: { kind: 'job' }, shows: '就业推荐' }),
  aidApplication: (s) => ({ who: 'worker', query: { id: s.aidId }, shows: '就业推荐' }),
  aidMine: () => ({ who: 'worker', shows: '就业推荐' }),
  aidStaffQueue: () => ({ who: 'staff', shows: '就业推荐' }),
  aidStaffApplication: (s) => ({ who: 'staff', query: { id: s.aidId }, shows: '就业推荐' }),
  aidStaffAlerts: () => ({ who: 'staff', shows: '欠薪' }),
  staffHome: () => ({ who: 'staff', shows: '操作记录' }),
  staffDashboard: () => ({ who: 'staff', shows: '本月月报' }),
  staffRoles: () => ({ who: 'staff', shows: '添加工作人员', expected: MASKED_ACCOUNT }),
  staffAudit: () => ({ who: 'staff', shows: '全部' }),
  myData: (s) => ({ who: 'worker', shows: s.centre.name }),
  staffCode: () => ({ who: 'worker', shows: /^\d{6}$/ }),
  notFound: () => ({ who: 'worker', shows: '找不到这个页面', expected: /找不到这个页面/ }),
};

const ROUTES: Record<RouteName, string> = { ...TABS, ...PAGES };
const TOUR_NAMES = Object.keys(TOUR) as RouteName[];

const seeded = {} as Seeded;
const pages = {} as Record<`${Who}-${Mode}`, Page>;
const WORKER = '李秀英';
const PHONE = '13812345678';

async function signIn(role: Who, name: string): Promise<{ token: string; openid: string }> {
  const res = await fetch(`${e2e.url}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, name }) });
  return (await res.json()) as { token: string; openid: string };
}

/** The worker's own records, made through the local cloud as that worker; the rest read from the seed. */
async function seed(worker: { openid: string }): Promise<void> {
  const { cloud } = e2e;
  const centres = okOf(await cloud.call('centres', 'list', {}, null));
  seeded.centre = centres[0];
  const service = seeded.centre.services[0];
  const slots = okOf(await cloud.call('centres', 'slots', { centreId: seeded.centre.id, service }, null));
  const slot = slots.days.flatMap((d) => d.slots).find((x) => x.state === 'open' && x.left > 0);
  if (!slot) throw new Error(`no free slot at ${seeded.centre.id} for ${service}`);
  seeded.bookingId = okOf(
    await cloud.call('centres', 'book', { centreId: seeded.centre.id, service, start: slot.start, requestId: rid('tour'), sensitiveConsent: true }, worker),
  ).id;

  seeded.fair = okOf(await cloud.call('centres', 'fairs', {}, null))[0];
  const fair = okOf(await cloud.call('centres', 'fair', { id: seeded.fair.id }, null));
  okOf(await cloud.call('centres', 'takeNumber', { fairId: fair.id, queueId: fair.queues[0].id }, worker));

  const campaign = okOf(await cloud.call('station', 'current', {}, null));
  if (!campaign) throw new Error('the seed has no 平安返乡 campaign');
  seeded.campaignId = campaign.id;
  seeded.campaignName = campaign.name;

  // The first event a worker can sign up for with a form of words, a phone and ticks.
  for (const summary of okOf(await cloud.call('events', 'list', {}, null))) {
    const detail = okOf(await cloud.call('events', 'get', { id: summary.id }, null));
    if (detail.group.kind !== 'single' || detail.allocation !== 'first_come') continue;
    if (!detail.form.every((f) => ['text', 'phone', 'confirm'].includes(f.kind))) continue;
    const form = Object.fromEntries(detail.form.map((f) => [f.key, f.kind === 'confirm' ? true : f.kind === 'phone' ? PHONE : WORKER]));
    const entry = await cloud.call('events', 'signUp', { eventId: detail.id, requestId: rid('tour'), form }, worker);
    if (!entry.ok) continue;
    seeded.event = { id: detail.id, title: detail.title };
    seeded.entryId = entry.data.id;
    break;
  }
  if (!seeded.event) throw new Error('no seeded event a worker can sign up for');

  const home = okOf(await cloud.call('rights', 'home', {}, null));
  seeded.article = home.popular[0] ?? home.featured[0];
  seeded.categoryLabel = home.categories.find((c) => c.category === 'wages')?.label ?? '';
  okOf(await cloud.call('rights', 'favourite', { slug: seeded.article.slug, on: true }, worker));
  seeded.consultationId = okOf(
    await cloud.call('rights', 'ask', { category: 'wages', description: '厂里两个月没发工资了，老板说等货款回来再发，我们该怎么办？', requestId: rid('tour') }, worker),
  ).id;
  seeded.aidId = okOf(
    await cloud.call(
      'aid',
      'apply',
      { kind: 'job', centreId: seeded.centre.id, name: WORKER, phone: PHONE, description: '想找一份白班的工作', desiredJob: '普工', requestId: rid('tour') },
      worker,
    ),
  ).id;
}

beforeAll(async () => {
  mkdirSync(TOUR_SCREENSHOTS, { recursive: true });
  const worker = await signIn('worker', WORKER);
  const staff = await signIn('staff', '周主任');
  await seed(worker);
  for (const who of ['worker', 'staff'] as const) {
    for (const mode of MODES) {
      const page = await e2e.browser.newPage({ width: PHONE_WIDTH });
      await page.goto(`${e2e.url}/`);
      await page.evaluate(
        ([token, on]) => {
          localStorage.setItem('dev-session-token', JSON.stringify({ data: token }));
          localStorage.setItem('pref-large-text', JSON.stringify({ data: on ? 'on' : 'off' }));
        },
        [(who === 'worker' ? worker : staff).token, mode === 'large'] as const,
      );
      pages[`${who}-${mode}`] = page;
    }
  }
}, 120000);

/** What a person would call broken, found in the page's visible text. */
function problemsIn(text: string, expected?: RegExp): string[] {
  const seen = expected ? text.replace(new RegExp(expected.source, 'g'), '') : text;
  const problems: string[] = [];
  for (const message of Object.values(ERROR_MESSAGES)) if (seen.includes(message)) problems.push(`error message: ${message}`);
  if (seen.includes('找不到')) problems.push('找不到');
  for (const bad of ['undefined', 'NaN', '[object Object]', 'null', 'Invalid Date']) if (seen.includes(bad)) problems.push(bad);
  const raw = seen.match(/\b[0-9a-f]{12,}\b|\b[a-z]+(?:-[a-z0-9]+)+\b|\b[a-z]+:\d{4}-\d{2}-\d{2}\b/g);
  if (raw) problems.push(`raw ids: ${raw.join(', ')}`);
  // a person reads 11月30日 周一 09:00 (contract/time.ts dayTimeText), not the machine's 2026-11-30
  const machineDates = seen.match(/\b\d{4}-\d{2}(?:-\d{2})?\b/g);
  if (machineDates) problems.push(`machine dates: ${machineDates.join(', ')}`);
  const english = seen.match(/[A-Za-z]{3,}/g)?.filter((w) => !ALLOWED_LATIN.has(w) && !CODE.test(w));
  if (english?.length) problems.push(`English: ${english.join(', ')}`);
  return problems;
}

/** Latin words a worker or a clerk does read: file kinds a form accepts, the spreadsheet's name. */
const ALLOWED_LATIN = new Set<string>(['jpg', 'png', 'PDF', 'Excel']);
/** Codes read aloud at a desk (a booking code) are capitals and digits, not words. */
const CODE = /^[A-Z0-9]+$/;

/** Elements whose right edge is past the screen's, outside any box that scrolls sideways on purpose. */
function overflowing(): { scrollWidth: number; clientWidth: number; sticking: string[] } {
  const vw = document.documentElement.clientWidth;
  const sticking: string[] = [];
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= vw + 1) continue;
    let scroller = false;
    for (let p = el.parentElement; p && !scroller; p = p.parentElement) scroller = ['auto', 'scroll'].includes(getComputedStyle(p).overflowX);
    if (scroller || getComputedStyle(el).visibility === 'hidden') continue;
    sticking.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.innerText || '').slice(0, 20)}" right=${Math.round(r.right)}`);
  }
  return { scrollWidth: document.documentElement.scrollWidth, clientWidth: vw, sticking: sticking.slice(0, 5) };
}

/**
 * Things to press that are shorter than a thumb: every AppButton, choice pill and element marked as
 * a button or link, on the page in view (the tab bar is the platform's).
 */
function smallTargets(min: number): string[] {
  const page = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.offsetParent !== null || getComputedStyle(p).display !== 'none').pop();
  if (!page) return ['no page in view'];
  const small: string[] = [];
  for (const el of Array.from(page.querySelectorAll<HTMLElement>('.button, .choice, [aria-role="button"], [aria-role="link"], [role="button"], [role="link"]'))) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.height >= min - 0.5) continue;
    small.push(`"${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 16)}" ${Math.round(r.height)}px`);
  }
  return small;
}

it('visits every route of src/routes.ts', () => {
  expect(TOUR_NAMES.sort()).toEqual((Object.keys(ROUTES) as RouteName[]).sort());
});

/**
 * The whole page, not only the first screen: H5 pages scroll inside their own box, so the phone
 * is made as tall as the page for the picture.
 */
async function shootWhole(page: Page, file: string): Promise<void> {
  const hidden = await page.evaluate(() => {
    let most = 0;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (['auto', 'scroll'].includes(getComputedStyle(el).overflowY)) most = Math.max(most, el.scrollHeight - el.clientHeight);
    }
    return most;
  });
  const { height } = page.viewportSize() ?? { height: 740 };
  if (hidden > 0) await page.setViewportSize({ width: PHONE_WIDTH, height: height + hidden });
  await page.screenshot({ path: file, fullPage: true });
  if (hidden > 0) await page.setViewportSize({ width: PHONE_WIDTH, height });
}

describe.each(MODES)('%s text', (mode) => {
  describe.each(TOUR_NAMES)('%s', (name) => {
    test('shows no defect', async () => {
      const stop = TOUR[name](seeded);
      const page = pages[`${stop.who}-${mode}`];
      const query = new URLSearchParams(stop.query ?? {}).toString();
      await page.goto('about:blank');
      await page.goto(`${e2e.url}/#${ROUTES[name]}${query ? `?${query}` : ''}`);
      const body = page.locator('.taro_page:visible').last();
      await body
        .getByText(stop.shows)
        .first()
        .waitFor({ timeout: 45000 })
        .catch(async (e: Error) => {
          await shootWhole(page, path.join(TOUR_SCREENSHOTS, `${name}-${mode}.png`));
          throw new Error(`${name}: ${String(stop.shows)} never showed: ${e.message}\n${await page.locator('body').innerText()}`);
        });
      await page.getByText('正在加载…').filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: 20000 }).catch(() => undefined);
      // the H5 router's page slide
      await page.waitForTimeout(400);
      const text = await page.locator('body').innerText();
      const fit = await page.evaluate(overflowing);
    const small = await page.evaluate(smallTargets, mode === 'large' ? LARGE_TARGET : TARGET);
      await shootWhole(page, path.join(TOUR_SCREENSHOTS, `${name}-${mode}.png`));
      expect(problemsIn(text, stop.expected)).toEqual([]);
      expect(fit.sticking).toEqual([]);
      expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
      expect(small).toEqual([]);
    }, 90000);
  });
});
