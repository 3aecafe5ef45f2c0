// Benchmark: findReferences on ~10 MB of riksdag-style text, beside ONE pass of a trivial regex
// over the same text — the floor any scanner of this text pays (DESIGN.md: ≥ 50 MB/s). Three
// corpora, because the cost grows with the number of references, each with its own target
// (issue 12): the seed answer alone (3 references in 3.4 kB, as in a typical answer or motion)
// within 1.5× of the regex pass; the full paragraph set (one reference per ~160 characters,
// denser than any real document) within 2×; and the sentences of the law corpus
// (tests/fixtures/refs/laws-*.jsonl), where nearly every sentence cites a section or names a
// law, within 3×. The regex pass, the bare scans and findReferences are timed in turns, the order
// reversed every other turn (measureTogether), so each is as warm as the others and none always
// follows the same neighbour. Figures are medians; on a loaded machine compare them within one run.
import { readdirSync, readFileSync } from 'node:fs';
import { findReferences, type Reference } from '../lib/refs/index.ts';
import { LAW_STEMS_SOURCE } from '../lib/refs/laws/citations.ts';
import { longDocumentParagraphs } from '../tests/fixtures/text/long-document.ts';
import { measureTogether, type Result, type Section } from './measure.ts';

const TRIVIAL = /\d{4}(\/\d{2})?:\d+/g;

const REFS = new URL('../tests/fixtures/refs/', import.meta.url);

/** Every sentence of the law-citation corpus. */
function lawSentences(): string[] {
  return readdirSync(REFS)
    .filter((name) => name.startsWith('laws-') && name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(new URL(name, REFS), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

function repeatTo(text: string, length: number): string {
  return text.repeat(Math.ceil(length / Math.max(1, text.length)));
}

/*
 * The passes findReferences makes over the whole text, whatever it finds: the law-name stems (one
 * regular expression, laws/citations.ts) and the indexOf cursors on `:`, `/`, `§` and `1`
 * (find.ts, rare-forms.ts). Against the regex pass they are a floor of the ratio, roughly: what it
 * would be if reading the candidates cost nothing (findReferences skips the text a reference has
 * used, so its own scans cover a little less).
 */
const STEMS = new RegExp(LAW_STEMS_SOURCE, 'g');
const CURSORS = [':', '/', '§', '1'];

/**
 * The output alone: one `Reference` per reference found (DESIGN.md's contract), its id made from
 * the text as findReferences makes it (the kind, a colon, the number cut from the text), with no
 * recognition at all. With the scans, the floor of the ratio for a text of this many references.
 */
function makeReferences(text: string, found: readonly Reference[]): Reference[] {
  const made: Reference[] = [];
  for (const { kind, id, start, end } of found) {
    const number = Math.min(end - start, id.length - kind.length - 1);
    made.push({ kind, id: `${kind}:${text.slice(end - number, end)}`, start, end });
  }
  return made;
}

type Compared = [regex: Result, stems: Result, scans: Result, output: Result, refs: Result];

/** The scans and the output together, against the regex pass: the floor of findReferences's ratio. */
const floorRatio = ([regex, , scans, output]: Compared) => (scans.medianMs + output.medianMs) / regex.medianMs;

function compare(label: string, text: string): Compared {
  let sink = 0;
  let count = 0;
  const found = findReferences(text, { date: '2024-01-01' });
  const stems = () => {
    STEMS.lastIndex = 0;
    while (STEMS.test(text)) sink++;
  };
  const results = measureTogether(Buffer.byteLength(text, 'utf8'), [
    {
      name: `${label}: one pass of /\\d{4}(\\/\\d{2})?:\\d+/g`,
      fn: () => {
        TRIVIAL.lastIndex = 0;
        while (TRIVIAL.exec(text)) sink++;
      },
    },
    { name: `${label}: the law-name stems alone (one regular expression)`, fn: stems },
    {
      name: `${label}: the scans alone (the stems; indexOf on : / § 1)`,
      fn: () => {
        stems();
        for (const c of CURSORS) for (let at = text.indexOf(c); at >= 0; at = text.indexOf(c, at + 1)) sink++;
      },
    },
    {
      name: `${label}: the references' objects alone (the output, no recognition)`,
      fn: () => {
        sink += makeReferences(text, found).length;
      },
    },
    {
      name: `${label}: findReferences`,
      fn: () => {
        count = findReferences(text, { date: '2024-01-01' }).length;
        sink += count;
      },
    },
  ]);
  if (sink < 0) console.log(sink);
  const measured = results as Compared;
  const [regex, stemsAlone, scans, output, refs] = measured;
  const ratio = (r: Result) => `${(r.medianMs / regex.medianMs).toFixed(2)}× the regex pass`;
  stemsAlone.note = ratio(stemsAlone);
  scans.note = `${ratio(scans)}: about the floor, were every candidate free`;
  output.note = `${ratio(output)}; with the scans ${floorRatio(measured).toFixed(2)}×: the floor, were reading every candidate free`;
  refs.note = `${ratio(refs)}; ${count} references`;
  return measured;
}

export function benchFindReferences(): Section {
  const seed = readFileSync(new URL('../tests/fixtures/seed/svar-pa-fraga-2018-19-523.txt', import.meta.url), 'utf8');
  const typical = compare('typical', seed.repeat(Math.ceil(10_000_000 / seed.length)));
  const dense = compare('dense', longDocumentParagraphs(10_000_000).join('\n'));
  const laws = compare('laws', repeatTo(lawSentences().join('\n\n'), 10_000_000));
  const results = [...typical, ...dense, ...laws];
  const targets = ([
    [typical, 1.5],
    [dense, 2],
    [laws, 3],
  ] as const).flatMap(([compared, within]) => {
    const [regex, , , , refs] = compared;
    const label = refs.name.split(':')[0];
    const ratio = refs.medianMs / regex.medianMs;
    return [
      { target: `${label}: ≥ 50 MB/s`, measured: `${refs.mbPerSecond!.toFixed(0)} MB/s`, met: refs.mbPerSecond! >= 50 },
      {
        target: `${label}: within ${within}× of one regex pass`,
        measured: `${ratio.toFixed(2)}× (the scans and the output alone: ${floorRatio(compared).toFixed(2)}×)`,
        met: ratio <= within,
      },
    ];
  });
  return { title: 'Recognition: findReferences on ~10 MB of riksdag-style text (Node)', results, targets };
}
