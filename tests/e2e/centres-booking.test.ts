/**
 * A worker books a slot in the H5 build on the local cloud, in real Chromium: 首页 -> a centre ->
 * 法律咨询 -> a day and a time -> 确认预约 -> the booking code (a QR made on the server) -> 我的预约.
 * Screenshots in normal and 长辈模式 go to .tmp/screenshots for a person to look at.
 */
import path from 'node:path';
import { SCREENSHOT_DIR } from '../support/browser';
import { devSignIn, useE2E } from '../support/e2e';

const e2e = useE2E();

describe('booking a slot in the browser', () => {
  it('books 法律咨询 at 九江镇 in a few taps and shows the booking code and 我的预约', async () => {
    const page = await e2e.browser.newPage();
    await devSignIn(page, e2e.url, '赵师傅');
    await page.goto(`${e2e.url}/#/pages/home/index`);
    await page.locator('.centre-card').first().waitFor({ timeout: 20000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'home-with-bookings.png'), fullPage: true });
    await page.locator('.centre-card').first().click();
    await page.getByLabel('法律咨询预约').click();
    await page.locator('.slot:not(.slot--off)').first().waitFor({ timeout: 20000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'book.png'), fullPage: true });
    await page.locator('.slot:not(.slot--off)').first().click();
    await page.locator('[data-testid="confirm"]').waitFor();
    await page.getByText('确认预约').click();
    await page.locator('[data-testid="booking-code"]').waitFor({ timeout: 20000 });
    const code = (await page.locator('[data-testid="booking-code"]').innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(await page.getByText('预约成功').count()).toBe(1);
    const qr = await page.locator('.qr img, img.qr, .qr').first().evaluate((el) => (el as HTMLImageElement).src ?? el.querySelector('img')?.src ?? '');
    expect(qr.startsWith('data:image/png;base64,')).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'booking-code.png'), fullPage: true });

    // The booking is in the database, held by the signed-in worker, one seat taken.
    const stored = e2e.cloud.db.find('bookings', { code });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'booked', service: 'legal-consultation', centreId: 'jiujiang' });

    await page.getByText('我的全部预约').click();
    await page.locator('[data-testid="my-booking"]').first().waitFor({ timeout: 20000 });
    expect(await page.locator('[data-testid="my-booking"]').count()).toBe(1);
    expect(await page.locator('[data-testid="my-booking"]').first().innerText()).toContain('已预约');
  }, 90000);

  it('困难帮扶 waits for its own consent tick before it books', async () => {
    const page = await e2e.browser.newPage();
    await devSignIn(page, e2e.url, '孙大姐');
    await page.goto(`${e2e.url}/#/packages/centres/pages/book/index?centreId=jiujiang&service=hardship-aid`);
    await page.locator('.slot:not(.slot--off)').first().waitFor({ timeout: 20000 });
    await page.locator('.slot:not(.slot--off)').first().click();
    await page.locator('[data-testid="consent-finances"]').waitFor();
    await page.getByText('确认预约').click();
    await page.getByText('请先勾选“我同意提供家庭经济困难情况”再提交').waitFor({ timeout: 20000 });
    await page.locator('[data-testid="consent-finances"]').click();
    await page.getByText('确认预约').click();
    await page.locator('[data-testid="booking-code"]').waitFor({ timeout: 20000 });
    const code = (await page.locator('[data-testid="booking-code"]').innerText()).trim();
    const [stored] = e2e.cloud.db.find('bookings', { code });
    expect(stored).toMatchObject({ service: 'hardship-aid', status: 'booked' });
    expect(stored.sensitiveConsentAt).toBeDefined();
  }, 90000);

  it('reads well in 长辈模式 (screenshots of the booking pages)', async () => {
    const page = await e2e.browser.newPage();
    await devSignIn(page, e2e.url, '钱阿姨');
    await page.locator('.taro-switch, [role="switch"], input[type="checkbox"]').first().click();
    await page.waitForFunction(() => document.querySelector('.shell--large') !== null);
    await page.goto(`${e2e.url}/#/packages/centres/pages/book/index?centreId=shatou&service=job-referral`);
    await page.locator('.slot').first().waitFor({ timeout: 20000 });
    const height = await page.locator('.slot').first().evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeGreaterThanOrEqual(60);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'book-large.png'), fullPage: true });
  }, 90000);
});
