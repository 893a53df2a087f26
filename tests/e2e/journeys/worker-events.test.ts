/**
 * Worker journeys in 活动报名, through the H5 build only (issue 9): sign up for a first-come event,
 * a team event (the captain names the members) and a lottery event; the ticket; 我的报名. Every
 * 提交 is double-tapped (one entry must come of it), and the ticket and 我的报名 survive a reload.
 */
import type { Page } from 'playwright-core';
import { TABS } from '../../../src/routes';
import { failOnConsoleErrors } from '../../support/console-errors';
import { useE2E } from '../../support/e2e';
import { doubleTap, fill, isTappable, onScreen, open, person, shot, STEP } from '../../support/journeys';

// src/routes.ts also navigates with Taro; the suite only reads its paths, in Node.
jest.mock('@tarojs/taro', () => ({}));

const e2e = useE2E();
failOnConsoleErrors(e2e);

/** 活动 tab -> the event by its title -> 我要报名: the event's own form on screen. */
async function openForm(page: Page, title: string): Promise<void> {
  await open(e2e, page, TABS.events);
  await onScreen(page, title).first().click();
  const signUp = page.locator('[data-testid="sign-up"]:visible');
  await signUp.waitFor({ timeout: STEP });
  await signUp.click();
  await page.locator('[data-testid="sign-up-form"]:visible').waitFor({ timeout: STEP });
}


