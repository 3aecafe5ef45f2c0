/*
 * How much to link between two frames. Linking pauses after a few milliseconds of script and lets
 * the page paint what it wrote before going on (the content script's yieldToPaint): the style and
 * layout our links cause are then paid a chunk at a time, each frame a short task, instead of all
 * at once in one long frame after many chunks (traced on the 1 MB fixtures: a frame of about
 * 70 ms on the typical one and 150 ms on the dense one; now none over 50 ms, for the same total).
 *
 * On a very large page every frame is long however little it holds: relaying out a 10 MB
 * document costs some 20 ms for one changed paragraph, and its paint as much again. There each
 * frame is a fixed cost, and fewer, fuller frames cost less in all. Traced on the 10 MB fixture,
 * against about 1.3 s from our start to the end with three frames of 400–500 ms before: 8 ms
 * chunks made every frame about 100 ms but took 2 s in all; 40 ms chunks 1.3 s, with frames of
 * 260–320 ms; 16 ms chunks 1.4–1.7 s, with frames of 150–170 ms. We take the middle.
 */

/** Script per chunk to begin with: a frame's layout of what it wrote stays well under 50 ms on 1 MB. */
export const CHUNK_MS = 8;
/** A frame longer than this is a long task however little we wrote: the page is very large. */
export const LONG_FRAME_MS = 50;
/** The most script per chunk, on a page whose frames are long anyway (see above). */
export const MAX_CHUNK_MS = 16;

/** The next chunk's budget, after the page took `frameMs` to render what the last one wrote. */
export function nextChunkBudget(budgetMs: number, frameMs: number): number {
  return frameMs > LONG_FRAME_MS ? Math.min(Math.max(budgetMs, 1) * 2, MAX_CHUNK_MS) : budgetMs;
}
