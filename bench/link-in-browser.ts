// Benchmark: linking the ~1 MB fixture documents in Chromium with the BUILT extension (its own
// code path: the content script's page detection and link feature), beside
//  - mark.js's markRegExp with an equivalent pattern (the highlighter most pages use), run on the
//    same document at an address where Riksref stays away, and
//  - a bare TreeWalker pass that only reads the same text nodes (the floor of any DOM scan).
// DESIGN.md: ≤ 100 ms of main-thread work for 1 MB, no single task over 50 ms. These rows time
// our script alone (performance.now() around each chunk); the style, layout and paint our links
// set off come in tasks of the page's own, and benchMainThread's trace below counts them.
import type { BrowserContext, Page } from 'playwright-core';
import { launch, launchWithoutExtension } from '../tests/e2e/support/browser.ts';
import { URLS } from '../tests/e2e/support/sites.ts';
import { median, summarize, type Section } from './measure.ts';
import { linkingDone, linkNumbersInFrames, loadLinked, markNumbers, PLAIN_LINKER_FRAME_MS, settle, wrapOneWordPerFrame } from './page-work.ts';
import { markJsStarts, oneWordStarts, plainLinkerStarts, riksrefStarts, startTrace, type MainThreadWork, type StartedBy } from './trace.ts';

const LOADS = 7;
const HUGE_LOADS = 3;

// What mark.js is asked to find: a type word, then a riksmöte or year and a number — the nearest
// a regex-only highlighter gets to our references.
const EQUIVALENT_PATTERN =
  String.raw`(?:prop\.|skr\.|rskr\.|mot\.|bet\.|dir\.|ip\.|SOU|Ds|SFS|fråga|interpellation|proposition|betänkande|motion|skrivelse)\s\d{4}(?:\/\d{2,4})?:[A-Za-zÅÄÖåäö]{0,5}\d+`;

interface RiksrefLoad {
  busyMs: number;
  detectMs: number;
  longestTaskMs: number;
  chunks: number;
  wallMs: number;
  links: number;
  walkerMs: number;
}

async function riksrefLoad(page: Page, url: string): Promise<RiksrefLoad> {
  await page.goto(url, { waitUntil: 'load' });
  await linkingDone(page);
  return page.evaluate(() => {
    const link = performance.getEntriesByName('riksref:link', 'measure')[0] as PerformanceMeasure;
    const detail = link.detail as { busyMs: number; longestTaskMs: number; chunks: number };
    // Detection on a very long page pauses between slices: its busy time, not its span.
    const detect = (performance.getEntriesByName('riksref:detect', 'measure')[0] as PerformanceMeasure).detail as {
      busyMs: number;
      longestTaskMs: number;
    };
    const detectMs = detect.busyMs;
    // The floor: one TreeWalker pass over the same region reading every text node.
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.querySelector('.document-body')!, NodeFilter.SHOW_TEXT);
    let chars = 0;
    while (walker.nextNode()) chars += walker.currentNode.nodeValue!.length;
    const walkerMs = performance.now() - t0;
    return {
      busyMs: detail.busyMs + detectMs,
      detectMs,
      longestTaskMs: Math.max(detail.longestTaskMs, detect.longestTaskMs),
      chunks: detail.chunks,
      wallMs: link.duration,
      links: chars > 0 ? document.querySelectorAll('a[data-riksref]').length : 0,
      walkerMs,
    };
  });
}

async function markJsLoad(page: Page, url: string): Promise<{ ms: number; marks: number }> {
  await page.goto(url, { waitUntil: 'load' });
  // Synchronous: the whole run is one task on the main thread.
  return markNumbers(page, { pattern: EQUIVALENT_PATTERN });
}

