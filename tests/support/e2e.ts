/**
 * The setup every browser test file shares: a seeded local cloud serving the H5 build on a free
 * loopback port, and Chromium. Call useE2E() at the top of a test file; read its fields inside tests.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR, type TestBrowser } from './browser';
import { startTestCloud, type TestCloud } from './local-cloud';

export interface E2E {
  cloud: TestCloud;
  browser: TestBrowser;
  /** The local cloud's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
}

export function useE2E(): E2E {
  const e2e = {} as E2E;
  beforeAll(async () => {
    e2e.cloud = await startTestCloud({ seed: true });
    e2e.url = (await e2e.cloud.listen(0)).url;
    e2e.browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, 90000);
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.cloud?.destroy();
    // Closing Chromium and eight instances per function can take longer than jest's 5 s default on a busy machine.
  }, 60000);
  return e2e;
}

/** Signs in with the local cloud's development sign-in on 我的, as a worker or a staff member. */
export async function devSignIn(page: Page, url: string, name: string, role: 'worker' | 'staff' = 'worker'): Promise<void> {
  await page.goto(`${url}/#/pages/me/index`);
  await page.getByText('本地测试登录').waitFor({ timeout: 20000 });
  await page.locator('.input').first().click();
  await page.keyboard.type(name);
  await page.getByText(role === 'worker' ? '以职工身份登录' : '以工作人员身份登录').click();
  await page.locator('[data-testid="me"]').waitFor({ timeout: 20000 });
}
