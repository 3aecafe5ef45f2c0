import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import { tabIdOf } from './support/highlights.ts';
import { URLS } from './support/sites.ts';

/*
 * Law citations on a betänkande-shaped page (tests/fixtures/pages/bet-laws-HB01KU5.html), with
 * the laws' texts served by the fixture API in dokumentstatus's shape
 * (tests/fixtures/api/dokumentstatus/sfs-*.json): the links, their addresses, the card with the
 * section's own words, and the side panel's "Lagar".
 */

type ChromeStorage = { storage: { sync: { set(items: object): Promise<void>; remove(key: string): Promise<void> } } };

const OUT = resolve(import.meta.dirname, '../../test-output');
const CARD = 'riksref-card .card';
const SFS_PAGE = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/';

let session: Session;
beforeAll(async () => {
  session = await launch();
  await mkdir(OUT, { recursive: true });
});
afterAll(async () => {
  await session?.close();
});

async function lawPage(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(URLS.lawCitations, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.riksrefLinking === 'done', null, { timeout: 20_000 });
  return page;
}

const links = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('a[data-riksref]'), (a) => ({ id: a.dataset.riksref!, text: a.textContent, href: a.href })),
  );

/** What the page's every law link should be, in order, as "id [text]". */
const EXPECTED = [
  'sfs:1974:152#K2P1 [2 kap. 1 § regeringsformen]',
  'sfs:1974:152#K2P20 [2 kap. 20]',
  'sfs:1974:152#K2P21 [21 §§ regeringsformen]',
  'sfs:2009:400 [2009:400]',
  'sfs:2009:400#K10P2 [10 kap. 2 § offentlighets- och sekretesslagen]',
  'sfs:2009:400#K26P1 [26 kap. 1 § OSL]',
  'sfs:2009:400#K13 [13 kap. offentlighets- och sekretesslagen]',
  'sfs:2009:400#K11P1 [11 kap. 1]',
  'sfs:2009:400#K11P3 [3 §§ samma lag]',
  'prop:2022/23:1 [prop. 2022/23:1]',
  'sfs:1962:700 [brottsbalken]',
  'sfs:1994:1738#K7P19 [7 kap. 19 §]',
  'sfs:1994:1738#K7P20 [20 § alkohollagen (1994:1738)]',
];

