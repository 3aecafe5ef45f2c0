// What the side panel's long tasks during "import of their export" (bench/highlights-panel.ts)
// are made of: the same set-up (10 000 highlights, the panel on "Alla", the JSON export saved),
// then the import RUNS times, each under a Chrome DevTools Protocol trace; every task of a
// renderer main thread over LONG_MS is printed with what is nested in it. Not part of
// `npm run bench`. After `wxt build` (RIKSREF_NO_MINIFY=1 for readable names):
//   node --import ./scripts/raw-loader.ts bench/diagnose/import-panel.ts
// RUNS=n imports (20); WAIT=ms between an import's outcome and the next (100, as the bench); LONG_MS=n the task length printed (50); NO_TRACE=1 imports without a
// trace (the panel's own long-task entries only, without the tracing's overhead); AS_BENCH=1 first
// types the bench's searches and exports three times each way, as the bench does before it.
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launch } from '../../tests/e2e/support/browser.ts';
import { seedHighlights } from '../../tests/e2e/support/many-highlights.ts';
import { setUpPanelBench } from '../highlights-panel.ts';
import { manyHighlights } from '../../tests/fixtures/highlights/many-highlights.ts';
import type { TraceEvent } from '../trace.ts';

const RUNS = Number(process.env.RUNS ?? 20);
const LONG_MS = Number(process.env.LONG_MS ?? 50);
const NO_TRACE = !!process.env.NO_TRACE;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'toplevel', 'blink.user_timing', 'disabled-by-default-v8.gc', 'cppgc', 'disabled-by-default-cppgc', 'blink_gc', 'disabled-by-default-blink_gc', 'blink', 'mojom', ...(process.env.MORE ? ['disabled-by-default-devtools.timeline.stack', 'ipc', 'renderer.scheduler'] : []), ...(process.env.SAMPLES ? ['disabled-by-default-v8.cpu_profiler'] : [])].join(',');

type Event = TraceEvent & { tdur?: number; args?: { name?: string; data?: Record<string, unknown>; [k: string]: unknown }; cat?: string };

