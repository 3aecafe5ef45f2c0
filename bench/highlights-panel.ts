// Benchmark: the side panel's "Markeringar" with 10 000 highlights over 1 000 documents, in
// Chromium with the BUILT extension (sidepanel.html in a tab of its own, as the e2e tests open
// it), and imports of a 20 MB file and of 100 000 entries (issue 12). Every time is from the
// reader's action to the paint that shows its result:
//  - opening: navigation start → the first paint with the list (and, for the record, when the
//    whole list is read), beside the same panel with no highlights at all (the page's own floor);
//  - switching from "Referenser" to "Markeringar": the click → the next paint;
//  - search: each key press (real key events, typed at ~8 keys a second) → the paint whose list
//    answers the query as it then stands (the list carries the query it answers, `data-query`);
//  - export and import: the click or file choice → the download or the outcome, with the longest
//    task the panel ran meanwhile (a long task is one over 50 ms: the panel froze for it).
// Targets (issue 12): opens within 200 ms, search within 50 ms a keystroke, export and import do
// not freeze the panel (no task over 50 ms).
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, type Session } from '../tests/e2e/support/browser.ts';
import { message, openDocument, tabIdOf } from '../tests/e2e/support/highlights.ts';
import { clearHighlights, countHighlights, keepHighlightsLocal, seedHighlights } from '../tests/e2e/support/many-highlights.ts';
import { URLS } from '../tests/e2e/support/sites.ts';
import { manyAnnotations, manyHighlights } from '../tests/fixtures/highlights/many-highlights.ts';
import { median, summarize, type Result, type Section } from './measure.ts';

const LOADS = 7;
const OPS = 3;
const COUNT = 10_000;
const DOCUMENTS = 1_000;
/** What the reader types, one query after another, clearing the box (Ctrl+A, Backspace) after each. */
const QUERIES = ['säkerhetspolisen', 'regeringen anser', 'utskottet'];

interface Timings {
  /** Every text the status line has shown, in order. */
  statuses: string[];
  /** Navigation start → the first paint with the list. */
  shown?: number;
  /** Navigation start → the whole list read (data-phase="ready"). */
  complete?: number;
  keys: number[];
  clicks: number[];
  longTasks: Array<{ start: number; duration: number }>;
}

/** In the panel, before its scripts: records when things are painted and every long task. */
function instrument(): void {
  const t: Timings = { statuses: [], keys: [], clicks: [], longTasks: [] };
  (window as unknown as { timings: Timings }).timings = t;
  const afterPaint = (then: () => void) => requestAnimationFrame(() => setTimeout(then, 0));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) t.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const phase = document.querySelector('[data-panel="highlights"] [data-phase]')?.getAttribute('data-phase');
    if (t.shown === undefined && (phase === 'first-screen' || phase === 'ready') && !(window as unknown as { shownPending?: boolean }).shownPending) {
      (window as unknown as { shownPending?: boolean }).shownPending = true;
      afterPaint(() => (t.shown = performance.now()));
    }
    if (t.complete === undefined && phase === 'ready') t.complete = performance.now();
    const status = document.querySelector('[data-panel="highlights"] [data-field="status"]')?.textContent;
    if (status && status !== t.statuses[t.statuses.length - 1]) t.statuses.push(status);
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-phase'] });

  // A key in the search box: from its keydown to the paint of the list that answers the query.
  let keydown = 0;
  document.addEventListener('keydown', (e) => void (keydown = e.timeStamp), true);
  document.addEventListener(
    'input',
    (e) => {
      const input = e.target as HTMLInputElement;
      if (!input.matches('.rr-search')) return;
      // From the key's keydown; a character typed without one (Playwright types "ä" as text) from the input itself.
      const began = keydown || e.timeStamp;
      keydown = 0;
      const wait = () => {
        const list = document.querySelector('[data-panel="highlights"] .rr-list [role="tabpanel"]');
        if (list?.getAttribute('data-query') === input.value) afterPaint(() => t.keys.push(performance.now() - began));
        else requestAnimationFrame(wait);
      };
      wait();
    },
    true,
  );
  // A click on a tab of the panel: to the next paint.
  document.addEventListener(
    'click',
    (e) => {
      if (!(e.target as Element).closest('[role="tab"][data-tab]')) return;
      const began = e.timeStamp;
      afterPaint(() => t.clicks.push(performance.now() - began));
    },
    true,
  );
}

const timings = (panel: Page) => panel.evaluate(() => (window as unknown as { timings: Timings }).timings);

