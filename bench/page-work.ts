import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/*
 * Waiting for the page to be linked, and putting mark.js on it, without Playwright's helpers for
 * either: waitForFunction and addScriptTag first evaluate Playwright's own injected script in the
 * page, 6.5 ms in a trace that the page alone never pays, and a traced comparison would count it
 * as Riksref's and as mark.js's. page.evaluate in the page's own world costs a fraction of a
 * millisecond, as it does in the page-alone runs, which evaluate too (settling).
 */

const MARK_JS_SOURCE = readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8');
const POLL_MS = 50;

/** Resolves when Riksref says the page is linked to its end; throws after `timeoutMs`. */
export async function linkingDone(page: Page, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluate(() => document.documentElement.dataset.riksrefLinking === 'done'))) {
    if (Date.now() > until) throw new Error(`the page was not linked within ${timeoutMs} ms`);
    await page.waitForTimeout(POLL_MS);
  }
}

/** mark.js (its UMD build, which sets window.Mark) evaluated in the page's own world. */
export async function addMarkJs(page: Page): Promise<void> {
  await page.evaluate(MARK_JS_SOURCE);
}
