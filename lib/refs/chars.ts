/*
 * Character classes the scanners share. Decided by char code, without regular expressions or
 * allocation: they run on every character the scanners look at.
 */

export const isDigit = (c: number) => c >= 48 && c <= 57;
/** Spaces that may stand between the words of a reference, line breaks and soft hyphens included. */
export const isGap = (c: number) => c === 32 || c === 160 || c === 173 || c === 9 || c === 10 || c === 13 || c === 0x202f;
const NON_LATIN1_LETTER = /\p{L}/u;
/** A letter in any script; Latin-1 is decided by code, the rest (rare here) by Unicode property. */
export function isLetterCode(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c <= 0xff) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  return NON_LATIN1_LETTER.test(String.fromCharCode(c));
}
export const isWordCode = (c: number) => isLetterCode(c) || isDigit(c) || c === 95;
/** Hyphens and dashes: `-`, `‐`, `‑`, `–`, `—`. */
export const isDash = (c: number) => c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013 || c === 0x2014;

/** Lower case of one char code, for the letters Swedish text uses (ASCII and Latin-1). */
export function lowerCode(c: number): number {
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) return c + 32;
  return c;
}

/** Skips back over at most `max` gap characters before `at`. */
export function skipGapBack(text: string, at: number, max = 12): number {
  let i = at;
  while (i > 0 && at - i < max && isGap(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Skips over at most `max` gap characters from `at`. */
export function skipGap(text: string, at: number, max = 12): number {
  let i = at;
  while (i < text.length && i - at < max && isGap(text.charCodeAt(i))) i++;
  return i;
}
