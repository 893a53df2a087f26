/**
 * What the journey suites (tests/e2e/journeys, issue 9) share on top of useE2E: a person is a
 * fresh browser context (their own session and storage), screenshots go to
 * .tmp/screenshots/journeys/, and a press is a double tap where a person would press twice.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './browser';
import { devSignIn, type E2E } from './e2e';

export const JOURNEY_SCREENSHOTS = path.join(SCREENSHOT_DIR, 'journeys');

/** How long a step may take to show its answer (2 shared cores, cold function instances). */
export const STEP = 20000;

/** A person with their own phone: a fresh context, signed in with the development sign-in. */
export async function person(e2e: E2E, name: string, role: 'worker' | 'staff' = 'worker'): Promise<Page> {
  const page = await e2e.browser.newPage();
  await devSignIn(page, e2e.url, name, role);
  return page;
}

/** Opens a page of the H5 build by its route (src/routes.ts) and query. */
export async function open(e2e: E2E, page: Page, route: string, query: Record<string, string> = {}): Promise<void> {
  const q = new URLSearchParams(query).toString();
  await page.goto(`${e2e.url}/#${route}${q ? `?${q}` : ''}`);
}

/** Waits out the H5 router's page slide, then takes the whole page. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(JOURNEY_SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(JOURNEY_SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Two taps in quick succession, as an impatient thumb on a slow network does. The second tap is
 * forced: a button that turned itself off after the first must still refuse it by itself.
 */
export async function doubleTap(target: Locator): Promise<void> {
  await target.click();
  await target.click({ force: true, timeout: 2000 }).catch(() => undefined); // gone after the first tap: fine
}

/** Types into the input labelled `label` (aria-label on the input or on its Taro wrapper). */
export async function fill(page: Page, label: string, text: string): Promise<void> {
  const input = page.locator(`input[aria-label="${label}"]:visible, [aria-label="${label}"]:visible input, textarea[aria-label="${label}"]:visible, [aria-label="${label}"]:visible textarea`).first();
  await input.click();
  await input.fill('');
  await page.keyboard.type(text);
}

/** The visible text of the page's current view (the H5 router keeps earlier pages hidden). */
export async function screenText(page: Page): Promise<string> {
  return page.locator('.taro_page:visible, body').first().innerText();
}

/**
 * The element on screen showing exactly `text`. The H5 router keeps earlier pages in the document
 * (hidden), so the same button text may exist several times; a person sees only one.
 */
export function onScreen(page: Page, text: string | RegExp): Locator {
  return page.getByText(text, { exact: typeof text === 'string' }).filter({ visible: true });
}

/** The confirm button of the pop-up Taro.showModal draws on H5. */
export function modalButton(page: Page, text: string): Locator {
  return page.locator('.taro-modal__foot:visible').getByText(text, { exact: true });
}
