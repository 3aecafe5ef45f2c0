import { isDigit } from './chars.ts';
import { officialCommitteeCode } from './committees.ts';
import { FIRST_SPLIT_SESSION } from './ids.ts';
import type { Shape } from './enumerations.ts';
import { REFERENCE_KINDS, type ReferenceKind } from './types.ts';

/*
 * The number around a colon, read from char codes. Most colons are not references (`kl. 13:30`,
 * `[bookmark: _GoBack]`), and even most numbers are dropped once the word before them is read,
 * so a candidate is only positions and small integers; the strings of an id are built once a
 * reference is certain (colonId).
 */

export interface ColonCandidate {
  start: number;
  end: number;
  shape: Shape;
  /** The first (or only) year: 2017 in `2017/18:1`, 2018 in `2018:65`. */
  year: number;
  /** Whether the riksmöte or year can be one at all (`2017/19` and `1750` cannot). */
  validPeriod: boolean;
  /** Where a riksmöte's second year starts (`18` in `2017/18`, `2000` in `1999/2000`), or -1. */
  secondStart: number;
  colon: number;
  /** Committee or motion letters before the digits (`JuU` in `JuU12`): [lettersStart, digitsStart). */
  lettersStart: number;
  digitsStart: number;
  /** The first digit that is not a leading zero; `end` when the number is zero. */
  numberStart: number;
}

export const emptyColonCandidate = (): ColonCandidate => ({
  start: 0,
  end: 0,
  shape: 'year',
  year: 0,
  validPeriod: false,
  secondStart: -1,
  colon: 0,
  lettersStart: 0,
  digitsStart: 0,
  numberStart: 0,
});

const isSpaceInNumber = (c: number) => c === 32 || c === 160 || c === 173;
/** A letter of a committee designation or old motion number (`JuU`, `Fö`, `UFöU`). */
const isDesignationLetter = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0xc5 || c === 0xc4 || c === 0xd6 || c === 0xe5 || c === 0xe4 || c === 0xf6;

/** The value of the (checked) digits `text[start, end)`. */
function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  for (let k = start; k < end; k++) value = value * 10 + (text.charCodeAt(k) - 48);
  return value;
}

/**
 * The number around a colon: `2017/18:1`, `1999/2000:86`, `2018:65`, `2018/19:JuU12`,
 * `2007/08:Sk10` (a space, non-breaking space or soft hyphen may stand on either side of the colon).
 * False when the colon is part of something else (`kl. 13:30`, `Joh. 3:16`).
 */
export function readColonCandidate(text: string, colon: number, into: ColonCandidate): boolean {
  let i = colon;
  if (isSpaceInNumber(text.charCodeAt(i - 1))) i--;
  let d = i;
  while (d > 0 && i - d < 5 && isDigit(text.charCodeAt(d - 1))) d--;
  const width = i - d;
  let start: number;
  let year: number;
  let validPeriod: boolean;
  let secondStart = -1;
  if ((width === 2 || width === 4) && text.charCodeAt(d - 1) === 47 /* / */ && d >= 5) {
    start = d - 5;
    for (let k = start; k < d - 1; k++) if (!isDigit(text.charCodeAt(k))) return false;
    year = digitsValue(text, start, start + 4);
    // The second year must follow the first: `2017/18`, `1999/2000`, never `2017/19`.
    const second = digitsValue(text, d, i);
    validPeriod = year >= FIRST_SPLIT_SESSION && year <= 2099 && second === (width === 4 ? year + 1 : (year + 1) % 100);
    secondStart = d;
  } else if (width === 4) {
    start = d;
    year = digitsValue(text, d, i);
    validPeriod = year >= 1800 && year <= 2099;
  } else {
    return false;
  }

  let j = colon + 1;
  if (isSpaceInNumber(text.charCodeAt(j))) j++;
  const lettersStart = j;
  while (j - lettersStart < 5 && isDesignationLetter(text.charCodeAt(j))) j++;
  const digitsStart = j;
  while (j - digitsStart < 6 && isDigit(text.charCodeAt(j))) j++;
  if (j === digitsStart) return false;
  let numberStart = digitsStart;
  while (numberStart < j && text.charCodeAt(numberStart) === 48 /* 0 */) numberStart++;
  into.start = start;
  into.end = j;
  into.shape = secondStart < 0 ? 'year' : lettersStart < digitsStart ? 'committee' : 'session';
  into.year = year;
  into.validPeriod = validPeriod;
  into.secondStart = secondStart;
  into.colon = colon;
  into.lettersStart = lettersStart;
  into.digitsStart = digitsStart;
  into.numberStart = numberStart;
  return true;
}

