/**
 * 首页 今天还能约 without a location permission: the worker taps the centre they are near and the
 * card answers from there (or says today is full), in normal and 长辈模式 screenshots.
 */
import path from 'node:path';
import { SCREENSHOT_DIR } from '../support/browser';
import { useE2E } from '../support/e2e';

const e2e = useE2E();

it('今天还能约: tapping 我在哪边 ranks from that centre, no location asked', async () => {
  const page = await e2e.browser.newPage();
  await page.goto(`${e2e.url}/#/pages/home/index`);
  const card = page.locator('[data-testid="nearest-free"]');
  await card.waitFor({ timeout: 20000 });
  await card.getByText('我在哪边？点一下，找离你近的：').waitFor();
  const chips = card.locator('.choice');
  expect(await chips.count()).toBeGreaterThanOrEqual(4);
  const chosen = chips.nth(1);
  const name = (await chosen.innerText()).trim();
  await chosen.click();
  await card.locator('.choice--on').waitFor({ timeout: 20000 });
  expect((await card.locator('.choice--on').innerText()).trim()).toBe(name);
  const text = await card.innerText();
  expect(/离你选的地方约[\d.]+公里|今天没有还能约的时间了/.test(text)).toBe(true);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'home-nearest.png'), fullPage: true });
}, 60000);
