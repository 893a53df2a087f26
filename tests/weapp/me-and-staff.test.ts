/**
 * Two journeys on the real weapp build (dist/): a worker switches 长辈模式 on in 我的 by tapping
 * its words and the next page opens in large text; a centre's staff member opens 工作台 from 我的
 * and it shows their name, their centre and links that open pages with the seed's real data.
 * The weapp harness applies no .wxss (docs/testing.md), so "larger" is the page root's 长辈模式
 * class that switches every size token (src/styles/tokens.scss); the sizes themselves are checked
 * in Chromium (tests/e2e/a11y.test.ts, tests/e2e/tour.test.ts).
 */
import { PAGES, TABS } from '../../src/routes';
import { COLLECTIONS } from '../../server/db/schema';
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import { tap, textOf, waitForText } from './support/screen';
import { startWeapp, type Weapp } from './support/weapp';

// A journey is many steps, the first ones waiting for cold function instances on a busy machine.
jest.setTimeout(30000);

let cloud: TestCloud;
let app: Weapp;

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true });
  app = await startWeapp({ cloud, who: worker('weapp-elder') });
}, 60000);

afterAll(async () => {
  app?.close();
  await cloud?.destroy();
});

/** Whether the page on top is drawn in 长辈模式 (its PageShell root carries shell--large). */
function isLarge(): boolean {
  const root = app.top().node.dom.querySelector('.shell');
  if (!root) throw new Error(`no page shell on ${app.top().path}:\n${textOf(app)}`);
  return root.classList.contains('shell--large');
}

test('长辈模式: tapping its words in 我的 turns it on, and 我的预约 opens in large text', async () => {
  await app.open(TABS.me);
  await waitForText(app, '字更大，按钮更大');
  expect(isLarge()).toBe(false);

  await tap(app, '字更大，按钮更大');
  expect(isLarge()).toBe(true);
  expect(app.stub.storage.get('pref-large-text')).toBe('on');

  await tap(app, '我的预约');
  expect(app.top().path).toBe(PAGES.myBookings);
  await waitForText(app, '还没有预约');
  expect(isLarge()).toBe(true);

  // It stays on the phone: a cold start of another tab is large too, until switched off.
  await app.open(TABS.rights);
  await waitForText(app, '工会推荐');
  expect(isLarge()).toBe(true);
  await app.open(TABS.me);
  await tap(app, '字更大，按钮更大');
  expect(isLarge()).toBe(false);
});

test('工作台: a centre’s staff member opens it from 我的 and sees their centre and the events with real figures', async () => {
  const centre = cloud.db.find(COLLECTIONS.centres, {})[0] as { _id: string; name: string };
  const event = cloud.db.find(COLLECTIONS.events, { status: 'published' })[0] as { title: string };
  app.setIdentity(await cloud.makeStaff('黄干事', 'centre_staff', [centre._id]));
  await app.open(TABS.me);
  await tap(app, '工作台');
  expect(app.top().path).toBe(PAGES.staffHome);
  await waitForText(app, '黄干事');
  expect(textOf(app)).toContain('服务中心工作人员');
  expect(textOf(app)).toContain(`负责：${centre.name}`);
  // admin-only links are not offered to centre staff
  expect(textOf(app)).not.toContain('工作人员和权限');

  await tap(app, '活动管理、报名名单和签到');
  expect(app.top().path).toBe(PAGES.eventsStaff);
  await waitForText(app, event.title);
  expect(textOf(app)).toMatch(/已报名\d+\/\d+人/);
  expect(textOf(app)).not.toMatch(/出错|没有权限|undefined|NaN/);
});
