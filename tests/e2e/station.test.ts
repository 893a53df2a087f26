/**
 * The station QR code, end to end: staff generate it (wxacode.getUnlimited on the local cloud),
 * a worker's phone opens the URL it encodes on a cold start (a fresh browser, no session), and two
 * taps later the 人次 is counted — once, even when tapped again.
 */
import path from 'node:path';
import { scanUrl } from '../../local-cloud/openapi/wxacode';
import { SCREENSHOT_DIR } from '../support/browser';
import { useE2E } from '../support/e2e';

const e2e = useE2E();

describe('scanning the station QR code', () => {
  it('lands on the station page from the scene on a cold start and counts a tap once', async () => {
    const admin = await e2e.cloud.makeStaff('e2e-station', 'admin');
    const qr = (await e2e.cloud.call('station', 'staffQrCode', { campaignId: 'demo' }, admin)) as { ok: boolean };
    expect(qr.ok).toBe(true);
    const call = e2e.cloud.openapi.calls.find((c) => c.api === 'wxacode.getUnlimited')!;
    // What the printed code opens: the H5 page with the scene, as the stand-in encodes it.
    const scanned = scanUrl(e2e.url, String(call.data.page), String(call.data.scene));
    expect(scanned).toBe(`${e2e.url}/#/packages/station/pages/point/index?scene=c%3Ddemo`);

    const page = await e2e.browser.newPage(); // a fresh context: no session, nothing cached
    await page.goto(scanned);
    await page.getByText('平安返乡（演示）').waitFor({ timeout: 20000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'station-point.png'), fullPage: true });
    const tea = page.locator('[data-testid="station-service"]', { hasText: '姜茶' });
    await tea.click(); // the second tap (the scan was the first)
    await tea.getByText('已记下').first().waitFor({ timeout: 20000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'station-tapped.png'), fullPage: true });
    // aria-disabled now reaches the browser as such (src/a11y/h5-aria.ts): a second tap is forced.
    await tea.click({ force: true });
    // Reload (a weak signal, the worker opens it again): still done, still one.
    await page.reload();
    await page.getByText('平安返乡（演示）').waitFor({ timeout: 20000 });
    await page.locator('[data-testid="station-service"]', { hasText: '姜茶' }).getByText('已记下').waitFor({ timeout: 20000 });
    const stats = (await e2e.cloud.call('station', 'staffStats', { campaignId: 'demo' }, admin)) as { ok: true; data: { total: number; byService: Array<{ id: string; total: number }> } };
    expect(stats.data.byService.find((s) => s.id === 'tea')?.total).toBe(1);
    expect(stats.data.total).toBe(1);
  }, 90000);
});
