/*
 * Long work on a page the reader is using (the side panel writing a 10 MB export) done in slices
 * of a few milliseconds, the browser free to paint and answer keys between them: a frame is
 * ~16 ms, and no task of ours should come near the 50 ms that counts as a long task.
 */

/** Work per slice before giving the browser its turn. */
export const SLICE_MS = 8;

/** Gives the browser its turn: `scheduler.yield()` where there is one (it keeps our place in line), else a task. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs every step of `steps`, handing each value to `onStep`, yielding after every `sliceMs` of work. */
export async function inSlices<T>(steps: Iterable<T>, onStep: (value: T) => void, { sliceMs = SLICE_MS, pause = nextTask } = {}): Promise<void> {
  let began = performance.now();
  for (const value of steps) {
    onStep(value);
    if (performance.now() - began >= sliceMs) {
      await pause();
      began = performance.now();
    }
  }
}
