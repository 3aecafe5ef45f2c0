// Benchmark: re-anchoring 500 saved highlights on the ~1 MB fixture document (DESIGN.md: ≤ 200 ms).
// What the content script does on every visit: build the region's text once, anchor every
// highlight against it (position check, drift, exact quote, fuzzy only on failure), turn each into
// a DOM Range and paint — in two passes: everything cheap at once, then for each highlight still
// missing a whole-text fuzzy search as its own task (an orphan pays that and finds nothing).
// Measured two ways:
//  - in Node on the text alone, in several states of the document, since what anchoring costs
//    depends on what changed since the highlights were saved;
//  - in Chromium with the BUILT extension: 500 highlights stored through the background, the
//    page loaded, and the content script's own `riksref:anchor` measure read (text, anchors,
//    Ranges and CSS.highlights paint, one pass).
import type { Page } from 'playwright-core';
import { anchorAll, anchorSelectors, describeText, type Selectors } from '../lib/page/anchoring/index.ts';
import { launch, type Session } from '../tests/e2e/support/browser.ts';
import { URLS } from '../tests/e2e/support/sites.ts';
import { longDocumentParagraphs } from '../tests/fixtures/text/long-document.ts';
import { bundleForBrowser } from './browser-bundle.ts';
import { measure, summarize, type Result, type Section } from './measure.ts';

const HIGHLIGHTS = 500;
const LOADS = 7;

/** 500 selections spread evenly over the text, 40 to 240 characters long. */
function highlightsOver(text: string): Selectors[] {
  const out: Selectors[] = [];
  for (let i = 0; i < HIGHLIGHTS; i++) {
    const start = Math.floor(((i + 0.5) * text.length) / HIGHLIGHTS);
    const selectors = describeText(text, start, start + 40 + ((i * 37) % 200));
    if (selectors) out.push(selectors);
  }
  return out;
}

function summary(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
}

/** The content script's first pass: everything but the whole-text fuzzy search (left for later). */
function scenario(name: string, text: string, all: Selectors[]): Result {
  let last: ReturnType<typeof anchorAll> = [];
  const result = measure(name, Buffer.byteLength(text, 'utf8'), () => {
    last = anchorAll(text, all, { wholeText: false });
  });
  const counts: Record<string, number> = {};
  for (const r of last) counts[r?.method ?? 'left for later'] = (counts[r?.method ?? 'left for later'] ?? 0) + 1;
  return { ...result, note: summary(counts) };
}

/** The second pass: the whole-text search of each highlight the first pass left, one task each. */
let lastPerTaskMs = 0;

function laterSearches(name: string, text: string, all: Selectors[]): Result {
  const left = anchorAll(text, all, { wholeText: false })
    .map((anchor, i) => (anchor ? null : all[i]!))
    .filter((s): s is Selectors => s !== null);
  let orphans = 0;
  const result = measure(name, Buffer.byteLength(text, 'utf8') * left.length, () => {
    orphans = left.filter((s) => !anchorSelectors(text, s, 0, { wholeText: true })).length;
  }, 5, 1);
  const perTask = result.medianMs / Math.max(1, left.length);
  lastPerTaskMs = perTask;
  return { ...result, note: `${left.length} searches, ${orphans} orphans; ${perTask.toFixed(1)} ms per task, off the first paint` };
}

/** The stored quote of every `every`-th highlight changed by `change` (the page's text stays). */
function altered(all: Selectors[], every: number, change: (exact: string) => string): Selectors[] {
  return all.map((s, i) => (i % every === 3 ? { ...s, quote: { ...s.quote, exact: change(s.quote.exact) } } : s));
}

export function benchAnchoringText(): Result[] {
  const text = longDocumentParagraphs().join('\n');
  const all = highlightsOver(text);
  // The fixture repeats its paragraphs, so an edit to the page's text still leaves the same words
  // elsewhere; edits are simulated on the stored side instead, which costs the same search.
  const reworded = altered(all, 10, (q) => `${q.slice(0, q.length >> 1)} (ändrad) ${q.slice(q.length >> 1)}`);
  const gone = altered(all, 20, (q) => q.split('').reverse().join(''));
  return [
    scenario('text unchanged', text, all),
    scenario('a paragraph inserted at the start', 'Ett nytt inledande stycke före dokumentets text.\n' + text, all),
    scenario('10 % of the passages reworded (fuzzy)', text, reworded),
    scenario('5 % of the passages gone: first pass', text, gone),
    laterSearches('5 % gone: whole-text searches (all 25)', text, gone),
  ];
}