describe('worker: 活动报名', () => {
  it('first come: signs up for 职工电影之夜 with a double tap, sees 已报名, the ticket, and 我的报名 after a reload', async () => {
    const page = await person(e2e, '李秀英');
    await openForm(page, '职工电影之夜');
    const before = e2e.cloud.db.find('event_entries', { eventId: 'ev-dianying' }).length;
    await fill(page, '姓名', '李秀英');
    await fill(page, '手机号', '13812345678');
    await doubleTap(onScreen(page, '提交报名'));
    const status = page.locator('[data-testid="entry-status"]:visible');
    await status.waitFor({ timeout: STEP });
    expect(await status.innerText()).toBe('已报名');
    expect(e2e.cloud.db.find('event_entries', { eventId: 'ev-dianying' }).length).toBe(before + 1);
    // Success is said on the page, and nothing lies over 看入场码 (a toast used to).
    expect(await page.locator('[data-testid="sign-up-done"]:visible').innerText()).toContain('报名成功');
    const toTicket = onScreen(page, '看入场码');
    await toTicket.scrollIntoViewIfNeeded();
    expect(await isTappable(toTicket)).toBe(true);
    await shot(page, 'worker-event-signed-up');

    await toTicket.click({ timeout: 2000 });
    const ticket = page.locator('[data-testid="ticket"]:visible');
    await ticket.locator('img').first().waitFor({ timeout: STEP });
    await page.reload();
    await ticket.locator('img').first().waitFor({ timeout: STEP });
    expect(await ticket.innerText()).toMatch(/职工电影之夜[\s\S]*李秀英[\s\S]*到场后把这个码给工作人员扫一下/);
    // The short code to read aloud at the door, not 37 hex characters.
    expect((await page.locator('[data-testid="ticket-code"]:visible').innerText()).trim()).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    await shot(page, 'worker-event-ticket');

    await onScreen(page, '我的报名').click();
    const panel = page.locator('[data-testid="entry-panel"]:visible');
    await panel.first().waitFor({ timeout: STEP });
    await page.reload();
    await panel.first().waitFor({ timeout: STEP });
    expect(await panel.count()).toBe(1);
    expect(await panel.first().innerText()).toMatch(/职工电影之夜[\s\S]*已报名/);
  }, 90000);

  it('team: the captain signs up the 拔河 team with nine members’ names and sees 已报名（10人）', async () => {
    const page = await person(e2e, '何队长');
    await openForm(page, '五一“铁臂王”拔河比赛');
    await fill(page, '姓名', '何队长');
    await fill(page, '手机号', '13900001111');
    await fill(page, '工作单位', '九江精密五金厂');
    await onScreen(page, '提交报名').click();
    // Missing member names: said in the form, nothing stored.
    await page.locator('[data-testid="sign-up-form"]:visible [role="alert"]').waitFor({ timeout: STEP });
    expect(e2e.cloud.db.find('event_entries', { eventId: 'ev-tiebiwang' })).toHaveLength(0);
    for (let i = 1; i <= 9; i += 1) await fill(page, `队员${i}`, `队员${'甲乙丙丁戊己庚辛壬'[i - 1]}`);
    await shot(page, 'worker-event-team-form');
    await doubleTap(onScreen(page, '提交报名'));
    const status = page.locator('[data-testid="entry-status"]:visible');
    await status.waitFor({ timeout: STEP });
    expect(await status.innerText()).toBe('已报名（10人）');
    const stored = e2e.cloud.db.find('event_entries', { eventId: 'ev-tiebiwang' });
    expect(stored).toHaveLength(1);
    expect(stored[0].seats).toBe(10);
    await shot(page, 'worker-event-team-done');
  }, 90000);

  it('lottery: applies for 亲子游园会 with a child, sees 已申请，等抽签 and it is in 我的报名', async () => {
    const page = await person(e2e, '梁妈妈');
    await openForm(page, '亲子游园会');
    expect(await onScreen(page, '提交申请').count()).toBe(1);
    await fill(page, '姓名', '梁妈妈');
    await fill(page, '手机号', '13700002222');
    await fill(page, '工作单位', '沙头制衣厂');
    await fill(page, '孩子1的名字', '梁小宝');
    await fill(page, '孩子1的年龄', '7');
    // A child under 14: nothing is sent before the parent's own tick.
    await onScreen(page, '提交申请').click();
    await page.locator('[data-testid="sign-up-form"]:visible [role="alert"]').getByText(/请先勾选/).waitFor({ timeout: STEP });
    expect(e2e.cloud.db.find('event_entries', { eventId: 'ev-youyuanhui' })).toHaveLength(0);
    await page.locator('[data-testid^="consent-"]:visible').click();
    await doubleTap(onScreen(page, '提交申请'));
    const status = page.locator('[data-testid="entry-status"]:visible');
    await status.waitFor({ timeout: STEP });
    expect(await status.innerText()).toBe('已申请，等抽签');
    expect(e2e.cloud.db.find('event_entries', { eventId: 'ev-youyuanhui' })).toHaveLength(1);
    await shot(page, 'worker-event-lottery');
    await open(e2e, page, TABS.me);
    await onScreen(page, '我的报名和入场码').click();
    const panel = page.locator('[data-testid="entry-panel"]:visible', { hasText: '亲子游园会' });
    await panel.waitFor({ timeout: STEP });
    expect(await panel.innerText()).toMatch(/亲子游园会[\s\S]*已申请，等抽签/);
  }, 90000);

  it('lottery page: says in plain words when the result comes and how anyone can check it; the fingerprint waits behind 查看核对方法', async () => {
    const page = await person(e2e, '梁爸爸');
    await open(e2e, page, '/packages/events/pages/detail/index', { id: 'ev-youyuanhui' });
    const card = page.locator('[data-testid="lottery"]:visible');
    await card.waitFor({ timeout: STEP });
    expect(await card.innerText()).toMatch(/抽签结果将在\d+月\d+日 周. \d\d:\d\d报名截止后公布/);
    expect(await card.innerText()).toContain('任何人都能核对结果没有被改过');
    expect(await card.innerText()).not.toMatch(/[0-9a-f]{64}/);
    await onScreen(page, '查看核对方法').click();
    await card.locator('[data-testid="lottery-check"]').waitFor({ timeout: STEP });
    expect(await card.innerText()).toMatch(/[0-9a-f]{64}/);
    await shot(page, 'worker-event-lottery-check');
  }, 60000);

  // issue 9 minor: "forms forget name/phone/employer between events (offer last values)".
  it('the next form offers the name and phone given last time (on this phone)', async () => {
    const page = await person(e2e, '周师傅');
    await openForm(page, '职工电影之夜');
    await fill(page, '姓名', '周师傅');
    await fill(page, '手机号', '13698765432');
    await onScreen(page, '提交报名').click();
    await page.locator('[data-testid="entry-status"]:visible').waitFor({ timeout: STEP });

    await openForm(page, '职业技能竞赛·中式面点师');
    const form = page.locator('[data-testid="sign-up-form"]:visible');
    expect(await form.locator('input[aria-label="姓名"]').inputValue()).toBe('周师傅');
    expect(await form.locator('input[aria-label="手机号"]').inputValue()).toBe('13698765432');
    expect(await form.innerText()).toContain('已经填上你上次报名用的信息');
    await shot(page, 'worker-event-form-offers-last');
    // Another worker on another phone is offered nothing.
    const other = await person(e2e, '黎阿姨');
    await openForm(other, '职业技能竞赛·中式面点师');
    expect(await other.locator('[data-testid="sign-up-form"]:visible input[aria-label="姓名"]').inputValue()).toBe('');
  }, 90000);

  it('a half-filled form survives a reload, and is gone once the sign-up goes through', async () => {
    const page = await person(e2e, '韦大姐');
    await openForm(page, '新家园·新梦想 政策宣讲');
    await fill(page, '姓名', '韦大姐');
    await fill(page, '工作单位', '九江镇某制衣厂');
    await page.reload();
    const form = page.locator('[data-testid="sign-up-form"]:visible');
    await form.waitFor({ timeout: STEP });
    expect(await form.locator('input[aria-label="姓名"]').inputValue()).toBe('韦大姐');
    expect(await form.locator('input[aria-label="工作单位"]').inputValue()).toBe('九江镇某制衣厂');
    expect(await form.innerText()).toContain('上次没填完的内容还在');
    await shot(page, 'worker-event-draft-kept');
    await fill(page, '手机号', '13512344321');
    await doubleTap(onScreen(page, '提交报名'));
    await page.locator('[data-testid="entry-status"]:visible').waitFor({ timeout: STEP });
    expect(e2e.cloud.db.find('event_entries', { eventId: 'ev-xinjiayuan' }).filter((e) => e.name === '韦大姐')).toHaveLength(1);
    await page.reload();
    await page.locator('[data-testid="entry-status"]:visible').waitFor({ timeout: STEP });
    expect(await page.locator('[data-testid="sign-up-form"]:visible').count()).toBe(0);
  }, 90000);
});
