import { isStatuteWord, statuteWordIn } from './type-words.ts';

/*
 * `lagen om offentlig upphandling (2016:1145)`: a statute word, then its subject after "om",
 * "med" or "för", up to the parenthesis, within one clause. Asked at every law number whose
 * word before the parenthesis is no statute word, so it is read by char code; a regular
 * expression (the rule's plain statement, kept for text beyond Latin-1) cost a slice and a
 * match object per number.
 */

const STATUTE_SUBJECT = /(\p{L}+)\s+(?:om|med|för)\s/gu;
const CLAUSE_END = /[.;:()]/;
// How far back from the parenthesis the name may start.
const MAX_STATUTE_NAME = 120;

/** A letter as `\p{L}` has it, for Latin-1. */
const isLetter = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) || c === 0xaa || c === 0xb5 || c === 0xba;
/** White space as `\s` has it, for Latin-1. */
const isSpace = (c: number) => c === 32 || c === 160 || (c >= 9 && c <= 13);
const isClauseEnd = (c: number) => c === 46 || c === 59 || c === 58 || c === 40 || c === 41;

/** Whether a statute's name with its subject ("lagen om …") runs up to the parenthesis at `open`. */
export function namedStatuteBefore(text: string, open: number): boolean {
  const from = Math.max(0, open - MAX_STATUTE_NAME);
  // Only the words after the clause's last full stop, colon, semicolon or parenthesis count.
  let lo = from;
  for (let i = open - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return namedStatuteByRegex(text, from, open);
    if (isClauseEnd(c)) {
      lo = i + 1;
      break;
    }
  }
  let i = lo;
  while (i < open) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const word = i;
    while (i < open && isLetter(text.charCodeAt(i))) i++;
    const wordEnd = i;
    let j = i;
    while (j < open && isSpace(text.charCodeAt(j))) j++;
    if (j === wordEnd) continue;
    const subject = text.startsWith('om', j) ? 2 : text.startsWith('med', j) || text.startsWith('för', j) ? 3 : 0;
    if (subject === 0 || j + subject >= open || !isSpace(text.charCodeAt(j + subject))) continue;
    if (statuteWordIn(text, word, wordEnd)) return true;
  }
  return false;
}

/** The rule as a regular expression over the window `text[from, open)`. */
function namedStatuteByRegex(text: string, from: number, open: number): boolean {
  const before = text.slice(from, open);
  for (const m of before.matchAll(STATUTE_SUBJECT)) {
    if (isStatuteWord(m[1]!.toLowerCase()) && !CLAUSE_END.test(before.slice(m.index + m[0].length))) return true;
  }
  return false;
}
