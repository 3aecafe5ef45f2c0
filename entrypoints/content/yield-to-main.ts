import { nextTask } from '@/lib/time-slices';

/**
 * Gives the page a turn: `scheduler.yield()` where the browser has it, else a zero timeout
 * (lib/time-slices.ts, which the side panel's long work uses too). The callers check whether they
 * were stopped meanwhile, so a plain timeout does (WXT's ctx.setTimeout would add a listener to
 * the context at every turn).
 */
export const yieldToMain: () => Promise<void> = nextTask;

// A frame that has not come by then will not come soon: the tab went into the background while
// we waited (no frames there), or the page is so busy that waiting longer gains nothing.
const FRAME_WAIT_MS = 100;

/**
 * Gives the page its turn and lets it paint what we wrote before we go on: resolves after the
 * next frame has been rendered, with how long that took (ms; lib/page/pacing.ts decides from it
 * how much to write before the next). In a tab in the background, where nothing is painted, it
 * is a plain yieldToMain and resolves with nothing.
 */
export function yieldToPaint(): Promise<number | undefined> {
  if (document.visibilityState !== 'visible') return yieldToMain().then(() => undefined);
  return new Promise((resolve) => {
    const frame = requestAnimationFrame(() => {
      // Animation frame callbacks run before the frame's style, layout and paint; a task queued
      // from one runs after them.
      const frameStart = performance.now();
      setTimeout(() => {
        clearTimeout(fallback);
        // A tab hidden meanwhile throttles the timeout: then the time says nothing of the frame.
        resolve(document.visibilityState === 'visible' ? performance.now() - frameStart : undefined);
      }, 0);
    });
    const fallback = setTimeout(() => {
      cancelAnimationFrame(frame);
      resolve(undefined);
    }, FRAME_WAIT_MS);
  });
}
