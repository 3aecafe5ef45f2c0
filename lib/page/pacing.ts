/*
 * How much to link between two frames. Linking pauses after each chunk and lets the page paint
 * what it wrote before going on (the content script's yieldToPaint): the style and layout our
 * links cause are then paid a chunk at a time, each frame a task of its own, instead of all at
 * once in one long frame (traced on the 1 MB fixtures: before the page painted between chunks,
 * the longest task from our start was 78–137 ms on the typical one and 124–205 ms on the dense
 * one).
 *
 * Every frame that lays out changed text has a fixed cost besides the text it lays out: the
 * document's block around the changed paragraphs is laid out again, and the whole page goes
 * through pre-paint (traced on the 1 MB fixtures, about 6 ms a frame of style, layout, pre-paint
 * and paint). With chunks of 8 ms of script, the dense fixture took 15 frames and paid that cost
 * 15 times. So each chunk is made as large as the page can lay out in a frame of about
 * TARGET_FRAME_MS: how long the last frame took, for the text the last chunk linked, says how
 * much the next may link. Side by side, nine loads each (bench/diagnose/ab.ts), from our start
 * to the end: 366 against 389 ms on the dense fixture, 164 against 177 on the typical one, with
 * frames of 25–30 ms instead of 12–20. Aiming at 30 ms saved no more and left less room.
 *
 * On a very large page every frame is long however little it holds: relaying out a 10 MB
 * document costs some 20 ms for one changed paragraph, and its pre-paint as much again. There the
 * fixed cost is the whole frame, and fewer, fuller frames cost less in all. Traced on the 10 MB
 * fixture, against about 1.3 s from our start to the end with three frames of 400–500 ms before:
 * 8 ms chunks made every frame about 100 ms but took 2 s in all; 40 ms chunks 1.3 s, with frames
 * of 260–320 ms; 16 ms chunks 1.4–1.7 s, with frames of 150–170 ms. We take the middle.
 */

/** What one chunk may do before the page paints. */
export interface ChunkBudget {
  /** Script, ms: the chunk is a task of its own. */
  ms: number;
  /**
   * Text, in characters of the blocks (paragraphs) it links in: each such block is laid out again
   * whole in the frame that follows, and a block without a reference costs that frame nothing.
   */
  chars: number;
}

/**
 * To begin with, before the page has told how fast it paints: a few milliseconds of script, and
 * about a hundred paragraphs of typical text (a frame of 12–16 ms on the 1 MB fixtures here).
 */
export const FIRST_CHUNK: ChunkBudget = { ms: 8, chars: 64_000 };
/** The frame each chunk aims at: well under a long task, with room for a slower one. */
export const TARGET_FRAME_MS = 26;
/** Script per chunk once the page paints in frames of the usual length. */
export const SCRIPT_MS = 20;
/** The least text a chunk links, however slow the frames: below it a frame is all fixed cost. */
export const SMALLEST_CHARS = 16_000;
/**
 * A chunk grows at most this many times over from one frame to the next: a frame read short (one
 * whose layout the page put off, say) must not make the next one long.
 */
const MOST_GROWTH = 2;
/** On a page whose frames are long whatever we write (see above): fewer, fuller frames. */
export const VERY_LARGE_PAGE_CHUNK: ChunkBudget = { ms: 16, chars: 750_000 };

/** Frames over the target in a row, each for the least chunk, that tell a very large page. */
const LEAST_CHUNKS_OVER_TARGET = 2;

/**
 * The chunks' budget, from the frames that painted them. Pure arithmetic: the annotator tells it
 * what each chunk linked and how long the frame after it took.
 */
export class Pacing {
  private current: ChunkBudget;
  /** Frames over the target in a row for chunks cut to the least. */
  private leastOverTarget = 0;
  private veryLargePage = false;

  constructor(first: ChunkBudget = FIRST_CHUNK) {
    this.current = first;
  }

  get budget(): ChunkBudget {
    return this.current;
  }

  /** A chunk that linked in `chars` characters of blocks was painted in a frame of `frameMs`. */
  painted(chars: number, frameMs: number): void {
    if (this.veryLargePage) return;
    const { ms, chars: allowed } = this.current;
    // The frame's cost grows with the text laid out; scaled to the target, with its fixed part
    // counted as if it grew too, a chunk grows a little less than it could and stays safe.
    const fits = (chars * TARGET_FRAME_MS) / Math.max(frameMs, 1);
    if (frameMs > TARGET_FRAME_MS) {
      // Over the target again though the chunk had been cut to the least: the frame's fixed part
      // alone takes that long. Frames over it at larger chunks say nothing of the kind: the
      // chunks are sized to take about the target, so every other frame goes a little over.
      if (allowed <= SMALLEST_CHARS && ++this.leastOverTarget >= LEAST_CHUNKS_OVER_TARGET) {
        this.veryLargePage = true;
        this.current = VERY_LARGE_PAGE_CHUNK;
        return;
      }
      if (allowed > SMALLEST_CHARS) this.leastOverTarget = 0;
      this.current = { ms, chars: Math.round(Math.max(SMALLEST_CHARS, Math.min(fits, allowed))) };
      return;
    }
    this.leastOverTarget = 0;
    // A short frame after a chunk that ran out of text (the end of a pass) says little: never
    // less than before.
    const next = Math.max(allowed, Math.min(fits, allowed * MOST_GROWTH));
    this.current = { ms: Math.max(ms, SCRIPT_MS), chars: Math.round(next) };
  }
}