async function openPanel(session: Session, query: string): Promise<Page> {
  const panel = await session.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.addInitScript(instrument);
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?${query}`);
  await panel.locator('[data-panel="highlights"] [data-phase="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
  await panel.waitForFunction(() => (window as unknown as { timings: Timings }).timings.shown !== undefined);
  return panel;
}

/** Opens the panel LOADS times; the times to the first paint with the list and to the whole list. */
async function opening(session: Session, query: string): Promise<{ shown: number[]; complete: number[] }> {
  const shown: number[] = [];
  const complete: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const panel = await openPanel(session, query);
    const t = await timings(panel);
    shown.push(t.shown!);
    complete.push(t.complete!);
    await panel.close();
  }
  return { shown, complete };
}

/** The longest task the panel ran from `since` (its own clock) on, 0 if none was long. */
const longestSince = (t: Timings, since: number) => Math.max(0, ...t.longTasks.filter((l) => l.start + l.duration >= since).map((l) => l.duration));

/** Runs `action` in the panel `runs` times: the time each took, and the longest task during each. */
async function operation(panel: Page, action: () => Promise<void>, runs = OPS): Promise<{ times: number[]; longest: number[] }> {
  const times: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < runs; i++) {
    const since = await panel.evaluate(() => performance.now());
    const began = Date.now();
    await action();
    times.push(Date.now() - began);
    // Long tasks are reported a little after they end.
    await panel.waitForTimeout(100);
    longest.push(longestSince(await timings(panel), since));
  }
  return { times, longest };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const noFreeze = (label: string, longest: number[]) => ({
  target: `${label}: no panel task over 50 ms`,
  measured: longest.some((l) => l > 0) ? `longest ${ms(Math.max(...longest))}` : 'none over 50 ms',
  met: Math.max(...longest) <= 50,
});
const withLongest = (result: Result, longest: number[]) => {
  result.note = `${result.note ? `${result.note}; ` : ''}longest panel task ${longest.some((l) => l > 0) ? ms(Math.max(...longest)) : 'under 50 ms'}`;
  return result;
};

/** Chooses the file, and returns once the status line has said how the import ended (`expected`). */
async function importFile(panel: Page, path: string, expected: RegExp, timeout = 120_000): Promise<void> {
  const before = (await timings(panel)).statuses.length;
  await panel.locator('[data-action="import"]').setInputFiles(path); // not by its label: see the search
  await panel.waitForFunction(
    ({ before, source }) => {
      const seen = (window as unknown as { timings: Timings }).timings.statuses.slice(before);
      return seen.length >= 2 && new RegExp(source).test(seen[seen.length - 1]!);
    },
    { before, source: expected.source },
    { timeout },
  );
}

/**
 * The stage (also bench/diagnose/import-panel.ts's): an extension page to seed the database from,
 * the seed answer open in one tab and riksdagen.se's start page in another.
 */
export async function setUpPanelBench(session: Session): Promise<{ ext: Page; documentTab: number; noDocument: string }> {
  const ext = await session.context.newPage();
  await ext.goto(`chrome-extension://${session.extensionId}/options.html`);
  await message(ext, 'listAllHighlights', {});
  // The database is seeded and cleared behind the background's back here (see keepHighlightsLocal).
  await keepHighlightsLocal(ext);
  await openDocument(session, URLS.answer);
  const documentTab = await tabIdOf(session, URLS.answer);
  // A tab that shows riksdagen.se's start page: no document, so the panel opens on "Alla".
  await (await session.context.newPage()).goto(URLS.start, { waitUntil: 'load' });
  return { ext, documentTab, noDocument: `tab=${await tabIdOf(session, URLS.start)}` };
}

