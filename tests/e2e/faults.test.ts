import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import { dataApi, URLS } from './support/sites.ts';

/*
 * A card must leave its loading state within the request timeout (10 s), whatever
 * data.riksdagen.se does (DESIGN.md, "What fast means here"). These tests play a service that
 * accepts the connection and never answers, and one that fails only after the card has opened.
 * Each test gets its own browser: a session keeps one metadata cache, and these documents must
 * not be in it.
 */

const CARD = 'riksref-card .card';
const SOU = 'a[data-riksref="sou:2018:65"]';
const OSL = 'a[data-riksref="sfs:2009:400#K10P2"]';
/** The request timeout (lib/riksdagen/http.ts), and what a slow two-core machine may add to it. */
const REQUEST_TIMEOUT_MS = 10_000;
const SLACK_MS = 3_000;

let session: Session | undefined;
beforeEach(async () => {
  session = await launch();
});
afterEach(async () => {
  dataApi.fault = 'none';
  await session?.close();
  session = undefined;
});
afterAll(() => {
  dataApi.fault = 'none';
});

async function open(url: string, linked: string): Promise<Page> {
  const page = await session!.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.locator(linked).waitFor({ state: 'attached', timeout: 15_000 });
  return page;
}

/** Focuses a reference (the card opens at once) and returns when the card has left "loading". */
async function cardEnds(page: Page, reference: string) {
  await page.focus(reference);
  const card = page.locator(CARD);
  await card.waitFor({ timeout: 2_000 });
  const opened = Date.now();
  await page.locator(`${CARD}:not([data-state="loading"])`).waitFor({ timeout: REQUEST_TIMEOUT_MS + SLACK_MS });
  return { card, after: Date.now() - opened };
}

describe('cards against a service that never answers', () => {
  test('a document card says "unavailable" with "Försök igen" within the timeout; the retry then finds it', async () => {
    dataApi.fault = 'hang';
    const page = await open(URLS.answer, SOU);
    const { card } = await cardEnds(page, SOU);
    expect(await card.getAttribute('data-state')).toBe('unavailable');
    expect(await card.locator('.problem').textContent()).toBe('Kunde inte hämta uppgifter');

    dataApi.fault = 'none';
    await card.locator('[data-action="retry"]').click();
    await card.locator('.title', { hasText: 'Informationsutbyte vid samverkan mot terrorism' }).waitFor({ timeout: REQUEST_TIMEOUT_MS });
    expect(await card.getAttribute('data-state')).toBe('found');
    await page.close();
  });

  test("a law card (status and the law's text) ends within the timeout too", async () => {
    dataApi.fault = 'hang';
    const page = await open(URLS.lawCitations, OSL);
    const { card } = await cardEnds(page, OSL);
    expect(await card.getAttribute('data-state')).toBe('unavailable');

    dataApi.fault = 'none';
    await card.locator('[data-action="retry"]').click();
    await card.locator('[data-field="law-text"]').waitFor({ timeout: REQUEST_TIMEOUT_MS });
    expect(await card.getAttribute('data-state')).toBe('found');
    await page.close();
  });
});

describe('a lookup that fails after the card opened', () => {
  test('the open card turns from loading to "unavailable"', async () => {
    dataApi.fault = 'late-500';
    const page = await open(URLS.answer, SOU);
    // The page's own lookup is still waiting for its late answer when the card opens.
    const { card } = await cardEnds(page, SOU);
    expect(await card.getAttribute('data-state')).toBe('unavailable');
    expect(await card.locator('[data-action="retry"]').count()).toBe(1);
    await page.close();
  });
});

describe('metadata that arrives while a card is open', () => {
  test('the card shows it, and the link gets its title (the native tooltip) only once the card has closed', async () => {
    dataApi.fault = 'late-200';
    const page = await open(URLS.answer, SOU);
    await page.focus(SOU);
    await page.locator(`${CARD}[data-state="loading"]`).waitFor({ timeout: 2_000 });
    await page.locator(`${CARD}[data-state="found"]`).waitFor({ timeout: REQUEST_TIMEOUT_MS });
    // The link leads to the document now, but no tooltip covers the open card.
    expect(await page.locator(SOU).getAttribute('href')).toMatch(/_H6B365$/);
    expect(await page.locator(SOU).getAttribute('title')).toBeNull();
    await page.keyboard.press('Escape');
    await page.locator(CARD).waitFor({ state: 'detached', timeout: 2_000 });
    expect(await page.locator(SOU).getAttribute('title')).toBe('SOU 2018:65: Informationsutbyte vid samverkan mot terrorism');
    await page.close();
  });
});
