// How well findReferences finds law citations, measured on ferenda's test cases (ferenda is the
// engine behind lagen.nu; its law-citation cases live in test/files/legalref/SFS/ of
// github.com/staffanm/ferenda). Nothing of ferenda is copied here: give the script a checkout or
// an extracted copy of that folder.
//
//   node --import ./scripts/raw-loader.ts scripts/ferenda-score.ts <…/test/files/legalref/SFS> [--literal] [--quiet]
//
// The case files, as ferenda's own harness (test/integrationLegalRef.py) reads them:
// - One case per `.txt` file (the `.xml` files there are an older serialisation of the same
//   answers, not cases). Encoding windows-1252, mostly CRLF line ends.
// - The input comes first; the first empty line ends it; the expected answer follows.
// - The input may hold several paragraphs separated by a line `---`. The parser keeps the laws it
//   has seen named across them ("påhittadelagen (1960:729)" teaches "påhittadelagen"), so they
//   read as one document; a paragraph starting `RESET:` forgets them. `NOBASE:` and `BASE:{…}`
//   (a Python dict on the first line, which is not part of the text) set the law the text itself
//   belongs to; without them that law is `9999:999`.
// - The answer is, per paragraph and again separated by `---`, the serialised parse: `<list>` of
//   `<str>…</str>` (plain text) and `<Link uri="…">…</Link>` (a citation and its text), XML-escaped.
//   An empty input gives `<str />`.
// - Link URIs are lagen.nu's: `https://lagen.nu/1960:729` (a law), `…/1960:729#P13` (13 §),
//   `#K2P3` (2 kap. 3 §), `#K7` (a chapter), then stycke, punkt, mening and moment parts:
//   `#K2P3S2N1` (andra stycket 1), `#P7O5` (5 mom.), `#K1P3S1M1`; `#L1997:289` is an amending law
//   ("Lag (1997:289)." closing a section). A few use `http://rinfo.lagrummet.se/publ/sfs/…`.
//   Links into 9999:999 are places in the law being read: the text names no law.
// - None of the cases carries a date of its own; should a BASE dict hold a `YYYY-MM-DD` value, it
//   is passed on as the text's date.
//
// Scoring. A paragraph counts when at least one expected link names a law (its URI holds the law's
// number). Its expected links become our ids: stycke, punkt, mening and moment parts are dropped
// (`#K2P3S2N1` → `sfs:YYYY:N#K2P3`), a link without a place is the law (`sfs:1960:729`), `#L1997:289`
// is `sfs:1997:289`, and links into 9999:999 are dropped (a section with no law named is not a
// reference for us). Two readings of our contract are applied unless --literal is given, and are
// counted apart: (1) the law's name or number closing a citation belongs to its last section
// ("10 kap. 1 § och 8 § rättegångsbalken (1942:740)" is two references, where lagen.nu links the
// law a third time), so a law link right after a place in the same law, with no digit or sentence
// break between, is not expected of us; (2) stycken and punkter of one section are one reference ("2 §
// andra och tredje styckena", "7 § 1 eller 2"), so a further link to the same section that only
// adds a stycke or punkt (its text has no §) is not expected either. Our side: every `sfs` reference findReferences returns in the paragraph
// (other kinds are ignored). Each paragraph compares the two as multisets of ids; precision and
// recall add up over all counted paragraphs. Misses and false hits are listed by case file, whose
// name says the form it tests (sfs-basic-intervall, sfs-tricky-nbsp, …).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { findReferences } from '../lib/refs/index.ts';
import type { Reference } from '../lib/refs/types.ts';

const find = findReferences as (text: string, options?: { date?: string }) => Reference[];

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
const literal = args.includes('--literal');
const quiet = args.includes('--quiet');
if (!dir) {
  console.error('usage: node --import ./scripts/raw-loader.ts scripts/ferenda-score.ts <path to ferenda test/files/legalref/SFS> [--literal] [--quiet]');
  process.exit(2);
}

interface ExpectedLink {
  uri: string;
  text: string;
  /** Offset of the link's text in the paragraph, as rebuilt from the serialised answer. */
  start: number;
}

interface Expected {
  id: string;
  text: string;
}

const decoder = new TextDecoder('windows-1252');

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The links of one serialised paragraph, with their offsets in the paragraph's text. */
function parseAnswer(xml: string): ExpectedLink[] {
  const links: ExpectedLink[] = [];
  let offset = 0;
  const part = /<str>([\s\S]*?)<\/str>|<str\s*\/>|<Link uri="([^"]*)">([\s\S]*?)<\/Link>/g;
  for (let m = part.exec(xml); m; m = part.exec(xml)) {
    if (m[2] !== undefined) {
      const text = unescapeXml(m[3]!);
      links.push({ uri: unescapeXml(m[2]), text, start: offset });
      offset += text.length;
    } else if (m[1] !== undefined) offset += unescapeXml(m[1]).length;
  }
  return links;
}

