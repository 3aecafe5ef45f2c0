import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, type Session } from './support/browser.ts';
import { URLS } from './support/sites.ts';

// The BUILT extension in a browser whose language is English (public/_locales/en): our words in
// English, the documents' own words (titles, kinds as the open data names them) as they are.

const SOU = 'a[data-riksref="sou:2018:65"]';
const CARD = 'riksref-card .card';

let session: Session;
beforeAll(async () => {
  session = await launch({ language: 'en-US' });
});
afterAll(async () => {
  await session?.close();
});

describe('Riksref in an English browser', () => {
  test('the hover card speaks English', async () => {
    const page = await session.context.newPage();
    await page.goto(URLS.answer, { waitUntil: 'load' });
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('title'), SOU, { timeout: 15_000 });
    await page.hover(SOU);
    const card = page.locator(CARD);
    await card.locator('.title', { hasText: 'Informationsutbyte vid samverkan mot terrorism' }).waitFor({ timeout: 5_000 });
    expect(await card.locator('.kind').textContent()).toBe('Statens offentliga utredningar');
    expect(await card.locator('dt').first().textContent()).toBe('Date');
    expect(await card.locator('[data-action="open"]').textContent()).toBe('Open on riksdagen.se');
    expect(await card.locator('[data-action="copy"]').textContent()).toBe('Copy reference');
    await page.close();
  });

  test('the options page speaks English', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.locator('h1', { hasText: 'Riksref – settings' }).waitFor({ timeout: 5_000 });
    expect(await page.title()).toBe('Riksref – settings');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h2').allTextContents()).toEqual(['Links', 'Sync', 'Cache', 'Reading history']);
    await page.locator('[data-field="size"]', { hasText: /\d/ }).waitFor({ timeout: 5_000 });
    expect(await page.locator('[data-field="size"]').textContent()).toMatch(/^\d[\d,.]* (bytes?|kB|MB)$/);
    await page.close();
  });
});
