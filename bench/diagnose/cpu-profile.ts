// A CPU profile of the content script while the page loads, links and gets its metadata: time per
// function of ours, inclusive (with what it calls) and self (with the browser's own functions it
// calls), for finding what to make cheaper. Not part of `npm run bench`. After a
// `RIKSREF_NO_MINIFY=1 wxt build` (names and line numbers refer to its content.js):
//   node --import ./scripts/raw-loader.ts bench/diagnose/cpu-profile.ts [typical|dense]
// FIRST_TASK=1 keeps only the script's first task (its evaluation); AFTER_LINKING=1 only what
// runs after the linking's last chunk (the metadata's arrival and what it sets off); TOP=n lists
// n rows (45).
import { launch } from '../../tests/e2e/support/browser.ts';
import { diagnosedUrl as url, loadDiagnosed, warmedPage } from './pages.ts';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
const session = await launch();
try {
  const page = await warmedPage(session, url);
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await loadDiagnosed(page, url);
  await page.waitForTimeout(300);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const onStack = (id: number, test: (f: Node['callFrame']) => boolean) => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) if (test(byId.get(cur)!.callFrame)) return true;
    return false;
  };
  // Which samples count: all, or only the script's first task (FIRST_TASK), or only what follows
  // the linking (AFTER_LINKING); both tables below read the same samples.
  const isExt = (id: number) => onStack(id, (f) => f.url.startsWith('chrome-extension'));
  const firstExt = profile.samples.findIndex(isExt);
  const firstIdle = profile.samples.findIndex((id, i) => i > firstExt && byId.get(id)!.callFrame.functionName === '(idle)');
  const lastLinking = profile.samples.findLastIndex((id) => onStack(id, (f) => f.functionName === 'annotateInChunks'));
  if (process.env.AFTER_LINKING && lastLinking < 0) throw new Error('no annotateInChunks in the profile: AFTER_LINKING needs a RIKSREF_NO_MINIFY=1 build');
  const counts = (i: number) =>
    !(process.env.FIRST_TASK && (i < firstExt || i >= firstIdle)) && !(process.env.AFTER_LINKING && i <= lastLinking);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (counts(i)) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  // The browser's own frames (DOM calls, GC) count for the nearest frame of ours above them.
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    let cur: number | undefined = id;
    while (cur !== undefined && !byId.get(cur)!.callFrame.url.startsWith('chrome-extension')) cur = parent.get(cur);
    if (cur === undefined) continue;
    const owner = byId.get(cur)!;
    const key = `${n === owner ? '' : `(${n.callFrame.functionName || n.callFrame.url || '?'}) in `}${owner.callFrame.functionName || '(anon)'}:${owner.callFrame.lineNumber + 1} ${owner.callFrame.url.split('/').pop()}`;
    fn.set(key, (fn.get(key) ?? 0) + ms);
    const f = owner.callFrame.url.split('/').pop()!;
    file.set(f, (file.get(f) ?? 0) + ms);
  }
  // Inclusive time per function (each sample counted once per function on its stack).
  const incl = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (!counts(i)) return;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!f.url.startsWith('chrome-extension')) continue;
      const k = `${f.functionName || '(anon)'}:${f.lineNumber + 1}`;
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  console.log('inclusive, ms:');
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 45))) console.log(v.toFixed(1).padStart(7), k);
  const total = [...fn.values()].reduce((a, b) => a + b, 0);
  console.log(`self, ms (in all ${total.toFixed(1)} ms):`, Object.fromEntries([...file].map(([k, v]) => [k, +v.toFixed(1)])));
  for (const [k, v] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 45))) console.log(v.toFixed(1).padStart(7), k);
} finally {
  await session.close();
}
