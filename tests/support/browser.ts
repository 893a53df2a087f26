/**
 * Real headless Chromium (Debian's package, driven by playwright-core) against the H5 build served
 * by a local cloud. npm test installs Chromium first (scripts/chromium.ts) and passes CHROMIUM_PATH.
 */
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  browser: Browser;
  /** A fresh phone-sized page (375 x 740, like a common Android phone; `width` for a narrower one). */
  newPage(opts?: { width?: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  // launch() gives every browser a fresh temporary profile of its own (and removes it on close).
  const browser = await chromium.launch({ executablePath, headless: true, args: FLAGS });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newPage(opts = {}) {
      const context = await browser.newContext({ viewport: { width: opts.width ?? 375, height: 740 }, deviceScaleFactor: 2, locale: 'zh-CN' });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
      await browser.close();
    },
  };
}

/** Where screenshots go, for a person to look at (npm test keeps the last run's). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', '.tmp', 'screenshots');
