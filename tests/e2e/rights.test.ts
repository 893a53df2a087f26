/**
 * 维权 end to end in Chromium on the local cloud: a worker searches in their own words, opens the
 * article, votes, asks a question; a staff member answers it in the staff pages; the worker sees
 * the answer and rates it. Screenshots in both text sizes go to .tmp/screenshots/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from '../support/browser';
import { useE2E } from '../support/e2e';

const e2e = useE2E();

/**
 * Signs in with the local cloud's development sign-in (the request the 我的 page makes), straight
 * from the page: quicker than devSignIn, and it also sets 长辈模式 before the first render.
 */
async function signIn(page: Page, role: 'worker' | 'staff', name: string, large = false): Promise<string> {
  await page.goto(`${e2e.url}/`);
  const openid = await page.evaluate(
    async ({ role, name, large }) => {
      const res = await fetch('/dev/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, name }) });
      const body = (await res.json()) as { token: string; openid: string };
      // Taro's storage format on h5.
      localStorage.setItem('dev-session-token', JSON.stringify({ data: body.token }));
      localStorage.setItem('pref-large-text', JSON.stringify({ data: large ? 'on' : 'off' }));
      return body.openid;
    },
    { role, name, large },
  );
  // The sign-in page sets the worker's name the same way.
  if (role === 'worker') await e2e.cloud.call('account', 'setNickname', { nickname: name }, { openid });
  return openid;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `rights-${name}.png`) });

