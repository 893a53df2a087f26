/**
 * A journey fails when a page it drove logged an error: a React warning about a node it could not
 * insert, an uncaught exception, a failed request the page did not handle. A person does not see
 * the console, but each of these is a defect that shows up sooner or later as a blank or stale
 * screen, and no assertion on the visible text catches it. Nothing is allowed: an expected error
 * is handled by the page and never reaches the console.
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import type { E2E } from './e2e';

/** What one page logged as an error: where it was and what it said. */
export interface LoggedError {
  url: string;
  text: string;
}

/** Starts collecting the console errors and uncaught exceptions of a page. */
export function watchConsole(page: Page, into: LoggedError[]): void {
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const at = message.location();
    into.push({ url: page.url(), text: `${message.text()}${at.url ? ` (${at.url}:${at.lineNumber})` : ''}` });
  });
  page.on('pageerror', (error) => {
    into.push({ url: page.url(), text: `uncaught: ${error.message}` });
  });
}

/**
 * Call after useE2E() in a test file: every page the file's browser opens is watched, and each
 * test ends by asserting that none of its pages logged an error (the list names page and text).
 */
export function failOnConsoleErrors(e2e: E2E): void {
  const logged: LoggedError[] = [];
  beforeAll(() => {
    const newPage = e2e.browser.newPage.bind(e2e.browser);
    e2e.browser.newPage = async () => {
      const page = await newPage();
      watchConsole(page, logged);
      return page;
    };
  });
  afterEach(() => {
    const errors = logged.splice(0);
    expect(errors).toEqual([]);
  });
}
