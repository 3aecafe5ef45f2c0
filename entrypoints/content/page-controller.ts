import type { ContentScriptContext } from 'wxt/utils/content-script-context';
// The page's own modules, not the `@/lib/page` index: that would set up the linking's recognizer
// on every page, where only document pages need it (index.ts).
import { detectPageInSteps, type DetectedPage } from '@/lib/page/detect';
import { isInline } from '@/lib/page/segments';
import type { Feature, FeatureScope } from './feature';
import { PageReferences } from './page-references';
import { Timer } from './timer';
import { yieldToMain } from './yield-to-main';

// Page changes arrive in bursts (a framework re-rendering, content loaded in pieces): wait for a
// quiet moment before acting, but not so long that the reader notices.
const SETTLE_MS = 200;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
// Detection holds the page at most this long at a time (a 10 MB page takes several turns).
const DETECT_SLICE_MS = 10;

interface Running {
  url: string;
  page: DetectedPage;
  abort: AbortController;
  cleanups: Array<() => void>;
  regionHandlers: Array<(changed: Element[]) => void>;
}

/**
 * Runs the features on the current page and keeps them in step with it: detects the page, starts
 * the features that apply, forwards the page's own changes to the document region, and starts
 * over when the site navigates without reloading or replaces the region. The features are asked
 * for (`loadFeatures`) at the first document page, never before.
 */