describe('维权 in the H5 build', () => {
  it('search in a worker\'s words -> article -> 有用 -> ask -> staff answers -> the worker sees the answer and rates it', async () => {
    const page = await e2e.browser.newPage();
    await signIn(page, 'worker', '阿强');

    // The 维权 tab: search box first.
    await page.goto(`${e2e.url}/#/pages/rights/index`);
    // The first page of a fresh local cloud starts the function instances: give it time on a busy machine.
    await page.locator('[data-testid="featured"]').waitFor({ timeout: 45000 });
    await shot(page, 'tab');
    await page.locator('input[placeholder="例如：老板不发工资"]:visible').fill('被炒鱿鱼了有没有补偿');
    await page.getByText('搜索', { exact: true }).first().click();
    await page.locator('[data-testid="results"]').waitFor({ timeout: 20000 });
    expect(page.url()).toContain('packages/rights/pages/search/index');
    const first = page.locator('[data-testid="results"] .list-row').first();
    expect(await first.getAttribute('data-slug')).toBe('dismissal-compensation');
    await shot(page, 'search');

    // The article: short answer first, legal basis, read count.
    await first.click();
    await page.locator('[data-testid="article"]').waitFor({ timeout: 20000 });
    expect(page.url()).toContain('slug=dismissal-compensation');
    await page.getByText('先说答案').waitFor();
    await page.getByText('法律依据', { exact: true }).waitFor();
    await shot(page, 'article');

    // 有用: counted once, the page thanks the worker.
    await page.locator('[data-testid="feedback"]').getByText('有用', { exact: true }).click();
    await page.locator('[data-testid="feedback-done"]').waitFor({ timeout: 20000 });
    const article = e2e.cloud.db.find('rights_articles', { _id: 'dismissal-compensation' })[0];
    expect(article.helpful).toBe(1);
    expect(article.reads).toBe(1);

    // Ask about it: the category comes from the article.
    await page.locator('[data-testid="ask"]').click();
    await page.getByText('2. 说说发生了什么').waitFor({ timeout: 20000 });
    expect(page.url()).toContain('category=termination');
    await page.locator('textarea:visible').first().fill('厂里订单少了，主管昨天说明天不用来了，也没说给补偿，我干了三年，该怎么要补偿？');
    await page.locator('input[placeholder="手机号，方便工作人员打电话给你"]:visible').fill('13912345678');
    await page.locator('[data-testid="submit-ask"]').click();
    await page.locator('[data-testid="case"]').waitFor({ timeout: 20000 });
    await page.getByText('提交成功！').waitFor();
    expect(await page.locator('[data-testid="due"]').innerText()).toMatch(/\d+月\d+日 周. 18:00前/);
    await shot(page, 'case-submitted');
    const [asked] = e2e.cloud.db.find('rights_consultations', { phone: '13912345678' });
    expect(asked).toMatchObject({ category: 'termination', articleSlug: 'dismissal-compensation', status: 'submitted', who: '阿强' });

    // A staff member answers from the staff pages; the phone is masked there.
    const staffPage = await e2e.browser.newPage();
    await signIn(staffPage, 'staff', '李律师');
    await staffPage.goto(`${e2e.url}/#/packages/rights/staff/cases/index`);
    await staffPage.locator('[data-testid="staff-cases"]').waitFor({ timeout: 20000 });
    await shot(staffPage, 'staff-cases');
    await staffPage.locator('[data-testid="staff-cases"] .list-row').first().click();
    await staffPage.locator('[data-testid="answer-form"]').waitFor({ timeout: 20000 });
    const staffText = await staffPage.locator('[data-testid="staff-case"]').innerText();
    expect(staffText).toContain('139****5678');
    expect(staffText).not.toContain('13912345678');
    await staffPage.locator('[data-testid="answer-form"] textarea').fill('口头叫你明天不用来，属于单位解除劳动合同。干了三年，可以要3个月工资的经济补偿；单位没有合法理由的，可以要求双倍赔偿。请保留聊天记录和工资流水。');
    await staffPage.getByText('发送答复').click();
    await staffPage.locator('[data-testid="staff-case"] .rt-status--answered').waitFor({ timeout: 20000 });
    await shot(staffPage, 'staff-case');

    // The worker sees the answer and rates it: the case ends.
    await page.reload();
    await page.locator('[data-testid="answer"]').waitFor({ timeout: 20000 });
    expect(await page.locator('[data-testid="answer"]').innerText()).toContain('经济补偿');
    await shot(page, 'case-answered');
    await page.locator('[data-testid="rate"]').getByText('解决了').click();
    await page.getByText('你的评价：解决了').waitFor({ timeout: 20000 });
    expect(e2e.cloud.db.find('rights_consultations', { _id: asked._id })[0]).toMatchObject({ status: 'closed', rating: 3 });
  }, 120000);

  it('a search that finds nothing offers a way forward and is recorded for staff', async () => {
    const page = await e2e.browser.newPage();
    await signIn(page, 'worker', '阿珍');
    await page.goto(`${e2e.url}/#/packages/rights/pages/search/index?q=${encodeURIComponent('天气预报')}`);
    await page.locator('[data-testid="no-results"]').waitFor({ timeout: 20000 });
    expect(await page.getByText('我要咨询').count()).toBeGreaterThan(0);
    expect(await page.getByText('打 12351').count()).toBe(1);
    expect(e2e.cloud.db.find('rights_search_misses', { query: '天气预报' })[0]).toMatchObject({ n: 1 });
  }, 60000);

  it('长辈模式: the 维权 tab and an article read in large text with large targets', async () => {
    const page = await e2e.browser.newPage();
    await signIn(page, 'worker', '老陈', true);
    await page.goto(`${e2e.url}/#/pages/rights/index`);
    await page.locator('.shell--large [data-testid="featured"]').waitFor({ timeout: 20000 });
    const fontSize = await page.locator('.shell--large').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    const smallest = await page
      .locator('.shell--large .rt-grid__item, .shell--large .list-row, .shell--large .button')
      .evaluateAll((els) => Math.min(...els.filter((el) => el.getBoundingClientRect().height > 0).map((el) => el.getBoundingClientRect().height)));
    expect(smallest).toBeGreaterThanOrEqual(60);
    await shot(page, 'tab-large');
    await page.goto(`${e2e.url}/#/packages/rights/pages/article/index?slug=work-injury-claim`);
    await page.locator('.shell--large [data-testid="article"]').waitFor({ timeout: 20000 });
    await shot(page, 'article-large');
  }, 60000);
});
