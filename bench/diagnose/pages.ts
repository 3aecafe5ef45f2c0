import type { Page } from 'playwright-core';
import type { Session } from '../../tests/e2e/support/browser.ts';
import { URLS } from '../../tests/e2e/support/sites.ts';

/** The 1 MB fixture a diagnosis looks at: `dense` on the command line, else the typical one. */
export const diagnosedUrl = process.argv.includes('dense') ? URLS.long : URLS.longTypical;

/** A new tab, after one unmeasured load of `url` that warms the caches (a reader's second visit). */
export async function warmedPage(session: Pick<Session, 'context'>, url: string): Promise<Page> {
  const warm = await session.context.newPage();
  await warm.goto(url, { waitUntil: 'load' });
  await warm.waitForLoadState('networkidle');
  await warm.close();
  return session.context.newPage();
}

/** Loads `url` and waits until it is linked to its end and its metadata has come. */
export async function loadLinked(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.riksrefLinking === 'done', null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
}
