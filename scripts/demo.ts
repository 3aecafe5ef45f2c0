// The offline demo: the built extension in Debian's Chromium on the bundled riksdagen answer page,
// served by the same local fixture servers the end-to-end tests use. With a display it opens a
// window and stays until Ctrl+C; without one (CI, SSH) it runs headless and saves screenshots.
//
//   npm run demo            (builds first)
//   node scripts/demo.ts    (uses the existing .output/chrome-mv3)
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXTENSION_DIR, launch } from '../tests/e2e/support/browser.ts';
import { URLS } from '../tests/e2e/support/sites.ts';

const OUT = resolve(import.meta.dirname, '../demo-output');
const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');

if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
  console.error('No built extension in .output/chrome-mv3: run `npm run demo` (it builds first).');
  process.exit(1);
}

await mkdir(OUT, { recursive: true });
const session = await launch({ headless });
try {
  const shots: string[] = [];
  for (const [name, url] of [
    ['answer-page', URLS.answer],
    ['data-riksdagen-page', URLS.dataAnswer],
  ] as const) {
    const page = await session.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.riksrefPage !== undefined, null, { timeout: 10_000 });
    const seen = await page.evaluate(() => ({ ...document.documentElement.dataset }));
    console.log(`${url}\n  Riksref: page kind ${seen.riksrefPage}, dok_id ${seen.riksrefDokId}`);
    if (headless) {
      const path = `${OUT}/${name}.png`;
      await page.screenshot({ path, fullPage: true });
      shots.push(path);
      await page.close();
    }
  }
  // The hover card over the answer page's SOU reference, and the side panel's list beside it
  // (the panel page in a tab of its own, pinned to the answer page's tab with ?tab=).
  const page = await session.context.newPage();
  await page.goto(URLS.answer, { waitUntil: 'load' });
  const sou = page.locator('a[data-riksref="sou:2018:65"]');
  await page.waitForFunction(() => document.querySelector('a[data-riksref="sou:2018:65"]')?.getAttribute('title'), null, { timeout: 15_000 });
  await sou.scrollIntoViewIfNeeded();
  await sou.hover();
  await page.locator('riksref-card .card[data-state="found"]').waitFor({ timeout: 5_000 });
  const tabs = await session.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } } };
    return chrome.tabs.query({});
  });
  const tabId = tabs.find((t) => t.url === URLS.answer)?.id;
  const panel = await session.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
  await panel.locator('[data-action="reveal"]').first().waitFor({ timeout: 10_000 });
  console.log(`${URLS.answer}\n  Riksref: hover card over SOU 2018:65; side panel lists ${await panel.locator('[data-action="reveal"]').count()} documents`);
  if (headless) {
    for (const [name, shot] of [
      ['hover-card', page],
      ['side-panel', panel],
    ] as const) {
      const path = `${OUT}/${name}.png`;
      await shot.screenshot({ path });
      shots.push(path);
    }
  }

  if (headless) {
    console.log('\nScreenshots:');
    for (const path of shots) console.log(`  ${path}`);
  } else {
    console.log('\nChromium is open with Riksref loaded. Press Ctrl+C to stop.');
    await new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      session.context.once('close', () => done());
    });
  }
} finally {
  await session.close();
}
