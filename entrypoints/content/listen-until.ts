/**
 * Adds listeners that are taken off when `signal` aborts. A feature's signal is aborted when it
 * stops (the site navigated without a reload) and when the content script is invalidated, so
 * its listeners die in both cases (WXT's ctx.addEventListener only does the latter).
 */
export function listenUntil(signal: AbortSignal) {
  return <E extends Event>(target: EventTarget, type: string, handler: (event: E) => void) =>
    target.addEventListener(type, handler as EventListener, { signal });
}
