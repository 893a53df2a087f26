/**
 * Draws the tab bar icons (WeChat's tabBar takes only PNG/JPG files, 81 x 81 recommended) from the
 * SVG paths below, in the normal and selected colours, using the same headless Chromium as the
 * browser tests. Run it after changing an icon: `npx tsx scripts/make-tab-icons.ts`; the PNGs are
 * committed under src/assets/tab/.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const COLORS = { normal: '#4a4a4a', active: '#b4151c' };

// 24 x 24 outline drawings: 首页 house, 活动 flag, 维权 shield with a tick, 我的 person.
const ICONS: Record<string, string> = {
  home: '<path d="M3 11 12 3l9 8"/><path d="M5 10v10h5v-6h4v6h5V10"/>',
  events: '<path d="M5 21V4"/><path d="M5 4h11l-2 4 2 4H5"/>',
  rights: '<path d="M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6z"/><path d="m8.5 12 2.5 2.5 4.5-5"/>',
  me: '<circle cx="12" cy="8" r="4"/><path d="M4 21c1-4.5 4.5-7 8-7s7 2.5 8 7"/>',
};

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } });
  const outDir = path.resolve(__dirname, '..', 'src', 'assets', 'tab');
  for (const [name, paths] of Object.entries(ICONS)) {
    for (const [state, color] of Object.entries(COLORS)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 24 24" fill="none" stroke="${color}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } });
      writeFileSync(path.join(outDir, `${name}${state === 'active' ? '-active' : ''}.png`), png);
    }
  }
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
