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
