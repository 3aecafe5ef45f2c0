import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { decodeArea } from '../../lib/sync/encoding.ts';
import { launch, type Session } from './support/browser.ts';
import { clickInPassage, message, openDocument, painted, saveSelection, selectText, tabIdOf, waitForPaint } from './support/highlights.ts';
import { URLS } from './support/sites.ts';

/*
 * Highlights through the browser's sync area (issue 15), with the built extension in Chromium.
 *
 * Chromium started by Playwright is signed in to no account (and runs with --disable-sync), but
 * its `chrome.storage.sync` works all the same: the area is kept in the profile ("Sync Extension
 * Settings"), with Chrome's quotas enforced. "Another computer" is played honestly by the same
 * profile with everything else of ours taken away: the browser is closed, the extension's
 * IndexedDB and its storage.local are deleted from the profile on disk, and the browser is
 * started again. Only the sync area is left, as on a new computer whose browser has just
 * received the account's synced data.
 */

const SENTENCE = 'Det finns också ett nära och ömsesidigt informationsutbyte mellan Polismyndigheten och Säkerhetspolisen.';
const SHORT = 'Stockholm den 17 april 2019';

let session: Session | undefined;
let profile: string | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
  if (profile) await rm(profile, { recursive: true, force: true });
  profile = undefined;
});

type Chrome = { storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } } };
const syncArea = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.get(null));

/** Waits until the background has written the sync area (its writes are batched, a couple of seconds after a change). */
async function syncedIds(worker: Worker, expected: number): Promise<string[]> {
  let ids: string[] = [];
  await vi.waitFor(
    async () => {
      ids = decodeArea(await syncArea(worker)).highlights.map((h) => h.id);
      expect(ids).toHaveLength(expected);
    },
    { timeout: 15_000, interval: 250 },
  );
  return ids;
}

/** The extension's own data in the profile other than the sync area: its IndexedDB and storage.local. */
async function localDataOf(profileDir: string, extensionId: string): Promise<string[]> {
  const found: string[] = [];
  const indexedDb = join(profileDir, 'Default', 'IndexedDB');
  for (const name of await readdir(indexedDb).catch(() => [] as string[])) {
    if (name.startsWith(`chrome-extension_${extensionId}_`)) found.push(join(indexedDb, name));
  }
  const local = join(profileDir, 'Default', 'Local Extension Settings', extensionId);
  if (await stat(local).then(() => true, () => false)) found.push(local);
  return found;
}

async function optionsPage(s: Session): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  return page;
}

describe('highlights on every computer through the browser’s sync area', () => {
  test('saved here; IndexedDB and storage.local deleted; the browser started again: painted again from the sync area', async () => {
    profile = await mkdtemp(join(tmpdir(), 'riksref-sync-profile-'));
    session = await launch({ profile });
    const page = await openDocument(session, URLS.answer);
    await saveSelection(page, SENTENCE, 'green');
    await waitForPaint(page, 1);
    const [id] = await syncedIds(session.serviceWorker, 1);
    const extensionId = session.extensionId;
    await session.close();
    session = undefined;

    // Everything of ours but the sync area goes.
    const local = await localDataOf(profile, extensionId);
    expect(local.some((path) => path.includes('IndexedDB'))).toBe(true);
    expect(local.some((path) => path.includes('Local Extension Settings'))).toBe(true);
    for (const path of local) await rm(path, { recursive: true, force: true });
    expect(await localDataOf(profile, extensionId)).toEqual([]);

    session = await launch({ profile });
    expect(session.extensionId).toBe(extensionId);
    const again = await openDocument(session, URLS.answer);
    // Fetched at start by the background; painted on this visit (or repainted as it arrives).
    await waitForPaint(again, 1);
    expect(await painted(again)).toEqual({ 'riksref-green': [SENTENCE] });
    const options = await optionsPage(session);
    const [back] = (await message(options, 'listAllHighlights', {})).highlights;
    expect(back).toMatchObject({ id, dokId: 'H612523', color: 'green', selectors: { quote: { exact: SENTENCE } } });
    expect(back.unsynced).toBeUndefined();
    // The options page says how much of the quota is used.
    await expect.poll(() => options.locator('[data-field="usage"]').textContent()).toMatch(/^Synk: \d+(,\d)? av 100 kB$/);
  });

  test('a highlight too large to sync stays here, marked in the side panel and the popover; the other one syncs', async () => {
    session = await launch();
    const page = await openDocument(session, URLS.answer);
    await saveSelection(page, SHORT, 'blue');
    await waitForPaint(page, 1);
    // A note of 9 000 characters: more than one item of the sync area may hold.
    const note = 'Anteckning som inte får plats i webbläsarens synk. '.repeat(180);
    await selectText(page, SENTENCE);
    await page.locator('riksref-highlights [data-action="note"]').click();
    await page.locator('riksref-highlights textarea').fill(note);
    await page.locator('riksref-highlights [data-action="save-note"]').click();
    await waitForPaint(page, 2);

    const [syncedId] = await syncedIds(session.serviceWorker, 1);
    const options = await optionsPage(session);
    const all: { id: string; note: string; unsynced?: string; selectors: { quote: { exact: string } } }[] = (await message(options, 'listAllHighlights', {})).highlights;
    const big = all.find((h) => h.selectors.quote.exact === SENTENCE)!;
    expect(syncedId).toBe(all.find((h) => h.selectors.quote.exact === SHORT)!.id);
    await vi.waitFor(async () => {
      const [stored] = (await message(options, 'listHighlights', { dokId: 'H612523' })).highlights.filter((h: { id: string }) => h.id === big.id);
      expect(stored).toMatchObject({ unsynced: 'note', note }); // kept whole
    });

    // The options page counts it among what stays here.
    await options.reload();
    await expect.poll(() => options.locator('[data-field="local-only"]').textContent()).toMatch(/1 markering med för lång anteckning/);

    // The side panel's list marks it, and only it.
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${await tabIdOf(session, URLS.answer)}&view=highlights`);
    await panel.getByRole('tab', { name: 'Alla' }).click();
    const mark = panel.locator(`[data-highlight-id="${big.id}"] [data-field="unsynced"]`);
    await expect.poll(() => mark.textContent()).toBe('Synkas inte: anteckningen är för lång för webbläsarens synk. Den finns bara på den här datorn.');
    expect(await panel.locator(`[data-highlight-id="${syncedId}"] [data-field="unsynced"]`).count()).toBe(0);

    // So does its popover on the page.
    await page.evaluate(() => document.getSelection()!.removeAllRanges());
    await clickInPassage(page, SENTENCE);
    await page.locator('riksref-highlights [role="dialog"]').waitFor({ state: 'visible' });
    expect(await page.locator('riksref-highlights [data-field="unsynced"]').textContent()).toMatch(/^Synkas inte: anteckningen är för lång/);
  });
});
