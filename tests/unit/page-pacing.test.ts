import { describe, expect, test } from 'vitest';
import { FIRST_CHUNK, LARGEST_CHUNK, LONG_FRAME_MS, nextChunkBudget } from '@/lib/page/pacing';

describe('nextChunkBudget', () => {
  test('keeps the budget while the page paints our chunks in short frames', () => {
    expect(nextChunkBudget(FIRST_CHUNK, 12)).toEqual(FIRST_CHUNK);
    expect(nextChunkBudget(FIRST_CHUNK, LONG_FRAME_MS)).toEqual(FIRST_CHUNK);
  });

  test('doubles it after a long frame, up to the largest', () => {
    expect(nextChunkBudget(FIRST_CHUNK, LONG_FRAME_MS + 1)).toEqual({ ms: FIRST_CHUNK.ms * 2, blocks: FIRST_CHUNK.blocks * 2 });
    expect(nextChunkBudget(LARGEST_CHUNK, 300)).toEqual(LARGEST_CHUNK);
    expect(nextChunkBudget({ ms: LARGEST_CHUNK.ms - 1, blocks: LARGEST_CHUNK.blocks - 1 }, 300)).toEqual(LARGEST_CHUNK);
    // A budget of no time (every block its own chunk) still grows.
    expect(nextChunkBudget({ ms: 0, blocks: 1 }, 300)).toEqual({ ms: 2, blocks: 2 });
  });

  test('never shrinks it: a page whose frames were long stays as large', () => {
    expect(nextChunkBudget(LARGEST_CHUNK, 5)).toEqual(LARGEST_CHUNK);
  });
});
