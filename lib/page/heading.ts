import type { PageKind } from './kinds.ts';

// What a document's own first line or heading says it is. Order matters: "Svar på skriftlig
// fråga" must win over "skriftlig fråga". The number after the words is what confirms that the
// line is a document heading and not prose that happens to start with the same word.
const RM_NUMBER = String.raw`\s+\d{4}(?:\/\d{2,4})?:\s?[\p{L}\d]+`;
const HEADING_PATTERNS: ReadonlyArray<[PageKind, RegExp]> = [
  ['frs', new RegExp(String.raw`^svar\s+på\s+(?:skriftlig\s+)?fråga${RM_NUMBER}`, 'iu')],
  ['fr', new RegExp(String.raw`^(?:skriftlig\s+)?fråga${RM_NUMBER}`, 'iu')],
  ['ip', new RegExp(String.raw`^interpellation${RM_NUMBER}`, 'iu')],
  ['mot', new RegExp(String.raw`^motion${RM_NUMBER}`, 'iu')],
  ['prop', new RegExp(String.raw`^(?:regeringens\s+)?proposition${RM_NUMBER}`, 'iu')],
  ['bet', new RegExp(String.raw`^(?:utskottets\s+)?betänkande${RM_NUMBER}`, 'iu')],
  ['prot', new RegExp(String.raw`^(?:riksdagens\s+)?protokoll${RM_NUMBER}`, 'iu')],
  ['skr', new RegExp(String.raw`^(?:regeringens\s+)?skrivelse${RM_NUMBER}`, 'iu')],
  ['sou', new RegExp(String.raw`^SOU${RM_NUMBER}`, 'u')],
  ['ds', new RegExp(String.raw`^Ds${RM_NUMBER}`, 'u')],
  ['dir', new RegExp(String.raw`^(?:kommittédirektiv|dir\.)${RM_NUMBER}`, 'iu')],
  ['sfs', new RegExp(String.raw`^SFS(?:\s+nr)?${RM_NUMBER}`, 'u')],
];

/** The page kind a heading line names, or null when it names none. */
export function kindFromHeading(line: string): PageKind | null {
  const text = line.replace(/[\s\u00a0]+/g, ' ').trim();
  for (const [kind, pattern] of HEADING_PATTERNS) {
    if (pattern.test(text)) return kind;
  }
  return null;
}