describe('law references in Chromium with the built extension', () => {
  test('every cited section is its own link to the law text at that place; the page text is unchanged; one request per law', async () => {
    const lawRequests = () => session.data.requests.filter((r) => r.startsWith('/dokumentstatus/sfs-'));
    const before = lawRequests().length;
    const page = await lawPage();
    const found = await links(page);
    expect(found.map((l) => `${l.id} [${l.text}]`)).toEqual(EXPECTED);
    expect(found.find((l) => l.id === 'sfs:2009:400#K26P1')!.href).toMatch(new RegExp(`^${SFS_PAGE}[^#]*_sfs-2009-400/#K26P1$`));
    expect(found.find((l) => l.id === 'sfs:1962:700')!.href).toMatch(/_sfs-1962-700\/$/);

    const served = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      return new DOMParser().parseFromString(html, 'text/html').querySelector('main')?.textContent;
    });
    expect(await page.evaluate(() => document.querySelector('main')!.textContent)).toBe(served);

    // The metadata arrives (titles on the links); each law was asked for once, whatever it cites.
    await page.waitForFunction(() => document.querySelector('a[data-riksref="sfs:2009:400#K10P2"][title]'), null, { timeout: 15_000 });
    const asked = lawRequests().slice(before);
    expect(asked.filter((r) => r.includes('sfs-2009-400'))).toHaveLength(1);
    expect(asked.filter((r) => r.includes('sfs-1974-152'))).toHaveLength(1);
    expect(asked.filter((r) => r.includes('sfs-1994-1738'))).toHaveLength(1);
    await page.close();
  });

  test("the card shows the section's own words, and says when a section is not in the law's current text", async () => {
    const page = await lawPage();
    await page.hover('a[data-riksref="sfs:2009:400#K10P2"]');
    const card = page.locator(CARD);
    await card.locator('[data-field="law-text"]').waitFor({ timeout: 10_000 });
    expect(await card.getAttribute('data-state')).toBe('found');
    expect(await card.getAttribute('data-place')).toBe('found');
    expect(await card.locator('.title').textContent()).toBe('Offentlighets- och sekretesslag (2009:400)');
    expect(await card.locator('[data-field="place"]').textContent()).toContain('10 kap. 2 §');
    expect(await card.locator('[data-field="law-text"]').textContent()).toContain(
      'Sekretess hindrar inte att en uppgift lämnas till en enskild eller till en annan myndighet',
    );
    expect(await card.locator('[data-action="open-place"]').getAttribute('href')).toMatch(/_sfs-2009-400\/#K10P2$/);
    await page.screenshot({ path: `${OUT}/law-card.png` });

    // Alkohollagen's 7 kap. 20 § is not in the (fixture's) current text.
    await page.mouse.move(5, 5);
    await card.waitFor({ state: 'detached', timeout: 3_000 });
    await page.hover('a[data-riksref="sfs:1994:1738#K7P20"]');
    await card.locator('[data-field="missing"]').waitFor({ timeout: 10_000 });
    expect(await card.getAttribute('data-place')).toBe('missing');
    expect(await card.locator('[data-action="open-law"]').getAttribute('href')).toMatch(/_sfs-1994-1738\/$/);

    // Keyboard: focus opens the card of a section, Escape closes it.
    await page.mouse.move(5, 5);
    await card.waitFor({ state: 'detached', timeout: 3_000 });
    await page.focus('a[data-riksref="sfs:1974:152#K2P1"]');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await card.locator('[data-field="law-text"]').waitFor({ timeout: 10_000 });
    expect(await card.locator('[data-field="law-text"]').textContent()).not.toBe('');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 3_000 });
    await page.close();
  });

  test('the side panel groups the cited laws with their places under "Lagar"; a click reveals the place', async () => {
    const page = await lawPage();
    await page.waitForFunction(() => document.querySelector('a[data-riksref="sfs:2009:400#K10P2"][title]'), null, { timeout: 15_000 });
    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${await tabIdOf(session, URLS.lawCitations)}`);
    const heading = panel.getByRole('heading', { level: 2, name: /^Lagar/ });
    await heading.waitFor({ timeout: 10_000 });
    const place = panel.locator('[data-action="reveal"][data-id="sfs:2009:400#K26P1"]');
    await place.waitFor({ timeout: 10_000 });
    expect(await place.textContent()).toContain('26 kap. 1 §');
    expect(await panel.locator('[data-action="reveal"][data-id="sfs:1994:1738#K7P20"]').count()).toBe(1);
    await panel.screenshot({ path: `${OUT}/side-panel-laws.png` });
    await place.click();
    await page.waitForFunction(() => document.querySelector('a[data-riksref="sfs:2009:400#K26P1"]')?.hasAttribute('data-riksref-flash'), null, {
      timeout: 5_000,
    });
    await panel.close();
    await page.close();
  });

  test('with lagen.nu chosen, law links open lagen.nu at the same place; other links are unchanged', async () => {
    await session.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeStorage }).chrome.storage.sync.set({
        linkSettings: { enabled: true, disabledKinds: [], lawSite: 'lagen.nu' },
      }),
    );
    try {
      const page = await lawPage();
      await page.waitForFunction(() => document.querySelector('a[data-riksref="sfs:2009:400#K10P2"][title]'), null, { timeout: 15_000 });
      const found = await links(page);
      expect(found.find((l) => l.id === 'sfs:2009:400#K10P2')!.href).toBe('https://lagen.nu/2009:400#K10P2');
      expect(found.find((l) => l.id === 'sfs:1962:700')!.href).toBe('https://lagen.nu/1962:700');
      expect(found.find((l) => l.id === 'prop:2022/23:1')!.href).not.toContain('lagen.nu');
      await page.close();
    } finally {
      await session.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: ChromeStorage }).chrome.storage.sync.remove('linkSettings'));
    }
  });
});
