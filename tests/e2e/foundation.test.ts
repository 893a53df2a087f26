import path from 'node:path';
import { SCREENSHOT_DIR } from '../support/browser';
import { devSignIn, useE2E } from '../support/e2e';

const e2e = useE2E();

describe('the H5 build on the local cloud, in Chromium', () => {
  it('shows the four centres from the database on 首页 and opens one', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.url}/`);
    const cards = page.locator('.centre-card');
    await cards.first().waitFor({ timeout: 20000 });
    expect(await cards.count()).toBe(4);
    expect(await cards.locator('.centre-card__name').allInnerTexts()).toEqual([
      '九江镇职工·家服务中心',
      '沙头文体公园职工·家服务中心',
      '公资园区职工·家服务中心',
      '烟南村职工·家服务中心',
    ]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'home.png') });

    await cards.nth(3).click();
    await page.getByText('430学堂').waitFor({ timeout: 20000 });
    expect(page.url()).toContain('packages/centres/pages/detail/index');
    expect(page.url()).toContain('id=yannan');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'centre-detail.png') });
  }, 60000);

  it('opens a centre straight from a deep link (a cold start)', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.url}/#/packages/centres/pages/detail/index?id=shatou`);
    await page.getByText('沙头文体公园职工·家服务中心').first().waitFor({ timeout: 20000 });
  }, 60000);

  it('shows an error with 重试 (not a blank page) for a centre that does not exist', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.url}/#/packages/centres/pages/detail/index?id=nowhere`);
    await page.getByText('没有找到这个服务中心').waitFor({ timeout: 20000 });
    expect(await page.getByText('重试').count()).toBeGreaterThan(0);
    expect(await page.getByText('回首页').count()).toBe(1);
  }, 60000);

  it('signs in on 我的 with the development sign-in and shows who is signed in', async () => {
    const page = await e2e.browser.newPage();
    await devSignIn(page, e2e.url, '王小明');
    const me = await page.locator('[data-testid="me"]').innerText();
    expect(me).toContain('王小明');
    expect(me).toContain('职工');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'me.png') });
  }, 60000);

  it('长辈模式 makes body text at least 18px and targets at least 60px, and is remembered', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.url}/#/pages/me/index`);
    await page.getByText('长辈模式').waitFor({ timeout: 20000 });
    const bodySize = () =>
      page.locator('.shell').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const normal = await bodySize();
    await page.locator('.taro-switch, [role="switch"], input[type="checkbox"]').first().click();
    await page.waitForFunction(() => document.querySelector('.shell--large') !== null);
    const large = await bodySize();
    expect(large).toBeGreaterThan(normal);
    expect(large).toBeGreaterThanOrEqual(18);
    await page.goto(`${e2e.url}/#/pages/home/index`);
    await page.locator('.shell--large .centre-card').first().waitFor({ timeout: 20000 });
    const minTarget = await page
      .locator('.centre-card')
      .evaluateAll((els) => Math.min(...els.map((el) => el.getBoundingClientRect().height)));
    expect(minTarget).toBeGreaterThanOrEqual(60);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'home-large.png') });
  }, 60000);
});
