import { isDigit, isGap, isLetterCode, isWordCode, skipGapBack } from './chars.ts';
import { BackwardWords, emptyMatch } from './backward-words.ts';
import { typeWordIn, type TypeWordKind } from './type-words.ts';

/*
 * Reading the few characters around a number: whether it stands alone, and the word before it.
 * Every walk here is bounded, so each costs a constant however hostile the text.
 */

// How far back we look for a type word's start.
const MAX_WORD = 40;
// How far we follow a token back to see whether it is a URL or an e-mail address.
const MAX_TOKEN = 120;

/** The number ending at `end` goes on: into a word, an e-mail address, or a longer number. */
export function runsOn(text: string, end: number): boolean {
  if (end >= text.length) return false;
  const after = text.charCodeAt(end);
  if (isWordCode(after) || after === 64) return true;
  // `2018:65:12`, `2016/679/12`, `2018:65.html`, `2018:65,5`: the number runs on.
  if ((after === 58 || after === 47 || after === 46 || after === 44) && end + 1 < text.length) {
    const next = text.charCodeAt(end + 1);
    if (isDigit(next) || (next >= 97 && next <= 122) || next === 0xe5 || next === 0xe4 || next === 0xf6) return true;
  }
  return false;
}

/** The number is a token of its own: not part of a longer word or number, a URL or an e-mail address. */
export function standsAlone(text: string, start: number, end: number): boolean {
  if (start > 0) {
    const before = text.charCodeAt(start - 1);
    // Letters, digits, `/`, `@`, `:`, hyphens and dashes glue a number to what precedes it.
    if (isWordCode(before) || before === 47 || before === 64 || before === 58 || before === 45 || before === 0x2013) return false;
  }
  if (runsOn(text, end)) return false;
  // Follow the token back: `https://…/2018:65`, `sou2018:65@example.se`, `www.example.se/2018:65`.
  let t = start;
  while (t > 0 && start - t < MAX_TOKEN && !isGap(text.charCodeAt(t - 1))) {
    t--;
    const c = text.charCodeAt(t);
    if (c === 64) return false; // @
    if (c === 58 && text.charCodeAt(t + 1) === 47 && text.charCodeAt(t + 2) === 47) return false; // ://
  }
  return !text.startsWith('www.', t);
}

/** Where a word stands: `text.slice(start, end)`, then its dot when `hadDot`. */
export interface WordSpan {
  start: number;
  end: number;
  hadDot: boolean;
}

export const emptySpan = (): WordSpan => ({ start: 0, end: 0, hadDot: false });

/**
 * The word ending at `end` (letters, soft hyphens, inner hyphens, one final dot), into `span`;
 * false when there is none. Nothing is copied: the scan asks this before nearly every number.
 */
export function wordSpanBefore(text: string, end: number, span: WordSpan): boolean {
  let i = end;
  let hadDot = false;
  if (text.charCodeAt(i - 1) === 46) {
    hadDot = true;
    i--;
  }
  const wordEnd = i;
  while (i > 0 && wordEnd - i < MAX_WORD) {
    const c = text.charCodeAt(i - 1);
    if (isLetterCode(c) || c === 173) i--;
    else if (c === 45 && i > 1 && isLetterCode(text.charCodeAt(i - 2))) i--;
    else break;
  }
  if (i === wordEnd) return false;
  // A word that runs on past our limit, or is glued to digits, is not a type word.
  if (i > 0 && isWordCode(text.charCodeAt(i - 1))) return false;
  span.start = i;
  span.end = wordEnd;
  span.hadDot = hadDot;
  return true;
}

/** Steps back over a word `nr` or `nr.` ending at `i` (`SFS nr 2018:1234`), and the gap before it. */
export function skipNr(text: string, i: number): number {
  let j = i;
  if (text.charCodeAt(j - 1) === 46) j--;
  if ((text.charCodeAt(j - 1) | 0x20) !== 114 || (text.charCodeAt(j - 2) | 0x20) !== 110) return i;
  if (j - 2 < 1 || !isGap(text.charCodeAt(j - 3))) return i;
  return skipGapBack(text, j - 2);
}

export interface TypeWordMatch {
  kind: TypeWordKind;
  /** Where the reference starts: the type word, or an earlier "Svar på". */
  start: number;
}

export const emptyTypeWordMatch = (): TypeWordMatch => ({ kind: 'prop', start: 0 });

const typeWordSpan = emptySpan();

/** The type word right before a number starting at `at` (after an optional `nr`), into `into`; false when none. */
export function typeWordBefore(text: string, at: number, into: TypeWordMatch): boolean {
  const i = skipGapBack(text, at);
  // With no space between word and number, only an abbreviation's dot may join them: `prop.2017/18:1`.
  if (i === at && text.charCodeAt(at - 1) !== 46) return false;
  const w = typeWordSpan;
  if (!wordSpanBefore(text, skipNr(text, i), w)) return false;
  const kind = typeWordIn(text, w.start, w.end, w.hadDot);
  if (!kind) return false;
  into.kind = kind;
  into.start = kind === 'fr' ? questionStart(text, w.start) : w.start;
  return true;
}

// The words that widen a question reference, looked up where they stand.
type QuestionWord = 'skriftlig' | 'på' | 'svar';
const QUESTION_WORDS = new BackwardWords<QuestionWord>();
QUESTION_WORDS.addWord('skriftlig', 'skriftlig');
QUESTION_WORDS.addWord('skriftliga', 'skriftlig');
QUESTION_WORDS.addWord('på', 'på');
QUESTION_WORDS.addWord('svar', 'svar');
const questionSpan = emptySpan();
const questionMatch = emptyMatch<QuestionWord>();

/** The question word (without a dot) ending at `end`, into `questionSpan`; or null. */
function questionWordBefore(text: string, end: number): QuestionWord | null {
  const w = questionSpan;
  if (!wordSpanBefore(text, end, w) || w.hadDot) return null;
  if (QUESTION_WORDS.match(text, w.start, w.end, questionMatch)) return questionMatch.word ?? null;
  // A letter beyond Latin-1 may still lower-case onto one of them (the Kelvin sign onto "k").
  const word = text.slice(w.start, w.end).replace(/\u00ad/g, '').toLowerCase();
  return word === 'skriftlig' || word === 'skriftliga' ? 'skriftlig' : word === 'på' || word === 'svar' ? word : null;
}

/** Widens a question reference to "skriftlig fråga" and "Svar på (skriftlig) fråga". */
function questionStart(text: string, start: number): number {
  let s = start;
  if (questionWordBefore(text, skipGapBack(text, s)) === 'skriftlig') s = questionSpan.start;
  if (questionWordBefore(text, skipGapBack(text, s)) === 'på') {
    const pa = questionSpan.start;
    if (questionWordBefore(text, skipGapBack(text, pa)) === 'svar') s = questionSpan.start;
  }
  return s;
}
