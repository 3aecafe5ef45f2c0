import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import { message, openExtensionPage, tabIdOf } from './support/highlights.ts';
import { dataApi, URLS } from './support/sites.ts';

/*
 * Issue 13 in the built extension: a cited document's trail in its card (from the recorded
 * dokumentstatus answers in tests/fixtures/api/dokumentstatus), "Citeras i" from the reader's own
 * reading history, clearing that history, and the side panel's "Ärendet".
 */

const OUT = resolve(import.meta.dirname, '../../test-output');
const PROP = 'a[data-riksref="prop:2023/24:20"]';
const MOT = 'a[data-riksref="mot:2023/24:1544"]';
const SOU = 'a[data-riksref="sou:2018:65"]';
// Playwright's CSS engine pierces open shadow roots.
const CARD = 'riksref-card .card';
const BET_PAGE = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/_HB01UbU5';

let session: Session;
let extensionPage: Page;
beforeAll(async () => {
  session = await launch();
  await mkdir(OUT, { recursive: true });
  // An extension page, to ask the background what a panel or the options page would.
  extensionPage = await openExtensionPage(session);
});
afterAll(async () => {
  await session?.close();
});
afterEach(() => {
  dataApi.fault = 'none';
});

/** Opens a page and waits until the metadata has reached the link `selector`. */
async function open(url: string, selector: string, s: Session = session): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('title'), selector, { timeout: 15_000 });
  return page;
}

/** Waits until the reading history holds `count` documents (each page is told once linking settles). */
async function historyHolds(count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const stats = await message(extensionPage, 'getReadingHistoryStats', {});
    if (stats.count === count) return;
    if (Date.now() > deadline) throw new Error(`the reading history holds ${stats.count}, not ${count}`);
    await extensionPage.waitForTimeout(200);
  }
}

/** Hovers a reference and waits until its card has its trail (or knows it has none). */
async function cardOf(page: Page, selector: string) {
  await page.mouse.move(5, 850);
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.hover(selector);
  const card = page.locator(CARD);
  // Attached, not visible: a card with nothing to add has an empty part.
  await card.locator('.extras:not([aria-busy])').waitFor({ state: 'attached', timeout: 15_000 });
  return card;
}

describe('the trail in the card', () => {
  test('over a proposition: its betänkande (a link), the decision and the status; the status line gives way', async () => {
    const page = await open(URLS.trail, PROP);
    const card = await cardOf(page, PROP);
    expect(await card.locator('.extras .problem').count()).toBe(0);
    expect(await card.locator('.title').textContent()).toBe('På språklig grund');
    expect(await card.locator('[data-field="treated-in"]').textContent()).toBe('Behandlad i bet. 2023/24:UbU5');
    expect(await card.locator('[data-field="treated-in"] a').getAttribute('href')).toBe(BET_PAGE);
    expect(await card.locator('[data-field="decision"]').textContent()).toBe('Riksdagen: bifall');
    expect(await card.locator('[data-field="decided"]').textContent()).toBe('Beslutad 2023-12-13');
    expect(await card.locator('[data-field="motions"]').textContent()).toBe('2 följdmotioner');
    expect(await card.locator('[data-field="matter-status"]').textContent()).toBe('Ärendet är avslutat');
    expect(await card.locator('[data-field="status"]').count()).toBe(0);
    await card.screenshot({ path: `${OUT}/card-trail.png` });
    // One dokumentstatus request for it, none for the SOU whose card has no trail to show.
    await cardOf(page, SOU);
    // (Laws the page names, such as skollagen, are fetched by their own dokumentstatus: not counted here.)
    const statusRequests = session.data.requests.filter((r) => r.startsWith('/dokumentstatus/') && !r.startsWith('/dokumentstatus/sfs-'));
    expect(statusRequests).toEqual(['/dokumentstatus/HB0320.json']);
    // The page has been read: settled before the next test empties the history.
    await historyHolds(1);
    await page.close();
  });
});

describe('"Citeras i" from the reader’s own reading', () => {
  test('after reading a page that cites an SOU, its card on a second page names the first; clearing the history empties it', async () => {
    await message(extensionPage, 'clearReadingHistory', {});
    const answer = await open(URLS.answer, SOU);
    await historyHolds(1);
    const page = await open(URLS.trail, SOU);
    await historyHolds(2);
    let card = await cardOf(page, SOU);
    expect(await card.locator('[data-field="cited-by"]').textContent()).toBe('Du har läst 1 dokument som hänvisar hit: Svar på fråga 2018/19:523');
    expect(await card.locator('[data-field="cited-by"] a').getAttribute('href')).toBe(URLS.answer);

    // "Töm läshistoriken" on the options page.
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const section = options.getByRole('region', { name: 'Läshistorik' });
    await section.locator('[data-field="reading-count"]', { hasText: '2' }).waitFor({ timeout: 5_000 });
    expect(await options.getByRole('checkbox', { name: 'Spara läshistorik' }).isChecked()).toBe(true);
    await options.getByRole('button', { name: 'Töm läshistoriken' }).click();
    await section.locator('[data-field="reading-count"]', { hasText: '0' }).waitFor({ timeout: 5_000 });
    await options.close();

    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('title'), SOU, { timeout: 15_000 });
    card = await cardOf(page, SOU);
    expect(await card.locator('[data-field="cited-by"]').count()).toBe(0);
    // Read again after the reload: settled before the next test empties the history.
    await historyHolds(1);
    await page.close();
    await answer.close();
  });
});

