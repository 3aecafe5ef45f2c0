import type { Box } from './card-line.ts';

/*
 * Where a card or the highlight toolbar stands beside what it belongs to, in viewport
 * coordinates (both are `position: fixed`): on its preferred side, unless the viewport lacks the
 * room there and the other side has more; then moved along that side to stay inside the
 * viewport. floating-ui's computePosition with offset, flip and shift decided the same for our
 * two uses, but weighed 6 KB of the content script's 60 KB budget (gzipped), the most of any
 * one part; its support for containing blocks other than the viewport is the part we drop (our
 * shadow hosts reset every style and sit directly in the body).
 */

export type Side = 'top' | 'bottom';

export interface Beside {
  /** The side preferred. */
  side: Side;
  /** Its left edge on the reference's left edge, or both centred on each other. */
  align: 'start' | 'center';
  /** Between the reference and the floating element. */
  gap: number;
  /** Room kept free at the top and bottom of the viewport when choosing the side. */
  sidePadding: number;
  /** Room kept free at the left and right of the viewport. */
  edgePadding: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The part of the page the reader sees, in the coordinates of `position: fixed`. */
export interface Viewport extends Size {
  left: number;
  top: number;
}

export function placeBeside(reference: Box, floating: Size, viewport: Viewport, o: Beside): { x: number; y: number; side: Side } {
  const top = viewport.top + o.sidePadding;
  const bottom = viewport.top + viewport.height - o.sidePadding;
  const yOn = (side: Side) => (side === 'bottom' ? reference.bottom + o.gap : reference.top - o.gap - floating.height);
  // How far the element would stand out of the viewport on that side: zero or less when it fits.
  const overflow = (side: Side) => (side === 'bottom' ? yOn(side) + floating.height - bottom : top - yOn(side));
  const other: Side = o.side === 'bottom' ? 'top' : 'bottom';
  const side = overflow(o.side) > 0 && overflow(other) < overflow(o.side) ? other : o.side;

  const left = viewport.left + o.edgePadding;
  const right = viewport.left + viewport.width - o.edgePadding;
  let x = o.align === 'start' ? reference.left : (reference.left + reference.right - floating.width) / 2;
  // A start-aligned card that runs past the right edge ends where the reference ends instead,
  // when that fits better: it stays under the reference rather than being pushed aside.
  if (o.align === 'start' && x + floating.width > right) {
    const ending = reference.right - floating.width;
    if (left - ending < x + floating.width - right) x = ending;
  }
  // Then moved inside the edges; wider than the room: its left edge at the padding, where text starts.
  x = Math.max(left, Math.min(x, right - floating.width));
  return { x, y: yOn(side), side };
}

/**
 * What the reader sees: the visual viewport (a pinch-zoomed page shows only part of the layout
 * viewport, and a card placed for the whole would stand off-screen), else the layout viewport
 * without its scroll bars.
 */
export function visibleViewport(): Viewport {
  const v = window.visualViewport;
  if (v) return { left: v.offsetLeft, top: v.offsetTop, width: v.width, height: v.height };
  return { left: 0, top: 0, width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
}
