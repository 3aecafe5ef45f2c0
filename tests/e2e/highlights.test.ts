import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import { URLS } from './support/sites.ts';

/** The answer page after a redesign (tests/fixtures/pages/answer-H612523-redesigned.html): same document, same dok_id. */
const REDESIGNED = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/ny-visning_H612523/';
const SENTENCE = 'Det finns också ett nära och ömsesidigt informationsutbyte mellan Polismyndigheten och Säkerhetspolisen.';
const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

let session: Session;
let extensionPage: Page;

beforeAll(async () => {
  session = await launch();
  extensionPage = await session.context.newPage();
  await extensionPage.goto(`chrome-extension://${session.extensionId}/options.html`);
});
afterAll(async () => {
  await session?.close();
});

/** A raw protocol message from an extension page, as the side panel would send it. */
async function message(name: string, payload: unknown): Promise<any> {
  const reply: any = await extensionPage.evaluate(
    async (m) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage(m);
    },
    { riksref: 1, name, payload },
  );
  if (!reply?.ok) throw new Error(`${name}: ${reply?.error}`);
  return reply.data;
}

beforeEach(async () => {
  // Every test starts with no highlights.
  for (const h of (await message('listAllHighlights', {})).highlights) await message('deleteHighlight', { id: h.id });
});

async function open(url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  // The highlights feature has loaded and anchored this page's highlights once it records the count.
  await page.waitForFunction(() => document.documentElement.dataset.riksrefHighlights !== undefined, null, { timeout: 15_000 });
  return page;
}

/** Selects `text` in the document as a reader would, ending with a mouseup. */
async function selectText(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      // On screen, as a reader's selection is (the toolbar is placed beside it).
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      const rect = range.getBoundingClientRect();
      document.querySelector('main')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
      return;
    }
    throw new Error(`not on the page: ${wanted}`);
  }, text);
}

/** What CSS.highlights paints, by name: the text of each range. */
const painted = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string[]> = {};
    (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((highlight, name) => {
      if (name.startsWith('riksref-')) out[name] = [...highlight].map((r) => r.toString());
    });
    return out;
  });

async function waitForPaint(page: Page, count: number) {
  await page.waitForFunction(
    (n) => {
      let ranges = 0;
      (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((h, name) => {
        if (name.startsWith('riksref-') && name !== 'riksref-flash') ranges += h.size;
      });
      return ranges === n;
    },
    count,
    { timeout: 10_000 },
  );
}

const toolbar = (page: Page) => page.locator('riksref-highlights [role="toolbar"]');

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
    const point = await page.evaluate((sentence) => {
      const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const at = node.data.indexOf(sentence.slice(20, 40));
        if (at < 0) continue;
        node.parentElement!.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at + 5);
        range.setEnd(node, at + 6);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    }, SENTENCE);
    await page.mouse.click(point!.x, point!.y);
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

  test('the "Spara markering" command (as the keyboard shortcut and context menu send it) saves the selection', async () => {
    const page = await open(URLS.answer);
    await selectText(page, 'Yrkesverksamma på lokal nivå');
    await session.serviceWorker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as { chrome: any };
      const [tab] = await chrome.tabs.query({ url });
      await chrome.tabs.sendMessage(tab.id, { riksrefTab: 1, command: 'saveSelection' });
    }, URLS.answer);
    await waitForPaint(page, 1);
    expect(await painted(page)).toEqual({ 'riksref-yellow': ['Yrkesverksamma på lokal nivå'] });
    await page.close();
  });

  test('the manifest declares the command and the context menu permission', async () => {
    const manifest = await session.serviceWorker.evaluate(() => (globalThis as any).chrome.runtime.getManifest());
    expect(manifest.permissions).toContain('contextMenus');
    expect(manifest.commands['save-selection']).toMatchObject({ suggested_key: { default: 'Alt+Shift+H' } });
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
