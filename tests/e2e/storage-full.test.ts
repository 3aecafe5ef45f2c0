import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import { message, openDocument, openExtensionPage, painted, selectText, toolbar, waitForPaint } from './support/highlights.ts';
import { URLS } from './support/sites.ts';

/*
 * Issue 12: the browser refuses every IndexedDB write (a full disk). Links and hover cards work
 * as before, only uncached; a highlight that cannot be saved stays on screen with its note, the
 * reason, "Försök igen" and a way to copy it; once there is room again it is saved as it was.
 *
 * How the disk fills: Chromium does not enforce a storage quota on an extension's own origin (the
 * DevTools protocol's quota override changes nothing there), so the refusal is made where the
 * browser would make it, at the IndexedDB API in the background: every put and add throws the
 * QuotaExceededError that a full disk gives. Everything above it — Dexie, our repositories, the
 * messages, the page — is the built extension's own code.
 */

const SENTENCE = 'Det finns också ett nära och ömsesidigt informationsutbyte mellan Polismyndigheten och Säkerhetspolisen.';
const NOTE = 'Citera i promemorian.';
const SOU = 'a[data-riksref="sou:2018:65"]';

let session: Session;
let extensionPage: Page;

beforeAll(async () => {
  session = await launch();
  extensionPage = await openExtensionPage(session);
  await message(extensionPage, 'listAllHighlights', {}); // the database is open before the disk fills
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.riksdagen.se' });
});
afterAll(async () => {
  await session?.close();
});

/** Makes every IndexedDB write in the background fail as a full disk does (`full`), or work again. */
async function diskFull(full: boolean): Promise<void> {
  await session.serviceWorker.evaluate((full) => {
    const store = IDBObjectStore.prototype as unknown as Record<'put' | 'add', (...args: unknown[]) => IDBRequest>;
    const saved = globalThis as unknown as { realWrites?: Record<'put' | 'add', (...args: unknown[]) => IDBRequest> };
    saved.realWrites ??= { put: store.put, add: store.add };
    for (const name of ['put', 'add'] as const) {
      store[name] = full
        ? () => {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
        : saved.realWrites[name];
    }
  }, full);
}

/** How many metadata records the background has cached (read straight from its database). */
const cachedDocuments = () =>
  extensionPage.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('riksref');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('documents').objectStore('documents').count();
          count.onsuccess = () => (open.result.close(), resolve(count.result));
          count.onerror = () => reject(count.error);
        };
      }),
  );

async function cardOf(page: Page) {
  await page.locator(SOU).first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.focus(SOU);
  const card = page.locator('riksref-card .card');
  await page.locator('riksref-card .card[data-state="found"] .title', { hasText: 'Informationsutbyte vid samverkan mot terrorism' }).waitFor({ timeout: 10_000 });
  return card;
}

describe('a full disk', () => {
  test('links and hover cards still work, uncached: each visit asks the service again', async () => {
    await diskFull(true);
    try {
      const soqRequests = () => session.data.requests.filter((r) => r.includes('doktyp=sou&rm=2018&bet=65')).length;
      const page = await openDocument(session, URLS.answer);
      // The link leads to the document and names it, as with a working cache (before its card
      // opens: an open card takes the title off, so that the native tooltip does not cover it).
      await page.locator(`${SOU}[title*="Informationsutbyte vid samverkan mot terrorism"]`).first().waitFor({ timeout: 15_000 });
      await cardOf(page);
      const asked = soqRequests();
      expect(asked).toBeGreaterThan(0);
      expect(await cachedDocuments()).toBe(0);

      await page.reload({ waitUntil: 'load' });
      await cardOf(page);
      expect(soqRequests()).toBeGreaterThan(asked);
      expect(await cachedDocuments()).toBe(0);
      await page.close();
    } finally {
      await diskFull(false);
    }
  });

  test('a highlight that cannot be saved stays with its note and the reason; copy it, or try again once there is room', async () => {
    const page = await openDocument(session, URLS.answer);
    await diskFull(true);
    try {
      await selectText(page, SENTENCE);
      await toolbar(page).waitFor({ state: 'visible' });
      await page.locator('riksref-highlights [data-action="note"]').click();
      await page.locator('riksref-highlights textarea').fill(NOTE);
      await page.locator('riksref-highlights [data-action="save-note"]').click();

      const alert = page.locator('riksref-highlights [role="alert"]');
      await alert.waitFor();
      expect(await alert.locator('.rr-error').textContent()).toBe(
        'Markeringen kunde inte sparas: webbläsaren har inte mer lagringsutrymme åt Riksref. Frigör utrymme (till exempel Töm cachen under Inställningar) och försök igen.',
      );
      expect(await page.locator('riksref-highlights textarea').inputValue()).toBe(NOTE);
      expect((await message(extensionPage, 'listAllHighlights', {})).highlights).toEqual([]);
      expect(await painted(page)).toEqual({});

      // A click elsewhere in the text does not throw it away.
      await page.locator('main p').first().click();
      expect(await toolbar(page).isVisible()).toBe(true);

      await page.locator('riksref-highlights [data-action="copy"]').click();
      await page.locator('riksref-highlights [role="status"]', { hasText: 'Kopierat' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SENTENCE}\n\n${NOTE}`);
    } finally {
      await diskFull(false);
    }

    // Room again: "Försök igen" saves it, with the note as the field holds it now.
    await page.locator('riksref-highlights textarea').fill(`${NOTE} Sidan 4.`);
    await page.locator('riksref-highlights [data-action="retry"]').click();
    await waitForPaint(page, 1);
    await toolbar(page).waitFor({ state: 'detached' });
    const [saved] = (await message(extensionPage, 'listAllHighlights', {})).highlights;
    expect(saved).toMatchObject({ note: `${NOTE} Sidan 4.`, selectors: { quote: { exact: SENTENCE } } });
    await page.reload({ waitUntil: 'load' });
    await waitForPaint(page, 1);
    expect(await painted(page)).toEqual({ 'riksref-yellow': [SENTENCE] });
    await page.close();
  });
});
