// `npm run bench`: every benchmark in one run. Prints the tables and writes bench/results.md and
// bench/results.json (the README's performance table is copied from results.md).
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchAnchoring } from '../bench/anchoring.ts';
import { benchFindReferences } from '../bench/find-references.ts';
import { benchHighlightsPanel } from '../bench/highlights-panel.ts';
import { benchLawText } from '../bench/law-text.ts';
import { benchLinkInBrowser, benchMainThread } from '../bench/link-in-browser.ts';
import { printSection, toMarkdown, type Section } from '../bench/measure.ts';
import { benchSize } from '../bench/size.ts';

const environment = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, Debian Chromium`;
console.log(environment);

const sections: Section[] = [];
for (const run of [benchFindReferences, benchLawText, benchLinkInBrowser, benchMainThread, benchAnchoring, benchHighlightsPanel, benchSize]) {
  const section = await run();
  printSection(section);
  sections.push(section);
}

writeFileSync(new URL('../bench/results.md', import.meta.url), toMarkdown(sections, environment));
writeFileSync(new URL('../bench/results.json', import.meta.url), JSON.stringify({ environment, date: new Date().toISOString(), sections }, null, 2) + '\n');
console.log('\nWrote bench/results.md and bench/results.json');
