import { describe, expect, test, vi } from 'vitest';
import { inSlices, nextTask } from '@/lib/time-slices';

describe('inSlices: long work with the browser’s turn between slices', () => {
  test('every step, in order; a pause once a slice has used its time, never before', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const seen: number[] = [];
    const pauses: number[] = [];
    // Each step takes 3 ms of the clock: with 8 ms slices, a pause after every third step.
    await inSlices(
      [1, 2, 3, 4, 5, 6, 7],
      (n) => {
        seen.push(n);
        clock += 3;
      },
      { sliceMs: 8, pause: async () => void pauses.push(seen.length) },
    );
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pauses).toEqual([3, 6]);
    vi.restoreAllMocks();
  });

  test('nextTask lets a waiting task run first', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('waiting task'), 0);
    await new Promise((r) => setTimeout(r, 0)); // the timer above is due
    setTimeout(() => order.push('queued task'), 0);
    await nextTask();
    order.push('after nextTask');
    expect(order).toEqual(['waiting task', 'queued task', 'after nextTask']);
  });
});
