import { BackwardWords, emptyMatch } from './backward-words.ts';
import type { ReferenceKind } from './types.ts';

/**
 * What the word before a number says the number is. `direktiv` is both a kommittédirektiv
 * (`direktiv 2017:75`) and an EU directive (`direktiv 95/46/EG`); the number's form decides.
 */
export type TypeWordKind = Exclude<ReferenceKind, 'eu'> | 'direktiv' | 'förordning';

// Abbreviations and names exactly as a word (lower case, soft hyphens and a final dot removed).
const EXACT: Readonly<Record<string, TypeWordKind>> = {
  prop: 'prop',
  skr: 'skr',
  rskr: 'rskr',
  bet: 'bet',
  ip: 'ip',
  sou: 'sou',
  ds: 'ds',
  dir: 'dir',
  sfs: 'sfs',
  fråga: 'fr',
  frågan: 'fr',
  frågorna: 'fr',
  frågor: 'fr',
};

// Full names, matched as word endings so compounds count too (`kommittémotion`,
// `tilläggsdirektivet`, `genomförandeförordningen`). Longer stems first: `riksdagsskrivelse`
// must win over `skrivelse`.
const STEMS: ReadonlyArray<[string, TypeWordKind]> = [
  ['riksdagsskrivelse', 'rskr'],
  ['proposition', 'prop'],
  ['motion', 'mot'],
  ['betänkande', 'bet'],
  ['skrivelse', 'skr'],
  ['interpellation', 'ip'],
  ['direktiv', 'direktiv'],
  ['förordning', 'förordning'],
];
// Inflections a stem may carry: definite, plural, definite plural (`motionen`, `skrivelser`,
// `betänkandena`, `förordningarna`, `direktivet`).
const ENDINGS = ['', 'en', 'et', 'n', 'na', 'r', 'rna', 'er', 'erna', 'ar', 'arna'];

// Every form, built once, so the scan looks a word up without allocating anything.
const FORMS = new Map<string, TypeWordKind>(Object.entries(EXACT));
const COMPOUND_FORMS: Array<[string, TypeWordKind]> = [];
for (const [stem, kind] of STEMS) {
  for (const ending of ENDINGS) {
    if (!FORMS.has(stem + ending)) FORMS.set(stem + ending, kind);
    COMPOUND_FORMS.push([stem + ending, kind]);
  }
}
// Longest first, so `riksdagsskrivelsen` is read as rskr and never as skr.
COMPOUND_FORMS.sort((a, b) => b[0].length - a[0].length);

// The same forms, for reading a word where it stands (typeWordIn).
const TYPE_WORDS = new BackwardWords<TypeWordKind>();
for (const [form, kind] of FORMS) TYPE_WORDS.addWord(form, kind);
TYPE_WORDS.addWord('mot', 'mot');
for (const [form, kind] of COMPOUND_FORMS) TYPE_WORDS.addEnding(form, kind);
const typeMatch = emptyMatch<TypeWordKind>();

/**
 * Reads a word (already lower-cased, without soft hyphens or a final dot) as a type word.
 * `hadDot` tells whether an abbreviation was written with its dot: `mot` without one is the
 * preposition, never a motion.
 */
export function readTypeWord(word: string, hadDot: boolean): TypeWordKind | null {
  if (word === 'mot') return hadDot ? 'mot' : null;
  const form = FORMS.get(word);
  if (form) return form;
  // Compounds: `kommittémotion`, `tilläggsdirektivet`, `genomförandeförordningen`.
  if (word.length > 8) {
    for (const [ending, kind] of COMPOUND_FORMS) if (word.endsWith(ending)) return kind;
  }
  return null;
}

/** The word as readTypeWord wants it: lower case, without soft hyphens. */
function plainWord(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\u00ad/g, '').toLowerCase();
}

/**
 * readTypeWord of the word `text[start, end)` (letters, soft hyphens, inner hyphens), read where
 * it stands: nothing is copied unless the word holds a letter beyond Latin-1.
 */
export function typeWordIn(text: string, start: number, end: number, hadDot: boolean): TypeWordKind | null {
  const m = typeMatch;
  if (!TYPE_WORDS.match(text, start, end, m)) return readTypeWord(plainWord(text, start, end), hadDot);
  // `mot` without its dot is the preposition; the longer forms of a motion need none.
  if (m.word === 'mot' && m.length === 3) return hadDot ? 'mot' : null;
  if (m.word) return m.word;
  return m.length > 8 && m.ending ? m.ending : null;
}

/** Names of laws and other statutes whose SFS number is printed after them in parentheses. */
const STATUTE_ENDINGS = [
  'lag',
  'lagen',
  'förordning',
  'förordningen',
  'balk',
  'balken',
  'kungörelse',
  'kungörelsen',
  'stadga',
  'stadgan',
  'instruktion',
  'instruktionen',
  'ordningen',
  'reglemente',
  'reglementet',
  'formen',
  'tillkännagivande',
  'tillkännagivandet',
];

// Words that end like a law but are not one ("förslaget (2018:1)" is not a law's number).
const NOT_STATUTES = ['förslag', 'underlag', 'anslag', 'beslag', 'påslag', 'utslag', 'inslag', 'omslag', 'avslag', 'uppslag', 'tillslag', 'anlag', 'inlag'];

export function isStatuteWord(word: string): boolean {
  if (!STATUTE_ENDINGS.some((ending) => word.endsWith(ending))) return false;
  return word !== 'slag' && !NOT_STATUTES.some((not) => word.endsWith(not));
}

// The same test, for reading a word where it stands (statuteWordIn).
const STATUTE = 1;
const NOT_STATUTE = 2;
const STATUTE_WORDS = new BackwardWords<true>();
for (const ending of STATUTE_ENDINGS) STATUTE_WORDS.addEnding(ending, true, STATUTE);
for (const not of NOT_STATUTES) STATUTE_WORDS.addEnding(not, true, NOT_STATUTE);
STATUTE_WORDS.addWord('slag', true);
const statuteMatch = emptyMatch<true>();

/** isStatuteWord of the word `text[start, end)`, read where it stands (see typeWordIn). */
export function statuteWordIn(text: string, start: number, end: number): boolean {
  const m = statuteMatch;
  if (!STATUTE_WORDS.match(text, start, end, m)) return isStatuteWord(plainWord(text, start, end));
  return (m.flags & (STATUTE | NOT_STATUTE)) === STATUTE && !m.word;
}
