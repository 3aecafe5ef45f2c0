// The longest tasks on the page's main thread from our script's start, and what each is made of
// (the events of 1 ms or more inside it): for finding what makes a frame long while we link. The
// page's own first layout comes off the task it is in, as in the bench (trace.ts). Not part of
// `npm run bench`. After `wxt build`:
//   node --import ./scripts/raw-loader.ts bench/diagnose/long-tasks.ts [typical|dense|huge]
// LOADS=n sets the number of loads (7); TOP=n the tasks shown per load (1).
import { launch } from '../../tests/e2e/support/browser.ts';
import { settle } from '../page-work.ts';
import { pagesFirstLayout, rendererMainThread, riksrefStarts, startTrace, withoutPagesLayout, type TraceEvent } from '../trace.ts';
import { diagnosedUrl as url, loadDiagnosed, warmedPage } from './pages.ts';

const LOADS = Number(process.env.LOADS ?? 7);
const TOP = Number(process.env.TOP ?? 1);

const session = await launch();
try {
  for (let i = 0; i < LOADS; i++) {
    const page = await warmedPage(session, url);
    const trace = await startTrace(page);
    await loadDiagnosed(page, url);
    await settle(page);
    await trace.stop(url);
    const onMain = rendererMainThread(trace.events, url).filter((e) => e.ph === 'X' && e.dur !== undefined);
    const start = onMain.find(riksrefStarts)!;
    const firstLayout = pagesFirstLayout(onMain);
    const within = (task: TraceEvent, e: TraceEvent) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!;
    // A task's time as the bench counts it.
    const counted = (t: TraceEvent) => withoutPagesLayout(t, firstLayout);
    const tasks = onMain
      .filter((t) => t.name === 'RunTask' && t.ts + t.dur! > start.ts)
      .sort((a, b) => counted(b) - counted(a))
      .slice(0, TOP);
    for (const task of tasks) {
      const parts = onMain
        .filter((e) => within(task, e) && e !== firstLayout && e.dur! >= 1000 && e.name !== 'RunTask')
        .map((e) => `${e.name}${e.args?.data?.url?.startsWith('chrome-extension://') ? ' [ours]' : ''} ${(e.dur! / 1000).toFixed(1)}`);
      console.log(`load ${i + 1}: ${(counted(task) / 1000).toFixed(1)} ms at +${((task.ts - start.ts) / 1000).toFixed(0)} ms: ${parts.join(', ')}`);
    }
    await page.close();
  }
} finally {
  await session.close();
}
