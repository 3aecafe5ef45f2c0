/**
 * One timer, started again at will, that never fires once `signal` aborts (the page's features
 * stopped, or the extension went away). WXT's ctx.setTimeout does the latter too, but adds a
 * listener to the context at every call and never takes it off: a timer started again at every
 * pointer move, selection change or linked chunk would pile them up for as long as the tab lives.
 * This keeps one listener per timer.
 */
export class Timer {
  private id: ReturnType<typeof setTimeout> | undefined;
  private readonly signal: AbortSignal;
  private readonly task: () => void;

  constructor(signal: AbortSignal, task: () => void) {
    this.signal = signal;
    this.task = task;
    signal.addEventListener('abort', () => this.cancel(), { once: true });
  }

  /** Runs the task `ms` from now, instead of whenever it was going to. */
  start(ms: number): void {
    if (this.signal.aborted) return;
    this.cancel();
    this.id = setTimeout(() => {
      this.id = undefined;
      this.task();
    }, ms);
  }

  cancel(): void {
    if (this.id !== undefined) clearTimeout(this.id);
    this.id = undefined;
  }

  get pending(): boolean {
    return this.id !== undefined;
  }
}
