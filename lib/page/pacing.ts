/*
 * How much to link between two frames. Linking pauses after a few milliseconds of script and lets
 * the page paint what it wrote before going on (the content script's yieldToPaint): the style and
 * layout our links cause are then paid a chunk at a time, each frame a short task, instead of all
 * at once in one long frame after many chunks (traced on the 1 MB fixtures, side by side: the
 * longest task from our start 78–137 ms on the typical one and 124–205 ms on the dense one
 * before, 20–40 ms now, for 4–9 % more main-thread work in all).
 *
 * On a very large page every frame is long however little it holds: relaying out a 10 MB
 * document costs some 20 ms for one changed paragraph, and its paint as much again. There each
 * frame is a fixed cost, and fewer, fuller frames cost less in all. Traced on the 10 MB fixture,
 * against about 1.3 s from our start to the end with three frames of 400–500 ms before: 8 ms
 * chunks made every frame about 100 ms but took 2 s in all; 40 ms chunks 1.3 s, with frames of
 * 260–320 ms; 16 ms chunks 1.4–1.7 s, with frames of 150–170 ms (1.9–2.3 s and 150–215 ms in
 * the bench with the limit on blocks below). We take the middle.
 */

/** What one chunk may do before the page paints: so much script, and links in so many blocks. */
export interface ChunkBudget {
  ms: number;
  /** Blocks (paragraphs) the chunk links in: each is laid out again in the frame that follows. */
  blocks: number;
}

/**
 * To begin with: a few milliseconds of script, and no more blocks than a frame relays out in well
 * under 50 ms (about 0.1 ms each on the 1 MB fixtures here; 8 ms of script on typical text had
 * reached some 240, and frames of 35–45 ms).
 */
export const FIRST_CHUNK: ChunkBudget = { ms: 8, blocks: 128 };
/** A frame longer than this is a long task however little we wrote: the page is very large. */
export const LONG_FRAME_MS = 50;
/** A frame this short leaves room: a budget grown before goes back towards the first. */
export const SHORT_FRAME_MS = 25;
/** The most a chunk may grow to, on a page whose frames are long anyway (see above). */
export const LARGEST_CHUNK: ChunkBudget = { ms: 16, blocks: 1024 };

/**
 * The next chunk's budget, from how long the page took to render what the last chunk wrote
 * (`last`, ms) and the chunk before it (`before`). It grows only after two long frames in a row:
 * one may be the page's own work (a font arriving, the page still loading) or a reading that
 * waited behind other tasks; and it goes back, down to `first`, after a short one.
 */
export function nextChunkBudget(budget: ChunkBudget, frames: { last: number; before?: number }, first: ChunkBudget = FIRST_CHUNK): ChunkBudget {
  if (frames.last > LONG_FRAME_MS && frames.before !== undefined && frames.before > LONG_FRAME_MS) {
    return {
      ms: Math.min(Math.max(budget.ms, 1) * 2, LARGEST_CHUNK.ms),
      blocks: Math.min(budget.blocks * 2, LARGEST_CHUNK.blocks),
    };
  }
  if (frames.last <= SHORT_FRAME_MS) {
    return { ms: Math.max(budget.ms / 2, first.ms), blocks: Math.max(budget.blocks / 2, first.blocks) };
  }
  return budget;
}
