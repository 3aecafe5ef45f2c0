/*
 * Keeps a floating element beside its reference: `update` runs now, and again when the page or
 * any scroller in it scrolls, the window is resized, the reader zooms or pans (the visual
 * viewport), or the reference, the floating element or the document changes size (content loaded
 * above the reference moves it and grows the document). Scrolls and resizes come many a frame:
 * they update once, in the next frame. A change of size updates at once: the observer reports it
 * after this frame's animation callbacks, so waiting for the next would show the element one
 * frame out of place (a card above its reference that grows over it). Returns the stop.
 */
export function follow(observed: ReadonlyArray<Element | null | undefined>, update: () => void): () => void {
  let frame = 0;
  const soon = () => {
    if (frame === 0) frame = requestAnimationFrame(run);
  };
  const run = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    update();
  };
  // Capture: scroll events do not bubble, and a scroller inside the page moves the reference too.
  const options = { capture: true, passive: true };
  const viewport = window.visualViewport;
  addEventListener('scroll', soon, options);
  addEventListener('resize', soon, options);
  viewport?.addEventListener('scroll', soon, options);
  viewport?.addEventListener('resize', soon, options);
  // Its first report, for each element as observing starts, places once more: harmless, as the
  // update only moves the element and so reports nothing new.
  const sizes = new ResizeObserver(run);
  for (const element of [...observed, document.documentElement]) if (element) sizes.observe(element);
  update();
  return () => {
    removeEventListener('scroll', soon, options);
    removeEventListener('resize', soon, options);
    viewport?.removeEventListener('scroll', soon, options);
    viewport?.removeEventListener('resize', soon, options);
    sizes.disconnect();
    cancelAnimationFrame(frame);
    frame = 0;
  };
}
