// Which of our writes make the page lay out or restyle again: the renderer's invalidation
// tracking during one load, grouped by the extension function that caused it. By hand, after a
// `RIKSREF_NO_MINIFY=1 wxt build`: node --import ./scripts/raw-loader.ts bench/diagnose/invalidations.ts
import type { CDPSession } from 'playwright-core';
import { launch } from '../../tests/e2e/support/browser.ts';
import { diagnosedUrl as url, loadDiagnosed, warmedPage } from './pages.ts';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.invalidationTracking',
  'disabled-by-default-devtools.timeline.stack',
].join(',');
interface Ev { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { data?: Record<string, unknown>; beginData?: Record<string, unknown> } }
const session = await launch();
try {
  const page = await warmedPage(session, url);
  const cdp: CDPSession = await session.context.newCDPSession(page);
  const events: Ev[] = [];
  cdp.on('Tracing.dataCollected', (m) => events.push(...(m.value as unknown as Ev[])));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await loadDiagnosed(page, url);
  await page.waitForTimeout(500);
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  const t0 = events.filter((e) => e.name === 'ParseHTML')[0]?.ts ?? 0;
  const frame = (st: unknown) => {
    const frames = (st as { functionName: string; url: string; lineNumber: number }[] | undefined) ?? [];
    const ext = frames.filter((f) => f.url?.startsWith('chrome-extension'));
    return ext.length ? ext.slice(0, 3).map((f) => `${f.functionName || '(anon)'}:${f.lineNumber + 1}`).join(' < ') : frames.length ? `page ${frames[0]!.functionName}` : '(no stack)';
  };
  const rows = events
    .filter((e) => /InvalidationTracking|^Layout$|^UpdateLayoutTree$|InvalidateLayout|ScheduleStyleRecalculation/.test(e.name))
    .sort((a, b) => a.ts - b.ts);
  let last = '';
  let count = 0;
  for (const e of rows) {
    const t = ((e.ts - t0) / 1000).toFixed(1).padStart(8);
    if (e.name === 'Layout' || e.name === 'UpdateLayoutTree') {
      if (count) console.log(`         … ×${count} ${last}`);
      count = 0;
      last = '';
      if ((e.dur ?? 0) > 1000) console.log(`${t} ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms`);
      continue;
    }
    const d = e.args?.data ?? {};
    const key = `${e.name} ${String(d.reason ?? '')} ${frame(d.stackTrace ?? e.args?.beginData?.stackTrace)}`;
    if (key === last) count++;
    else {
      if (count) console.log(`         … ×${count} ${last}`);
      console.log(`${t}   ${key}`);
      last = key;
      count = 0;
    }
  }
} finally {
  await session.close();
}
