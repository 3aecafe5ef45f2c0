import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import { tabIdOf as tabIdOfUrl } from './support/highlights.ts';
import { URLS } from './support/sites.ts';

const OUT = resolve(import.meta.dirname, '../../test-output');

let session: Session;
beforeAll(async () => {
  session = await launch();
  await mkdir(OUT, { recursive: true });
});
afterAll(async () => {
  await session?.close();
});

const tabIdOf = (url: string) => tabIdOfUrl(session, url);

/** The panel page in a tab of its own, pinned to the page’s tab (`?tab=`, see entrypoints/sidepanel/current-tab.ts). */
async function openPanel(tabId: number): Promise<Page> {
  const panel = await session.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

const listed = (panel: Page) => panel.locator('[data-action="reveal"]').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id));
/** Which occurrences of `id` on the page carry the flash, by their index among that id's anchors. */
const flashed = (page: Page, id: string) =>
  page.evaluate(
    (id) =>
      [...document.querySelectorAll(`a[data-riksref="${CSS.escape(id)}"]`)]
        .map((a, i) => (a.hasAttribute('data-riksref-flash') ? i : -1))
        .filter((i) => i >= 0),
    id,
  );

describe('the side panel’s "Referenser"', () => {
  test('lists the answer page’s references by kind, with titles; a click scrolls to one and flashes it', async () => {
    const page = await session.context.newPage();
    await page.goto(URLS.answer, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('a[data-riksref][title]').length === 4, null, { timeout: 15_000 });
    const panel = await openPanel(await tabIdOf(URLS.answer));

    await panel.locator('[data-action="reveal"]').nth(3).waitFor({ timeout: 10_000 });
    expect(await listed(panel)).toEqual(['sou:2018:65', 'dir:2017:75', 'skr:2014/15:146', 'fr:2018/19:523']);
    expect(await panel.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Statens offentliga utredningar (1)',
      'Kommittédirektiv (1)',
      'Regeringens skrivelse (1)',
      'Skriftlig fråga (1)',
    ]);
    await panel.getByRole('button', { name: 'SOU 2018:65 Informationsutbyte vid samverkan mot terrorism 1 förekomst' }).waitFor();
    expect(await panel.getByRole('tab', { name: 'Referenser' }).getAttribute('aria-selected')).toBe('true');
    expect(await panel.getByRole('tab', { name: 'Markeringar' }).count()).toBe(1);
    await panel.screenshot({ path: `${OUT}/side-panel.png` });

    await panel.locator('[data-id="sou:2018:65"]').click();
    await panel.getByRole('status').filter({ hasText: 'Visar förekomsten i dokumentet.' }).waitFor({ timeout: 2_000 });
    expect(await flashed(page, 'sou:2018:65')).toEqual([0]);
    // Scrolled into view (smooth scrolling may still be under way: wait for it to arrive).
    await page.waitForFunction(() => {
      const r = document.querySelector('a[data-riksref="sou:2018:65"]')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, null, { timeout: 3_000 });
    // The flash goes away by itself.
    await page.waitForFunction(() => !document.querySelector('[data-riksref-flash]'), null, { timeout: 3_000 });
    await panel.close();
    await page.close();
  });

  test('follows the tab to another page, and each click shows the next occurrence', async () => {
    const page = await session.context.newPage();
    await page.goto(URLS.answer, { waitUntil: 'load' });
    const tabId = await tabIdOf(URLS.answer);
    const panel = await openPanel(tabId);
    await panel.locator('[data-id="sou:2018:65"]').waitFor({ timeout: 10_000 });

    await page.goto(URLS.manyReferences, { waitUntil: 'load' });
    // 40 references to 12 documents; the panel hears of the new page without being asked. It
    // asks as soon as the page has loaded, which may be while the page is still being linked
    // (all 12 documents seen, not yet all 40 references), and again when the linking has ended.
    await panel.waitForFunction(
      () => {
        const buttons = [...document.querySelectorAll<HTMLElement>('[data-action="reveal"]')];
        return buttons.length === 12 && buttons.reduce((sum, b) => sum + Number(b.dataset.count), 0) === 40;
      },
      null,
      { timeout: 15_000 },
    );
    expect(await panel.locator('img').count()).toBe(0);

    const counts = await panel
      .locator('[data-action="reveal"]')
      .evaluateAll((bs) => bs.map((b) => [(b as HTMLElement).dataset.id!, Number((b as HTMLElement).dataset.count)] as const));
    expect(counts.reduce((sum, [, n]) => sum + n, 0)).toBe(40);
    const [id, count] = counts.find(([, n]) => n >= 2)!;
    expect(await page.locator(`a[data-riksref="${id}"]`).count()).toBe(count);

    const item = panel.locator(`[data-id="${id}"]`);
    await item.click();
    await panel.getByRole('status').filter({ hasText: `Visar förekomst 1 av ${count}.` }).waitFor({ timeout: 2_000 });
    expect(await flashed(page, id)).toEqual([0]);
    await item.click();
    await panel.getByRole('status').filter({ hasText: `Visar förekomst 2 av ${count}.` }).waitFor({ timeout: 2_000 });
    expect(await flashed(page, id)).toEqual([1]);
    await panel.close();
    await page.close();
  });

  test('a tab without a document page gets a short explanation', async () => {
    const page = await session.context.newPage();
    await page.goto(URLS.start, { waitUntil: 'load' });
    const panel = await openPanel(await tabIdOf(URLS.start));
    await panel.getByText('Öppna ett dokument i den här fliken.', { exact: false }).waitFor({ timeout: 5_000 });
    expect(await panel.locator('[data-action="reveal"]').count()).toBe(0);
    await panel.close();
    await page.close();
  });
});
