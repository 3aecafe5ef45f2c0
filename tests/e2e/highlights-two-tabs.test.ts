import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import {
  closeTabsBut,
  deleteAllHighlights,
  message,
  openDocument,
  openExtensionPage,
  painted,
  selectText,
  tabIdOf,
  toolbar,
  waitForPaint,
} from './support/highlights.ts';
import { URLS } from './support/sites.ts';

/*
 * Issue 12: two tabs of the same document save highlights at the same moment. Both are kept —
 * in the database, painted in both tabs without a reload, listed in the side panel — and are
 * there again after reloading both.
 */

const FIRST = 'Det finns också ett nära och ömsesidigt informationsutbyte mellan Polismyndigheten och Säkerhetspolisen.';
const SECOND = 'Stockholm den 17 april 2019';

let session: Session;
let extensionPage: Page;

beforeAll(async () => {
  session = await launch();
  extensionPage = await openExtensionPage(session);
});
afterAll(async () => {
  await session?.close();
});
beforeEach(async () => {
  await deleteAllHighlights(extensionPage);
  await closeTabsBut(session, extensionPage);
});

/** Two tabs of the answer page, each with a selection waiting in its toolbar. */
async function twoTabs(first: string, second: string): Promise<[Page, Page]> {
  const a = await openDocument(session, URLS.answer);
  const b = await openDocument(session, URLS.answer);
  for (const [page, text] of [
    [a, first],
    [b, second],
  ] as const) {
    await selectText(page, text);
    await toolbar(page).waitFor({ state: 'visible' });
  }
  return [a, b];
}

/** What each tab paints, as a sorted list of the passages. */
const paintedTexts = async (page: Page) => Object.values(await painted(page)).flat().sort();

async function bothKept(a: Page, b: Page, expected: string[]) {
  const sorted = [...expected].sort();
  const stored = (await message(extensionPage, 'listHighlights', { dokId: 'H612523' })).highlights;
  expect(stored.map((h: { selectors: { quote: { exact: string } } }) => h.selectors.quote.exact).sort()).toEqual(sorted);
  expect(new Set(stored.map((h: { id: string }) => h.id)).size).toBe(expected.length);
  // Painted in both tabs without a reload (each hears of the other's save).
  for (const page of [a, b]) {
    await waitForPaint(page, expected.length);
    expect(await paintedTexts(page)).toEqual(sorted);
  }
  // Listed in the side panel.
  const panel = await session.context.newPage();
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${await tabIdOf(session, URLS.answer)}&view=highlights`);
  await panel.locator('[data-panel="highlights"] [data-phase="ready"]').waitFor({ timeout: 10_000 });
  await expect
    .poll(async () => (await panel.locator('[data-panel="highlights"] [role="tabpanel"] [data-highlight-id] blockquote').allTextContents()).sort())
    .toEqual(sorted);
  await panel.close();
  // And again after reloading both tabs.
  await Promise.all([a.reload({ waitUntil: 'load' }), b.reload({ waitUntil: 'load' })]);
  for (const page of [a, b]) {
    await waitForPaint(page, expected.length);
    expect(await paintedTexts(page)).toEqual(sorted);
  }
}

describe('two tabs of one document saving at the same moment', () => {
  test('two passages, saved through both toolbars at once: both kept', async () => {
    const [a, b] = await twoTabs(FIRST, SECOND);
    await Promise.all([
      a.locator('riksref-highlights [data-action="highlight"][data-color="green"]').click(),
      b.locator('riksref-highlights [data-action="highlight"][data-color="blue"]').click(),
    ]);
    await bothKept(a, b, [FIRST, SECOND]);
    expect(await painted(a)).toEqual({ 'riksref-green': [FIRST], 'riksref-blue': [SECOND] });
  });

  test('the same passage in both, sent to both tabs in one go (as the context menu does): two highlights, both kept', async () => {
    const [a, b] = await twoTabs(FIRST, FIRST);
    await session.serviceWorker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as { chrome: any };
      const tabs = await chrome.tabs.query({ url });
      // Both messages leave before either is answered.
      await Promise.all(tabs.map((tab: { id: number }) => chrome.tabs.sendMessage(tab.id, { riksrefTab: 1, command: 'saveSelection' })));
    }, URLS.answer);
    await bothKept(a, b, [FIRST, FIRST]);
  });
});
