import { describe, expect, test } from 'vitest';
import { CHUNK_MS, LONG_FRAME_MS, MAX_CHUNK_MS, nextChunkBudget } from '@/lib/page/pacing';

describe('nextChunkBudget', () => {
  test('keeps the budget while the page paints our chunks in short frames', () => {
    expect(nextChunkBudget(CHUNK_MS, 12)).toBe(CHUNK_MS);
    expect(nextChunkBudget(CHUNK_MS, LONG_FRAME_MS)).toBe(CHUNK_MS);
  });

  test('doubles it after a long frame, up to the most', () => {
    expect(nextChunkBudget(CHUNK_MS, LONG_FRAME_MS + 1)).toBe(CHUNK_MS * 2);
    expect(nextChunkBudget(MAX_CHUNK_MS, 300)).toBe(MAX_CHUNK_MS);
    expect(nextChunkBudget(MAX_CHUNK_MS - 1, 300)).toBe(MAX_CHUNK_MS);
    // A budget of nothing (every segment its own chunk) still grows.
    expect(nextChunkBudget(0, 300)).toBe(2);
  });

  test('never shrinks it: a page whose frames were long stays as large', () => {
    expect(nextChunkBudget(MAX_CHUNK_MS, 5)).toBe(MAX_CHUNK_MS);
  });
});
