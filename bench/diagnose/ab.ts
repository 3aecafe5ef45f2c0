// Two or more builds of the extension side by side on the same page, loads taken in turns so that
// the machine's drift falls on each alike: the main-thread work from our script's start (traced,
// as the bench counts it) and the longest task in it. For deciding between two ways of doing the
// same thing; not part of `npm run bench`. Copy each build (.output/chrome-mv3) somewhere first:
//   node --import ./scripts/raw-loader.ts bench/diagnose/ab.ts [typical|dense|huge] <dir> <dir> [...]
// LOADS=n sets the loads per build (9).
import { resolve } from 'node:path';
import { launch, type Session } from '../../tests/e2e/support/browser.ts';
import { median } from '../measure.ts';
import { settle } from '../page-work.ts';
import { riksrefStarts, startTrace } from '../trace.ts';
import { diagnosedUrl as url, loadDiagnosed, warmedPage } from './pages.ts';

const dirs = process.argv.slice(2).filter((arg) => !['typical', 'dense', 'huge'].includes(arg)).map((dir) => resolve(dir));
const LOADS = Number(process.env.LOADS ?? 9);
if (dirs.length < 2) throw new Error('usage: ab.ts [typical|dense|huge] <build dir> <build dir> [...]');

const sessions: Session[] = [];
try {
  for (const dir of dirs) sessions.push(await launch({ extensionDir: dir }));
  const busy = dirs.map(() => [] as number[]);
  const longest = dirs.map(() => [] as number[]);
  for (let i = 0; i < LOADS; i++) {
    // Every other round the other way round: no build always goes first.
    const order = dirs.map((_, d) => d);
    if (i % 2) order.reverse();
    for (const d of order) {
      const page = await warmedPage(sessions[d]!, url);
      const trace = await startTrace(page);
      await loadDiagnosed(page, url);
      await settle(page);
      const work = await trace.stop(url, riksrefStarts);
      busy[d]!.push(work.fromStart!.busyMs);
      longest[d]!.push(work.fromStart!.longestTaskMs);
      await page.close();
    }
  }
  for (const [d, dir] of dirs.entries()) {
    const b = busy[d]!;
    const l = longest[d]!;
    console.log(
      `${dir}: from our start ${median(b).toFixed(1)} ms (${Math.min(...b).toFixed(1)}–${Math.max(...b).toFixed(1)}), ` +
        `longest task ${median(l).toFixed(1)} ms (${Math.min(...l).toFixed(1)}–${Math.max(...l).toFixed(1)})`,
    );
  }
} finally {
  for (const session of sessions) await session.close();
}
