import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import { dataApi, URLS } from './support/sites.ts';

const OUT = resolve(import.meta.dirname, '../../test-output');
const SOU = 'a[data-riksref="sou:2018:65"]';
const DIR = 'a[data-riksref="dir:2017:75"]';
const SKR = 'a[data-riksref="skr:2014/15:146"]';
// Playwright's CSS engine pierces open shadow roots, so this finds the card inside its host.
const CARD = 'riksref-card .card';

let session: Session;
beforeAll(async () => {
  session = await launch();
  await mkdir(OUT, { recursive: true });
});
afterAll(async () => {
  await session?.close();
});
afterEach(() => {
  dataApi.fault = 'none';
});

/** Opens the answer page and waits until the metadata has reached the links. */
async function answerPage(s: Session = session): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(URLS.answer, { waitUntil: 'load' });
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('title'), SOU, { timeout: 15_000 });
  return page;
}

const focusedRef = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.riksref ?? null);
/** The data-action of what has focus inside the card's shadow root. */
const focusedAction = (page: Page) =>
  page.evaluate(() => (document.querySelector('riksref-card')?.shadowRoot?.activeElement as HTMLElement | null)?.dataset.action ?? null);

describe('hover cards on the answer page', () => {
  test('hovering the SOU link shows its card, next to the link, within a second', async () => {
    const page = await answerPage();
    await page.hover(SOU);
    const card = page.locator(CARD);
    await card.locator('.title', { hasText: 'Informationsutbyte vid samverkan mot terrorism' }).waitFor({ timeout: 1_000 });
    expect(await card.getAttribute('data-state')).toBe('found');
    expect(await card.locator('.kind').textContent()).toBe('Statens offentliga utredningar');
    expect(await card.locator('[data-field="organ"]').textContent()).toBe('Justitiedepartementet');
    expect(await card.locator('[data-action="pdf"]').getAttribute('href')).toBe('https://data.riksdagen.se/fil/H6B365');

    // Floating next to the link: just below (or above) it, overlapping it horizontally.
    const link = (await page.locator(SOU).boundingBox())!;
    const box = (await card.boundingBox())!;
    const below = box.y >= link.y + link.height - 1 && box.y <= link.y + link.height + 20;
    const above = box.y + box.height <= link.y + 1 && box.y + box.height >= link.y - 20;
    expect(below || above).toBe(true);
    expect(box.x).toBeLessThan(link.x + link.width);
    expect(box.x + box.width).toBeGreaterThan(link.x);

    // The link is described by the card (through a light-DOM mirror, see hover-cards.ts), and
    // Chromium's accessibility tree really computes that description.
    expect(await page.locator(SOU).getAttribute('aria-describedby')).toBe('riksref-card-description');
    expect(await page.locator(SOU).getAttribute('title')).toBeNull();
    const cdp = await session.context.newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: SOU });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    expect(nodes[0]?.description?.value).toBe(
      'Statens offentliga utredningar, SOU 2018:65: Informationsutbyte vid samverkan mot terrorism. 2018-09-27. Justitiedepartementet.',
    );

    // The pointer may travel into the card: it stays.
    await page.mouse.move(box.x + 20, box.y + 20, { steps: 4 });
    await page.waitForTimeout(500);
    expect(await card.count()).toBe(1);
    // Away from both: it closes, and the link is as it was.
    await page.mouse.move(5, 850, { steps: 4 });
    await card.waitFor({ state: 'detached', timeout: 2_000 });
    expect(await page.locator(SOU).getAttribute('aria-describedby')).toBeNull();
    expect(await page.locator(SOU).getAttribute('title')).toBe('SOU 2018:65: Informationsutbyte vid samverkan mot terrorism');
    await page.close();
  });

  test('a pointer just passing over a link opens nothing', async () => {
    const page = await answerPage();
    await page.hover(SOU);
    await page.mouse.move(5, 850);
    await page.waitForTimeout(600);
    expect(await page.locator(CARD).count()).toBe(0);
    await page.close();
  });

  test('keyboard: focus opens the card at once, Escape closes it and keeps focus, Tab walks through it', async () => {
    const page = await answerPage();
    const card = page.locator(CARD);
    const cardFor = (label: string) => card.locator('.label', { hasText: label }).waitFor({ timeout: 500 });
    await page.focus(SKR);
    await cardFor('skr. 2014/15:146');

    // Escape from inside the card: closed, focus back on its reference.
    await page.keyboard.press('Tab');
    expect(await focusedAction(page)).toBe('open');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 500 });
    expect(await focusedRef(page)).toBe('skr:2014/15:146');

    // Tab to the dir. link: its card opens at once; Escape closes it, focus stays on the link.
    await page.keyboard.press('Tab');
    expect(await focusedRef(page)).toBe('dir:2017:75');
    await cardFor('dir. 2017:75');
    expect(await card.locator('.title').textContent()).toBe('Informationsutbyte vid samverkan mot terrorism');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 500 });
    expect(await focusedRef(page)).toBe('dir:2017:75');

    // Back to skr.: Tab enters its card, Shift+Tab from the first action returns to the reference…
    await page.keyboard.press('Shift+Tab');
    await cardFor('skr. 2014/15:146');
    await page.keyboard.press('Tab');
    expect(await focusedAction(page)).toBe('open');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedRef(page)).toBe('skr:2014/15:146');
    expect(await card.count()).toBe(1);
    // …and Tab through every action, then on to what follows the reference in the page.
    const visited: (string | null)[] = [];
    await page.keyboard.press('Tab');
    for (let i = 0; i < 6 && (await focusedRef(page)) !== 'dir:2017:75'; i++) {
      visited.push(await focusedAction(page));
      await page.keyboard.press('Tab');
    }
    expect(visited).toEqual(['open', 'full-text', 'pdf', 'copy']);
    expect(await focusedRef(page)).toBe('dir:2017:75');
    await cardFor('dir. 2017:75');
    expect(await card.count()).toBe(1);
    await page.close();
  });

  test('touch: the first tap shows the card, the second follows the link', async () => {
    const page = await answerPage();
    // On screen: a card for a reference scrolled out of sight closes at once.
    await page.locator(DIR).scrollIntoViewIfNeeded();
    // A tap as a touch screen sends it: a touch pointerdown, then a click. Playwright's own
    // dispatchEvent, so a click that navigates the page away is not an evaluate() left waiting.
    const tap = async () => {
      await page.locator(DIR).dispatchEvent('pointerdown', { pointerType: 'touch' });
      await page.locator(DIR).dispatchEvent('click');
    };
    await tap();
    await page.locator(CARD).locator('.label', { hasText: 'dir. 2017:75' }).waitFor({ timeout: 1_000 });
    expect(page.url()).toBe(URLS.answer);
    const href = await page.locator(DIR).getAttribute('href');
    expect(href).not.toBe(URLS.answer);
    // Wait for the followed page to load before closing the tab: Chromium acknowledges a close that
    // races a navigation's commit and then never closes the tab, so page.close() would wait forever
    // (crbug.com/536385539, Playwright issues 42068 and 42366). That was this test's hang.
    const followed = page.waitForURL((url) => url.href === href, { timeout: 5_000, waitUntil: 'load' });
    await tap();
    await followed;
    await page.close();
  });

  test('screenshots of the card in light and dark mode', async () => {
    const page = await answerPage();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.mouse.move(5, 850);
      await page.locator(SOU).scrollIntoViewIfNeeded();
      await page.hover(SOU);
      const card = page.locator(CARD);
      await card.waitFor({ timeout: 1_000 });
      const background = await card.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(29, 33, 39)');
      const link = (await page.locator(SOU).boundingBox())!;
      const box = (await card.boundingBox())!;
      const x = Math.max(0, Math.min(link.x, box.x) - 24);
      const y = Math.max(0, Math.min(link.y, box.y) - 24);
      await page.screenshot({
        path: `${OUT}/card-${scheme}.png`,
        clip: { x, y, width: Math.max(link.x + link.width, box.x + box.width) - x + 24, height: Math.max(link.y + link.height, box.y + box.height) - y + 24 },
      });
    }
    await page.close();
  });
});

describe('a card whose lookup failed', () => {
  // Its own browser: sessions keep one metadata cache, and this document must not be in it.
  let fresh: Session;
  beforeAll(async () => {
    fresh = await launch();
  });
  afterAll(async () => {
    await fresh?.close();
  });

  test('shows "Försök igen", and a retry after the service is back shows the title', async () => {
    dataApi.fault = 'status-500';
    const page = await fresh.context.newPage();
    await page.goto(URLS.answer, { waitUntil: 'load' });
    await page.focus(SOU);
    const card = page.locator(CARD);
    await page.locator(`${CARD}[data-state="unavailable"]`).waitFor({ timeout: 20_000 });
    expect(await card.locator('.problem').textContent()).toBe('Kunde inte hämta uppgifter');
    expect(await card.locator('[data-action="open"]').getAttribute('href')).toBe(await page.locator(SOU).getAttribute('href'));

    dataApi.fault = 'none';
    await card.locator('[data-action="retry"]').click();
    await card.locator('.title', { hasText: 'Informationsutbyte vid samverkan mot terrorism' }).waitFor({ timeout: 10_000 });
    expect(await card.getAttribute('data-state')).toBe('found');
    await page.close();
  });
});