/** 500 highlights over the long page's region text, stored through the background. */
async function store(extensionPage: Page, page: Page): Promise<void> {
  const region = await page.evaluate(() => document.querySelector('.document-body')!.textContent!);
  const now = Date.now();
  const highlights = highlightsOver(region).map((selectors, i) => ({
    id: `bench-${i}`,
    dokId: 'H601JUU99',
    kind: 'bet',
    url: URLS.long,
    title: 'Ett långt betänkande',
    selectors,
    color: (['yellow', 'green', 'blue', 'pink'] as const)[i % 4],
    note: '',
    created: now,
    updated: now,
  }));
  await extensionPage.evaluate(async (list) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    for (const highlight of list) await chrome.runtime.sendMessage({ riksref: 1, name: 'saveHighlight', payload: { highlight } });
  }, highlights);
}

export async function benchAnchoringInBrowser(): Promise<Result[]> {
  const session = await launch();
  try {
    const extensionPage = await session.context.newPage();
    await extensionPage.goto(`chrome-extension://${session.extensionId}/options.html`);
    const first = await session.context.newPage();
    await first.goto(URLS.long, { waitUntil: 'load' });
    await store(extensionPage, first);
    await first.close();

    const passes: { ms: number; methods: Record<string, number>; painted: number }[] = [];
    for (let i = 0; i < LOADS; i++) {
      const page = await session.context.newPage();
      await page.goto(URLS.long, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.dataset.riksrefHighlights !== undefined, null, { timeout: 60_000 });
      passes.push(
        await page.evaluate(() => {
          const [measure] = performance.getEntriesByName('riksref:anchor', 'measure') as PerformanceMeasure[];
          return {
            ms: measure!.duration,
            methods: (measure!.detail as { methods: Record<string, number> }).methods,
            painted: Number(document.documentElement.dataset.riksrefHighlights),
          };
        }),
      );
      await page.close();
    }
    const ours = summarize(
      'Chromium: first pass on load (text → paint)',
      passes.map((p) => p.ms),
      undefined,
      `${summary(passes[0]!.methods)}; ${passes[0]!.painted} painted; built extension, ${LOADS} loads`,
    );
    return [ours, await compareDomAnchorTextQuote(session.context, ours)];
  } finally {
    await session.close();
  }
}

const COMPARISON_RUNS = 3;

/**
 * The same 500 highlights found by `dom-anchor-text-quote` (the text-quote anchoring that
 * Hypothesis-style tools used), run in the same page's main world on the same region, with the
 * stored position as its hint — as such a tool would on every visit.
 */
async function compareDomAnchorTextQuote(context: Session['context'], ours: Result): Promise<Result> {
  const library = await bundleForBrowser('dom-anchor-text-quote', 'DomAnchorTextQuote');
  const page = await context.newPage();
  try {
    await page.goto(URLS.long, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.riksrefHighlights !== undefined, null, { timeout: 60_000 });
    const selectors = highlightsOver(await page.evaluate(() => document.querySelector('.document-body')!.textContent!));
    await page.addScriptTag({ content: library });
    const runs: Array<{ ms: number; found: number }> = [];
    for (let i = 0; i < COMPARISON_RUNS; i++) {
      runs.push(
        await page.evaluate((all) => {
          type Quote = { exact: string; prefix: string; suffix: string };
          const lib = (window as unknown as { DomAnchorTextQuote: { toRange(root: Node, q: Quote, o: { hint: number }): Range | null } })
            .DomAnchorTextQuote;
          const root = document.querySelector('.document-body')!;
          const t0 = performance.now();
          let found = 0;
          for (const s of all) if (lib.toRange(root, s.quote, { hint: s.position.start })) found++;
          return { ms: performance.now() - t0, found };
        }, selectors),
      );
    }
    const result = summarize('Chromium: dom-anchor-text-quote, same 500', runs.map((r) => r.ms));
    result.note = `${runs[0]!.found} of ${selectors.length} found; ${(result.medianMs / ours.medianMs).toFixed(1)}× Riksref's first pass; one task`;
    return result;
  } finally {
    await page.close();
  }
}

/** `npm run bench`'s section: the text passes in Node, the first pass in Chromium, and the target. */
export async function benchAnchoring(): Promise<Section> {
  const text = benchAnchoringText();
  const browser = await benchAnchoringInBrowser();
  const results = [...text, ...browser];
  // DESIGN.md: ≤ 200 ms to re-anchor 500 highlights on 1 MB — what the reader waits for, the
  // first pass (the whole-text searches of orphans come after, one task each).
  const firstPasses = results.filter((r) => !r.name.includes('whole-text') && !r.name.includes('dom-anchor-text-quote'));
  const worst = firstPasses.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  const later = text.find((r) => r.name.includes('whole-text'));
  return {
    title: 'Re-anchoring 500 saved highlights on the ~1 MB fixture',
    results,
    targets: [
      { target: 're-anchoring 500 highlights on 1 MB ≤ 200 ms (first pass, slowest case)', measured: `${worst.medianMs.toFixed(1)} ms (${worst.name})`, met: worst.medianMs <= 200 },
      ...(later ? [{ target: 'no single task over 50 ms (each orphan search is its own task)', measured: later.note ?? '', met: lastPerTaskMs <= 50 }] : []),
    ],
  };
}
