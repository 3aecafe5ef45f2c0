// Renders assets/icon.svg to the PNG sizes the manifest names, with Debian's Chromium.
// The PNGs are committed; run this again only when the drawing changes: `node scripts/make-icons.ts`.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const iconDir = fileURLToPath(new URL('../public/icon/', import.meta.url));
const svg = await readFile(fileURLToPath(new URL('../assets/icon.svg', import.meta.url)), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('width="128" height="128"', `width="${size}" height="${size}"`);
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${sized}`);
    await page.screenshot({ path: `${iconDir}${size}.png`, omitBackground: true });
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
