// Benchmark: taking a law's text apart in the background (lib/riksdagen/law-text.ts) — the
// synthetic ~2 MB law of the parser's test (a real one is 1–2 MB), beside one indexOf pass over
// the same string for every `<` (the floor of any scanner of it). The service worker does this once
// per law fetched; the target (issue 11 work) is well under 100 ms in Node for 2 MB.
import { parseLawText } from '../lib/riksdagen/law-text.ts';
import { syntheticLaw } from '../tests/fixtures/text/synthetic-law.ts';
import { measure, type Section } from './measure.ts';

export function benchLawText(): Section {
  const { html, sections } = syntheticLaw(2_000_000);
  const bytes = Buffer.byteLength(html, 'utf8');
  let sink = 0;
  const floor = measure('2 MB law: one indexOf pass over every `<`', bytes, () => {
    for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) sink++;
  });
  let parsed = 0;
  const parse = measure('2 MB law: parseLawText', bytes, () => {
    parsed = Object.keys(parseLawText(html).sections).length;
  });
  if (sink < 0 || parsed !== sections.size) throw new Error(`parsed ${parsed} sections of ${sections.size}`);
  return {
    title: 'Law texts: parsing a ~2 MB SFS document without a DOM (Node)',
    results: [floor, { ...parse, note: `${parsed} sections; ${(parse.medianMs / floor.medianMs).toFixed(1)}× the indexOf pass` }],
    targets: [{ target: '2 MB law parsed well under 100 ms', measured: `${parse.medianMs.toFixed(1)} ms`, met: parse.medianMs < 100 }],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printSection } = await import('./measure.ts');
  printSection(benchLawText());
}
