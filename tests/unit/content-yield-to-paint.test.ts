import { afterEach, describe, expect, test, vi } from 'vitest';
import { yieldToPaint } from '@/entrypoints/content/yield-to-main';

// The frame is ours to play: requestAnimationFrame is stubbed, so each test says when (if ever) the
// page paints.
let frames: FrameRequestCallback[];
let cancelled: number[];

function stubFrames(): void {
  frames = [];
  cancelled = [];
  // Each request's id is its place in `frames`, counted from 1.
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => cancelled.push(id));
}

/** A yieldToPaint under fake timers and stubbed frames; `resolved()` is what it gave, or 'pending'. */
function yieldUnderTest(): { resolved: () => number | undefined | 'pending' } {
  vi.useFakeTimers();
  stubFrames();
  let resolved: number | undefined | 'pending' = 'pending';
  void yieldToPaint().then((frameMs) => (resolved = frameMs));
  return { resolved: () => resolved };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('yieldToPaint', () => {
  test('resolves after the next frame has been rendered, with how long that took', async () => {
    const { resolved } = yieldUnderTest();
    await vi.advanceTimersByTimeAsync(30);
    // No frame yet, and no waiting past one that is merely late.
    expect(resolved()).toBe('pending');
    expect(frames).toHaveLength(1);

    frames[0]!(performance.now());
    // Not yet: the frame's style, layout and paint come after its callbacks; the task queued
    // from ours runs after them.
    await Promise.resolve();
    expect(resolved()).toBe('pending');
    vi.advanceTimersByTime(0);
    await Promise.resolve();
    expect(resolved()).toBeGreaterThanOrEqual(0);
    // And the wait for a frame that does not come is over: no empty task left behind.
    expect(vi.getTimerCount()).toBe(0);
  });

  test('goes on without a frame that does not come (a tab sent to the background meanwhile)', async () => {
    const { resolved } = yieldUnderTest();
    await vi.advanceTimersByTimeAsync(100);
    expect(resolved()).toBeUndefined();
    // Nor does it still wait for the frame: its callback was taken back.
    expect(cancelled).toEqual([1]);
  });

  test('says nothing of a frame whose tab was hidden before it ended (its timeout then waits)', async () => {
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    const { resolved } = yieldUnderTest();
    frames[0]!(performance.now());
    visibility.mockReturnValue('hidden');
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved()).toBeUndefined();
  });

  test('does not wait for frames in a tab in the background, where none are painted', async () => {
    stubFrames();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await expect(yieldToPaint()).resolves.toBeUndefined();
    expect(frames).toHaveLength(0);
  });
});
