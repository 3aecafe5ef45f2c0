// The extension's size: the content script gzipped (DESIGN.md: ≤ 60 KB) and the store zip.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Section } from './measure.ts';

const OUTPUT = new URL('../.output/', import.meta.url);

export function benchSize(): Section {
  const content = readFileSync(new URL('chrome-mv3/content-scripts/content.js', OUTPUT));
  const gzipped = gzipSync(content, { level: 9 }).length;
  const zip = readdirSync(OUTPUT).find((f) => f.endsWith('-chrome.zip'));
  const zipBytes = zip ? statSync(new URL(zip, OUTPUT)).size : NaN;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return {
    title: 'Size of the built extension',
    results: [],
    targets: [
      { target: 'content script ≤ 60 KB gzipped', measured: `${kb(gzipped)} gzipped (${kb(content.length)} raw)`, met: gzipped <= 60 * 1024 },
      { target: 'the Chrome store zip (no target; for the record)', measured: zip ? kb(zipBytes) : 'not built', met: true },
    ],
  };
}
