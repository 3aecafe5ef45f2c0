import { describe, expect, test } from 'vitest';
import { FIRST_CHUNK, LARGEST_CHUNK, LONG_FRAME_MS, nextChunkBudget, SHORT_FRAME_MS } from '@/lib/page/pacing';

const LONG = LONG_FRAME_MS + 1;

describe('nextChunkBudget', () => {
  test('keeps the budget while the page paints our chunks in frames of a usual length', () => {
    expect(nextChunkBudget(FIRST_CHUNK, { last: 12 })).toEqual(FIRST_CHUNK);
    expect(nextChunkBudget(FIRST_CHUNK, { last: LONG_FRAME_MS, before: LONG_FRAME_MS })).toEqual(FIRST_CHUNK);
  });

  test('doubles it after two long frames in a row, up to the largest', () => {
    const doubled = { ms: FIRST_CHUNK.ms * 2, blocks: FIRST_CHUNK.blocks * 2 };
    expect(nextChunkBudget(FIRST_CHUNK, { last: LONG, before: LONG })).toEqual(doubled);
    expect(nextChunkBudget(LARGEST_CHUNK, { last: 300, before: 300 })).toEqual(LARGEST_CHUNK);
    expect(nextChunkBudget({ ms: LARGEST_CHUNK.ms - 1, blocks: LARGEST_CHUNK.blocks - 1 }, { last: 300, before: 300 })).toEqual(LARGEST_CHUNK);
    // A budget of no time (every block its own chunk) still grows.
    expect(nextChunkBudget({ ms: 0, blocks: 1 }, { last: 300, before: 300 })).toEqual({ ms: 2, blocks: 2 });
  });

  test('not after one long frame alone: it may be the page\'s own work, or a reading held up', () => {
    expect(nextChunkBudget(FIRST_CHUNK, { last: 300 })).toEqual(FIRST_CHUNK);
    expect(nextChunkBudget(FIRST_CHUNK, { last: 300, before: 20 })).toEqual(FIRST_CHUNK);
  });

  test('goes back towards the first after a short frame, never below it', () => {
    expect(nextChunkBudget(LARGEST_CHUNK, { last: SHORT_FRAME_MS, before: 300 })).toEqual({ ms: LARGEST_CHUNK.ms / 2, blocks: LARGEST_CHUNK.blocks / 2 });
    expect(nextChunkBudget(FIRST_CHUNK, { last: 5 })).toEqual(FIRST_CHUNK);
    const small = { ms: 1, blocks: FIRST_CHUNK.blocks };
    expect(nextChunkBudget({ ms: 4, blocks: 512 }, { last: 5 }, small)).toEqual({ ms: 2, blocks: 256 });
  });
});
