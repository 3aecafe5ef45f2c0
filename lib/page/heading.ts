import type { PageKind } from './kinds.ts';

// What a document's own first line or heading says it is. The number after the words is what
// confirms that the line is a document heading and not prose that happens to start with the same
// word. One pattern for all kinds, without the `u` flag: this runs on every document page as it
// loads, and a dozen case-insensitive Unicode patterns cost the page milliseconds to compile.
const HEADING =
  /^(?:(svar\s+på\s+(?:skriftlig\s+)?fråga)|((?:skriftlig\s+)?fråga)|(interpellation)|(motion)|((?:regeringens\s+)?proposition)|((?:utskottets\s+)?betänkande)|((?:riksdagens\s+)?protokoll)|((?:regeringens\s+)?skrivelse)|(SOU)|(Ds)|(kommittédirektiv|dir\.)|(SFS(?:\s+nr)?))\s+\d{4}(?:\/\d{2,4})?:\s?[0-9a-zåäöéü]+/i;
/** The kind of each group of HEADING, in order. "Svar på skriftlig fråga" wins over "skriftlig fråga". */
const KINDS: readonly PageKind[] = ['frs', 'fr', 'ip', 'mot', 'prop', 'bet', 'prot', 'skr', 'sou', 'ds', 'dir', 'sfs'];
/** Series written in capitals only: "sou 2018:65" in prose is not a heading. */
const EXACT_CASE = new Map<PageKind, RegExp>([
  ['sou', /^SOU/],
  ['ds', /^Ds/],
  ['sfs', /^SFS/],
]);
/** Enough of a line for any heading's words and number. */
const HEADING_CHARS = 200;

/** The page kind a heading line names, or null when it names none. */
export function kindFromHeading(line: string): PageKind | null {
  const text = line.slice(0, HEADING_CHARS * 2).replace(/[\s\u00a0]+/g, ' ').trim().slice(0, HEADING_CHARS);
  const match = HEADING.exec(text);
  if (!match) return null;
  const kind = KINDS[match.findIndex((group, i) => i > 0 && group !== undefined) - 1]!;
  const exact = EXACT_CASE.get(kind);
  return exact && !exact.test(text) ? null : kind;
}