const LAW_URI = /^(?:https?:\/\/lagen\.nu\/|http:\/\/rinfo\.lagrummet\.se\/publ\/sfs\/)(\d{4}):(\d+)(?:#(.*))?$/;
const BASE_LAW = '9999:999';

type Mapped = { kind: 'id'; id: string; law: string; place: boolean; subPlace: boolean } | { kind: 'base' } | { kind: 'unmapped' };

/** A lagen.nu link → our id (see the opening comment). */
function mapUri(uri: string): Mapped {
  const m = LAW_URI.exec(uri);
  if (!m) return { kind: 'unmapped' };
  const [, year, number, fragment = ''] = m as unknown as [string, string, string, string | undefined];
  const amending = /^L(\d{4}):(\d+)$/.exec(fragment);
  if (amending) return { kind: 'id', id: `sfs:${amending[1]}:${Number(amending[2])}`, law: `${amending[1]}:${Number(amending[2])}`, place: false, subPlace: false };
  if (`${year}:${number}` === BASE_LAW) return { kind: 'base' };
  const law = `${year}:${Number(number)}`;
  if (fragment === '') return { kind: 'id', id: `sfs:${law}`, law, place: false, subPlace: false };
  const place = /^(?:K(\d+[a-z]?))?(?:P(\d+[a-z]?))?(.*)$/.exec(fragment)!;
  const [, chapter, section, rest = ''] = place;
  if (!chapter && !section) return { kind: 'unmapped' };
  const anchor = (chapter ? `K${chapter}` : '') + (section ? `P${section}` : '');
  return { kind: 'id', id: `sfs:${law}#${anchor}`, law, place: true, subPlace: rest !== '' };
}

interface Paragraph {
  file: string;
  index: number;
  text: string;
  date?: string;
  expected: Expected[];
  merged: Expected[];
  dropped: { base: number; unmapped: string[] };
  found: Array<{ id: string; text: string }>;
}

function paragraphsOf(path: string): Paragraph[] {
  const raw = decoder.decode(readFileSync(path)).replace(/\r\n/g, '\n');
  const cut = raw.search(/\n\n/);
  const input = cut < 0 ? raw : raw.slice(0, cut);
  const answer = cut < 0 ? '' : raw.slice(cut + 2).trim();
  const inputs = input.split(/\n---\n/);
  const answers = answer.split(/\n---\n/);
  if (inputs.length !== answers.length) {
    console.warn(`${basename(path)}: ${inputs.length} paragraphs but ${answers.length} answers; skipped`);
    return [];
  }
  const file = basename(path, '.txt');
  const paragraphs: Paragraph[] = [];
  // One document per run of paragraphs between RESETs: names taught in one hold in the next.
  let document: Array<{ paragraph: Paragraph; offset: number }> = [];
  let documentText = '';
  let date: string | undefined;
  const flush = () => {
    if (document.length === 0) return;
    const refs = find(documentText, date ? { date } : undefined).filter((r) => r.kind === 'sfs');
    for (const { paragraph, offset } of document) {
      const end = offset + paragraph.text.length;
      paragraph.found = refs.filter((r) => r.start >= offset && r.start < end).map((r) => ({ id: r.id, text: documentText.slice(r.start, r.end) }));
    }
    document = [];
    documentText = '';
  };
  inputs.forEach((para, index) => {
    let text = para;
    if (text.startsWith('RESET:')) {
      flush();
      text = text.slice('RESET:'.length).replace(/^ /, '');
    } else if (text.startsWith('NOBASE:')) {
      text = text.slice('NOBASE:'.length).replace(/^ /, '');
    } else if (text.startsWith('BASE:')) {
      const firstLine = text.split('\n')[0]!;
      date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(firstLine)?.[1] ?? date;
      text = text.slice(firstLine.length + 1);
    }
    const links = parseAnswer(answers[index]!);
    const expected: Expected[] = [];
    const merged: Expected[] = [];
    const dropped = { base: 0, unmapped: [] as string[] };
    let previous: { mapped: Extract<Mapped, { kind: 'id' }>; link: ExpectedLink } | undefined;
    for (const link of links) {
      const mapped = mapUri(link.uri);
      if (mapped.kind === 'base') {
        dropped.base++;
        previous = undefined;
        continue;
      }
      if (mapped.kind === 'unmapped') {
        dropped.unmapped.push(`${link.uri} "${link.text}"`);
        previous = undefined;
        continue;
      }
      const entry = { id: mapped.id, text: link.text };
      if (!literal && previous) {
        const gap = answersGap(answers[index]!, previous.link, link);
        const closesCitation = !mapped.place && previous.mapped.place && previous.mapped.law === mapped.law && !/[\d.;:]/.test(gap) && gap.replace(/\s+/g, ' ').length <= 60;
        const sameSectionStycke = mapped.place && mapped.subPlace && previous.mapped.id === mapped.id && !/§/.test(link.text);
        if (closesCitation || sameSectionStycke) {
          merged.push(entry);
          previous = { mapped, link };
          continue;
        }
      }
      expected.push(entry);
      previous = { mapped, link };
    }
    const paragraph: Paragraph = { file, index, text, expected, merged, dropped, found: [] };
    if (date) paragraph.date = date;
    paragraphs.push(paragraph);
    if (documentText) documentText += '\n\n';
    document.push({ paragraph, offset: documentText.length });
    documentText += text;
  });
  flush();
  return paragraphs;
}

/** The plain text between two links of a serialised paragraph. */
function answersGap(xml: string, a: ExpectedLink, b: ExpectedLink): string {
  const text = parseAnswerText(xml);
  return text.slice(a.start + a.text.length, b.start);
}

function parseAnswerText(xml: string): string {
  let out = '';
  const part = /<str>([\s\S]*?)<\/str>|<Link uri="[^"]*">([\s\S]*?)<\/Link>/g;
  for (let m = part.exec(xml); m; m = part.exec(xml)) out += unescapeXml(m[1] ?? m[2] ?? '');
  return out;
}

