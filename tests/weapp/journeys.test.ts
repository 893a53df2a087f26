/**
 * The core worker journeys on the real weapp build (dist/), rendered by WeChat's template compiler
 * and j-component, every cloud call going to a seeded local cloud as the worker's own OPENID.
 * Each step is what a person does (tap the words they see, type into the box they see) and each
 * journey ends on what the person sees — and, where it matters, what the database now holds.
 */
import { stationScene } from '../../contract/station/model';
import { PAGES, TABS } from '../../src/routes';
import { COLLECTIONS } from '../../server/db/schema';
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import { doubleTap, tap, textOf, type, waitForText } from './support/screen';
import { rawQuery, startWeapp, type Weapp } from './support/weapp';

// A journey is many steps, the first ones waiting for cold function instances on a busy machine.
jest.setTimeout(30000);

let cloud: TestCloud;
let app: Weapp;

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true });
  app = await startWeapp({ cloud, who: worker('weapp-tabs') });
}, 60000);

afterAll(async () => {
  app?.close();
  await cloud?.destroy();
});

describe('the four tabs render with real data', () => {
  test('首页 lists the four centres and the 便民日 card', async () => {
    await app.open(TABS.home);
    await waitForText(app, '沙头文体公园职工·家服务中心');
    const text = textOf(app);
    for (const centre of ['九江镇职工·家服务中心', '公资园区职工·家服务中心', '烟南村职工·家服务中心']) expect(text).toContain(centre);
    expect(text).toMatch(/\d+月便民日/);
    expect(text).not.toContain('正在加载');
  });

  test('活动 lists the year’s events with their places and seats', async () => {
    await app.open(TABS.events);
    await waitForText(app, '职工电影之夜');
    expect(textOf(app)).toContain('名额紧张');
    expect(textOf(app)).toMatch(/还剩\d+个名额/);
  });

  test('维权 shows the search box, the categories with counts and recommended articles', async () => {
    await app.open(TABS.rights);
    await waitForText(app, '工会推荐');
    expect(textOf(app)).toContain('遇到什么事了？');
    expect(textOf(app)).toMatch(/工资欠薪\s*\d+/);
  });

  test('我的 shows the worker’s own lists and 长辈模式', async () => {
    await app.open(TABS.me);
    await waitForText(app, '我的报名和入场码');
    expect(textOf(app)).toContain('我的预约');
    expect(textOf(app)).toContain('长辈模式');
  });
});

describe('the harness behaves as WeChat', () => {
  test('a query reaches onLoad raw, the stack grows with navigateTo and navigateBack shows the page below again', async () => {
    app.setIdentity(worker('weapp-stack'));
    await app.open(TABS.home);
    await tap(app, '烟南村职工·家服务中心');
    expect(app.stack.map((p) => p.path)).toEqual([TABS.home, PAGES.centreDetail]);
    expect(app.stub.seen.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: `${PAGES.centreDetail}?id=yannan` });
    await waitForText(app, '村委会旁');
    const wx = (globalThis as unknown as { wx: { navigateBack(o: object): Promise<unknown> } }).wx;
    await wx.navigateBack({ delta: 1 });
    expect(app.top().path).toBe(TABS.home);
    expect(textOf(app)).toContain('服务中心');
    // WeChat passes what follows "=" untouched, "%" escapes included.
    expect(rawQuery('/packages/centres/pages/fair/index?id=shatou%3A2026-12-12&from=home').query).toEqual({ id: 'shatou%3A2026-12-12', from: 'home' });
  });
});

