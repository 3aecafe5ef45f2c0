// Lets plain Node (npm run bench, scripts) import text files with Vite's `?raw` suffix, as the
// build and Vitest do: `import LAWS_TSV from './laws.tsv?raw'`. Registered with
// `node --import ./scripts/raw-loader.ts`.
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('?raw')) return nextLoad(url, context);
    const text = readFileSync(fileURLToPath(url.slice(0, -'?raw'.length)), 'utf8');
    return { format: 'module', shortCircuit: true, source: `export default ${JSON.stringify(text)};` };
  },
});
