import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import {
  closeTabsBut,
  deleteAllHighlights,
  message as messageFrom,
  openDocument,
  openExtensionPage,
  painted,
  saveSelection,
  tabIdOf,
  waitForAnchoring,
  waitForPaint,
} from './support/highlights.ts';
import { URLS } from './support/sites.ts';

const SENTENCE = 'Det finns också ett nära och ömsesidigt informationsutbyte mellan Polismyndigheten och Säkerhetspolisen.';
const OTHER = 'Utskottet har i avsnitt 1 tagit del av';

let session: Session;
let extensionPage: Page;

beforeAll(async () => {
  session = await launch();
  extensionPage = await openExtensionPage(session);
});
afterAll(async () => {
  await session?.close();
});
beforeEach(async () => {
  await deleteAllHighlights(extensionPage);
  await closeTabsBut(session, extensionPage);
});

const message = (name: string, payload: unknown) => messageFrom(extensionPage, name, payload);

/** The panel page in a tab of its own, pinned to the page's tab and open on "Markeringar". */
async function openPanel(tabId: number): Promise<Page> {
  const panel = await session.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}&view=highlights`);
  await panel.locator('[data-panel="highlights"] [data-phase="ready"]').waitFor({ timeout: 10_000 });
  return panel;
}

/** The quotes the panel lists in its current view, in order. */
const listed = (panel: Page) =>
  panel.locator('[data-panel="highlights"] [role="tabpanel"] [data-highlight-id] blockquote').allTextContents();
const status = (panel: Page) => panel.locator('[data-field="status"]');

describe('the side panel’s "Markeringar"', () => {
  test('lists a highlight saved on the page at once (live), this page first; "Alla" groups by document; search filters', async () => {
    const page = await openDocument(session, URLS.answer);
    const panel = await openPanel(await tabIdOf(session, URLS.answer));
    await panel.getByText('Inga markeringar på den här sidan än. Markera text i dokumentet för att spara.').waitFor();
    expect(await panel.getByRole('tab', { name: 'Markeringar' }).getAttribute('aria-selected')).toBe('true');

    // Saved in the page's toolbar: the panel hears of it through the database, unasked.
    await saveSelection(page, SENTENCE, 'green');
    await waitForPaint(page, 1);
    await expect.poll(() => listed(panel)).toEqual([SENTENCE]);
    await saveSelection(page, 'Stockholm den 17 april 2019');
    await waitForPaint(page, 2);
    await expect.poll(() => listed(panel)).toEqual([SENTENCE, 'Stockholm den 17 april 2019']);

    // Another document, in another tab.
    const other = await openDocument(session, URLS.manyReferences);
    await saveSelection(other, OTHER);
    await waitForPaint(other, 1);
    await other.close();
    // "Den här sidan" stays this document's.
    await expect.poll(() => listed(panel)).toEqual([SENTENCE, 'Stockholm den 17 april 2019']);

    await panel.getByRole('tab', { name: 'Alla' }).click();
    const groups = await panel.locator('.rr-group').evaluateAll((sections) =>
      sections.map((g) => [g.querySelector('h3')!.textContent, g.querySelectorAll('[data-highlight-id]').length]),
    );
    expect(groups).toEqual([
      ['Många hänvisningar', 1],
      ['Säpos lista över kommuner som kan beröras av återvändare från IS', 2],
    ]);

    await panel.getByRole('searchbox', { name: 'Sök i markeringar och anteckningar' }).fill('polismyndigheten');
    expect(await listed(panel)).toEqual([SENTENCE]);
    await panel.getByRole('searchbox').fill('avsnitt 1');
    expect(await listed(panel)).toEqual([OTHER]);
    await panel.getByRole('searchbox').fill('finns inte någonstans');
    expect(await listed(panel)).toEqual([]);
    await panel.getByText('Inga markeringar matchar sökningen.').waitFor();
    await panel.close();
    await page.close();
  });

  test('delete in the panel removes the paint on the open page; "Ångra" brings it back', async () => {
    const page = await openDocument(session, URLS.answer);
    await saveSelection(page, SENTENCE, 'pink');
    await saveSelection(page, 'Stockholm den 17 april 2019', 'blue');
    await waitForPaint(page, 2);
    const panel = await openPanel(await tabIdOf(session, URLS.answer));
    await expect.poll(() => listed(panel)).toHaveLength(2);

    const item = panel.locator('[data-highlight-id]', { hasText: 'Polismyndigheten' });
    await item.getByRole('button', { name: 'Ta bort' }).click();
    // The page repaints without being reloaded: only the other one is left.
    await waitForPaint(page, 1);
    expect(await painted(page)).toEqual({ 'riksref-blue': ['Stockholm den 17 april 2019'] });
    expect(await listed(panel)).toEqual(['Stockholm den 17 april 2019']);
    // Focus on "Ångra", for a keyboard reader.
    const undo = panel.getByRole('button', { name: 'Ångra' });
    expect(await undo.evaluate((b) => b === document.activeElement)).toBe(true);

    await undo.press('Enter');
    await waitForPaint(page, 2);
    expect(await painted(page)).toEqual({ 'riksref-pink': [SENTENCE], 'riksref-blue': ['Stockholm den 17 april 2019'] });
    await expect.poll(() => listed(panel)).toEqual([SENTENCE, 'Stockholm den 17 april 2019']);

    // A note edited in the panel is stored through the background.
    const restored = panel.locator('[data-highlight-id]', { hasText: 'Polismyndigheten' });
    await restored.getByRole('button', { name: 'Lägg till anteckning' }).click();
    await restored.getByLabel('Anteckning').fill('Från sidopanelen');
    await restored.getByRole('button', { name: 'Spara' }).click();
    await status(panel).filter({ hasText: 'Anteckningen sparades.' }).waitFor();
    const notes = (await message('listHighlights', { dokId: 'H612523' })).highlights.map((h: any) => h.note);
    expect(notes.sort()).toEqual(['', 'Från sidopanelen']);
    await panel.close();
    await page.close();
  });

  test('"Visa" scrolls to and flashes it; for another document the tab opens that document first', async () => {
    const page = await openDocument(session, URLS.answer);
    await saveSelection(page, SENTENCE);
    await waitForPaint(page, 1);
    const tabId = await tabIdOf(session, URLS.answer);
    await page.evaluate(() => scrollTo(0, 0));
    const panel = await openPanel(tabId);
    await expect.poll(() => listed(panel)).toEqual([SENTENCE]);

    await panel.locator('[data-highlight-id]').getByRole('button', { name: 'Visa' }).click();
    await status(panel).filter({ hasText: 'Visar markeringen på sidan.' }).waitFor();
    expect(await flashing(page)).toEqual([SENTENCE]);

    // The tab goes to a page that is no document; "Visa" from "Alla" brings the document back.
    await page.goto(URLS.start, { waitUntil: 'load' });
    await panel.getByText('Fliken visar inget riksdagsdokument.').waitFor();
    await panel.getByRole('tab', { name: 'Alla' }).click();
    await panel.locator('[data-highlight-id]').getByRole('button', { name: 'Visa' }).click();
    await status(panel).filter({ hasText: 'Visar markeringen på sidan.' }).waitFor({ timeout: 20_000 });
    expect(page.url()).toBe(URLS.answer);
    await waitForAnchoring(page);
    expect(await flashing(page)).toEqual([SENTENCE]);
    // Scrolled to it (smooth scrolling may still be under way).
    await page.waitForFunction(() => {
      const range = [...(CSS as any).highlights.get('riksref-yellow')][0] as Range;
      const r = range.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, null, { timeout: 3_000 });
    await panel.close();
    await page.close();
  });

  test('export JSON and Markdown through the buttons, import back through the file field; a bad file changes nothing', async () => {
    const page = await openDocument(session, URLS.answer);
    await saveSelection(page, SENTENCE, 'green');
    await waitForPaint(page, 1);
    const panel = await openPanel(await tabIdOf(session, URLS.answer));
    await expect.poll(() => listed(panel)).toEqual([SENTENCE]);

    const [json] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Exportera JSON' }).click()]);
    expect(json.suggestedFilename()).toMatch(/^riksref-markeringar-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(tmpdir(), `riksref-export-${process.pid}.json`);
    await json.saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8'));
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ type: 'Annotation', target: { source: URLS.answer } });
    await status(panel).filter({ hasText: 'Exporterade 1 markering' }).waitFor();

    const [markdown] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Exportera Markdown' }).click()]);
    expect(markdown.suggestedFilename()).toMatch(/\.md$/);
    const md = await readFile(await markdown.path(), 'utf8');
    expect(md).toContain(`> ${SENTENCE}`);
    // The document's reference, from its dokumentstatus (issue 14).
    expect(md).toContain(
      'Hänvisning: Svar på fråga 2018/19:523 av Roger Haddad (L) Säpos lista över kommuner som kan beröras av återvändare från IS. Justitiedepartementet, 2019-04-17. https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/_H612523\n',
    );

    // Gone from the database (and so from the page) …
    await deleteAllHighlights(extensionPage);
    await waitForPaint(page, 0);
    await expect.poll(() => listed(panel)).toEqual([]);
    // … and back from the file: listed, and painted on the open page without a reload.
    await panel.getByLabel('Importera (JSON)').setInputFiles(file);
    await status(panel).filter({ hasText: 'Importerade 1 markering: 1 nya, 0 fanns redan och ersattes.' }).waitFor();
    await expect.poll(() => listed(panel)).toEqual([SENTENCE]);
    await waitForPaint(page, 1);
    expect(await painted(page)).toEqual({ 'riksref-green': [SENTENCE] });
    // The same file again: no duplicate.
    await panel.getByLabel('Importera (JSON)').setInputFiles(file);
    await status(panel).filter({ hasText: '0 nya, 1 fanns redan och ersattes.' }).waitFor();
    expect(await listed(panel)).toEqual([SENTENCE]);

    // A file with one bad entry: nothing changes, and the message names the entry and the problem.
    const bad = [exported[0], { ...exported[0], id: 'urn:uuid:00000000-0000-4000-8000-000000000001', riksref: { ...exported[0].riksref, color: 'lila' } }];
    const badFile = join(tmpdir(), `riksref-bad-${process.pid}.json`);
    await writeFile(badFile, JSON.stringify(bad));
    await panel.getByLabel('Importera (JSON)').setInputFiles(badFile);
    await status(panel).filter({ hasText: /^Importen misslyckades: Post 2 \(index 1\) är ogiltig: .*color.*Ingenting importerades\.$/ }).waitFor();
    expect((await message('listAllHighlights', {})).highlights).toHaveLength(1);
    await panel.close();
    await page.close();
  });
});

/** The text of what the page is flashing right now. */
const flashing = (page: Page) =>
  page.evaluate(() => [...(((CSS as any).highlights.get('riksref-flash') as Set<Range> | undefined) ?? [])].map((r) => r.toString()));
