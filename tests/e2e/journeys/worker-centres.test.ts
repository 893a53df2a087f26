/**
 * Worker journeys at the 职工·家 service centres, through the H5 build only (issue 9): book a slot,
 * change its time, cancel it; take a number at the 沙头 便民日 and give it back. Each press a
 * person would repeat is double-tapped; the page is reloaded where a person would come back to it.
 */
import { PAGES, TABS } from '../../../src/routes';

// src/routes.ts also navigates with Taro; the suite only reads its paths, in Node.
jest.mock('@tarojs/taro', () => ({}));
import { failOnConsoleErrors } from '../../support/console-errors';
import { useE2E } from '../../support/e2e';
import { doubleTap, modalButton, onScreen, open, person, shot, STEP } from '../../support/journeys';

const e2e = useE2E();
failOnConsoleErrors(e2e);

describe('worker: a centre slot', () => {
  it('books 法律咨询 from 首页 with a double tap: one booking, its code, and it is in 我的预约', async () => {
    const page = await person(e2e, '周师傅');
    await open(e2e, page, TABS.home);
    await page.getByText('九江镇职工·家服务中心').first().click();
    await page.getByLabel('法律咨询预约').click();
    const free = page.locator('.slot:not(.slot--off):visible');
    await free.first().waitFor({ timeout: STEP });
    await free.first().click();
    await doubleTap(page.getByText('确认预约', { exact: true }));
    await page.getByText('预约成功！到了服务中心，把这个码给工作人员看。').waitFor({ timeout: STEP });
    const code = (await page.locator('[data-testid="booking-code"]:visible').innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    await shot(page, 'worker-booked');

    // Back on 我的预约 after a reload: exactly one booking from the two taps, as booked.
    await page.getByText('我的全部预约').click();
    await page.locator('[data-testid="my-booking"]:visible').first().waitFor({ timeout: STEP });
    await page.reload();
    const rows = page.locator('[data-testid="my-booking"]:visible');
    await rows.first().waitFor({ timeout: STEP });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toMatch(/法律咨询[\s\S]*已预约[\s\S]*九江镇职工·家服务中心/);
  }, 90000);

  it('changes the time of the booking and then cancels it; 我的预约 says 已取消', async () => {
    const page = await person(e2e, '周师傅');
    await open(e2e, page, PAGES.myBookings);
    await page.locator('[data-testid="my-booking"]:visible').first().click();
    await page.getByText('改时间').waitFor({ timeout: STEP });
    const before = await page.locator('[data-testid="booking"]:visible').innerText();
    await page.getByText('改时间').click();
    await page.getByText('改到新的时间').waitFor({ timeout: STEP });
    // A different time: the last free slot of the day shown, not the one already held.
    const free = page.locator('.slot:not(.slot--off):visible');
    await free.first().waitFor({ timeout: STEP });
    await free.last().click();
    await doubleTap(page.getByText('确认改时间', { exact: true }));
    await page.locator('[data-testid="booking-code"]:visible').waitFor({ timeout: STEP });
    const after = await page.locator('[data-testid="booking"]:visible').innerText();
    expect(after).toContain('已预约');
    expect(after).not.toEqual(before);
    await shot(page, 'worker-rescheduled');

    await onScreen(page, '取消预约').first().click();
    await page.getByText('确定要取消这个预约吗？').waitFor({ timeout: STEP });
    await modalButton(page, '取消预约').click();
    await page.locator('[data-testid="booking"]:visible').getByText('已取消').waitFor({ timeout: STEP });
    expect(await onScreen(page, '改时间').count()).toBe(0);
    await shot(page, 'worker-cancelled');
    await onScreen(page, '我的全部预约').click();
    await page.locator('[data-testid="my-booking"]:visible').first().waitFor({ timeout: STEP });
    await page.reload();
    const rows = page.locator('[data-testid="my-booking"]:visible');
    await rows.first().waitFor({ timeout: STEP });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('已取消');
  }, 90000);

  // issue 9 minor "after reschedule say 改好了".
  it('after a reschedule the booking page says 改好了', async () => {
    const page = await person(e2e, '吴阿姨');
    await open(e2e, page, PAGES.centreBook, { centreId: 'jiujiang', service: 'job-referral' });
    const free = page.locator('.slot:not(.slot--off):visible');
    await free.first().waitFor({ timeout: STEP });
    await free.first().click();
    await page.getByText('确认预约', { exact: true }).click();
    await page.getByText('改时间').waitFor({ timeout: STEP });
    await page.getByText('改时间').click();
    await free.first().waitFor({ timeout: STEP });
    await free.last().click();
    await page.getByText('确认改时间', { exact: true }).click();
    await page.getByText('改好了').waitFor({ timeout: 8000 });
  }, 90000);
});

describe('worker: 便民日', () => {
  // issue 9 blocker 1: the page gets its id still URL-encoded ("没有找到这次便民日"); the number
  // must show in 我的预约 with the queue's name, and a worker can give it back.
  test('opens the 便民日 from 首页, takes one number with a double tap, sees it in 我的预约 and gives it back', async () => {
    const page = await person(e2e, '郑大哥');
    await open(e2e, page, TABS.home);
    await page.locator('[data-testid="fair-banner"]').click();
    await shot(page, 'worker-fair-opened');
    const queue = page.locator('[data-testid="fair-queue"]:visible').first();
    await queue.waitFor({ timeout: 8000 });
    const queueName = (await queue.locator('text=/./').first().innerText()).trim();
    await doubleTap(queue.getByText('取号', { exact: true }).first());
    const mine = page.locator('[data-testid="my-tickets"]:visible');
    await mine.waitFor({ timeout: STEP });
    expect(await mine.innerText()).toMatch(/我的号[\s\S]*\d+号/);
    expect(await page.getByText(/^已取号：\d+号$/).count()).toBe(1);
    const number = Number(((await page.getByText(/^已取号：\d+号$/).innerText()).match(/\d+/) ?? ['0'])[0]);
    await page.reload();
    await mine.waitFor({ timeout: STEP });
    await shot(page, 'worker-fair-number');

    // 我的预约 shows the number by its queue's name; 退号 asks first, then says so plainly.
    await open(e2e, page, PAGES.myBookings);
    const ticket = page.locator('[data-testid="my-fair-ticket"]:visible', { hasText: queueName });
    await ticket.waitFor({ timeout: STEP });
    expect(await ticket.innerText()).toContain(`${number}号`);
    await doubleTap(ticket.getByText(`退号（${queueName}${number}号）`));
    await modalButton(page, '退号').click({ timeout: STEP });
    const notice = page.locator('[data-testid="given-back"]:visible');
    await notice.waitFor({ timeout: STEP });
    expect(await notice.innerText()).toContain(`已退号：${queueName}${number}号`);
    await ticket.getByText('已退号', { exact: true }).waitFor({ timeout: STEP });
    await shot(page, 'worker-fair-given-back');

    // 重新取号 opens the fair again and the new number comes after the one given back.
    await notice.getByText('重新取号', { exact: true }).click();
    const again = page.locator('[data-testid="fair-queue"]:visible', { hasText: queueName });
    await again.getByText('重新取号', { exact: true }).first().click({ timeout: STEP });
    const taken = onScreen(page, /^已取号：\d+号$/);
    await taken.first().waitFor({ timeout: STEP });
    expect(Number(((await taken.first().innerText()).match(/\d+/) ?? ['0'])[0])).toBeGreaterThan(number);
  }, 90000);

  test('the 沙头 centre\'s 便民日 取号 opens the fair (not 没有找到这次便民日)', async () => {
    const page = await person(e2e, '郑大哥');
    await open(e2e, page, PAGES.centreDetail, { id: 'shatou' });
    await page.getByText(/取号/).first().click();
    await page.locator('[data-testid="fair-queue"]:visible').first().waitFor({ timeout: 8000 });
  }, 90000);
});