export async function benchLinkInBrowser(): Promise<Section> {
  const session = await launch();
  const results = [];
  const targets = [];
  try {
    for (const [label, riksrefUrl, plainUrl] of [
      ['typical', URLS.longTypical, URLS.benchTypical],
      ['dense', URLS.long, URLS.benchDense],
    ] as const) {
      const ours: RiksrefLoad[] = [];
      const mark: Array<{ ms: number; marks: number }> = [];
      for (let i = 0; i < LOADS; i++) {
        const page = await session.context.newPage();
        ours.push(await riksrefLoad(page, riksrefUrl));
        mark.push(await markJsLoad(page, plainUrl));
        await page.close();
      }
      const walker = summarize(`${label}: bare TreeWalker pass (the floor)`, ours.map((l) => l.walkerMs), 1_000_000);
      const busy = summarize(
        `${label}: Riksref, detect + link (main thread)`,
        ours.map((l) => l.busyMs),
        1_000_000,
      );
      const markJs = summarize(`${label}: mark.js markRegExp`, mark.map((m) => m.ms), 1_000_000);
      const longest = median(ours.map((l) => l.longestTaskMs));
      const worst = Math.max(...ours.map((l) => l.longestTaskMs));
      busy.note =
        `${(busy.medianMs / walker.medianMs).toFixed(1)}× the walker, ${(busy.medianMs / markJs.medianMs).toFixed(2)}× mark.js; ` +
        `${ours[0]!.links} links; detection ${median(ours.map((l) => l.detectMs)).toFixed(1)} ms; longest task of our script ${longest.toFixed(1)} ms ` +
        `(worst ${worst.toFixed(1)} ms) in ${median(ours.map((l) => l.chunks))} chunks; ${median(ours.map((l) => l.wallMs)).toFixed(0)} ms start to done`;
      markJs.note = `${mark[0]!.marks} marks, in one task of ${markJs.medianMs.toFixed(1)} ms`;
      results.push(walker, busy, markJs);
      targets.push(
        { target: `${label}: ≤ 100 ms main-thread work for 1 MB`, measured: `${busy.medianMs.toFixed(0)} ms`, met: busy.medianMs <= 100 },
        { target: `${label}: no task of our script over 50 ms`, measured: `longest ${worst.toFixed(1)} ms`, met: worst <= 50 },
      );
    }
    // Scale: a 10 MB page (typical density). The reader must be able to scroll and click all along.
    const huge: RiksrefLoad[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await session.context.newPage();
      huge.push(await riksrefLoad(page, URLS.huge));
      await page.close();
    }
    const hugeBusy = summarize('10 MB typical: Riksref, detect + link (main thread)', huge.map((l) => l.busyMs), 10_000_000);
    const hugeWorst = Math.max(...huge.map((l) => l.longestTaskMs));
    hugeBusy.note = `${huge[0]!.links} links; longest task of our script ${hugeWorst.toFixed(1)} ms in ${median(huge.map((l) => l.chunks))} chunks; ${median(huge.map((l) => l.wallMs)).toFixed(0)} ms start to done`;
    results.push(hugeBusy);
    targets.push({ target: '10 MB: no task of our script over 50 ms', measured: `longest ${hugeWorst.toFixed(1)} ms`, met: hugeWorst <= 50 });
  } finally {
    await session.close();
  }
  return { title: 'Linking the ~1 MB fixtures in Chromium with the built extension (7 page loads each)', results, targets };
}

async function traced(page: Page, url: string, work: (page: Page) => Promise<number>, startedBy?: StartedBy) {
  const trace = await startTrace(page);
  const count = await work(page);
  await settle(page);
  return { ...(await trace.stop(url, startedBy)), count };
}

const loadOnly = async (page: Page, url: string) => {
  await loadLinked(page, url, false);
  return 0;
};

// Where the page alone gets one word wrapped a frame (frameFloor): spread through the text.
const FLOOR_PLACES = [0.1, 0.3, 0.5, 0.7, 0.9];
const FLOOR_LOADS = 3;

/**
 * The least a frame that follows a change costs this page, with no script of ours: one word
 * wrapped a frame (page-work.ts, wrapOneWordPerFrame), on the page alone. Every chunk of links
 * pays at least this in the frame after it; on a long enough page it is over 50 ms by itself.
 */
async function frameFloor(session: { context: BrowserContext }, label: string, url: string) {
  const perChange: number[] = [];
  let longest = 0;
  for (let i = 0; i < FLOOR_LOADS + 1; i++) {
    const page = await session.context.newPage();
    const work = await traced(
      page,
      url,
      async (p) => {
        await loadLinked(p, url, false);
        return wrapOneWordPerFrame(p, FLOOR_PLACES);
      },
      oneWordStarts,
    );
    await page.close();
    if (i === 0) continue; // the first load warms the caches
    perChange.push(work.fromStart!.busyMs / work.count);
    longest = Math.max(longest, work.fromStart!.longestTaskMs);
  }
  const row = summarize(`${label}: the page alone, one word wrapped a frame (the floor of a frame after a change)`, perChange);
  row.note = `main-thread work per wrapped word, the frame after it included; longest frame ${longest.toFixed(1)} ms`;
  return { row, longest };
}

/** A traced load, with how many links or marks its work made. */
type Counted = MainThreadWork & { count: number };

const loadAndLink = async (page: Page, url: string) => {
  // The metadata's answers reach the links too (titles, addresses): part of what we cost.
  await loadLinked(page, url);
  return page.evaluate(() => document.querySelectorAll('a[data-riksref]').length);
};

/**
 * mark.js on the page, wrapping every number in a `<mark>`, or (`asLinks`) in an `<a href>`: the
 * control, which tells whether a link costs the page more than a mark, whoever makes it.
 */
const marking =
  (asLinks: boolean) =>
  async (page: Page, url: string): Promise<number> => {
    await loadLinked(page, url, false);
    return (await markNumbers(page, { asLinks })).marks;
  };
