// Benchmark: linking the ~1 MB fixture document in Chromium with the BUILT extension (its own
// code path: the content script's link feature), beside a bare TreeWalker pass that only reads
// the same text nodes — the floor of any DOM scan. DESIGN.md: ≤ 100 ms of main-thread work in
// total, no single task over 50 ms.
import { launch } from '../tests/e2e/support/browser.ts';
import { URLS } from '../tests/e2e/support/sites.ts';
import { median, type Result } from './measure.ts';

const LOADS = 7;

interface Load {
  wallMs: number;
  /** Page detection (document region and kind), one task before linking starts. */
  detectMs: number;
  busyMs: number;
  longestTaskMs: number;
  chunks: number;
  links: number;
  walkerMs: number;
}

/** Both long fixtures: `typical` density (the seed answer's) and `dense` (the full paragraph set). */
export async function benchLinkInBrowser(): Promise<Result[]> {
  return [...(await benchOne('typical', URLS.longTypical)), ...(await benchOne('dense', URLS.long))];
}

async function benchOne(label: string, url: string): Promise<Result[]> {
  const session = await launch();
  const loads: Load[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const page = await session.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.dataset.riksrefLinking === 'done', null, { timeout: 60_000 });
      loads.push(
        await page.evaluate(() => {
          const measure = performance.getEntriesByName('riksref:link', 'measure')[0] as PerformanceMeasure;
          const detectMs = performance.getEntriesByName('riksref:detect', 'measure')[0]!.duration;
          const detail = measure.detail as { busyMs: number; longestTaskMs: number; chunks: number };
          // The floor: one TreeWalker pass over the same region reading every text node.
          const region = document.querySelector('.document-body')!;
          const t0 = performance.now();
          const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
          let chars = 0;
          while (walker.nextNode()) chars += walker.currentNode.nodeValue!.length;
          const walkerMs = performance.now() - t0;
          return { wallMs: measure.duration, detectMs, ...detail, links: chars > 0 ? document.querySelectorAll('a[data-riksref]').length : 0, walkerMs };
        }),
      );
      await page.close();
    }
  } finally {
    await session.close();
  }
  const bytes = 1_000_000;
  const busy = median(loads.map((l) => l.busyMs + l.detectMs));
  const detect = median(loads.map((l) => l.detectMs));
  const walker = median(loads.map((l) => l.walkerMs));
  const longest = median(loads.map((l) => l.longestTaskMs));
  const maxLongest = Math.max(...loads.map((l) => l.longestTaskMs));
  return [
    { name: `${label}: bare TreeWalker pass over the text`, medianMs: walker, mbPerSecond: bytes / 1e6 / (walker / 1000) },
    {
      name: `${label}: Riksref detect + link, main-thread`,
      medianMs: busy,
      mbPerSecond: bytes / 1e6 / (busy / 1000),
      note: `${(busy / walker).toFixed(1)}× the walker; detection ${detect.toFixed(1)} ms of it; ${loads[0]!.links} links; longest task ${longest.toFixed(1)} ms (worst of ${LOADS} loads ${maxLongest.toFixed(1)} ms); ${median(loads.map((l) => l.chunks))} chunks; ${median(loads.map((l) => l.wallMs)).toFixed(0)} ms from start to done`,
    },
  ];
}
