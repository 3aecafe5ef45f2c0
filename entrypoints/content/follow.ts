/*
 * Keeps a floating element beside its reference: `update` runs now, and again when the page or
 * any scroller in it scrolls, the window is resized, or the reference, the floating element or
 * the document changes size (content loaded above the reference moves it and grows the
 * document). At most once a frame, however many of those come at once. Returns the stop.
 */
export function follow(observed: ReadonlyArray<Element | null | undefined>, update: () => void): () => void {
  let frame = 0;
  const soon = () => {
    if (frame === 0) frame = requestAnimationFrame(run);
  };
  const run = () => {
    frame = 0;
    update();
  };
  // Capture: scroll events do not bubble, and a scroller inside the page moves the reference too.
  const options = { capture: true, passive: true };
  addEventListener('scroll', soon, options);
  addEventListener('resize', soon, options);
  const sizes = new ResizeObserver(soon);
  for (const element of [...observed, document.documentElement]) if (element) sizes.observe(element);
  update();
  return () => {
    removeEventListener('scroll', soon, options);
    removeEventListener('resize', soon, options);
    sizes.disconnect();
    cancelAnimationFrame(frame);
    frame = 0;
  };
}
