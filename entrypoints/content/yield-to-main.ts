/** Gives the page a turn: `scheduler.yield()` where the browser has it, else a zero timeout. */
export function yieldToMain(ctx: { setTimeout(handler: () => void, timeout?: number): number }): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => ctx.setTimeout(resolve, 0));
}
