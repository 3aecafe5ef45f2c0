import type { Page } from 'playwright-core';
import type { Session } from './browser.ts';
import { message } from './highlights.ts';

/*
 * Large collections of highlights in the extension's own database (issue 12), written and
 * counted straight through IndexedDB from an extension page: thousands of messages would take
 * longer than what is being tested. The database is opened at whatever version the extension
 * made it; the background must have opened it once (any highlight message does).
 */

/**
 * What an extension page evaluates, as one expression: Playwright evaluates it through the
 * DevTools protocol, where the extension's CSP (no eval in the page) does not apply.
 */
const withDatabase = (body: string) => `(async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('riksref');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await new Promise((resolve, reject) => { ${body} });
  } finally {
    db.close();
  }
})()`;

/**
 * Turns the browser's sync of highlights off (and empties its area). Needed wherever the database
 * is written or cleared behind the background's back, as these helpers do: with the sync on, what
 * it had copied into the sync area would come back after a clear.
 */
export async function keepHighlightsLocal(page: Page): Promise<void> {
  const status = await message(page, 'setHighlightSync', { enabled: false, removeData: true });
  if (status.enabled) throw new Error('the sync of highlights is still on');
}

/** Writes highlights as the background stores them, in one transaction. */
export async function seedHighlights(page: Page, highlights: readonly object[]): Promise<void> {
  await page.evaluate((records) => {
    (window as unknown as { seeding: readonly object[] }).seeding = records;
  }, highlights);
  await page.evaluate(
    withDatabase(`
      const tx = db.transaction('highlights', 'readwrite');
      for (const record of window.seeding) tx.objectStore('highlights').put(record);
      tx.oncomplete = () => { delete window.seeding; resolve(); };
      tx.onerror = () => reject(tx.error);`),
  );
}

export async function countHighlights(page: Page): Promise<number> {
  return page.evaluate(
    withDatabase(`
      const request = db.transaction('highlights').objectStore('highlights').count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);`),
  );
}

/** Every highlight's id, as stored. */
export async function storedIds(page: Page): Promise<string[]> {
  return page.evaluate(
    withDatabase(`
      const request = db.transaction('highlights').objectStore('highlights').getAllKeys();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);`),
  );
}

export async function clearHighlights(page: Page): Promise<void> {
  await page.evaluate(
    withDatabase(`
      const tx = db.transaction('highlights', 'readwrite');
      tx.objectStore('highlights').clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);`),
  );
}

/**
 * The side panel page in a tab of its own, pinned to tab `tabId` (any number: a tab that does not
 * exist shows no document), on "Markeringar", once every highlight is read. `before` runs in the
 * page before its own scripts (to record what it shows as it happens).
 */
export async function openPanel(session: Session, tabId: number, before?: () => void): Promise<Page> {
  const panel = await session.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  if (before) await panel.addInitScript(before);
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}&view=highlights`);
  await panel.locator('[data-panel="highlights"] [data-phase="ready"]').waitFor({ timeout: 30_000 });
  return panel;
}

/** In the panel, before its scripts: every text the import/export progress bar shows, in order. */
export function recordProgress(): void {
  const seen: string[] = [];
  (window as unknown as { progressSeen: string[] }).progressSeen = seen;
  new MutationObserver(() => {
    const label = document.querySelector('[data-field="progress"] label')?.textContent;
    if (label && seen[seen.length - 1] !== label) seen.push(label);
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

export const progressSeen = (panel: Page) => panel.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
