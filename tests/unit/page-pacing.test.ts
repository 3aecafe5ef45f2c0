import { describe, expect, test } from 'vitest';
import { FIRST_CHUNK, Pacing, SCRIPT_MS, SMALLEST_CHARS, TARGET_FRAME_MS, VERY_LARGE_PAGE_CHUNK } from '@/lib/page/pacing';

describe('Pacing', () => {
  test('begins with the first chunk', () => {
    expect(new Pacing().budget).toEqual(FIRST_CHUNK);
  });

  test('grows a chunk whose frame was short towards what fits the target frame, with more script', () => {
    const pacing = new Pacing();
    pacing.painted(FIRST_CHUNK.chars, TARGET_FRAME_MS / 2);
    expect(pacing.budget).toEqual({ ms: SCRIPT_MS, chars: 2 * FIRST_CHUNK.chars });
  });

  test('at most twice over from one frame to the next', () => {
    const pacing = new Pacing();
    pacing.painted(FIRST_CHUNK.chars, 1);
    expect(pacing.budget.chars).toBe(2 * FIRST_CHUNK.chars);
  });

  test('never shrinks after a short frame: a chunk that ran out of text says little', () => {
    const pacing = new Pacing();
    pacing.painted(1_000, TARGET_FRAME_MS / 2);
    expect(pacing.budget.chars).toBe(FIRST_CHUNK.chars);
  });

  test('shrinks a chunk whose frame went over the target, to what fits it, not below the least', () => {
    const pacing = new Pacing({ ms: SCRIPT_MS, chars: 200_000 });
    pacing.painted(200_000, 40);
    expect(pacing.budget).toEqual({ ms: SCRIPT_MS, chars: (200_000 * TARGET_FRAME_MS) / 40 });
    pacing.painted(20_000, 49);
    expect(pacing.budget.chars).toBe(SMALLEST_CHARS);
  });

  test('after a long frame too, keeping its script', () => {
    const pacing = new Pacing({ ms: 8, chars: 200_000 });
    pacing.painted(200_000, 100);
    expect(pacing.budget).toEqual({ ms: 8, chars: (200_000 * TARGET_FRAME_MS) / 100 });
  });

  test('on a page whose frames are long however little we write, takes the very large page\'s chunks and keeps them', () => {
    const pacing = new Pacing();
    pacing.painted(FIRST_CHUNK.chars, 100);
    pacing.painted(pacing.budget.chars, 90);
    expect(pacing.budget.chars).toBe(SMALLEST_CHARS);
    // The least chunk over the target once may be the page's own work; twice, it is the page.
    pacing.painted(SMALLEST_CHARS + 500, 90);
    expect(pacing.budget.chars).toBe(SMALLEST_CHARS);
    pacing.painted(SMALLEST_CHARS + 500, 90);
    expect(pacing.budget).toEqual(VERY_LARGE_PAGE_CHUNK);
    pacing.painted(VERY_LARGE_PAGE_CHUNK.chars, 10);
    expect(pacing.budget).toEqual(VERY_LARGE_PAGE_CHUNK);
  });

  test('not when frames go a little over the target at chunks sized to it, as every other one does', () => {
    const pacing = new Pacing();
    for (let i = 0; i < 10; i++) pacing.painted(pacing.budget.chars, TARGET_FRAME_MS + 1);
    expect(pacing.budget).not.toEqual(VERY_LARGE_PAGE_CHUNK);
    expect(pacing.budget.chars).toBeGreaterThan(SMALLEST_CHARS);
  });

  test('not after the least chunk went over the target with a short frame between', () => {
    const pacing = new Pacing({ ms: 8, chars: SMALLEST_CHARS });
    pacing.painted(SMALLEST_CHARS, 100);
    pacing.painted(SMALLEST_CHARS, 10);
    pacing.painted(pacing.budget.chars, 100);
    expect(pacing.budget.chars).toBe(SMALLEST_CHARS);
    pacing.painted(SMALLEST_CHARS, 100);
    expect(pacing.budget.chars).toBe(SMALLEST_CHARS);
    pacing.painted(SMALLEST_CHARS, 100);
    expect(pacing.budget).toEqual(VERY_LARGE_PAGE_CHUNK);
  });
});
