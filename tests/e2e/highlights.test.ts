import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import {
  clickInPassage,
  closeTabsBut,
  deleteAllHighlights,
  message as messageFrom,
  openDocument,
  openExtensionPage,
  painted,
  selectText,
  tellTab,
  toolbar,
  waitForPaint,
} from './support/highlights.ts';
import { URLS } from './support/sites.ts';

/** The answer page after a redesign (tests/fixtures/pages/answer-H612523-redesigned.html): same document, same dok_id. */
const REDESIGNED = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/ny-visning_H612523/';
const SENTENCE = 'Det finns också ett nära och ömsesidigt informationsutbyte mellan Polismyndigheten och Säkerhetspolisen.';
const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

let session: Session;
let extensionPage: Page;

beforeAll(async () => {
  session = await launch();
  extensionPage = await openExtensionPage(session);
});
afterAll(async () => {
  await session?.close();
});

const message = (name: string, payload: unknown) => messageFrom(extensionPage, name, payload);

beforeEach(async () => {
  // Every test starts with no highlights.
  await deleteAllHighlights(extensionPage);
  await closeTabsBut(session, extensionPage);
});

const open = (url: string) => openDocument(session, url);

/** Saves the sentence on the answer page in green with a note, through the toolbar. */
async function saveSentence(page: Page) {
  await selectText(page, SENTENCE);
  await toolbar(page).waitFor({ state: 'visible' });
  await page.locator('riksref-highlights [data-action="note"]').click();
  await page.locator('riksref-highlights textarea').fill('Citera i promemorian.');
  await page.locator('riksref-highlights [data-action="save-note"]').click();
  await waitForPaint(page, 1);
}

