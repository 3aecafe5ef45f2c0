import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import { tabIdOf } from './support/highlights.ts';
import { URLS } from './support/sites.ts';

/*
 * Citations for reference managers (issue 14) in the built extension: the hover card's
 * "Kopiera hänvisning" menu puts each format on the clipboard, and the side panel's Referenser
 * exports the page's references as files that the parsers reference managers use read back.
 */

const OUT = resolve(import.meta.dirname, '../../test-output');
const SOU = 'a[data-riksref="sou:2018:65"]';
const DIR = 'a[data-riksref="dir:2017:75"]';
const CARD = 'riksref-card .card';
const SOU_TITLE = 'Informationsutbyte vid samverkan mot terrorism';
const SOU_URL = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/statens-offentliga-utredningar/_H6B365';

let session: Session;
beforeAll(async () => {
  session = await launch();
  await mkdir(OUT, { recursive: true });
  // The page writes to the clipboard on the reader's click; the test reads it back.
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.riksdagen.se' });
});
afterAll(async () => {
  await session?.close();
});

async function answerPage(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(URLS.answer, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('a[data-riksref][title]').length === 4, null, { timeout: 15_000 });
  return page;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const focusedInCard = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('riksref-card')?.shadowRoot?.activeElement as HTMLElement | null;
    return active?.dataset.format ?? active?.dataset.action ?? null;
  });

describe('the hover card’s "Kopiera hänvisning"', () => {
  test('keyboard: the menu opens on Enter, the arrows choose, Enter copies BibTeX that a BibTeX parser reads back', async () => {
    const page = await answerPage();
    const card = page.locator(CARD);
    await page.focus(SOU);
    await card.locator('.title', { hasText: SOU_TITLE }).waitFor({ timeout: 2_000 });
    for (let i = 0; i < 6 && (await focusedInCard(page)) !== 'copy'; i++) await page.keyboard.press('Tab');
    expect(await focusedInCard(page)).toBe('copy');

    await page.keyboard.press('Enter');
    await card.getByRole('menu', { name: 'Kopiera hänvisning som' }).waitFor({ timeout: 1_000 });
    expect(await card.getByRole('menuitem').allTextContents()).toEqual(['Svensk hänvisning', 'RIS (Zotero, EndNote)', 'BibTeX', 'CSL-JSON']);
    expect(await focusedInCard(page)).toBe('swedish');
    await card.screenshot({ path: `${OUT}/card-copy-menu.png` });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedInCard(page)).toBe('bibtex');
    await page.keyboard.press('Enter');

    await card.locator('.copied', { hasText: 'Kopierat: BibTeX.' }).waitFor({ timeout: 5_000 });
    expect(await card.getByRole('menu').count()).toBe(0);
    expect(await focusedInCard(page)).toBe('copy');
    const library = parseBibtex(await clipboard(page), { english: [] });
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(1);
    expect(library.entries[0]).toMatchObject({
      type: 'techreport',
      key: 'sou-2018-65',
      fields: { title: SOU_TITLE, type: 'SOU', number: '2018:65', institution: ['Justitiedepartementet'], date: '2018-09-27', url: SOU_URL },
    });

    // Escape closes the menu and leaves the card open, focus back on the button; a second Escape closes the card.
    await page.keyboard.press('ArrowDown');
    await card.getByRole('menu').waitFor({ timeout: 1_000 });
    await page.keyboard.press('Escape');
    await card.getByRole('menu').waitFor({ state: 'detached', timeout: 1_000 });
    expect(await card.count()).toBe(1);
    expect(await focusedInCard(page)).toBe('copy');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 1_000 });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.riksref)).toBe('sou:2018:65');
    await page.close();
  });

  test('pointer: the Swedish reference, then RIS and CSL-JSON that Citation.js reads back as the same document', async () => {
    const page = await answerPage();
    const card = page.locator(CARD);
    const copyAs = async (name: string) => {
      await card.getByRole('button', { name: 'Kopiera hänvisning' }).click();
      await card.getByRole('menuitem', { name }).click();
      await card.locator('.copied', { hasText: `Kopierat: ${name}.` }).waitFor({ timeout: 5_000 });
      return clipboard(page);
    };
    await page.hover(DIR);
    await card.locator('.label', { hasText: 'dir. 2017:75' }).waitFor({ timeout: 2_000 });
    const dirUrl = await card.locator('[data-action="open"]').getAttribute('href');

    const swedish = await copyAs('Svensk hänvisning');
    expect(swedish).toBe(`Dir. 2017:75 ${SOU_TITLE}. Justitiedepartementet, 2017-06-22. ${dirUrl}`);

    const [ris] = plugins.input.chain(await copyAs('RIS (Zotero, EndNote)'), { generateGraph: false });
    expect(ris).toMatchObject({ type: 'report', title: SOU_TITLE, number: '2017:75', URL: dirUrl, language: 'sv' });

    const csl = JSON.parse(await copyAs('CSL-JSON'));
    expect(new Cite(csl, { generateGraph: false }).data).toEqual(csl);
    expect(csl).toEqual([expect.objectContaining({ id: 'dir-2017-75', type: 'report', title: SOU_TITLE, genre: 'Kommittédirektiv', URL: dirUrl })]);
    await page.close();
  });
});

