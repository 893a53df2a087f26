/**
 * 长辈模式 and accessibility in real Chromium: axe-core injected into each tab and each area's main
 * pages, in both modes — no serious or critical violations; in 长辈模式 body text >= 18px, line
 * height >= 1.3, tap targets >= 60px, and no pop-up on any page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { startTestCloud, type TestCloud } from '../support/local-cloud';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let cloud: TestCloud;
let browser: TestBrowser;
let url: string;
let staffToken: string;

const PAGES: { name: string; path: string; waitFor: string; staff?: boolean }[] = [
  { name: '首页', path: '/#/pages/home/index', waitFor: '.centre-card' },
  { name: '活动', path: '/#/pages/events/index', waitFor: '.shell' },
  { name: '维权', path: '/#/pages/rights/index', waitFor: '.shell' },
  { name: '我的', path: '/#/pages/me/index', waitFor: '[data-testid="me"]' },
  { name: '服务中心', path: '/#/packages/centres/pages/detail/index?id=shatou', waitFor: '.shell' },
  { name: '我的数据', path: '/#/packages/me/pages/data/index', waitFor: '[data-testid="my-data"]' },
  { name: '工作台', path: '/#/packages/staff/pages/home/index', waitFor: '[data-testid="staff-home"]', staff: true },
  { name: '服务数据', path: '/#/packages/staff/pages/dashboard/index', waitFor: '[data-testid="figures"]', staff: true },
  { name: '工作人员', path: '/#/packages/staff/pages/roles/index', waitFor: '[data-testid="staff-list"]', staff: true },
  { name: '操作记录', path: '/#/packages/staff/pages/audit/index', waitFor: '[data-testid="audit-rows"] .card, [data-testid="audit-empty"]', staff: true },
];

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true });
  url = (await cloud.listen(0)).url;
  browser = await launchBrowser();
  const res = await fetch(`${url}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'staff', name: '无障碍管理员' }) });
  staffToken = ((await res.json()) as { token: string }).token;
}, 90000);

afterAll(async () => {
  await browser?.close();
  await cloud?.destroy();
});

async function open(page: Page, path: string, large: boolean): Promise<void> {
  await page.goto(`${url}/`);
  await page.evaluate(
    ([token, on]) => {
      localStorage.setItem('dev-session-token', JSON.stringify({ data: token }));
      localStorage.setItem('pref-large-text', JSON.stringify({ data: on ? 'on' : 'off' }));
    },
    [staffToken, large] as const,
  );
  await page.goto(`${url}${path}`);
  await page.reload();
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

const totals = { pages: 0, axeRuns: 0, violations: 0, targetsMeasured: 0 };

describe.each([false, true])('长辈模式 %s', (large) => {
  it.each(PAGES.map((p) => [p.name, p] as const))('%s: no serious or critical axe violations%s', async (_name, p) => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await open(page, p.path, large);
    await page.locator(p.waitFor).first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(300);
    await page.addScriptTag({ content: AXE });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations;
    })) as AxeViolation[];
    totals.axeRuns += 1;
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} @ ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    totals.violations += bad.length;
    expect(bad).toEqual([]);
    // no pop-ups: neither browser dialogs nor Taro's modal
    expect(dialogs).toEqual([]);
    expect(await page.locator('.taro__modal, .taro-modal__mask').count()).toBe(0);
    if (large) {
      const m = await page.evaluate(() => {
        const shell = document.querySelector('.shell') as HTMLElement;
        const style = getComputedStyle(shell);
        const targets = Array.from(document.querySelectorAll('button, .button, [role="button"], [role="link"], [role="checkbox"], .st-link, .centre-card'))
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.width > 0 && r.height > 0);
        return {
          font: parseFloat(style.fontSize),
          lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
          smallestTarget: targets.length ? Math.min(...targets.map((r) => r.height)) : 999,
          targets: targets.length,
        };
      });
      totals.targetsMeasured += m.targets;
      expect(m.font).toBeGreaterThanOrEqual(18);
      expect(m.lineHeight).toBeGreaterThanOrEqual(1.3);
      expect(m.smallestTarget).toBeGreaterThanOrEqual(60);
    }
    totals.pages += 1;
  }, 60000);
});

afterAll(() => {
  console.log(JSON.stringify({ suite: 'a11y', ...totals }));
});