const loadAndMark = marking(false);
const loadAndMarkLinks = marking(true);

/**
 * The plain linker (page-work.ts, linkNumbersInFrames) on the page: in frames of about 40 ms, the
 * floor of linking under the 50 ms rule, or (`frameMs` Infinity) in one task, as mark.js works.
 * Each load's frame count goes to `frames`.
 */
const plainLinking =
  (frameMs: number, frames: number[]) =>
  async (page: Page, url: string): Promise<number> => {
    await loadLinked(page, url, false);
    const made = await linkNumbersInFrames(page, frameMs);
    frames.push(made.frames);
    return made.links;
  };

/**
 * The honest cost (DEVELOPERS.md, "Main-thread cost"): every task on the page's renderer main
 * thread while it loads and links, minus the same page where Riksref stays away; mark.js the same
 * way on the same page, and mark.js again making links, the control. Pages are loaded in turn
 * (plain, ours, mark.js, mark.js making links) so drift hits all four.
 */
export async function benchMainThread(): Promise<Section> {
  const session = await launch();
  // The page alone and mark.js run where Riksref is not installed at all, so that everything we
  // add, our script's start on every page included, is counted as ours.
  const plainSession = await launchWithoutExtension();
  const results = [];
  const targets = [];
  try {
    // The same address in both browsers: the very same page, with and without us.
    for (const [label, url] of [
      ['typical', URLS.longTypical],
      ['dense', URLS.long],
    ] as const) {
      // One unmeasured load of each warms the caches (HTTP, metadata, code) as a reader's second visit.
      const pacedFrames: number[] = [];
      const loadAndLinkInFrames = plainLinking(PLAIN_LINKER_FRAME_MS, pacedFrames);
      const loadAndLinkAtOnce = plainLinking(Infinity, []);
      for (const [browser, work] of [
        [session, loadAndLink],
        [plainSession, loadAndMark],
        [plainSession, loadAndMarkLinks],
        [plainSession, loadAndLinkInFrames],
        [plainSession, loadAndLinkAtOnce],
      ] as const) {
        const page = await browser.context.newPage();
        await work(page, url);
        await page.close();
      }
      const plain: MainThreadWork[] = [];
      const ours: Counted[] = [];
      const mark: Counted[] = [];
      const markLinks: Counted[] = [];
      const inFrames: Counted[] = [];
      const atOnce: Counted[] = [];
      pacedFrames.length = 0; // the warm-up's
      for (let i = 0; i < LOADS; i++) {
        for (const [into, browser, work, startedBy] of [
          [plain, plainSession, loadOnly, undefined],
          [ours, session, loadAndLink, riksrefStarts],
          [mark, plainSession, loadAndMark, markJsStarts],
          [markLinks, plainSession, loadAndMarkLinks, markJsStarts],
          [inFrames, plainSession, loadAndLinkInFrames, plainLinkerStarts],
          [atOnce, plainSession, loadAndLinkAtOnce, plainLinkerStarts],
        ] as const) {
          const page = await browser.context.newPage();
          (into as MainThreadWork[]).push(await traced(page, url, (p) => work(p, url), startedBy));
          await page.close();
        }
      }
      const base = median(plain.map((w) => w.busyMs));
      const added = (works: MainThreadWork[]) => works.map((w) => w.busyMs - base);
      const oursAdded = summarize(`${label}: Riksref, main thread added (traced)`, added(ours));
      const markAdded = summarize(`${label}: mark.js markRegExp, main thread added (traced)`, added(mark));
      const ratio = oursAdded.medianMs / markAdded.medianMs;
      // The longest task from the work's start, the style and layout of what it wrote included:
      // what the reader feels as the page not answering.
      const worstFromStart = (works: MainThreadWork[]) => Math.max(...works.map((w) => w.fromStart!.longestTaskMs));
      const oursWorst = worstFromStart(ours);
      oursAdded.note =
        `${ours[0]!.count} links; ${ratio.toFixed(2)}× mark.js; page alone ${base.toFixed(0)} ms; ` +
        `longest task from our start ${oursWorst.toFixed(1)} ms (mark.js from its start: ${worstFromStart(mark).toFixed(1)} ms)`;
      markAdded.note = `${mark[0]!.count} marks, every yyyy:n and yyyy/yy:n number`;
      const linksAdded = summarize(`${label}: mark.js making links (<a href>), main thread added (traced)`, added(markLinks));
      linksAdded.note =
        `${markLinks[0]!.count} links around the same numbers: the control; ` +
        `Riksref ${(oursAdded.medianMs / linksAdded.medianMs).toFixed(2)}× it, mark.js's marks ${(markAdded.medianMs / linksAdded.medianMs).toFixed(2)}× it`;
      // The floor of this target: the simplest linker, with frames kept short as ours are.
      const pacedAdded = summarize(`${label}: a plain linker in frames of ~${PLAIN_LINKER_FRAME_MS} ms, main thread added (traced)`, added(inFrames));
      const atOnceAdded = summarize(`${label}: the same plain linker in one task, main thread added (traced)`, added(atOnce));
      const pacedRatio = pacedAdded.medianMs / markAdded.medianMs;
      pacedAdded.note =
        `${inFrames[0]!.count} links (one regex, <a href>, no style, nothing recognised) in ${median(pacedFrames)} frames; ` +
        `longest task from its start ${worstFromStart(inFrames).toFixed(1)} ms; ${pacedRatio.toFixed(2)}× mark.js; ` +
        `${(pacedAdded.medianMs / atOnceAdded.medianMs).toFixed(2)}× itself in one task; Riksref ${(oursAdded.medianMs / pacedAdded.medianMs).toFixed(2)}× it`;
      atOnceAdded.note =
        `${(atOnceAdded.medianMs / markAdded.medianMs).toFixed(2)}× mark.js, ${(atOnceAdded.medianMs / linksAdded.medianMs).toFixed(2)}× mark.js making links; ` +
        `longest task from its start ${worstFromStart(atOnce).toFixed(1)} ms`;
      const floor = await frameFloor(plainSession, label, url);
      results.push(oursAdded, markAdded, linksAdded, pacedAdded, atOnceAdded, floor.row);
      targets.push(
        {
          target: `${label}: main-thread work added ≤ mark.js's on the same page`,
          measured:
            `${oursAdded.medianMs.toFixed(0)} ms vs ${markAdded.medianMs.toFixed(0)} ms (${ratio.toFixed(2)}×); ` +
            `a plain linker in frames of ~${PLAIN_LINKER_FRAME_MS} ms: ${pacedRatio.toFixed(2)}×`,
          met: ratio <= 1,
        },
        {
          target: `${label}: no task over 50 ms from our start (traced: the style and layout of our links included)`,
          measured: `longest ${oursWorst.toFixed(1)} ms in ${LOADS} loads`,
          met: oursWorst <= 50,
        },
      );
    }
    // Scale: the 10 MB page. Every frame of so long a page is long, whoever changes it; the
    // reader must still be able to scroll and click between them.
    const huge: MainThreadWork[] = [];
    for (let i = 0; i < HUGE_LOADS + 1; i++) {
      const page = await session.context.newPage();
      const work = await traced(page, URLS.huge, (p) => loadAndLink(p, URLS.huge), riksrefStarts);
      if (i > 0) huge.push(work); // the first load warms the caches
      await page.close();
    }
    const hugeFromStart = summarize(
      '10 MB typical: Riksref, main thread from its start to the end (traced)',
      huge.map((w) => w.fromStart!.busyMs),
    );
    const hugeWorst = Math.max(...huge.map((w) => w.fromStart!.longestTaskMs));
    hugeFromStart.note =
      `everything on the page's main thread from our script's start; longest task ${hugeWorst.toFixed(0)} ms, ` +
      `${median(huge.map((w) => w.fromStart!.longTasks))} tasks over 50 ms`;
    // The page's own frame after one wrapped word: what no writer to this page can go under.
    const hugeFloor = await frameFloor(plainSession, '10 MB typical', URLS.huge);
    results.push(hugeFromStart, hugeFloor.row);
    targets.push({
      target: '10 MB: no task over 50 ms from our start (traced: the style and layout of our links included)',
      measured: `longest ${hugeWorst.toFixed(0)} ms; the page alone takes ${hugeFloor.longest.toFixed(0)} ms for the frame after one wrapped word`,
      met: hugeWorst <= 50,
    });
    // Every other riksdagen.se page (start, search, calendar) pays for our script's start alone.
    const plain: MainThreadWork[] = [];
    const ours: MainThreadWork[] = [];
    for (let i = 0; i < LOADS + 1; i++) {
      for (const [into, browser] of [[plain, plainSession], [ours, session]] as const) {
        const page = await browser.context.newPage();
        const work = await traced(page, URLS.start, (p) => loadOnly(p, URLS.start));
        if (i > 0) into.push(work); // the first load of each warms the caches
        await page.close();
      }
    }
    const base = median(plain.map((w) => w.busyMs));
    const start = summarize('start page (not a document): Riksref, main thread added (traced)', ours.map((w) => w.busyMs - base));
    start.note = `page alone ${base.toFixed(0)} ms; the script's start and its look at the page, which it leaves as it is`;
    results.push(start);
  } finally {
    await session.close();
    await plainSession.close();
  }
  return {
    title: `Main-thread work a reader feels, traced in Chromium (every renderer task: script, style, layout, paint, GC; ${LOADS} loads each)`,
    results,
    targets,
  };
}