describe('the side panel’s "Ärendet"', () => {
  async function openCase(tabId: number): Promise<Page> {
    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.getByRole('tab', { name: 'Ärendet' }).click();
    await panel.locator('.case-tab[data-phase="ready"]').waitFor({ timeout: 15_000 });
    return panel;
  }

  test('for the betänkande on the page: its whole trail; for the answer it cites: the betänkande read that cites it', async () => {
    await message(extensionPage, 'clearReadingHistory', {});
    const answer = await open(URLS.answer, SOU);
    await historyHolds(1);
    const bet = await open(URLS.trail, PROP);
    await historyHolds(2);

    let panel = await openCase(await tabIdOf(session, URLS.trail));
    expect(await panel.locator('[data-field="document"]').textContent()).toBe('bet. 2023/24:UbU5 Lärarutbildning på språklig grund');
    expect(await panel.locator('[data-field="treats"]').textContent()).toBe('Behandlar prop. 2023/24:20, mot. 2023/24:1544, mot. 2023/24:1602');
    expect(await panel.locator('[data-field="treats"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/_HB0320',
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/motion/_HB021544',
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/motion/_HB021602',
    ]);
    expect(await panel.locator('[data-field="decision"]').textContent()).toBe('Riksdagen: bifall till utskottets förslag (2 punkter, 1 efter omröstning)');
    expect(await panel.locator('[data-field="matter-status"]').textContent()).toBe('Ärendet är avslutat');
    await panel.getByText('Inget dokument som du har läst med Riksref hänvisar hit.').waitFor();
    await panel.screenshot({ path: `${OUT}/side-panel-case.png` });
    await panel.close();

    panel = await openCase(await tabIdOf(session, URLS.answer));
    // Named as the page names itself (its heading), cited as the question it answers.
    expect(await panel.locator('[data-field="document"]').textContent()).toBe('Svar på fråga 2018/19:523 Säpos lista över kommuner som kan beröras av återvändare från IS');
    // A relation type we do not know is shown by its own name.
    expect(await panel.locator('[data-field="relation"]').textContent()).toBe('hänvisning: skr. 2014/15:146, dir. 2017:75, SOU 2018:65');
    expect(await panel.locator('[data-field="cited-by-count"]').textContent()).toBe('Du har läst 1 dokument som hänvisar hit:');
    expect(await panel.locator('[data-field="cited-by"] a').textContent()).toBe('Lärarutbildning på språklig grund');
    expect(await panel.locator('[data-field="cited-by"] a').getAttribute('href')).toBe(URLS.trail);
    await panel.close();
    await bet.close();
    await answer.close();
  });
});

describe('a trail that cannot be had', () => {
  // Its own browser: the trails asked for here must not be in the cache already.
  let fresh: Session;
  beforeAll(async () => {
    fresh = await launch();
  });
  afterAll(async () => {
    await fresh?.close();
  });

  test('a failing service: the rest of the card stays, "Försök igen" brings the trail once it is back', async () => {
    const page = await open(URLS.trail, MOT, fresh);
    dataApi.fault = 'status-500';
    const card = await cardOf(page, MOT);
    expect(await card.locator('.extras .problem').count()).toBe(1);
    expect(await card.locator('.extras .problem').textContent()).toBe('Ärendets gång kunde inte hämtas Försök igen');
    expect(await card.locator('.title').textContent()).toBe('med anledning av prop. 2023/24:20 På språklig grund');
    expect(await card.locator('[data-action="open"]').count()).toBe(1);

    dataApi.fault = 'none';
    await card.locator('[data-action="retry-trail"]').click();
    await card.locator('[data-field="treated-in"]').waitFor({ timeout: 10_000 });
    expect(await card.locator('[data-field="treated-in"]').textContent()).toBe('Behandlad i bet. 2023/24:UbU5');
    expect(await card.locator('[data-field="decision"]').textContent()).toBe('Riksdagen: avslag');
    await page.close();
  });

  test('a hung service: the card leaves its loading state within the request timeout', async () => {
    const page = await open(URLS.trail, PROP, fresh);
    dataApi.fault = 'hang';
    await page.hover(PROP);
    const card = page.locator(CARD);
    await card.locator('.extras[aria-busy="true"]').waitFor({ timeout: 5_000 });
    // The background answers by its deadline (the request timeout, 10 s) whatever the service does.
    await card.locator('.extras .problem').waitFor({ timeout: 15_000 });
    expect(await card.locator('.title').textContent()).toBe('På språklig grund');
    await page.close();
  });
});
