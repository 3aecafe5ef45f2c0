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

export function placeBeside(reference: Box, floating: Size, viewport: Size, o: Beside): { x: number; y: number; side: Side } {
  const yOn = (side: Side) => (side === 'bottom' ? reference.bottom + o.gap : reference.top - o.gap - floating.height);
  // How far the element would stand out of the viewport on that side: zero or less when it fits.
  const overflow = (side: Side) => (side === 'bottom' ? yOn(side) + floating.height - (viewport.height - o.sidePadding) : o.sidePadding - yOn(side));
  const other: Side = o.side === 'bottom' ? 'top' : 'bottom';
  const side = overflow(o.side) > 0 && overflow(other) < overflow(o.side) ? other : o.side;
  const wanted = o.align === 'start' ? reference.left : (reference.left + reference.right - floating.width) / 2;
  // Wider than the viewport allows: its left edge at the padding, as the page's text starts.
  const x = Math.max(o.edgePadding, Math.min(wanted, viewport.width - o.edgePadding - floating.width));
  return { x, y: yOn(side), side };
}

/** The viewport without its scroll bars: the room a fixed element has. */
export function viewportSize(): Size {
  return { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
}
