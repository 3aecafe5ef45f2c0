import { afterEach, describe, expect, test, vi } from 'vitest';
import { follow } from '@/entrypoints/content/follow';
import { placeBeside, type Beside } from '@/entrypoints/content/placement';

const viewport = { left: 0, top: 0, width: 1000, height: 800 };
const card = { width: 300, height: 200 };
const below: Beside = { side: 'bottom', align: 'start', gap: 6, sidePadding: 8, edgePadding: 8 };
const link = (left: number, top: number, width = 80, height = 20) => ({ left, top, right: left + width, bottom: top + height });

describe('placeBeside', () => {
  test('below the reference from its start, the gap between them', () => {
    expect(placeBeside(link(100, 300), card, viewport, below)).toEqual({ x: 100, y: 326, side: 'bottom' });
  });

  test('above when the room below is short and there is more above', () => {
    // 700 + 20 + 6 + 200 = 926 > 800 - 8: below overflows; above, 700 - 6 - 200 = 494, fits.
    expect(placeBeside(link(100, 700), card, viewport, below)).toEqual({ x: 100, y: 494, side: 'top' });
  });

  test('the padding counts: a card that would end within it goes to the other side', () => {
    // Below ends at 574 + 20 + 6 + 200 = 800, inside the viewport but not its 8 px padding.
    expect(placeBeside(link(100, 574), card, viewport, below).side).toBe('top');
    expect(placeBeside(link(100, 566), card, viewport, below).side).toBe('bottom');
  });

  test('no room on either side: the side where less stands out', () => {
    const tall = { width: 300, height: 500 };
    // Below: 326 + 500 - 792 = 34 out; above: 8 - (300 - 6 - 500) = 214 out.
    expect(placeBeside(link(100, 300), tall, viewport, below).side).toBe('bottom');
    // Below: 476 + 500 - 792 = 184 out; above: 8 - (450 - 6 - 500) = 64 out.
    expect(placeBeside(link(100, 450), tall, viewport, below).side).toBe('top');
  });

  test('preferring the top: above, and below when the top has no room', () => {
    const above: Beside = { side: 'top', align: 'center', gap: 8, sidePadding: 0, edgePadding: 8 };
    const toolbar = { width: 100, height: 40 };
    expect(placeBeside(link(400, 300, 200), toolbar, viewport, above)).toEqual({ x: 450, y: 252, side: 'top' });
    expect(placeBeside(link(400, 20, 200), toolbar, viewport, above)).toEqual({ x: 450, y: 48, side: 'bottom' });
  });

  test('near the right edge: ending where the reference ends, else kept inside the edge', () => {
    // From its start the card would run to 1000 + 300; ending with the reference (at 980) fits.
    expect(placeBeside(link(900, 300), card, viewport, below).x).toBe(980 - 300);
    // Neither fits a card this wide: from its start it would stand 658 px out on the right, ending
    // with the reference 118 px out on the left; the lesser wins, then moved inside the edge.
    expect(placeBeside(link(750, 300, 40), { width: 900, height: 100 }, viewport, below).x).toBe(8);
    // Fits from its start: stays there, even near the edge.
    expect(placeBeside(link(600, 300), card, viewport, below).x).toBe(600);
  });

  test('kept inside the viewport along its side, the padding from each edge', () => {
    const centred: Beside = { ...below, align: 'center' };
    expect(placeBeside(link(0, 300, 40), card, viewport, centred).x).toBe(8);
    // Wider than the viewport allows: from the left padding.
    expect(placeBeside(link(500, 300), { width: 2000, height: 100 }, viewport, below).x).toBe(8);
  });
});

test('a zoomed page: placed within the part the reader sees', () => {
  // Pinch-zoomed: 400 × 300 of the page seen, from (200, 100) of the layout viewport.
  const seen = { left: 200, top: 100, width: 400, height: 300 };
  // Room below the reference within the layout viewport, but not within what is seen: above.
  expect(placeBeside(link(250, 300), card, seen, below)).toEqual({ x: 250, y: 94, side: 'top' });
  // Left of what is seen: moved in to its edge.
  expect(placeBeside(link(100, 150), { width: 100, height: 50 }, seen, below).x).toBe(208);
});

describe('follow', () => {
  afterEach(() => vi.restoreAllMocks());

  test('updates at once, then once a frame for any number of scrolls and resizes, until stopped', () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
    vi.spyOn(window, 'cancelAnimationFrame').mockImplementation(() => frames.splice(0));
    const update = vi.fn();
    const reference = document.createElement('a');
    document.body.append(reference);
    const stop = follow([reference], update);
    expect(update).toHaveBeenCalledTimes(1);

    // A scroll inside the page: it does not bubble, so only a capturing listener hears it.
    reference.dispatchEvent(new Event('scroll'));
    expect(frames).toHaveLength(1);
    // More in the same frame wait for it.
    window.dispatchEvent(new Event('resize'));
    window.dispatchEvent(new Event('scroll'));
    expect(frames).toHaveLength(1);
    frames.shift()!(0);
    expect(update).toHaveBeenCalledTimes(2);

    window.dispatchEvent(new Event('scroll'));
    stop();
    expect(frames).toHaveLength(0);
    window.dispatchEvent(new Event('scroll'));
    expect(frames).toHaveLength(0);
    expect(update).toHaveBeenCalledTimes(2);
  });

  test('a change of size places at once; the document, the reference and the element are watched until stopped', () => {
    const watched: Element[] = [];
    let report = () => {};
    const disconnect = vi.fn();
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          report = callback;
        }
        observe(element: Element) {
          watched.push(element);
        }
        disconnect = disconnect;
      },
    );
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 1);
    const update = vi.fn();
    const reference = document.createElement('a');
    const floating = document.createElement('div');
    const stop = follow([reference, floating], update);
    expect(watched).toEqual([reference, floating, document.documentElement]);
    report();
    expect(update).toHaveBeenCalledTimes(2);
    stop();
    expect(disconnect).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