function countBy(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
let truePositives = 0;
let expectedTotal = 0;
let foundTotal = 0;
let counted = 0;
let notCounted = 0;
let foundOutside = 0;
let mergedTotal = 0;
let baseDropped = 0;
const unmapped: string[] = [];
const misses = new Map<string, string[]>();
const falseHits = new Map<string, string[]>();

for (const file of files) {
  for (const p of paragraphsOf(join(dir, file))) {
    baseDropped += p.dropped.base;
    unmapped.push(...p.dropped.unmapped.map((u) => `${p.file}: ${u}`));
    if (p.expected.length === 0 && p.merged.length === 0) {
      notCounted++;
      foundOutside += p.found.length;
      continue;
    }
    counted++;
    mergedTotal += p.merged.length;
    const want = countBy(p.expected.map((e) => e.id));
    const got = countBy(p.found.map((f) => f.id));
    for (const [id, n] of want) truePositives += Math.min(n, got.get(id) ?? 0);
    expectedTotal += p.expected.length;
    foundTotal += p.found.length;
    const left = new Map(got);
    for (const e of p.expected) {
      const n = left.get(e.id) ?? 0;
      if (n > 0) left.set(e.id, n - 1);
      else misses.set(p.file, [...(misses.get(p.file) ?? []), `${e.id}  "${e.text.replace(/\s+/g, ' ')}"`]);
    }
    const wantLeft = new Map(want);
    for (const f of p.found) {
      const n = wantLeft.get(f.id) ?? 0;
      if (n > 0) wantLeft.set(f.id, n - 1);
      else falseHits.set(p.file, [...(falseHits.get(p.file) ?? []), `${f.id}  "${f.text.replace(/\s+/g, ' ')}"`]);
    }
  }
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} %`);
console.log(`ferenda SFS cases: ${files.length} files; ${counted} paragraphs counted (an expected link names its law), ${notCounted} not counted`);
console.log(
  `expected ids: ${expectedTotal}${literal ? '' : ` (${mergedTotal} more lagen.nu links merged into a section by our contract)`}; ` +
    `links into the text's own law (9999:999) dropped: ${baseDropped}; links not mappable to our ids: ${unmapped.length}`,
);
console.log(`found ids: ${foundTotal}; correct: ${truePositives}`);
console.log(`precision ${pct(truePositives, foundTotal)}  recall ${pct(truePositives, expectedTotal)}`);
console.log(`(sfs references found in paragraphs not counted: ${foundOutside})`);
if (!quiet) {
  const list = (title: string, groups: Map<string, string[]>) => {
    const total = [...groups.values()].reduce((n, l) => n + l.length, 0);
    console.log(`\n${title} (${total}), by form:`);
    for (const [form, items] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(`  ${form} (${items.length})`);
      for (const item of items) console.log(`    ${item}`);
    }
  };
  list('Misses', misses);
  list('False hits', falseHits);
  if (unmapped.length) {
    console.log('\nNot mappable to our ids:');
    for (const u of unmapped) console.log(`  ${u}`);
  }
}