export function runPage(ctx: ContentScriptContext, loadFeatures: () => Promise<readonly Feature[]>): void {
  let running: Running | null = null;
  /** Counts starts and stops: a detection still pausing when another begins gives way to it. */
  let generation = 0;
  let pending = new Set<Node>();

  const observer = new MutationObserver((records) => collect(records));
  const collect = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.type === 'characterData') pending.add(record.target);
      for (const node of record.addedNodes) pending.add(node);
      for (const node of record.removedNodes) if (node.nodeType === 1) pending.add(record.target);
    }
    if (records.length > 0) schedule();
  };
  const settleTimer = new Timer(ctx.signal, () => settle());
  const schedule = () => settleTimer.start(SETTLE_MS);

  /**
   * Our own writes: deliver what the page did before them, and stop watching while we write.
   * Nothing of the page's can run in between (our write is synchronous), so nothing of the
   * page's is missed — and our thousands of splits on a long document cost no mutation records.
   */
  let quiet = 0;
  const quietly = <T>(write: () => T): T => {
    if (quiet > 0) return write();
    collect(observer.takeRecords());
    observer.disconnect();
    quiet++;
    try {
      return write();
    } finally {
      quiet--;
      observer.observe(document.documentElement, OBSERVE);
    }
  };

  const stop = () => {
    generation++;
    if (!running) return;
    const { abort, cleanups } = running;
    running = null;
    abort.abort();
    quietly(() => {
      for (const cleanup of cleanups.reverse()) {
        try {
          cleanup();
        } catch (error) {
          console.warn('[Riksref] clean-up failed', error);
        }
      }
      delete document.documentElement.dataset.riksrefPage;
      delete document.documentElement.dataset.riksrefDokId;
    });
  };

  const start = () => {
    stop();
    pending = new Set();
    const mine = generation;
    const steps = detectPageInSteps(location.href, document);
    // Measured for `npm run bench`, beside the linking's own measure: our time, not the pauses.
    const timing = { start: performance.now(), busyMs: 0, longestTaskMs: 0 };
    const slice = () => {
      if (mine !== generation) return;
      const sliceStart = performance.now();
      let step: IteratorResult<void, DetectedPage | null>;
      try {
        do step = steps.next();
        while (!step.done && performance.now() - sliceStart < DETECT_SLICE_MS);
      } catch (error) {
        console.warn('[Riksref] could not read this page', error);
        return;
      }
      const took = performance.now() - sliceStart;
      timing.busyMs += took;
      timing.longestTaskMs = Math.max(timing.longestTaskMs, took);
      if (!step.done) {
        void yieldToMain().then(slice);
        return;
      }
      if (!step.value) return;
      performance.measure('riksref:detect', { start: timing.start, detail: { busyMs: timing.busyMs, longestTaskMs: timing.longestTaskMs } });
      run(step.value);
    };
    slice();
  };

  /** The features, asked for at the first document page (see index.ts), then the same promise. */
  let features: Promise<readonly Feature[]> | undefined;

  const run = (page: DetectedPage) => {
    const current: Running = { url: location.href, page, abort: new AbortController(), cleanups: [], regionHandlers: [] };
    running = current;
    quietly(() => {
      // Recorded on the page so tests and later features can see what we decided.
      document.documentElement.dataset.riksrefPage = page.kind;
      document.documentElement.dataset.riksrefDokId = page.dokId;
    });
    // In a task of their own: the script's first task has compiled it and read the page already,
    // and the features' set-up and first chunk of links would make it a long one.
    features ??= yieldToMain().then(loadFeatures);
    features
      .then(
        (loaded) => {
          // The page may have moved on while they loaded: only the run still current starts them.
          if (!current.abort.signal.aborted) startFeatures(current, loaded);
        },
        (error: unknown) => console.warn('[Riksref] could not load the features', error),
      )
      .catch((error: unknown) => console.warn('[Riksref] could not start the features', error));
  };

  const startFeatures = (current: Running, loaded: readonly Feature[]) => {
    const { page } = current;
    const references = new PageReferences();
    for (const feature of loaded) {
      if (!feature.runsOn(page)) continue;
      const scope: FeatureScope = {
        page,
        ctx,
        signal: current.abort.signal,
        quietly,
        onRegionChange: (handler) => current.regionHandlers.push(handler),
        references,
      };
      // The page must never break because of us: one failing feature stops only itself.
      Promise.resolve()
        .then(() => feature.start(scope))
        .then((cleanup) => {
          if (typeof cleanup !== 'function') return;
          if (current.abort.signal.aborted) quietly(cleanup);
          else current.cleanups.push(cleanup);
        })
        .catch((error: unknown) => console.warn(`[Riksref] ${feature.name} failed`, error));
    }
  };

  const settle = () => {
    collect(observer.takeRecords());
    const changed = pending;
    pending = new Set();
    if (!running) {
      // Not a document page (yet): an address change may make it one.
      if (location.href !== lastUrl) start();
      lastUrl = location.href;
      return;
    }
    if (location.href !== running.url || !running.page.region.isConnected) {
      lastUrl = location.href;
      start();
      return;
    }
    const blocks = blocksWithin(running.page.region, changed);
    if (blocks.length === 0) return;
    for (const handler of running.regionHandlers) {
      try {
        handler(blocks);
      } catch (error) {
        console.warn('[Riksref] region change handler failed', error);
      }
    }
  };

  let lastUrl = location.href;
  // The site navigates with the History API; WXT turns that into one event.
  ctx.addEventListener(window, 'wxt:locationchange', () => schedule());
  observer.observe(document.documentElement, OBSERVE);
  ctx.onInvalidated(() => {
    // Stopping writes to the page, and our writes watch the page again when they are done
    // (quietly): so stop first, then stop watching, or an orphaned script would go on collecting
    // the page's changes for as long as the tab lives.
    stop();
    observer.disconnect();
  });
  start();
}

/** The blocks of `region` that hold the changed nodes, outermost only. */
function blocksWithin(region: Element, nodes: Set<Node>): Element[] {
  const blocks = new Set<Element>();
  for (const node of nodes) {
    if (!node.isConnected || !region.contains(node)) continue;
    let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    while (el && el !== region && isInline(el)) el = el.parentElement;
    if (el) blocks.add(el);
  }
  return [...blocks].filter((b) => ![...blocks].some((other) => other !== b && other.contains(b)));
}
