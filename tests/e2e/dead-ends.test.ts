/**
 * The dead ends of issue 9, walked as a person would in the H5 build on the local cloud: each test
 * failed before its fix. 便民日 reached from the home card (its id used to arrive still encoded),
 * 删除我的数据 refusing until the phrase is typed, 新建活动 double-tapped and its field errors.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { COLLECTIONS } from '../../server/db/schema';
import { SCREENSHOT_DIR } from '../support/browser';
import { devSignIn, useE2E } from '../support/e2e';
import { worker } from '../support/local-cloud';

const e2e = useE2E();

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

describe('便民日 from the home card', () => {
  it('opens the fair, takes one number on a double tap, and shows it in 我的数据 with the queue name', async () => {
    const page = await e2e.browser.newPage();
    await devSignIn(page, e2e.url, '周师傅');
    await page.goto(`${e2e.url}/#/pages/home/index`);
    await page.locator('[data-testid="fair-banner"]').waitFor({ timeout: 20000 });
    await page.locator('[data-testid="fair-banner"]').click();
    await page.locator('[data-testid="fair-queue"]').first().waitFor({ timeout: 20000 });
    expect(await page.getByText('没有找到这次便民日').count()).toBe(0);
    const queueName = (await page.locator('[data-testid="fair-queue"]').first().locator('text=/./').first().innerText()).trim();

    const before = e2e.cloud.db.find(COLLECTIONS.fairTickets, {}).length;
    const take = page.locator('[data-testid="fair-queue"]').first().getByText(/取号/).first();
    await take.dblclick();
    await page.getByText(/已取号：\d+号/).waitFor({ timeout: 20000 });
    expect(e2e.cloud.db.find(COLLECTIONS.fairTickets, {}).length).toBe(before + 1);
    await shot(page, 'fair-taken');

    await page.goto(`${e2e.url}/#/packages/me/pages/data/index`);
    await page.locator('[data-testid="my-data"]').waitFor({ timeout: 20000 });
    const text = await page.locator('[data-testid="my-data"]').innerText();
    expect(text).toContain(`便民日 · ${queueName}`);
    expect(text).not.toMatch(/[a-z]+:\d{4}-\d{2}-\d{2}/); // no raw fair id
  }, 90000);
});

describe('删除我的数据', () => {
  it('stays disabled until the phrase is typed; a tap on it deletes nothing; the typed phrase deletes', async () => {
    const page = await e2e.browser.newPage();
    await devSignIn(page, e2e.url, '吴阿姨');
    await page.goto(`${e2e.url}/#/packages/me/pages/data/index`);
    await page.locator('[data-testid="my-data"]').waitFor({ timeout: 20000 });
    const button = page.locator('[data-testid="delete-button"]');
    const box = page.locator('input[aria-label="确认删除"], [aria-label="确认删除"] input').first();

    // Empty box: the button looks and is disabled; tapping it anyway sends nothing.
    expect(await button.getAttribute('disabled')).not.toBeNull();
    await button.click({ force: true });
    await button.click({ force: true });
    await page.waitForTimeout(800);
    expect(await page.getByText(/已删除/).count()).toBe(0);

    // Half the phrase: still disabled.
    await box.click();
    await page.keyboard.type('删除');
    await page.waitForTimeout(200);
    expect(await button.getAttribute('disabled')).not.toBeNull();
    await button.click({ force: true });
    await page.waitForTimeout(800);
    expect(await page.getByText(/已删除/).count()).toBe(0);
    await shot(page, 'my-data-delete-disabled');

    // The phrase: enabled, and a double tap deletes once.
    await page.keyboard.type('我的数据');
    await page.waitForFunction(() => !document.querySelector('[data-testid="delete-button"]')?.hasAttribute('disabled'));
    await button.dblclick();
    await page.getByText(/已删除。/).waitFor({ timeout: 20000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    await shot(page, 'my-data-deleted');
  }, 90000);

  it('the server refuses anything but the phrase and deletes nothing', async () => {
    const me = worker('delete-refused');
    await e2e.cloud.call('account', 'setNickname', { nickname: '留着' }, me);
    for (const confirm of ['', '删除', '删除我的数据 ', 'yes']) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const res = await e2e.cloud.call('account', 'deleteMyData', { confirm } as any, me);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('BAD_INPUT');
    }
    expect(e2e.cloud.db.find(COLLECTIONS.users, { _id: me.openid })[0]).toMatchObject({ nickname: '留着' });
  }, 30000);
});
