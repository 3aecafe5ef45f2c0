/**
 * Gives the page a turn: `scheduler.yield()` where the browser has it, else a zero timeout. The
 * callers check whether they were stopped meanwhile, so a plain timeout does (WXT's ctx.setTimeout
 * would add a listener to the context at every turn).
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
