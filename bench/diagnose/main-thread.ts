// Where the traced main-thread work goes (bench/trace.ts measures its sum): self time per trace
// event name on the page's renderer main thread, averaged over several loads, with Riksref (or
// mark.js, with --mark; mark.js making links, with --mark-links) minus the page alone; then the
// style and layout passes of each load, in order. For finding what to make cheaper; not part of
// `npm run bench`. After `wxt build`:
//   node --import ./scripts/raw-loader.ts bench/diagnose/main-thread.ts [typical|dense] [--mark|--mark-links] [--timeline]
// LOADS=n sets the number of loads (5); DIAG_URL=<address> looks at another page (pages.ts).
import type { BrowserContext } from 'playwright-core';
import { launch, launchWithoutExtension } from '../../tests/e2e/support/browser.ts';
import { loadLinked, markNumbers, settle } from '../page-work.ts';
import { rendererMainThread, startTrace, type TraceEvent } from '../trace.ts';
import { diagnosedUrl as url, otherPage } from './pages.ts';

// --mark-links: mark.js making `<a href>` links instead of marks (the control of the bench).
const markLinks = process.argv.includes('--mark-links');
const withMark = markLinks || process.argv.includes('--mark');
const timeline = process.argv.includes('--timeline');
const LOADS = Number(process.env.LOADS ?? 5);

interface Load {
  /** Self time per event name (time in the event not spent in events nested in it), ms. */
  self: Map<string, number>;
  /** Style recalculations (negative) and layouts of 1 ms or more, in order, ms. */
  passes: number[];
}

function mainThreadEvents(events: readonly TraceEvent[]): TraceEvent[] {
  return rendererMainThread(events, url)
    .filter((e) => e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
}

function analyse(events: readonly TraceEvent[], print: boolean): Load {
  const xs = mainThreadEvents(events);
  const self = new Map<string, number>();
  const open: { end: number; dur: number; nested: number; key: string }[] = [];
  const closeUpTo = (ts: number) => {
    while (open.length && open[open.length - 1]!.end <= ts) {
      const done = open.pop()!;
      self.set(done.key, (self.get(done.key) ?? 0) + (done.dur - done.nested) / 1000);
      if (open.length) open[open.length - 1]!.nested += done.dur;
    }
  };
  for (const e of xs) {
    closeUpTo(e.ts);
    const source = e.args?.data?.url;
    const where = source ? (source.startsWith('chrome-extension') ? ' [extension]' : ' [page]') : '';
    open.push({ end: e.ts + e.dur!, dur: e.dur!, nested: 0, key: e.name + where });
  }
  closeUpTo(Infinity);
  if (print) {
    const t0 = xs[0]!.ts;
    for (const e of xs) {
      if (e.dur! < 2000 || e.name === 'RunTask') continue;
      console.log(`${((e.ts - t0) / 1000).toFixed(1).padStart(8)} ms ${(e.dur! / 1000).toFixed(1).padStart(7)} ms  ${e.name} ${e.args?.data?.url?.slice(0, 40) ?? ''}`);
    }
  }
  const passes = xs
    .filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.dur! >= 1000)
    .map((e) => (Math.round(e.dur! / 100) / 10) * (e.name === 'Layout' ? 1 : -1));
  return { self, passes };
}

async function load(context: BrowserContext, work: 'link' | 'mark' | 'plain', print = false): Promise<Load> {
  const page = await context.newPage();
  const trace = await startTrace(page);
  await loadLinked(page, url, work === 'link');
  if (work === 'mark') await markNumbers(page, { asLinks: markLinks });
  await settle(page);
  await trace.stop(url);
  await page.close();
  return analyse(trace.events, print);
}

const mean = (loads: Load[]) => {
  const total = new Map<string, number>();
  for (const l of loads) for (const [k, v] of l.self) total.set(k, (total.get(k) ?? 0) + v / loads.length);
  return total;
};

const ours = withMark ? await launchWithoutExtension() : await launch();
const plain = await launchWithoutExtension();
const work = withMark ? 'mark' : otherPage ? 'plain' : 'link';
try {
  // One unmeasured load of each warms the caches, as a reader's second visit.
  await load(ours.context, work);
  await load(plain.context, 'plain');
  const measured: Load[] = [];
  const alone: Load[] = [];
  for (let i = 0; i < LOADS; i++) {
    measured.push(await load(ours.context, work, timeline && i === 0));
    alone.push(await load(plain.context, 'plain'));
  }
  const a = mean(measured);
  const z = mean(alone);
  const rows = [...new Set([...a.keys(), ...z.keys()])]
    .map((k) => ({ k, with: a.get(k) ?? 0, without: z.get(k) ?? 0 }))
    .sort((x, y) => y.with - y.without - (x.with - x.without));
  const sum = (key: 'with' | 'without') => rows.reduce((s, r) => s + r[key], 0);
  console.log(`${work === 'mark' ? 'mark.js' : 'Riksref'}: ${sum('with').toFixed(1)} ms, page alone ${sum('without').toFixed(1)} ms, added ${(sum('with') - sum('without')).toFixed(1)} ms`);
  console.log('   added      with   without  (ms, self time per event)');
  for (const r of rows.slice(0, 20)) {
    console.log(`${(r.with - r.without).toFixed(1).padStart(8)} ${r.with.toFixed(1).padStart(9)} ${r.without.toFixed(1).padStart(9)}  ${r.k}`);
  }
  console.log('style (negative) and layout passes of each load, ms:');
  measured.forEach((l, i) => console.log(`  with:  ${l.passes.join(' ')}\n  alone: ${alone[i]!.passes.join(' ')}`));
} finally {
  await ours.close();
  await plain.close();
}