describe('worker journeys', () => {
  test('首页 → a centre → 法律咨询 → a day and a time → 确认预约 (double tap) → 我的预约 shows it', async () => {
    const me = worker('weapp-booker');
    app.setIdentity(me);
    await app.open(TABS.home);
    await tap(app, '九江镇职工·家服务中心');
    expect(app.top().path).toBe(PAGES.centreDetail);
    await tap(app, '法律咨询');
    expect(app.top().path).toBe(PAGES.centreBook);
    await waitForText(app, '2. 选时间');
    await tap(app, '明天');
    await tap(app, '09:00');
    await doubleTap(app, '确认预约');
    await waitForText(app, '预约成功');
    const mine = cloud.db.find(COLLECTIONS.bookings, { openid: me.openid });
    expect(mine).toHaveLength(1);
    expect(textOf(app)).toContain(String(mine[0].code));

    await tap(app, '我的全部预约');
    expect(app.top().path).toBe(PAGES.myBookings);
    await waitForText(app, '已预约');
    expect(textOf(app)).toContain('法律咨询');
    expect(textOf(app)).toContain('九江镇职工·家服务中心');
  });

  test('活动 → 职工电影之夜 → 我要报名 → the form → 提交报名 (double tap) → 我的报名 shows 已报名', async () => {
    const me = worker('weapp-signup');
    app.setIdentity(me);
    await app.open(TABS.events);
    await tap(app, '职工电影之夜');
    expect(app.top().path).toBe(PAGES.eventDetail);
    await tap(app, '我要报名');
    await tap(app, '提交报名');
    await waitForText(app, '请填写姓名');
    await type(app, '填身份证上的名字', '李秀英');
    await type(app, '请填写手机号', '13812345678');
    await doubleTap(app, '提交报名');
    await waitForText(app, '已报名');
    expect(cloud.db.find(COLLECTIONS.eventEntries, { openid: me.openid })).toHaveLength(1);

    await app.open(TABS.me);
    await tap(app, '我的报名和入场码');
    expect(app.top().path).toBe(PAGES.eventsMine);
    await waitForText(app, '职工电影之夜');
    expect(textOf(app)).toContain('已报名');
  });

  test('维权 → the search box in the worker’s own words → results → the article’s answer and the law', async () => {
    app.setIdentity(worker('weapp-reader'));
    await app.open(TABS.rights);
    await type(app, '例如：老板不发工资', '被炒鱿鱼了有没有补偿');
    await tap(app, '搜索');
    expect(app.top().path).toBe(PAGES.rightsSearch);
    await waitForText(app, /补偿/);
    const result = app.top().node.dom.querySelector('.list-row');
    expect(result).not.toBeNull();
    const title = (result?.querySelector('.rt-item__title')?.textContent ?? '').trim();
    expect(title).not.toBe('');
    await tap(app, title);
    expect(app.top().path).toBe(PAGES.rightsArticle);
    await waitForText(app, '先说答案');
    expect(textOf(app)).toContain(title);
    expect(textOf(app)).toContain('法律依据');
  });

  test('平安返乡: scanning the station QR code (scene URI-encoded as WeChat delivers it) → tap 姜茶 (double tap) → counted once', async () => {
    const me = worker('weapp-traveller');
    app.setIdentity(me);
    const [campaign] = cloud.db.find(COLLECTIONS.stationCampaigns, { name: '平安返乡（演示）' });
    expect(campaign).toBeDefined();
    // WeChat hands the page options.scene URI-encoded: "c=<id>" arrives as "c%3D<id>".
    await app.open(PAGES.stationPoint, { scene: encodeURIComponent(stationScene(String(campaign._id))) }, 1047);
    await waitForText(app, '你拿到了什么？点一下');
    await doubleTap(app, '姜茶');
    await waitForText(app, '✓ 已记下');
    expect(cloud.db.find(COLLECTIONS.stationTaps, { openid: me.openid })).toHaveLength(1);
  });

  // Issue 9 blocker 1: the page got `shatou%3A2026-12-12` still encoded and showed
  // "没有找到这次便民日" (fixed by decoding page parameters once, src/hooks/use-page-params.ts).
  test('首页 → the 便民日 card → the fair’s page (its id arrives raw, as WeChat passes it) → 取号 (double tap) → 退号 [issue 9 blocker 1]', async () => {
    const me = worker('weapp-fair');
    app.setIdentity(me);
    await app.open(TABS.home);
    await tap(app, /\d+月便民日/);
    expect(app.top().path).toBe(PAGES.fair);
    expect(app.top().query.id).toMatch(/%3A/); // raw, exactly as WeChat delivers it
    expect(textOf(app)).not.toContain('没有找到这次便民日');
    await doubleTap(app, '取号');
    await waitForText(app, '我的号');
    expect(textOf(app)).toContain('已取号：1号');
    expect(cloud.db.find(COLLECTIONS.fairTickets, { openid: me.openid })).toHaveLength(1);

    // 退号 (double tap; WeChat's confirmation answered 退号): the page says so and offers 重新取号.
    await doubleTap(app, '退号（义剪1号）');
    await waitForText(app, '已退号：义剪1号');
    expect(textOf(app)).toContain('重新取号');
    expect(cloud.db.find(COLLECTIONS.fairTickets, { openid: me.openid })[0].returnedAt).toBeTruthy();
  });
});
