import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import { URLS } from './support/sites.ts';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

async function open(url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** What the content script recorded on <html>, once it has. */
async function recordedKind(page: Page) {
  await page.waitForFunction(() => document.documentElement.dataset.riksrefPage !== undefined, null, {
    timeout: 10_000,
  });
  return page.evaluate(() => ({ ...document.documentElement.dataset }));
}

/**
 * Pages we must not touch: the live DOM must equal a fresh parse of the same HTML. Waits for the
 * extension to have acted on a document page in the same session first, so "nothing happened"
 * is not merely "nothing happened yet".
 */
async function expectUntouched(url: string) {
  const witness = await open(URLS.answer);
  await recordedKind(witness);
  await witness.close();
  const page = await open(url);
  await page.waitForTimeout(500);
  const same = await page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const fresh = new DOMParser().parseFromString(html, 'text/html');
    return fresh.documentElement.outerHTML === document.documentElement.outerHTML;
  });
  const dataset = await page.evaluate(() => ({ ...document.documentElement.dataset }));
  await page.close();
  expect(dataset).toEqual({});
  expect(same).toBe(true);
}

describe('page detection in Chromium with the built extension', () => {
  test('the background service worker is alive and is ours', async () => {
    const manifest = await session.serviceWorker.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } };
      return chrome.runtime.getManifest();
    });
    expect(manifest.name).toBe('Riksref');
    expect(manifest.manifest_version).toBe(3);
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
  });

  test('the answer page on www.riksdagen.se is an answer with its dok_id', async () => {
    const page = await open(URLS.answer);
    const data = await recordedKind(page);
    expect(data).toMatchObject({ riksrefPage: 'frs', riksrefDokId: 'H612523' });
    await page.close();
  });

  test('the old URL scheme on the bare host, with a lower-case dok_id, is the same document', async () => {
    const page = await open(URLS.answerOldScheme);
    expect(await recordedKind(page)).toMatchObject({ riksrefPage: 'frs', riksrefDokId: 'H612523' });
    await page.close();
  });

  test('the plain data.riksdagen.se page is recognised from its text', async () => {
    const page = await open(URLS.dataAnswer);
    expect(await recordedKind(page)).toMatchObject({ riksrefPage: 'frs', riksrefDokId: 'H612523' });
    await page.close();
  });

  test('the start page is left completely alone', async () => {
    await expectUntouched(URLS.start);
  });

  test('the search page is left completely alone', async () => {
    await expectUntouched(URLS.search);
  });
});