function instrument(): void {
  const w = window as unknown as { longTasks: object[]; statuses: string[]; phases: { at: number; phase: string }[] };
  w.longTasks = [];
  w.statuses = [];
  w.phases = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceEntry[] & { attribution?: { containerSrc: string; name: string }[] }[]) {
      w.longTasks.push({ start: e.startTime, duration: e.duration, name: e.name, attribution: (e as unknown as { attribution: { name: string; containerSrc: string }[] }).attribution?.map((a) => `${a.name} ${a.containerSrc}`) });
    }
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames name the scripts they ran (cheaply, without a trace).
  const l = window as unknown as { loafs: object[] };
  l.loafs = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as { startTime: number; duration: number; blockingDuration: number; renderStart: number; styleAndLayoutStart: number; scripts: { invoker: string; sourceFunctionName: string; sourceURL: string; sourceCharPosition: number; duration: number; forcedStyleAndLayoutDuration: number; executionStart: number; startTime: number }[] }[]) {
      if (e.blockingDuration <= 0) continue;
      l.loafs.push({
        start: e.startTime,
        duration: e.duration,
        blocking: e.blockingDuration,
        render: e.renderStart ? e.renderStart - e.startTime : -1,
        style: e.styleAndLayoutStart ? e.styleAndLayoutStart - e.startTime : -1,
        scripts: e.scripts.map((x) => `${x.invoker} ${x.sourceFunctionName}@${x.sourceURL.split('/').pop()}:${x.sourceCharPosition} +${(x.startTime - e.startTime).toFixed(0)} ${x.duration.toFixed(0)} ms (forced style/layout ${x.forcedStyleAndLayoutDuration.toFixed(0)})`),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  new MutationObserver(() => {
    const status = document.querySelector('[data-panel="highlights"] [data-field="status"]')?.textContent;
    if (status && status !== w.statuses[w.statuses.length - 1]) w.statuses.push(status);
    // The import's phase (the progress bar's first word), and the end (no bar).
    const phase = document.querySelector('[data-panel="highlights"] [data-field="progress"] label')?.textContent?.split(' ')[0] ?? 'no bar';
    if (phase !== w.phases[w.phases.length - 1]?.phase) w.phases.push({ at: performance.now(), phase });
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function trace(cdp: CDPSession): Promise<() => Promise<Event[]>> {
  const events: Event[] = [];
  const onData = (message: { value: unknown }) => {
    for (const event of message.value as Event[]) events.push(event);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

const describe = (e: Event) => {
  const d = (e.args?.data ?? {}) as Record<string, unknown>;
  const bits = [d.functionName, d.scriptId !== undefined ? `script ${d.scriptId}` : undefined, d.columnNumber, d.url && String(d.url).replace(/^chrome-extension:\/\/[^/]+/, ''), d.lineNumber, d.type, d.name, d.taskName, d.stackTrace ? '' : undefined]
    .filter((x) => x !== undefined && x !== '')
    .join(' ');
  if (e.name === 'FunctionCall' && process.env.RAW) return `${e.name} ${JSON.stringify(e.args)}`;
  const gc = e.name.includes('GC') || e.name.includes('gc') ? ` ${JSON.stringify(e.args ?? {}).slice(0, 160)}` : '';
  return `${e.name}${bits ? ` (${bits})` : ''}${gc}`;
};

interface Sample { ts: number; stack: string[] }

/** The CPU samples the trace carries (disabled-by-default-v8.cpu_profiler), by thread (pid:tid): each with its stack, innermost first. */
function samples(events: Event[]): Map<string, Sample[]> {
  type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; parent?: number };
  const profiles = new Map<string, { key: string; nodes: Map<number, Node>; time: number; samples: Sample[] }>();
  for (const e of events) {
    const id = `${e.pid}:${(e as unknown as { id: string }).id}`;
    const data = (e.args?.data ?? {}) as { startTime?: number; cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] };
    if (e.name === 'Profile') profiles.set(id, { key: `${e.pid}:${e.tid}`, nodes: new Map(), time: data.startTime ?? e.ts, samples: [] });
    if (e.name !== 'ProfileChunk') continue;
    const p = profiles.get(id);
    if (!p) continue;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    (data.cpuProfile?.samples ?? []).forEach((node, i) => {
      p.time += data.timeDeltas?.[i] ?? 0;
      const stack: string[] = [];
      for (let cur: Node | undefined = p.nodes.get(node); cur; cur = cur.parent === undefined ? undefined : p.nodes.get(cur.parent)) {
        const f = cur.callFrame;
        stack.push(`${f.functionName || '(anon)'}${f.url ? ` ${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`);
      }
      p.samples.push({ ts: p.time, stack });
    });
  }
  const out = new Map<string, Sample[]>();
  for (const p of profiles.values()) out.set(p.key, [...(out.get(p.key) ?? []), ...p.samples]);
  return out;
}

/** Every task over LONG_MS on a renderer main thread, with its nested events of 1 ms or more. */
function longTasks(events: Event[], origin?: number): string[] {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const processes = new Map<number, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'process_labels') processes.set(e.pid, String(e.args?.labels ?? ''));
  const out: string[] = [];
  const cpu = samples(events);
  const mains = [...threads].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
  for (const key of mains) {
    const xs = events.filter((e) => `${e.pid}:${e.tid}` === key && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E') && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    for (const task of xs.filter((e) => e.name === 'RunTask' && e.dur! > LONG_MS * 1000)) {
      out.push(`  task ${(task.dur! / 1000).toFixed(1)} ms${origin === undefined ? '' : ` at +${((task.ts - origin) / 1000).toFixed(0)}`} (on the CPU ${((task as { tdur?: number }).tdur! / 1000).toFixed(1)} ms) on ${key} (${processes.get(task.pid) ?? ''}) ${JSON.stringify(task.args ?? {}).slice(0, 200)}`);
      const end = task.ts + task.dur!;
      const stack: number[] = [];
      for (const e of xs) {
        if (e === task || e.ts < task.ts || e.ts >= end) continue;
        while (stack.length && stack[stack.length - 1]! <= e.ts) stack.pop();
        if (e.dur! >= 1000 && (!process.env.COMPACT || stack.length < 2 || /GC|FunctionCall/.test(e.name))) out.push(`    ${'  '.repeat(stack.length)}+${((e.ts - task.ts) / 1000).toFixed(1)} ${(e.dur! / 1000).toFixed(1)} ms ${describe(e)}`);
        stack.push(e.ts + e.dur!);
      }
      // The JS in it: inclusive samples per function (each counted once per stack), and self.
      const inTask = (cpu.get(key) ?? []).filter((x) => x.ts >= task.ts && x.ts < end);
      const incl = new Map<string, number>();
      const self = new Map<string, number>();
      for (const x of inTask) {
        for (const f of new Set(x.stack)) incl.set(f, (incl.get(f) ?? 0) + 1);
        self.set(x.stack[0] ?? '?', (self.get(x.stack[0] ?? '?') ?? 0) + 1);
      }
      const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${v} ${k}`).join(' | ');
      if (inTask.length) out.push(`    samples ${inTask.length}; inclusive: ${top(incl)}`, `    self: ${top(self)}`);
    }
  }
  return out;
}

const session = await launch();
const file = join(tmpdir(), `riksref-diagnose-${process.pid}.json`);
try {
  const { ext, noDocument } = await setUpPanelBench(session);
  await seedHighlights(ext, manyHighlights({ count: 10_000, documents: 1_000 }));

  const panel: Page = await session.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.addInitScript(instrument);
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?${noDocument}&view=highlights`);
  await panel.locator('[data-panel="highlights"] [data-phase="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
  if (process.env.AS_BENCH) {
    // What the bench does in the panel before the import: typed searches, and three exports each way.
    const box = panel.locator('[data-panel="highlights"] .rr-search');
    await box.focus();
    for (const query of ['säkerhetspolisen', 'regeringen anser', 'utskottet']) {
      await box.pressSequentially(query, { delay: 120 });
      await panel.waitForTimeout(300);
      await box.press('Control+A');
      await box.press('Backspace');
      await panel.waitForTimeout(300);
    }
  }
  for (const format of process.env.AS_BENCH ? ['json', 'json', 'json', 'markdown', 'markdown', 'markdown'] : ['json']) {
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.locator(`[data-action="export-${format}"]`).click()]);
    if (format === 'json') await download.saveAs(file);
    await panel.locator('[data-field="status"]').filter({ hasText: /^Exporterade 10000/ }).waitFor();
    await panel.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  }
  await panel.waitForTimeout(500);

  const cdp = await session.context.newCDPSession(panel);
  const longest: number[] = [];
  const traced: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = await panel.evaluate(() => (window as unknown as { statuses: string[] }).statuses.length);
    const stop = NO_TRACE ? undefined : await trace(cdp);
    // The panel's clock in the trace: this mark's trace time is `since` there.
    const since = await panel.evaluate(() => performance.mark('riksref-run').startTime);
    const began = Date.now();
    await panel.locator('[data-action="import"]').setInputFiles(file);
    await panel.waitForFunction(
      (before) => {
        const seen = (window as unknown as { statuses: string[] }).statuses.slice(before);
        return seen.length >= 2 && /^Importerade 10000 markeringar/.test(seen[seen.length - 1]!);
      },
      before,
      { timeout: 120_000 },
    );
    const took = Date.now() - began;
    // The bench waits 100 ms: the live list's re-read after the import (and its render) then runs
    // into the next import's reading. WAIT=1000 keeps them apart.
    await panel.waitForTimeout(Number(process.env.WAIT ?? 100));
    const events = stop ? await stop() : [];
    const tasks = (await panel.evaluate(() => (window as unknown as { longTasks: { start: number; duration: number; attribution: string[] }[] }).longTasks)).filter((l) => l.start + l.duration >= since);
    const max = Math.max(0, ...tasks.map((l) => l.duration));
    longest.push(max);
    console.log(`run ${i + 1}: ${took} ms, panel long tasks: ${tasks.map((l) => `${l.duration.toFixed(0)} ms at +${(l.start - since).toFixed(0)} [${l.attribution?.join(', ')}]`).join('; ') || 'none'}`);
    const phases = (await panel.evaluate(() => (window as unknown as { phases: { at: number; phase: string }[] }).phases)).filter((p) => p.at >= since);
    console.log(`  phases: ${phases.map((p) => `${p.phase} +${(p.at - since).toFixed(0)}`).join(', ')}`);
    const loafs = (await panel.evaluate(() => (window as unknown as { loafs: { start: number; duration: number; blocking: number; render: number; style: number; scripts: string[] }[] }).loafs)).filter((l) => l.start + l.duration >= since && l.blocking > 0);
    for (const l of loafs) console.log(`  frame at +${(l.start - since).toFixed(0)}: ${l.duration.toFixed(0)} ms (blocking ${l.blocking.toFixed(0)}), render at +${l.render.toFixed(0)}, style/layout at +${l.style.toFixed(0)}; ${l.scripts.join('; ')}`);
    if (events.length) {
      const mark = events.find((e) => e.name === 'riksref-run');
      if (mark) console.log(`  (the trace's task times are +ms from the mark, as the panel's are)`);
      for (const line of longTasks(events, mark ? mark.ts : undefined)) console.log(line);
      if (mark) {
        const own = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.name === 'RunTask' && e.dur !== undefined && e.ts >= mark.ts);
        const top = Math.max(0, ...own.map((e) => e.dur!)) / 1000;
        traced.push(top);
        console.log(`  the panel's longest task in the trace: ${top.toFixed(1)} ms`);
      }
    }
  }
  console.log(`long tasks (over 50 ms) the panel saw, longest per run: ${longest.map((l) => l.toFixed(0)).join(' ')}`);
  if (traced.length) console.log(`the panel's longest task per run in the trace: ${traced.map((l) => l.toFixed(0)).join(' ')}`);
} finally {
  await session.close();
  await rm(file, { force: true });
}
