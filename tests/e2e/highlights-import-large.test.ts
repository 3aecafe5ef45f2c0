import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import { closeTabsBut, message, openExtensionPage } from './support/highlights.ts';
import { clearHighlights, countHighlights, keepHighlightsLocal, openPanel, progressSeen, recordProgress, seedHighlights, storedIds } from './support/many-highlights.ts';
import { manyAnnotations, manyHighlights } from '../fixtures/highlights/many-highlights.ts';

/*
 * Issue 12: import files far larger than a reader's own export — 20 MB, and 100 000 entries —
 * through the side panel's file field, in Chromium with the built extension. The panel shows how
 * far the import has come (reading the file, checking the entries, saving them), and the import
 * is all or nothing: every entry stored, or, for one bad entry, nothing changed and that entry
 * named. The files are made here, not committed.
 */

let session: Session;
let extensionPage: Page;
const files: string[] = [];

beforeAll(async () => {
  session = await launch();
  extensionPage = await openExtensionPage(session);
  await message(extensionPage, 'listAllHighlights', {}); // the background opens the database
  await keepHighlightsLocal(extensionPage); // the database is cleared behind its back between tests
});
afterAll(async () => {
  await session?.close();
  await Promise.all(files.map((f) => rm(f, { force: true })));
});
beforeEach(async () => {
  await clearHighlights(extensionPage);
  await closeTabsBut(session, extensionPage);
});

async function writeImportFile(name: string, entries: unknown[], pretty = true): Promise<{ path: string; bytes: number }> {
  const path = join(tmpdir(), `riksref-${process.pid}-${name}.json`);
  const text = pretty ? JSON.stringify(entries, null, 2) : JSON.stringify(entries);
  await writeFile(path, text);
  files.push(path);
  return { path, bytes: Buffer.byteLength(text) };
}

const status = (panel: Page) => panel.locator('[data-field="status"]');
/** "Läser filen … 40 %" → 40; "Sparar … 2000 av 20000" → [2000, 20000]. */
const percent = (label: string) => Number(/(\d+) %$/.exec(label)?.[1]);
const counts = (label: string) => (/(\d+) av (\d+)$/.exec(label) ?? []).slice(1).map(Number);

describe('importing large files through the side panel', () => {
  test('a 20 MB file: progress while it is read, checked and saved; then every entry is there', async () => {
    const existing = manyHighlights({ count: 50, documents: 5, seed: 7 });
    await seedHighlights(extensionPage, existing);
    // Our own export's shape (indented JSON), long enough to pass 20 MB.
    const entries = manyAnnotations({ count: 19_000, documents: 1_000, seed: 2, quoteWords: 16 });
    const file = await writeImportFile('20mb', entries);
    expect(file.bytes).toBeGreaterThan(20 * 1024 * 1024);

    const panel = await openPanel(session, 999_999, recordProgress);
    await panel.getByLabel('Importera (JSON)').setInputFiles(file.path);
    await status(panel).filter({ hasText: /^Importerade 19000 markeringar: 19000 nya, 0 fanns redan och ersattes\.$/ }).waitFor({ timeout: 60_000 });

    const seen = await progressSeen(panel);
    const reading = seen.filter((l) => l.startsWith('Läser filen')).map(percent);
    const checking = seen.filter((l) => l.startsWith('Kontrollerar posterna')).map(counts);
    const saving = seen.filter((l) => l.startsWith('Sparar')).map(counts);
    // Each step was shown part-way, in order, and moved forward.
    expect(reading.some((p) => p > 0 && p < 100)).toBe(true);
    expect(checking.some(([done, total]) => done! > 0 && done! < total! && total === 19_000)).toBe(true);
    expect(saving.some(([done, total]) => done! > 0 && done! < total! && total === 19_000)).toBe(true);
    expect(seen.findIndex((l) => l.startsWith('Läser'))).toBeLessThan(seen.findIndex((l) => l.startsWith('Kontrollerar')));
    expect(seen.findIndex((l) => l.startsWith('Kontrollerar'))).toBeLessThan(seen.findIndex((l) => l.startsWith('Sparar')));
    // The bar is gone once done, and the buttons are back.
    await panel.locator('[data-field="progress"]').waitFor({ state: 'detached' });
    expect(await panel.getByRole('button', { name: 'Exportera JSON' }).isEnabled()).toBe(true);

    expect(await countHighlights(extensionPage)).toBe(19_050);
    // The panel lists them (live), with the count of what is not yet on screen.
    await panel.getByText(/^Visar 40 av 19050\.$/).waitFor({ timeout: 30_000 });
    await panel.close();
  });

  test('100 000 entries with the last one bad: progress through the check, then nothing changed, and the entry named', async () => {
    const existing = manyHighlights({ count: 20, documents: 2, seed: 9 });
    await seedHighlights(extensionPage, existing);
    const entries = manyAnnotations({ count: 100_000, documents: 1_000, seed: 3, quoteWords: 6 });
    (entries[99_999] as { riksref: { color: string } }).riksref.color = 'lila';
    const file = await writeImportFile('100k-bad', entries, false);

    const panel = await openPanel(session, 999_999, recordProgress);
    await panel.getByLabel('Importera (JSON)').setInputFiles(file.path);
    await status(panel)
      .filter({ hasText: /^Importen misslyckades: Post 100000 \(index 99999\) är ogiltig: .*color.*Ingenting importerades\.$/ })
      .waitFor({ timeout: 60_000 });
    const checking = (await progressSeen(panel)).filter((l) => l.startsWith('Kontrollerar posterna')).map(counts);
    expect(checking.some(([done, total]) => done! >= 50_000 && done! < total! && total === 100_000)).toBe(true);
    expect((await progressSeen(panel)).some((l) => l.startsWith('Sparar'))).toBe(false);
    expect((await storedIds(extensionPage)).sort()).toEqual(existing.map((h) => h.id).sort());
    await panel.close();
  });

  test('100 000 valid entries: all of them stored, in one go', async () => {
    const entries = manyAnnotations({ count: 100_000, documents: 1_000, seed: 4, quoteWords: 6 });
    const file = await writeImportFile('100k', entries, false);
    const panel = await openPanel(session, 999_999, recordProgress);
    await panel.getByLabel('Importera (JSON)').setInputFiles(file.path);
    await status(panel).filter({ hasText: /^Importerade 100000 markeringar: 100000 nya, 0 fanns redan och ersattes\.$/ }).waitFor({ timeout: 90_000 });
    expect((await progressSeen(panel)).filter((l) => l.startsWith('Sparar')).map(counts).some(([done, total]) => done! < total! && total === 100_000)).toBe(true);
    expect(await countHighlights(extensionPage)).toBe(100_000);
    await panel.close();
  }, 120_000);
});
