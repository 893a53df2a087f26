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
 * Two taps on the same spot in quick succession, as an impatient thumb on a slow network does
 * (mouse down/up/click twice at the element's position, before the page can answer the first).
 * Whatever the first tap drew there takes the second.
 */
export async function doubleTap(target: Locator): Promise<void> {
  await target.dblclick();
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

/** Books the first free slot of a service at a centre through the booking page; returns the code. */
export async function bookFirstFreeSlot(e2e: E2E, page: Page, centreId: string, service: string): Promise<string> {
  await open(e2e, page, '/packages/centres/pages/book/index', { centreId, service });
  const free = page.locator('.slot:not(.slot--off):visible');
  await free.first().waitFor({ timeout: STEP });
  await free.first().click();
  await onScreen(page, '确认预约').click();
  const code = page.locator('[data-testid="booking-code"]:visible');
  await code.waitFor({ timeout: STEP });
  return (await code.innerText()).trim();
}

/**
 * Signs up for a first-come event whose form asks only 姓名 and 手机号 (e.g. ev-dianying) through
 * the event page; returns the ticket code the worker would read out.
 */
export async function signUpAndGetTicket(e2e: E2E, page: Page, eventId: string, name: string, phone: string): Promise<string> {
  await open(e2e, page, '/packages/events/pages/detail/index', { id: eventId });
  await page.locator('[data-testid="sign-up"]:visible').click({ timeout: STEP });
  await page.locator('[data-testid="sign-up-form"]:visible').waitFor({ timeout: STEP });
  await fill(page, '姓名', name);
  await fill(page, '手机号', phone);
  await onScreen(page, '提交报名').click();
  await onScreen(page, '看入场码').click({ timeout: STEP });
  const code = page.locator('[data-testid="ticket-code"]:visible');
  await code.waitFor({ timeout: STEP });
  return (await code.innerText()).trim();
}

/**
 * Moves the local cloud's clock to an hour before the event starts, when the door takes tickets
 * (contract/events/check-in-window.ts); `e2e.cloud.setTimeOffset(0)` puts it back.
 */
export function clockAtTheDoor(e2e: E2E, eventId: string): void {
  const [event] = e2e.cloud.db.find('events', { _id: eventId }) as Array<{ startsAt: Date | string }>;
  e2e.cloud.setTimeOffset(new Date(event.startsAt).getTime() - Date.now() - 3600_000);
}

/**
 * Whether a thumb on the middle of `target` lands on it, not on something drawn over it (a toast,
 * a mask): what a person could tap right now.
 */
export async function isTappable(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return !!hit && (el === hit || el.contains(hit));
  });
}