describe('the side panel’s export of the page’s references', () => {
  test('RIS, BibTeX and CSL-JSON files of the answer page’s four references, in the order it cites them, read back the same', async () => {
    const page = await answerPage();
    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${await tabIdOf(session, URLS.answer)}`);
    await panel.locator('[data-action="reveal"]').nth(3).waitFor({ timeout: 10_000 });
    const group = panel.getByRole('group', { name: 'Exportera referenserna till Zotero, EndNote m.fl.' });

    const save = async (name: string) => {
      const [download] = await Promise.all([panel.waitForEvent('download'), group.getByRole('button', { name, exact: true }).click()]);
      await panel.locator('[data-field="export-status"]', { hasText: `Exporterade 4 referenser till ${download.suggestedFilename()}.` }).waitFor();
      return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
    };
    const keys = ['fr-2018-19-523', 'skr-2014-15-146', 'dir-2017-75', 'sou-2018-65'];

    const ris = await save('RIS');
    expect(ris.name).toMatch(/^riksref-referenser-H612523-\d{4}-\d{2}-\d{2}\.ris$/);
    const risItems = plugins.input.chain(ris.text, { generateGraph: false });
    expect(risItems.map((item) => item.number)).toEqual(['2018/19:523', '2014/15:146', '2017:75', '2018:65']);
    expect(risItems[3]).toMatchObject({ type: 'report', title: SOU_TITLE, URL: SOU_URL, publisher: 'Justitiedepartementet' });

    const bib = await save('BibTeX');
    expect(bib.name).toMatch(/\.bib$/);
    const library = parseBibtex(bib.text, { english: [] });
    expect(library.errors).toEqual([]);
    expect(library.entries.map((e) => e.key)).toEqual(keys);
    expect(library.entries[3]!.fields).toMatchObject({ title: SOU_TITLE, url: SOU_URL, date: '2018-09-27' });

    await panel.screenshot({ path: `${OUT}/side-panel-export.png`, clip: { x: 0, y: 0, width: 400, height: 320 } });
    const json = await save('CSL-JSON');
    expect(json.name).toMatch(/\.json$/);
    const items = JSON.parse(json.text);
    expect(new Cite(items, { generateGraph: false }).data).toEqual(items);
    expect(items.map((item: { id: string }) => item.id)).toEqual(keys);
    expect(items.map((item: { title?: string }) => item.title)).toEqual(risItems.map((item) => item.title));

    await panel.close();
    await page.close();
  });
});
