// The Playwright `test` of the console specs. Its `page.goto` also waits until React has revealed the page's
// streamed Suspense boundaries: until then the server-rendered content sits in hidden `<div id="S:n">` copies,
// and a locator that counts hidden elements (getByTestId, getByLabel, getByText) could see two of one thing.
import { test as base, expect, type Page } from '@playwright/test';

/** Waits (up to 10 s) until no streamed boundary is still hidden; a navigation meanwhile ends the wait. */
export async function streamed(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('div[hidden][id^="S:"]'), undefined, { timeout: 10_000 }).catch(() => undefined);
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await streamed(page);
      return response;
    };
    await use(page);
  },
});

export { expect };
export type { Page };
