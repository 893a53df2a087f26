/**
 * 帮扶 on the real weapp build: a worker applies for 就业推荐 from 首页 and follows the application
 * in 我的帮扶申请 — taps and typing as a person does, the application's kind and status as they
 * read them, exactly one application in the database after a double tap on 提交申请.
 */
import { PAGES, TABS } from '../../src/routes';
import { COLLECTIONS } from '../../server/db/schema';
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import { doubleTap, tap, textOf, type, waitForText } from './support/screen';
import { startWeapp, type Weapp } from './support/weapp';

// A journey is many steps, the first ones waiting for cold function instances on a busy machine.
jest.setTimeout(30000);

let cloud: TestCloud;
let app: Weapp;
const me = worker('weapp-aid');

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true });
  app = await startWeapp({ cloud, who: me });
}, 60000);

afterAll(async () => {
  app?.close();
  await cloud?.destroy();
});

test('首页 → 申请帮扶 · 就业推荐 → the checklist and the short form → 提交申请 (double tap) → 已提交 → 我的帮扶申请', async () => {
  await app.open(TABS.home);
  await tap(app, '就业推荐');
  expect(app.top().path).toBe(PAGES.aidApply);
  // The kind came with the tap: its checklist is on screen without choosing again.
  await waitForText(app, '办理时请带上');
  expect(textOf(app)).toContain('简历（没有也可以）');

  // Nothing filled in: the page says what is missing instead of sending.
  await tap(app, '提交申请');
  await waitForText(app, /请(选择|填写)/);
  expect(cloud.db.find(COLLECTIONS.aidApplications, { openid: me.openid })).toHaveLength(0);

  await tap(app, '沙头文体公园');
  await type(app, '姓名', '阿卜杜·热合曼');
  await type(app, '手机号', '16612345678');
  await type(app, '想找什么工作', '仓管');
  await type(app, '简单说说你的情况', '厂里停工了，想在九江附近找一份仓管的工作。');
  await doubleTap(app, '提交申请');
  await waitForText(app, '已提交');
  expect(app.top().path).toBe(PAGES.aidApplication);
  expect(cloud.db.find(COLLECTIONS.aidApplications, { openid: me.openid })).toHaveLength(1);

  await app.open(TABS.me);
  await tap(app, '我的帮扶申请');
  expect(app.top().path).toBe(PAGES.aidMine);
  await waitForText(app, '就业推荐');
  expect(textOf(app)).toContain('已提交');
});

test('staff of the centre: 显示号码 with a reason, then 拨打 opens WeChat\'s call sheet with the full number', async () => {
  const [application] = cloud.db.find(COLLECTIONS.aidApplications, { openid: me.openid }) as { _id: string }[];
  app.setIdentity(await cloud.makeStaff('沙头阿芳', 'centre_staff', ['shatou']));
  try {
    await app.open(PAGES.aidStaffApplication, { id: application!._id });
    await waitForText(app, '166****5678');
    expect(textOf(app)).not.toContain('16612345678');
    await tap(app, '显示号码');
    await tap(app, '回电答复');
    await doubleTap(app, '显示完整号码');
    await waitForText(app, '电话：16612345678');
    await tap(app, '拨打 16612345678');
    expect(app.stub.seen.phoneCalls).toEqual(['16612345678']);
    expect(cloud.db.find(COLLECTIONS.audit, { action: 'staffRevealPhone' })).toMatchObject([{ outcome: 'ok', name: '沙头阿芳', note: { reason: 'callBack' } }]);
  } finally {
    app.setIdentity(me);
  }
});
