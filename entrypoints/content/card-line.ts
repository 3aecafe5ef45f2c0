/*
 * Where a hover card stands when its reference wraps over two lines: next to the line under the
 * pointer, else below the reference's last line (what floating-ui's `inline` middleware decided
 * when we used it; placement.ts says why we no longer do).
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box to place the card against, from the reference's line boxes (`getClientRects()`). */
export function lineToStandBy(lines: readonly Box[], pointer?: { x: number; y: number }): Box | null {
  const boxes = lines.filter((b) => b.right > b.left || b.bottom > b.top);
  if (boxes.length === 0) return null;
  const first = boxes[0]!;
  const last = boxes[boxes.length - 1]!;
  if (boxes.length === 1) return first;
  if (pointer) {
    const under = boxes.find((b) => pointer.x >= b.left - 2 && pointer.x <= b.right + 2 && pointer.y >= b.top - 2 && pointer.y <= b.bottom + 2);
    if (under) return under;
  }
  // From the first line's top to the last line's bottom, as wide as the last line: the card
  // below it starts where the reference ends.
  return { left: last.left, right: last.right, top: first.top, bottom: last.bottom };
}

/** True when the box is wholly outside the viewport: the card has nothing to stand next to. */
export function outOfView(box: Box, width: number, height: number): boolean {
  return box.bottom < 0 || box.top > height || box.right < 0 || box.left > width;
}
