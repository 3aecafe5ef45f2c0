import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Highlight } from '@/lib/highlights/highlight';
import { describeText } from '@/lib/page/anchoring/describe';

/*
 * "Typical" highlights for the sync's figures and quota tests: the sentences of the seed answer
 * (tests/fixtures/seed), described as the page describes a selection (32 characters of context),
 * five to a document, a one-line note on every other one, ids as crypto.randomUUID makes them.
 */

const SEED = readFileSync(resolve(import.meta.dirname, '../fixtures/seed/svar-pa-fraga-2018-19-523.txt'), 'utf8')
  .replace(/\[bookmark: [^\]]*\]/g, '')
  .replace(/\s+/g, ' ');

/** The seed's sentences of 40 characters or more, as [start, end) in SEED. */
const SENTENCES = [...SEED.matchAll(/[A-ZÅÄÖ][^.]*?(?:\([^)]*\)[^.]*?)*\.(?= |$)/g)]
  .filter((m) => m[0].length >= 40)
  .map((m) => [m.index, m.index + m[0].length] as const);

export const NOTES = [
  'Jämför med prop. 2017/18:1 och utredningens förslag.',
  'Citera i promemorian, avsnitt 3.',
  'Viktigt: regeringens bedömning.',
];

const uuid = (n: number) => {
  const hex = n.toString(16).padStart(12, '0');
  return `5f0c1d2e-7a3b-4c5d-9e8f-${hex}`;
};

export const T0 = Date.UTC(2025, 4, 2, 12);

/** The `n`th typical highlight (0-based), in document `Math.floor(n / perDocument)`. */
export function typicalHighlight(n: number, perDocument = 5): Highlight {
  const [start, end] = SENTENCES[n % SENTENCES.length]!;
  const doc = Math.floor(n / perDocument);
  const dokId = `H6${String(doc).padStart(2, '0')}${['01', '02', '03'][doc % 3]}${100 + doc}`;
  const created = T0 + n * 60_000;
  return {
    id: uuid(n),
    dokId,
    kind: 'frs',
    url: `https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/atgarder-mot-aterfall-i-brott-och-samverkan_${dokId}/`,
    title: `Svar på fråga 2018/19:${500 + doc} Åtgärder mot återfall i brott och samverkan mellan myndigheter`,
    selectors: describeText(SEED, start, end)!,
    color: (['yellow', 'green', 'blue', 'pink'] as const)[n % 4]!,
    note: n % 2 === 0 ? NOTES[n % NOTES.length]! : '',
    created,
    updated: n % 3 === 0 ? created + 3_600_000 : created,
  };
}

export const typicalHighlights = (count: number, perDocument = 5) => Array.from({ length: count }, (_, n) => typicalHighlight(n, perDocument));

export const averageQuoteLength = () => SENTENCES.reduce((sum, [s, e]) => sum + e - s, 0) / SENTENCES.length;