describe('highlights in Chromium with the built extension', () => {
  test('select a sentence, save it with a note; after a reload it is painted again at the same text', async () => {
    const page = await open(URLS.answer);
    await saveSentence(page);
    expect(await painted(page)).toEqual({ 'riksref-yellow': [SENTENCE] });
    await expect(toolbar(page).count()).resolves.toBe(0);
    const [stored] = (await message('listHighlights', { dokId: 'H612523' })).highlights;
    expect(stored).toMatchObject({ dokId: 'H612523', kind: 'frs', note: 'Citera i promemorian.', selectors: { quote: { exact: SENTENCE } } });

    await page.reload({ waitUntil: 'load' });
    await waitForPaint(page, 1);
    expect(await painted(page)).toEqual({ 'riksref-yellow': [SENTENCE] });
    await page.close();
  });

  test('a colour button saves at once; the toolbar is only for selections in the document text', async () => {
    const page = await open(URLS.answer);
    // The site header is not the document: no toolbar.
    await selectText(page, 'Ledamöter och partier');
    await page.waitForTimeout(200);
    expect(await toolbar(page).count()).toBe(0);

    await selectText(page, 'Stockholm den 17 april 2019');
    await page.locator('riksref-highlights [data-action="highlight"][data-color="green"]').click();
    await waitForPaint(page, 1);
    expect(await painted(page)).toEqual({ 'riksref-green': ['Stockholm den 17 april 2019'] });
    await page.close();
  });

  test('a highlight across a reference link: saved, painted, and the link still leads on', async () => {
    const page = await open(URLS.answer);
    await page.waitForFunction(() => document.documentElement.dataset.riksrefLinking === 'done', null, { timeout: 15_000 });
    const passage = await page.evaluate(() => {
      // From inside one paragraph's text to past the link "dir. 2017:75".
      const p = Array.from(document.querySelectorAll('main p')).find((el) => el.textContent!.includes('dir. 2017:75'))!;
      const link = p.querySelector('a[data-riksref="dir:2017:75"]')!;
      const before = link.previousSibling as Text;
      const after = link.nextSibling as Text;
      p.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(before, before.data.length - 25);
      range.setEnd(after, 2);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      document.querySelector('main')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return range.toString();
    });
    await page.locator('riksref-highlights [data-action="highlight"][data-color="blue"]').click();
    await waitForPaint(page, 1);
    expect(await painted(page)).toEqual({ 'riksref-blue': [passage] });
    const href = await page.locator('a[data-riksref="dir:2017:75"]').getAttribute('href');
    expect(href).toMatch(/^https:\/\//);
    await page.close();
  });

  test('the page markup changed (paragraphs wrapped differently, one inserted before): still found', async () => {
    const page = await open(URLS.answer);
    await saveSentence(page);
    await page.close();

    const redesigned = await open(REDESIGNED);
    await waitForPaint(redesigned, 1);
    const texts = await painted(redesigned);
    expect(Object.keys(texts)).toEqual(['riksref-yellow']);
    expect(texts['riksref-yellow']!.map(flat)).toEqual([SENTENCE]);
    expect(await redesigned.evaluate(() => document.documentElement.dataset.riksrefHighlights)).toBe('1');
    await redesigned.close();
  });

  test('a highlight saved on riksdagen.se appears on the data.riksdagen.se page of the same document', async () => {
    const page = await open(URLS.answer);
    await saveSentence(page);
    await page.close();

    const data = await open(URLS.dataAnswer);
    await waitForPaint(data, 1);
    expect(await painted(data)).toEqual({ 'riksref-yellow': [SENTENCE] });
    await data.close();
  });

  test('click the passage → popover; delete; "Ångra" brings it back, also after a reload', async () => {
    const page = await open(URLS.answer);
    await saveSentence(page);
    await page.evaluate(() => document.getSelection()!.removeAllRanges());
    // Click in the middle of the painted passage.
    await clickInPassage(page, SENTENCE);
    const popover = page.locator('riksref-highlights [role="dialog"]');
    await popover.waitFor({ state: 'visible' });
    expect(await page.locator('riksref-highlights textarea').inputValue()).toBe('Citera i promemorian.');

    await page.locator('riksref-highlights [data-action="delete"]').click();
    await waitForPaint(page, 0);
    expect((await message('listHighlights', { dokId: 'H612523' })).highlights).toEqual([]);

    await page.locator('riksref-highlights [data-action="undo"]').click();
    await waitForPaint(page, 1);
    expect(await painted(page)).toEqual({ 'riksref-yellow': [SENTENCE] });
    expect((await message('listHighlights', { dokId: 'H612523' })).highlights).toHaveLength(1);

    await page.reload({ waitUntil: 'load' });
    await waitForPaint(page, 1);
    await page.close();
  });

  test('the "Spara markering" command (as the context menu sends it) saves the selection', async () => {
    const page = await open(URLS.answer);
    await selectText(page, 'Yrkesverksamma på lokal nivå');
    await tellTab(session, URLS.answer, { riksrefTab: 1, command: 'saveSelection' });
    await waitForPaint(page, 1);
    expect(await painted(page)).toEqual({ 'riksref-yellow': ['Yrkesverksamma på lokal nivå'] });
    await page.close();
  });

  test('keyboard: Shift+arrows select and the toolbar appears; the keyboard command takes focus into it; in a highlight it opens the popover', async () => {
    const page = await open(URLS.answer);
    const WORD = 'Yrkesverksamma';
    /**
     * Selects `length` characters from `offset` into the first text holding `text` (0: the caret
     * only, as a click or caret browsing leaves it).
     */
    const selectAt = (text: string, offset: number, length: number) =>
      page.evaluate(
        ({ text, offset, length }) => {
          const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode as Text;
            const at = node.data.indexOf(text);
            if (at < 0) continue;
            node.parentElement!.scrollIntoView({ block: 'center' });
            document.getSelection()!.setBaseAndExtent(node, at + offset, node, at + offset + length);
            return;
          }
          throw new Error(`not on the page: ${text}`);
        },
        { text, offset, length },
      );
    const focusedInOurUi = () =>
      page.evaluate(() => {
        const active = document.querySelector('riksref-highlights')?.shadowRoot?.activeElement;
        return active ? `${active.tagName.toLowerCase()}${active.getAttribute('data-color') ? `[${active.getAttribute('data-color')}]` : ''}` : null;
      });

    // A selection made without mouse or keys (assistive technology, select-all, caret browsing):
    // the toolbar comes once the selection rests.
    await selectAt(`${WORD} på lokal nivå`, 0, 1);
    await toolbar(page).waitFor({ state: 'visible', timeout: 3_000 });
    // Chromium extends a selection from the keyboard (a bare caret only with caret browsing on);
    // the toolbar follows it.
    for (let i = 1; i < WORD.length; i++) await page.keyboard.press('Shift+ArrowRight');
    expect(await page.evaluate(() => document.getSelection()!.toString())).toBe(WORD);
    expect(await toolbar(page).getAttribute('aria-label')).toContain('Alt+Skift+H');
    expect(await focusedInOurUi()).toBeNull();

    // Alt+Shift+H (sent as the background sends it): focus on the first colour; arrows, Enter.
    await tellTab(session, URLS.answer, { riksrefTab: 1, command: 'highlightFromKeyboard' });
    await expect.poll(focusedInOurUi).toBe('button[yellow]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focusedInOurUi()).toBe('button[blue]');
    await page.keyboard.press('Enter');
    await waitForPaint(page, 1);
    expect(await painted(page)).toEqual({ 'riksref-blue': [WORD] });
    await expect.poll(focusedInOurUi).toBeNull();

    // The caret inside the saved highlight: the command opens its popover (no second highlight).
    await selectAt(WORD, 4, 0);
    await tellTab(session, URLS.answer, { riksrefTab: 1, command: 'highlightFromKeyboard' });
    await page.locator('riksref-highlights [role="dialog"]').waitFor({ state: 'visible' });
    // Focus moves in once the popover has rendered (an effect, a moment after it is visible).
    await expect.poll(focusedInOurUi).toBe('textarea');
    await page.keyboard.type('Skrivet med tangentbordet');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await message('listHighlights', { dokId: 'H612523' })).highlights.map((h: any) => h.note)).toEqual([
      'Skrivet med tangentbordet',
    ]);
    await page.keyboard.press('Escape');
    await page.locator('riksref-highlights [role="dialog"]').waitFor({ state: 'detached' });
    await expect.poll(focusedInOurUi).toBeNull();
    expect((await message('listHighlights', { dokId: 'H612523' })).highlights).toHaveLength(1);
    await page.close();
  });

  test('the manifest declares the command and the context menu permission', async () => {
    const manifest = await session.serviceWorker.evaluate(() => (globalThis as any).chrome.runtime.getManifest());
    expect(manifest.permissions).toContain('contextMenus');
    expect(manifest.commands['highlight-from-keyboard']).toMatchObject({ suggested_key: { default: 'Alt+Shift+H' } });
  });

  test('what the side panel lists: every highlight, and the export round trip', async () => {
    const page = await open(URLS.answer);
    await saveSentence(page);
    await page.close();
    const { highlights } = await message('listAllHighlights', {});
    expect(highlights.map((h: any) => h.selectors.quote.exact)).toEqual([SENTENCE]);
    const exported = await message('exportHighlights', { format: 'json' });
    expect(await message('importHighlights', { file: JSON.parse(exported.text) })).toEqual({ imported: true, added: 0, replaced: 1 });
    expect((await message('listAllHighlights', {})).highlights).toHaveLength(1);
  });
});
