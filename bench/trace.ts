// Main-thread work as the reader feels it: a Chrome DevTools Protocol trace of the page's renderer
// while it loads (and, for us, links and receives its metadata), summed over every task on the
// renderer's main thread: script, style recalculation, layout, paint and garbage collection alike.
import type { CDPSession, Page } from 'playwright-core';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'].join(',');

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; processId?: number; frame?: string; message?: string } };
}

export interface MainThreadWork {
  /** Sum of the RunTask durations on the page's CrRendererMain thread, ms. */
  busyMs: number;
  /** The longest of those tasks, ms. */
  longestTaskMs: number;
  tasks: number;
  /**
   * From the work's start (its first event on that thread, `startedBy`) to the end of the trace:
   * the longest task, how many went over 50 ms, and their sum, the page's own first layout left
   * out. The style, layout and paint that the work's DOM writes set off run in tasks of their
   * own, and they count here; the work's own measure of its script (performance.now() around
   * each chunk) cannot see them.
   */
  fromStart?: { longestTaskMs: number; longTasks: number; busyMs: number };
}

/** Where the work under test begins on the page's main thread. */
export type StartedBy = (event: TraceEvent) => boolean;

/** Our content script's first evaluation: where Riksref's work on a page begins. */
export const riksrefStarts: StartedBy = (e) => e.name === 'EvaluateScript' && !!e.args?.data?.url?.startsWith('chrome-extension://');

/** Work that bench/page-work.ts marks with `console.timeStamp(stamp)` just before it begins. */
const stampedStarts =
  (stamp: string): StartedBy =>
  (e) =>
    e.name === 'TimeStamp' && e.args?.data?.message === stamp;

/** The mark set just before mark.js begins. */
export const MARK_JS_STAMP = 'riksref-bench: mark.js';
export const markJsStarts = stampedStarts(MARK_JS_STAMP);

/** The mark set just before one word is wrapped a frame (the floor of a frame). */
export const ONE_WORD_STAMP = 'riksref-bench: one word';
export const oneWordStarts = stampedStarts(ONE_WORD_STAMP);

/** The mark set just before the plain linker begins (the floor of linking under the 50 ms rule). */
export const PLAIN_LINKER_STAMP = 'riksref-bench: plain linker';
export const plainLinkerStarts = stampedStarts(PLAIN_LINKER_STAMP);

/** A long task, as the browser counts them. */
const LONG_TASK_MS = 50;

/** Starts tracing `page`'s browser; `stop()` ends it and returns the main-thread work for `url`. */
export async function startTrace(page: Page): Promise<{ stop(url: string, startedBy?: StartedBy): Promise<MainThreadWork>; events: TraceEvent[] }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (message) => {
    for (const event of message.value as unknown as TraceEvent[]) events.push(event);
  });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return {
    events,
    async stop(url, startedBy) {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return mainThreadWork(events, url, startedBy);
    },
  };
}

/**
 * Every event on the main thread of the renderer that showed `url`, in trace order: that renderer
 * is the one whose frame committed it (the tab may have started in another process), and its
 * main thread is the one named CrRendererMain.
 */
export function rendererMainThread(events: readonly TraceEvent[], url: string): TraceEvent[] {
  const committed = events.find(
    (e) => (e.name === 'FrameCommittedInBrowser' || e.name === 'NavigationStartToEnd') && e.args?.data?.url === url,
  );
  const pid = committed?.args?.data?.processId ?? committed?.pid;
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const main = mains.find((e) => e.pid === pid);
  if (!main) throw new Error(`no renderer main thread found for ${url} (pid ${pid}, ${mains.length} renderer threads)`);
  return events.filter((e) => e.pid === main.pid && e.tid === main.tid);
}

/**
 * The page's own first layout, among a main thread's events. Our script may start before it
 * (document_idle comes when the browser finds time), and the page lays itself out then with or
 * without us: its time comes off the task it is in (`withoutPagesLayout`); the rest of that task
 * (our script's, if it forced that layout) still counts.
 */
export function pagesFirstLayout(onMain: readonly TraceEvent[]): TraceEvent | undefined {
  return onMain
    .filter((e) => e.ph === 'X' && e.name === 'Layout' && e.dur !== undefined)
    .reduce<TraceEvent | undefined>((first, e) => (!first || e.ts < first.ts ? e : first), undefined);
}

/** A task's time (µs) as the work under test is charged with it: the page's first layout left out. */
export function withoutPagesLayout(task: TraceEvent, firstLayout: TraceEvent | undefined): number {
  return task.dur! - (firstLayout && task.ts <= firstLayout.ts && firstLayout.ts < task.ts + task.dur! ? firstLayout.dur! : 0);
}

/** The main-thread work for `url` (see rendererMainThread). Overlapping RunTask events (nested run loops) are counted once. */
export function mainThreadWork(events: readonly TraceEvent[], url: string, startedBy?: StartedBy): MainThreadWork {
  const onMain = rendererMainThread(events, url);
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  let busy = 0;
  let longest = 0;
  let end = -Infinity;
  // The tasks not nested in another (a nested run loop's tasks are inside another's time).
  const topLevel: TraceEvent[] = [];
  for (const task of tasks) {
    const taskEnd = task.ts + task.dur!;
    if (task.ts >= end) {
      busy += task.dur!;
      longest = Math.max(longest, task.dur!);
      topLevel.push(task);
    } else if (taskEnd > end) {
      busy += taskEnd - end;
    }
    end = Math.max(end, taskEnd);
  }
  const work: MainThreadWork = { busyMs: busy / 1000, longestTaskMs: longest / 1000, tasks: topLevel.length };
  if (startedBy) {
    const start = onMain.find(startedBy);
    if (!start) throw new Error(`the work under test never started on the main thread of ${url}`);
    // The task the work starts in counts, and every one after it (pagesFirstLayout).
    const firstLayout = pagesFirstLayout(onMain);
    const counted = topLevel.filter((t) => t.ts + t.dur! > start.ts).map((t) => withoutPagesLayout(t, firstLayout));
    work.fromStart = {
      longestTaskMs: Math.max(...counted) / 1000,
      longTasks: counted.filter((dur) => dur > LONG_TASK_MS * 1000).length,
      busyMs: counted.reduce((sum, dur) => sum + dur, 0) / 1000,
    };
  }
  return work;
}
