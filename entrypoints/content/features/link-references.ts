import { Annotator, isInline } from '@/lib/page';
import { fallbackUrl } from '@/lib/refs';
import { enabledKinds, linkSettings, type LinkSettings } from '@/lib/settings';
import type { Feature } from '../feature';
import { yieldToPaint } from '../yield-to-main';

/**
 * Turns every reference in the document text into a link (DESIGN.md's contract: `<a
 * data-riksref="<id>">` with a working href from the start). Long documents are linked from
 * where the reader is, in chunks that leave the page responsive; text the page adds later is
 * linked as it arrives; settings apply at once, without reloading.
 */
export const linkReferences: Feature = {
  name: 'link-references',
  runsOn: () => true,
  async start({ page, ctx, signal, quietly, onRegionChange, references }) {
    // Where the reader is, read before anything of ours touches the page: reading the scroll
    // position makes the browser bring style and layout up to date, which is free now and costs
    // a restyle of the whole page once our other features have written to it.
    let startAt = blockAtViewportTop(page.region);
    let settings: LinkSettings = await linkSettings.get();
    let annotator: Annotator | null = null;
    let run: AbortController | null = null;

    const publish = (done = true) => {
      if (!annotator) return;
      references.setLinked(annotator.references, done);
      quietly(() => {
        document.documentElement.dataset.riksrefCount = String(annotator ? annotator.ids().size : 0);
      });
    };

    const begin = () => {
      if (!settings.enabled) return;
      annotator = new Annotator(page.region, {
        kinds: enabledKinds(settings),
        mutate: quietly,
        ...(page.date && { date: page.date }),
        // Law texts open where the reader chose (riksdagen.se or lagen.nu); other kinds are
        // unaffected. Asked once per id: the annotator keeps a model link for each.
        hrefFor: (ref) => fallbackUrl(ref.id, settings.lawSite),
      });
      run = new AbortController();
      const own = run;
      // Measured for `npm run bench`: main-thread time we took, and our longest single task.
      const timing = { busyMs: 0, longestTaskMs: 0, chunks: 0 };
      const start = performance.mark('riksref:link:start');
      quietly(() => {
        document.documentElement.dataset.riksrefLinking = 'running';
      });
      void annotator
        .annotateInChunks({
          // The page paints between chunks: the restyle and relayout our links cause come a
          // chunk at a time (lib/page/pacing.ts), not in one long frame after many chunks.
          yieldToMain: yieldToPaint,
          startAt,
          signal: own.signal,
          onChunk: (busyMs, done) => {
            const t0 = performance.now();
            publish(done);
            const task = busyMs + (performance.now() - t0);
            timing.busyMs += task;
            timing.longestTaskMs = Math.max(timing.longestTaskMs, task);
            timing.chunks++;
          },
        })
        .then(() => {
          if (own.signal.aborted || signal.aborted) return;
          performance.measure('riksref:link', { start: start.startTime, detail: timing });
          quietly(() => {
            document.documentElement.dataset.riksrefLinking = 'done';
          });
        });
    };

    const end = () => {
      run?.abort();
      run = null;
      annotator?.undo();
      annotator = null;
      references.setLinked(new Map());
      quietly(() => {
        delete document.documentElement.dataset.riksrefCount;
        delete document.documentElement.dataset.riksrefLinking;
      });
    };

    onRegionChange((blocks) => {
      if (!annotator) return;
      for (const block of blocks) annotator.annotate(block);
      publish();
    });

    const unwatch = linkSettings.watch((next) => {
      settings = next;
      startAt = blockAtViewportTop(page.region);
      end();
      begin();
    });
    signal.addEventListener('abort', () => run?.abort());

    begin();
    return () => {
      unwatch();
      end();
    };
  },
};

/** The block at the top of the viewport when the reader has scrolled into the region, so it is linked first. */
function blockAtViewportTop(region: Element): Element | undefined {
  if (window.scrollY === 0) return undefined;
  let el = document.elementFromPoint(window.innerWidth / 2, Math.min(80, window.innerHeight / 4));
  if (!el || !region.contains(el) || el === region) return undefined;
  while (el.parentElement && el.parentElement !== region && isInline(el)) el = el.parentElement;
  return el;
}
