/**
 * 帮扶 end to end in Chromium on the local cloud: a worker applies for 法律援助 and adds a photo of
 * their ID; a staff member asks for the labour contract; the worker adds it; staff decide; the
 * worker sees the result with its reason. Screenshots go to .tmp/screenshots/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from '../support/browser';
import { devSignIn, useE2E } from '../support/e2e';

const e2e = useE2E();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `aid-${name}.png`), fullPage: true });
/** A tiny valid PNG: what a phone photo is to the server (type by extension, size by bytes). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function addPhoto(page: Page, kind: string, name: string) {
  await page.locator('[data-testid="aid-add"] .choice').getByText(kind, { exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-testid="aid-add-photo"]').click();
  await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: PNG });
}

describe('帮扶 in the H5 build', () => {
  it('apply with a photo -> staff ask for more -> the worker adds it -> staff decide -> the worker sees the result', async () => {
    const page = await e2e.browser.newPage();
    await devSignIn(page, e2e.url, '阿依古丽·买买提');

    // 首页 -> 法律援助: the checklist first, then only this kind's fields.
    await page.goto(`${e2e.url}/#/pages/home/index`);
    await page.locator('[data-testid="aid-entry"]').getByText('法律援助').click();
    await page.locator('[data-testid="aid-bring"]').waitFor({ timeout: 30000 });
    expect(await page.locator('[data-testid="aid-bring"]').innerText()).toContain('劳动合同');
    expect(await page.locator('input[aria-label="想找什么工作"]').count()).toBe(0);
    await page.locator('.choice:visible').getByText('九江镇职工·家服务中心', { exact: true }).click();
    await page.locator('input[aria-label="姓名"]:visible').fill('阿依古丽·买买提');
    await page.locator('input[aria-label="手机号"]:visible').fill('19912345678');
    await page.locator('input[aria-label="身份证号"]:visible').fill('110105194912310021');
    await page.locator('input[aria-label="单位名称"]:visible').fill('鸿发制衣厂');
    await page.locator('.choice:visible').getByText('欠薪', { exact: true }).click();
    await page.locator('textarea:visible').first().fill('老板拖欠三个月工资，一直不给。');
    await page.locator('[data-testid="submit-aid"]').click();
    // A wrong ID number is refused in plain words, next to its field.
    await page.getByText('身份证号不对，请核对18位号码（最后一位可能是X）').waitFor({ timeout: 20000 });
    await page.locator('input[aria-label="身份证号"]:visible').fill('11010519491231002X');
    await page.locator('[data-testid="submit-aid"]').click();
    await page.locator('[data-testid="aid-application"]').waitFor({ timeout: 20000 });
    await page.getByText('提交成功！').waitFor();
    expect(await page.locator('[data-testid="aid-application"]').innerText()).toContain('已提交');

    await addPhoto(page, '身份证', 'id-card.png');
    await page.locator('[data-testid="aid-application"]').getByText('身份证 · id-card.png').waitFor({ timeout: 20000 });
    await shot(page, 'submitted');
    const [stored] = e2e.cloud.db.find('aid_applications', { phone: '19912345678' }) as { _id: string; documents: { fileId: string }[] }[];
    expect(stored.documents).toHaveLength(1);
    expect(e2e.cloud.storage.read(stored.documents[0].fileId)?.equals(PNG)).toBe(true);

    // Staff: the queue, the application with the phone and ID masked; ask for the contract.
    const staff = await e2e.browser.newPage();
    await devSignIn(staff, e2e.url, '帮扶社工', 'staff');
    await staff.goto(`${e2e.url}/#/packages/aid/staff/queue/index`);
    await staff.locator('[data-testid="aid-queue"]').getByText('法律援助 · 阿依古丽·买买提').click();
    await staff.locator('[data-testid="aid-staff-application"]').waitFor({ timeout: 20000 });
    const seen = await staff.locator('[data-testid="aid-staff-application"]').innerText();
    expect(seen).toContain('199****5678');
    expect(seen).toContain('1101**********002X');
    expect(seen).not.toContain('19912345678');
    // 显示号码: a reason first, then the number in full with 拨打 (a tel: link on H5), logged
    const reveal = staff.locator('[data-testid="phone-reveal"]');
    await reveal.getByText('显示号码', { exact: true }).click();
    await reveal.locator('.choice').getByText('核实情况', { exact: true }).click();
    await reveal.getByText('显示完整号码', { exact: true }).click();
    await staff.locator('[data-testid="phone-revealed"]').getByText('电话：19912345678').waitFor({ timeout: 20000 });
    expect(await staff.locator('[data-testid="phone-revealed"] a').getAttribute('href')).toBe('tel:19912345678');
    expect(e2e.cloud.db.find('audit', { fn: 'aid', action: 'staffRevealPhone' })).toMatchObject([{ outcome: 'ok', name: '帮扶社工', note: { reason: 'verify' } }]);
    await staff.locator('[data-testid="aid-accept"]').click();
    await staff.locator('.ad-status').getByText('已受理').waitFor({ timeout: 20000 });
    await staff.locator('.choice:visible').getByText('劳动合同', { exact: true }).click();
    await staff.locator('input[aria-label="补充说明"]:visible').fill('拍清楚签名页');
    await staff.locator('[data-testid="aid-ask-more"]').click();
    await staff.locator('.ad-status').getByText('需要补材料').waitFor({ timeout: 20000 });
    await shot(staff, 'staff-asked');

    // The worker sees what is missing and adds it.
    await page.reload();
    await page.locator('[data-testid="aid-missing"]').waitFor({ timeout: 20000 });
    const missing = await page.locator('[data-testid="aid-missing"]').innerText();
    expect(missing).toContain('劳动合同');
    expect(missing).toContain('拍清楚签名页');
    await shot(page, 'needs-more');
    await addPhoto(page, '劳动合同', 'contract.png');
    await page.locator('.ad-status').getByText('审核中').waitFor({ timeout: 20000 });

    // Staff decide; the worker sees the result with the reason and every step with its date.
    await staff.reload();
    await staff.locator('[data-testid="aid-staff-application"]').waitFor({ timeout: 20000 });
    await staff.locator('textarea:visible').first().fill('已为你指派律师，下周一上午到中心见面。');
    await staff.locator('[data-testid="aid-done"]').click();
    await staff.locator('.ad-status').getByText('已办结').waitFor({ timeout: 20000 });

    await page.reload();
    await page.locator('[data-testid="aid-decision"]').waitFor({ timeout: 20000 });
    expect(await page.locator('[data-testid="aid-decision"]').innerText()).toContain('已为你指派律师');
    const history = await page.locator('[data-testid="aid-history"]').innerText();
    for (const step of ['已提交', '已受理', '需要补材料', '审核中', '已办结']) expect(history).toContain(step);
    await shot(page, 'done');
  }, 180000);
});
