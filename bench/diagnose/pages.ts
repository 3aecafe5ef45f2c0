import type { Page } from 'playwright-core';
import type { Session } from '../../tests/e2e/support/browser.ts';
import { URLS } from '../../tests/e2e/support/sites.ts';
import { loadLinked } from '../page-work.ts';

/**
 * A page that is not a document (DIAG_URL=https://www.riksdagen.se/sv/, say): the script's cost
 * where it only starts and finds nothing to do, so nothing waits for linking.
 */
export const otherPage = process.env.DIAG_URL !== undefined;

/**
 * The page a diagnosis looks at: DIAG_URL, else the fixture named on the command line (`dense`,
 * the 1 MB dense one; `huge`, the 10 MB one), else the 1 MB typical one.
 */
export const diagnosedUrl =
  process.env.DIAG_URL ?? (process.argv.includes('dense') ? URLS.long : process.argv.includes('huge') ? URLS.huge : URLS.longTypical);

/** A new tab, after one unmeasured load of `url` that warms the caches (a reader's second visit). */
export async function warmedPage(session: Pick<Session, 'context'>, url: string): Promise<Page> {
  const warm = await session.context.newPage();
  await warm.goto(url, { waitUntil: 'load' });
  await warm.waitForLoadState('networkidle');
  await warm.close();
  return session.context.newPage();
}

/** Loads `url` and waits until it is linked to its end (unless it is `otherPage`) and its metadata has come. */
export function loadDiagnosed(page: Page, url: string): Promise<void> {
  return loadLinked(page, url, !otherPage);
}