/** The riksmöte (`2017/18`) or year (`2018`) as our ids write it. Only for a valid period. */
export function periodOf(text: string, c: ColonCandidate): string {
  if (c.secondStart < 0) return text.slice(c.start, c.start + 4);
  // `1999/2000` → `1999/00`.
  const next = (c.year + 1) % 100;
  return text.slice(c.start, c.start + 5) + (next < 10 ? '0' : '') + next;
}

// `prop:` and the like, made once: most ids are one of them and a piece of the text.
const ID_PREFIX = Object.fromEntries(REFERENCE_KINDS.map((kind) => [kind, `${kind}:`])) as Record<ReferenceKind, string>;
const KIND_CODE = Object.fromEntries(REFERENCE_KINDS.map((kind, i) => [kind, i + 1])) as Record<ReferenceKind, number>;

/*
 * Ids recently made, by a hash of the kind and the number as printed (an id is a function of
 * the two). A document cites the same few documents again and again, and every id it returns is
 * kept by the caller: making each afresh was, in reference-dense text, a third of the cost of a
 * reference (the garbage collector copying them), more for a betänkande's, whose committee is
 * looked up too. The cache is invisible from outside: the number is checked against the text
 * letter by letter before its id is reused, and the cache is emptied before it grows large.
 */
const recentIds = new Map<number, RecentId>();
const MAX_RECENT_IDS = 2048;

interface RecentId {
  kind: ReferenceKind;
  /** The number as printed: a short flat string, quick to compare (the id itself is a rope). */
  printed: string;
  /** Null when the number can be no reference of this kind (`bet. 2018/19:Fö12`). */
  id: string | null;
}

/**
 * The id of a reference of `kind` with this number (`prop:2017/18:1`, `bet:2018/19:JuU12`,
 * `mot:2007/08:Sk10`), or null when a betänkande's letters are no committee's.
 */
export function colonId(text: string, c: ColonCandidate, kind: ReferenceKind): string | null {
  let hash = KIND_CODE[kind];
  for (let i = c.start; i < c.end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  const recent = recentIds.get(hash);
  if (recent !== undefined && recent.kind === kind && isPrinted(recent.printed, text, c.start, c.end)) return recent.id;
  const id = makeColonId(text, c, kind);
  if (recentIds.size >= MAX_RECENT_IDS) recentIds.clear();
  recentIds.set(hash, { kind, printed: text.slice(c.start, c.end), id });
  return id;
}

// A committee designation ends in U (`JuU`, `UFöU`, `MJU`); `Fö259` is a motion's number.
const COMMITTEE_DESIGNATION = /^[A-ZÅÄÖ][A-Za-zÅÄÖåäö]*U$/;

function makeColonId(text: string, c: ColonCandidate, kind: ReferenceKind): string | null {
  let designation = '';
  if (c.lettersStart < c.digitsStart) {
    const letters = text.slice(c.lettersStart, c.digitsStart);
    // An old motion's letters as ids write them: `sk` → `Sk` (the rest as printed).
    designation = kind === 'bet' ? officialCommitteeCode(letters) : letters[0]!.toUpperCase() + letters.slice(1);
  }
  if (kind === 'bet' && !COMMITTEE_DESIGNATION.test(designation)) return null;
  // Printed exactly as the id writes it (`2017/18:1`, `2018:65`): the prefix and one piece of the text.
  const asPrinted =
    designation === '' &&
    c.digitsStart === c.colon + 1 &&
    c.numberStart === c.digitsStart &&
    isDigit(text.charCodeAt(c.colon - 1)) &&
    (c.secondStart < 0 || c.colon - c.secondStart === 2);
  if (asPrinted) return ID_PREFIX[kind] + text.slice(c.start, c.end);
  return ID_PREFIX[kind] + periodOf(text, c) + ':' + designation + text.slice(c.numberStart, c.end);
}

/** Whether `printed` is `text[start, end)`. */
function isPrinted(printed: string, text: string, start: number, end: number): boolean {
  if (printed.length !== end - start) return false;
  for (let i = start, k = 0; i < end; i++, k++) if (printed.charCodeAt(k) !== text.charCodeAt(i)) return false;
  return true;
}