export async function benchHighlightsPanel(): Promise<Section> {
  const results: Result[] = [];
  const targets: Section['targets'] = [];
  const files: string[] = [];
  const session = await launch();
  try {
    const { ext, documentTab, noDocument } = await setUpPanelBench(session);

    const floor = await opening(session, `${noDocument}&view=highlights`);
    results.push(summarize('no highlights: open on Markeringar (the floor)', floor.shown, undefined, 'navigation start → painted'));

    await seedHighlights(ext, manyHighlights({ count: COUNT, documents: DOCUMENTS }));
    const label = `${COUNT / 1000} 000 highlights`;
    for (const [what, query] of [
      ['the document’s own tab', `tab=${documentTab}&view=highlights`],
      ['no document (Alla)', `${noDocument}&view=highlights`],
    ] as const) {
      const open = await opening(session, query);
      const result = summarize(`${label}: open on Markeringar, ${what}`, open.shown, undefined);
      result.note = `navigation start → first screen painted; whole list read at ${ms(median(open.complete))} (${ms(Math.min(...open.complete))}–${ms(Math.max(...open.complete))}); the floor ${ms(median(floor.shown))} in the same run`;
      results.push(result);
      targets.push({ target: `${label}: Markeringar opens within 200 ms (${what})`, measured: ms(median(open.shown)), met: median(open.shown) <= 200 });
    }

    // From "Referenser", the panel's first tab, to "Markeringar".
    const clicks: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const panel = await openPanel(session, noDocument);
      await panel.locator('[role="tab"][data-tab="highlights"]').click();
      await panel.waitForFunction(() => (window as unknown as { timings: Timings }).timings.clicks.length > 0);
      clicks.push((await timings(panel)).clicks[0]!);
      await panel.close();
    }
    const switched = summarize(`${label}: Referenser → Markeringar`, clicks, undefined, 'click → painted');
    results.push(switched);
    targets.push({ target: `${label}: Markeringar opens within 200 ms (from Referenser)`, measured: ms(switched.medianMs), met: switched.medianMs <= 200 });

    // Search in "Alla", typed a key at a time.
    const panel = await openPanel(session, `${noDocument}&view=highlights`);
    // CSS selectors throughout the measured steps: Playwright's role and label searches run in the
    // panel's main thread (60–100 ms over this list) and would be counted as the panel's own work.
    const box = panel.locator('[data-panel="highlights"] .rr-search');
    await box.focus();
    for (const query of QUERIES) {
      await box.pressSequentially(query, { delay: 120 });
      await panel.waitForTimeout(300);
      // Cleared as a reader clears it: select all, Backspace (then everything matches again).
      await box.press('Control+A');
      await box.press('Backspace');
      await panel.waitForTimeout(300);
    }
    const keys = (await timings(panel)).keys;
    const typed = QUERIES.join('').length + QUERIES.length;
    if (keys.length !== typed) throw new Error(`search: ${keys.length} keys measured, ${typed} typed`);
    const search = summarize(`${label}: search, a key at a time (Alla)`, keys, undefined, 'keydown → the answering list painted');
    const sorted = [...keys].sort((a, b) => a - b);
    const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
    search.note += `; ${typed} keys, 90th percentile ${ms(p90)}`;
    results.push(search);
    targets.push({ target: `${label}: search answers within 50 ms a keystroke (90 % of keys)`, measured: `${ms(p90)} (median ${ms(search.medianMs)})`, met: p90 <= 50 });

    // Export both ways, then import the JSON back (every entry replaces itself).
    let exported = '';
    for (const format of ['JSON', 'Markdown'] as const) {
      const run = await operation(panel, async () => {
        const [download] = await Promise.all([
          panel.waitForEvent('download', { timeout: 60_000 }).catch(async (error) => {
            throw new Error(`export ${format}: no download (${error}); the panel says: ${await panel.locator('[data-field="status"]').textContent()}`);
          }),
          panel.locator(`[data-action="export-${format.toLowerCase()}"]`).click(),
        ]);
        if (format === 'JSON') {
          exported = join(tmpdir(), `riksref-bench-${process.pid}.json`);
          await download.saveAs(exported);
          files.push(exported);
        }
        await panel.locator('[data-field="status"]').filter({ hasText: /^Exporterade 10000 markeringar/ }).waitFor();
      });
      results.push(withLongest(summarize(`${label}: export ${format}`, run.times, undefined, 'click → downloaded'), run.longest));
      targets.push(noFreeze(`${label}: export ${format}`, run.longest));
    }
    const reimport = await operation(panel, () => importFile(panel, exported, /^Importerade 10000 markeringar: 0 nya, 10000 fanns redan/));
    results.push(withLongest(summarize(`${label}: import of their export`, reimport.times, undefined, 'file chosen → outcome shown'), reimport.longest));
    targets.push(noFreeze(`${label}: import`, reimport.longest));
    await panel.close();

    // Large files, each into an empty database.
    for (const [what, entries, pretty] of [
      ['a 20 MB file', manyAnnotations({ count: 19_000, documents: DOCUMENTS, seed: 2, quoteWords: 16 }), true],
      ['100 000 entries', manyAnnotations({ count: 100_000, documents: DOCUMENTS, seed: 3, quoteWords: 6 }), false],
    ] as const) {
      const path = join(tmpdir(), `riksref-bench-${process.pid}-${entries.length}.json`);
      const text = pretty ? JSON.stringify(entries, null, 2) : JSON.stringify(entries);
      await writeFile(path, text);
      files.push(path);
      const times: number[] = [];
      const longest: number[] = [];
      for (let i = 0; i < OPS; i++) {
        await clearHighlights(ext);
        const importer = await openPanel(session, `${noDocument}&view=highlights`);
        const run = await operation(importer, () => importFile(importer, path, new RegExp(`^Importerade ${entries.length} markeringar`)), 1);
        if ((await countHighlights(ext)) !== entries.length) throw new Error(`${what}: not every entry was stored`);
        times.push(...run.times);
        longest.push(...run.longest);
        await importer.close();
      }
      const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
      results.push(withLongest(summarize(`import of ${what} (${entries.length} entries, ${mb} MB)`, times, undefined, 'file chosen → all stored, outcome shown'), longest));
      targets.push(noFreeze(`import of ${what}`, longest));
    }
  } finally {
    await session.close();
    await Promise.all(files.map((f) => rm(f, { force: true })));
  }
  return { title: `The side panel with ${COUNT} highlights over ${DOCUMENTS} documents, and large imports (Chromium, built extension)`, results, targets };
}
