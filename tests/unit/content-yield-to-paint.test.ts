import { afterEach, describe, expect, test, vi } from 'vitest';
import { yieldToPaint } from '@/entrypoints/content/yield-to-main';

// The frame is ours to play: requestAnimationFrame is stubbed, so each test says when (if ever) the
// page paints.
let frames: FrameRequestCallback[];

function stubFrames(): void {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('yieldToPaint', () => {
  test('resolves after the next frame has been rendered, with how long that took', async () => {
    vi.useFakeTimers();
    stubFrames();
    let resolved: number | undefined | 'pending' = 'pending';
    void yieldToPaint().then((frameMs) => (resolved = frameMs));
    await vi.advanceTimersByTimeAsync(30);
    // No frame yet, and no waiting past one that is merely late.
    expect(resolved).toBe('pending');
    expect(frames).toHaveLength(1);

    frames[0]!(performance.now());
    // The frame's style, layout and paint: the task queued from its callback runs after them.
    vi.advanceTimersByTime(0);
    await Promise.resolve();
    expect(typeof resolved).toBe('number');
  });

  test('goes on without a frame that does not come (a tab sent to the background meanwhile)', async () => {
    vi.useFakeTimers();
    stubFrames();
    let resolved: number | undefined | 'pending' = 'pending';
    void yieldToPaint().then((frameMs) => (resolved = frameMs));
    await vi.advanceTimersByTimeAsync(100);
    expect(resolved).toBeUndefined();
    // A frame after all changes nothing.
    frames[0]!(performance.now());
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved).toBeUndefined();
  });

  test('does not wait for frames in a tab in the background, where none are painted', async () => {
    stubFrames();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await expect(yieldToPaint()).resolves.toBeUndefined();
    expect(frames).toHaveLength(0);
  });
});
