/**
 * The lawyer's review and the deadline calculators in Chromium on the local cloud: what a worker
 * reads about an article's review (never 待律师复核), the lawyer signing off in the staff editor,
 * and the calculators' answers as a worker sees them. Screenshots go to .tmp/screenshots/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from '../support/browser';
import { devSignIn, useE2E } from '../support/e2e';

const e2e = useE2E();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `rights-review-${name}.png`), fullPage: true });

describe('维权: review state and deadlines in the H5 build', () => {
  it('a worker never sees 待律师复核; the lawyer signs off in the staff editor; the worker then sees who reviewed it', async () => {
    const reader = await e2e.browser.newPage();
    const articleUrl = `${e2e.url}/#/packages/rights/pages/article/index?slug=paid-annual-leave`;
    await reader.goto(articleUrl);
    // The first page of a fresh local cloud starts the function instances: give it time on a busy machine.
    await reader.locator('[data-testid="article"]').waitFor({ timeout: 45000 });
    const before = await reader.locator('[data-testid="article"]').innerText();
    expect(before).toContain('整理：九江镇总工会法律服务团队');
    expect(before).not.toContain('待律师复核');
    expect(before).not.toContain('律师复核');

    const lawyer = await e2e.browser.newPage();
    await devSignIn(lawyer, e2e.url, '李律师', 'staff');
    await lawyer.goto(`${e2e.url}/#/packages/rights/staff/articles/index`);
    await lawyer.locator('[data-testid="staff-articles"]').waitFor({ timeout: 20000 });
    expect(await lawyer.locator('[data-testid="staff-articles"]').innerText()).toContain('⚠ 待律师复核');
    await shot(lawyer, 'staff-list');
    await lawyer.goto(`${e2e.url}/#/packages/rights/staff/article/index?slug=paid-annual-leave`);
    await lawyer.locator('[data-testid="review"]').waitFor({ timeout: 20000 });
    expect(await lawyer.locator('[data-testid="review"]').innerText()).toContain('待律师复核');
    await lawyer.locator('[data-testid="mark-reviewed"]').click();
    await lawyer.getByText(/律师已复核：李律师/).waitFor({ timeout: 20000 });
    await shot(lawyer, 'editor-reviewed');
    expect(e2e.cloud.db.find('audit', { fn: 'rights', action: 'staffReviewArticle' })).toMatchObject([{ outcome: 'ok', name: '李律师' }]);

    await reader.reload();
    await reader.locator('[data-testid="article"]').waitFor({ timeout: 20000 });
    expect(await reader.locator('[data-testid="article"]').innerText()).toMatch(/律师复核：李律师，(\d{4}年)?\d{1,2}月\d{1,2}日 周./);
    await shot(reader, 'article-reviewed');
  }, 120000);

  it('the calculators: wages only escape the year while employed; last days read 最晚…（当天也可以）; a final award is in force at once', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.url}/#/packages/rights/pages/deadlines/index`);
    await page.getByText('被欠工资或补偿').waitFor({ timeout: 45000 });
    await page.getByText('被欠工资或补偿').click();
    await page.getByText('要讨的是什么钱？').waitFor();
    // Wages, still employed: no date needed, and the page says the rule is for wages only.
    const results = page.locator('[data-testid="deadline-results"]');
    await results.waitFor({ timeout: 20000 });
    expect(await results.innerText()).toContain('还在厂里干的，不受1年时效限制');
    expect(await results.innerText()).toContain('年假工资、经济补偿和赔偿金都不算');

    // Double wages: the year runs while employed; the last day is said as the last day.
    await page.getByText('没签合同的二倍工资').click();
    await page.locator('[data-testid="date"]').click();
    await page.getByText('确定', { exact: true }).click();
    await results.waitFor({ timeout: 20000 });
    const big = await results.locator('.rt-big').first().innerText();
    expect(big).toMatch(/^最晚\d{4}年\d{1,2}月\d{1,2}日周.（当天也可以）$/);
    expect(await results.innerText()).toContain('在职也要最晚在这天申请');
    await shot(page, 'double-wages');

    // A final award: in force the day it was made, enforcement can be asked now.
    await page.getByText('不服仲裁结果').click();
    await page.getByText('写了终局裁决').click();
    await page.locator('[data-testid="date"]').click();
    await page.getByText('确定', { exact: true }).click();
    await results.waitFor({ timeout: 20000 });
    const text = await results.innerText();
    expect(text).toContain('裁决作出那天就生效');
    expect(text).toContain('现在就可以向法院申请强制执行');
    expect(text).toContain('单位不能起诉');
    await shot(page, 'final-award');
  }, 90000);
});
