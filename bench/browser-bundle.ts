// Bundles an npm package for a page's main world (an IIFE exposing `window[name]`), with Vite,
// which we already have, so the benchmarks can run a comparison library in Chromium as a page would.
import { createRequire } from 'node:module';
import { build, type Rollup } from 'vite';

export async function bundleForBrowser(packageName: string, globalName: string): Promise<string> {
  const entry = createRequire(import.meta.url).resolve(packageName);
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry, name: globalName, formats: ['iife'], fileName: () => 'bundle.js' },
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  const chunk = chunks.find((c): c is Rollup.OutputChunk => c.type === 'chunk');
  if (!chunk) throw new Error(`Could not bundle ${packageName}`);
  return chunk.code;
}
