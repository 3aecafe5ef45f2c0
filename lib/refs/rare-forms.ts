import { emptySpan, emptyTypeWordMatch, runsOn, standsAlone, skipNr, typeWordBefore, wordSpanBefore } from './around.ts';
import { isDigit, isGap, skipGapBack } from './chars.ts';
import { FIRST_SPLIT_SESSION, normalizeNumber } from './ids.ts';
import { enumerationContinues, type Last } from './enumerations.ts';
import { typeWordIn } from './type-words.ts';
import { SESSION_KINDS, type Reference, type ReferenceKind } from './types.ts';

/*
 * The forms without a colon: EU acts (`förordning (EU) 2016/679`, `(EG) nr 45/2001`,
 * `direktiv 95/46/EG`, `direktiv 2016/680`) and sessions before 1975 (`Prop. 1952 nr 187`).
 * They are rare, so each is found from a character that is rare too, with indexOf (memchr
 * speed, far faster than a regular expression or a loop over every character): `/` for every EU
 * number (after a marker, before a suffix, or bare), and `1` for an old session's year (18xx or 19xx,
 * the only years an old session can have). Candidates come out lazily, in text order, one at a
 * time, so nothing is collected, sorted or kept.
 */

/** A place that may hold a rare form; `read` (below) decides with what came before. */
export interface RareCandidate {
  form: 'marked' | 'suffixed' | 'bare' | 'old';
  start: number;
  end: number;
  /** Where the number ends: before a suffix (`/EG`), or the end. */
  numberEnd: number;
}

/** The rare candidates of a text, in order of `start`. */
export class RareCandidates {
  private slashed: RareCandidate | null;
  private old: RareCandidate | null;
  private slashFrom = 0;
  private oldFrom = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    this.slashed = this.nextSlashed();
    this.old = this.nextOld();
  }

  /** Where the next candidate starts, or Infinity. */
  nextStart(): number {
    return Math.min(this.slashed?.start ?? Infinity, this.old?.start ?? Infinity);
  }

  /**
   * The next candidate, or null. An EU number comes before an old session starting at the same
   * place (none can; the order the forms were always read in).
   */
  take(): RareCandidate | null {
    const start = this.nextStart();
    if (start === Infinity) return null;
    let taken: RareCandidate;
    if (this.slashed?.start === start) {
      taken = this.slashed;
      this.slashed = this.nextSlashed();
    } else {
      taken = this.old!;
      this.old = this.nextOld();
    }
    return taken;
  }

  private nextSlashed(): RareCandidate | null {
    const text = this.text;
    for (let at = text.indexOf('/', this.slashFrom); at >= 0; at = text.indexOf('/', at + 1)) {
      // Most slashes are a riksmöte's (`2017/18:1`): a number that runs on past its second part
      // can be no EU act, marked, suffixed or bare, so it is dropped before any is tried.
      if (isDigit(text.charCodeAt(at + 1)) && runsOn(text, secondPartEnd(text, at))) continue;
      // A marked number's slash comes before a suffix's (`(EU) 2016/679/EU`): the marked one
      // first, as where two candidates start at one place, the marker always won.
      const found = markedCandidate(text, at) ?? suffixedCandidate(text, at) ?? bareCandidate(text, at);
      if (found) {
        this.slashFrom = at + 1;
        return found;
      }
    }
    this.slashFrom = text.length;
    return null;
  }

  private nextOld(): RareCandidate | null {
    const text = this.text;
    for (let at = text.indexOf('1', this.oldFrom); at >= 0; at = text.indexOf('1', at + 1)) {
      const found = oldSessionCandidate(text, at);
      if (found) {
        this.oldFrom = at + 1;
        return found;
      }
    }
    this.oldFrom = text.length;
    return null;
  }
}

/** A rare candidate as a reference, given what the scan found before it; or null. */
export function readRareCandidate(text: string, c: RareCandidate, last: Last): Reference | null {
  const number = text.slice(c.start, c.numberEnd);
  switch (c.form) {
    case 'marked':
      return euReference(text, c.start, c.end, number, false, last);
    case 'suffixed':
      return euReference(text, c.start, c.end, number, true, last);
    case 'bare':
      return euReference(text, c.start, c.end, number, false, last, true);
    case 'old':
      return oldSessionReference(text, c);
  }
}

// ---------------------------------------------------------------------------------------------
// Finding

/** The length of an EU marker's name at `at` (`EU`, `EG`, `EEG`, `Euratom`), or 0. */
function euNameLength(text: string, at: number): number {
  if (text.charCodeAt(at) !== 69 /* E */) return 0;
  const c = text.charCodeAt(at + 1);
  if (c === 85 /* U */ || c === 71 /* G */) return 2;
  if (c === 69 /* E */ && text.charCodeAt(at + 2) === 71 /* G */) return 3;
  return text.startsWith('Euratom', at) ? 7 : 0;
}

const isRegexWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Where an EU marker (`(EU)`, `(EG)`, `(EEG)`, `(Euratom)`) ending at `end` starts, or -1. */
function markerStartBefore(text: string, end: number): number {
  if (text.charCodeAt(end - 1) !== 41 /* ) */) return -1;
  if (isMarkerAt(text, end - 4, 2)) return end - 4;
  if (isMarkerAt(text, end - 5, 3)) return end - 5;
  return isMarkerAt(text, end - 9, 7) ? end - 9 : -1;
}

/** A `(` at `open`, then a marker's name of `length` letters. */
const isMarkerAt = (text: string, open: number, length: number) =>
  open >= 0 && text.charCodeAt(open) === 40 /* ( */ && euNameLength(text, open + 1) === length;

/** Where the digits after a slash end, at most four of them (`679` in `2016/679`). */
function secondPartEnd(text: string, slash: number): number {
  let end = slash + 1;
  while (end - slash - 1 < 4 && isDigit(text.charCodeAt(end))) end++;
  return end;
}

/**
 * `(EU) 2016/679`, `(EG) nr 45/2001`: the number at the slash `slash`, when a marker stands
 * before it — up to 12 characters from the marker's `(` to the number, or to an `nr` (`nr.`)
 * followed by a space, and then up to 20 to the number. Found from the slash, so no pass of
 * its own looks for the markers.
 */
function markedCandidate(text: string, slash: number): RareCandidate | null {
  let j = slash;
  while (j > 0 && slash - j < 5 && isDigit(text.charCodeAt(j - 1))) j--;
  if (j === slash || slash - j > 4) return null;
  const end = euNumberEnd(text, j);
  if (end < 0) return null;
  let g = j;
  while (g > 0 && j - g < 20 && isGap(text.charCodeAt(g - 1))) g--;
  const marker = markerStartBefore(text, g);
  if (marker >= 0) return j - marker <= 12 ? { form: 'marked', start: j, end, numberEnd: end } : null;
  // `nr` or `nr.`, then a space or a non-breaking one.
  const space = text.charCodeAt(g);
  if (g === j || (space !== 32 && space !== 160)) return null;
  const nrEnd = text.charCodeAt(g - 1) === 46 ? g - 1 : g;
  if ((text.charCodeAt(nrEnd - 1) | 0x20) !== 114 /* r */ || (text.charCodeAt(nrEnd - 2) | 0x20) !== 110 /* n */) return null;
  const nr = nrEnd - 2;
  let h = nr;
  while (h > 0 && nr - h < 12 && isGap(text.charCodeAt(h - 1))) h--;
  const nrMarker = markerStartBefore(text, h);
  return nrMarker >= 0 && nr - nrMarker <= 12 && j - nrMarker <= 20 ? { form: 'marked', start: j, end, numberEnd: end } : null;
}

/** Where `\d{1,4}\/\d{1,4}` read from `at` ends, or -1. */
function euNumberEnd(text: string, at: number): number {
  let i = at;
  while (i - at < 5 && isDigit(text.charCodeAt(i))) i++;
  if (i === at || i - at > 4 || text.charCodeAt(i) !== 47) return -1;
  const second = ++i;
  while (i - second < 4 && isDigit(text.charCodeAt(i))) i++;
  return i === second ? -1 : i;
}

/** `95/46/EG`: the number before a suffix at the slash `at`. */
function suffixedCandidate(text: string, at: number): RareCandidate | null {
  const name = euNameLength(text, at + 1);
  if (name === 0 || isRegexWordCode(text.charCodeAt(at + 1 + name))) return null;
  let b = at;
  while (b > 0 && at - b < 4 && isDigit(text.charCodeAt(b - 1))) b--;
  if (b === at || text.charCodeAt(b - 1) !== 47) return null;
  let a = b - 1;
  while (a > 0 && b - 1 - a < 4 && isDigit(text.charCodeAt(a - 1))) a--;
  if (a === b - 1) return null;
  return { form: 'suffixed', start: a, end: at + 1 + name, numberEnd: at };
}

/**
 * `direktiv 2016/680`: an EU number with neither marker nor suffix, right after `direktiv` or
 * `förordning`. Most slashes are riksmöten (`2017/18:1`) or dates and are dropped at once.
 */
const bareWord = emptySpan();

function bareCandidate(text: string, slash: number): RareCandidate | null {
  let a = slash;
  while (a > 0 && slash - a < 4 && isDigit(text.charCodeAt(a - 1))) a--;
  if (a === slash || (a > 0 && !isGap(text.charCodeAt(a - 1)))) return null;
  let end = slash + 1;
  while (end - slash - 1 < 4 && isDigit(text.charCodeAt(end))) end++;
  const after = text.charCodeAt(end);
  if (end === slash + 1 || after === 58 /* : */ || after === 47 /* / */ || isDigit(after)) return null;
  const word = bareWord;
  if (!wordSpanBefore(text, skipGapBack(text, a), word) || word.hadDot) return null;
  const kind = typeWordIn(text, word.start, word.end, false);
  if (kind !== 'direktiv' && kind !== 'förordning') return null;
  return { form: 'bare', start: a, end, numberEnd: end };
}

const isNumberSpace = (c: number) => c === 32 || c === 160;

/**
 * `1952 nr 187` from the `1` at `at`: four digits, one to three spaces, `nr` or `nr.`, spaces and
 * up to six digits, all within twenty characters.
 */
function oldSessionCandidate(text: string, at: number): RareCandidate | null {
  const second = text.charCodeAt(at + 1);
  if ((second !== 56 && second !== 57) /* 8, 9 */ || !isDigit(text.charCodeAt(at + 2)) || !isDigit(text.charCodeAt(at + 3))) return null;
  let i = at + 4;
  while (i - at < 7 && isNumberSpace(text.charCodeAt(i))) i++;
  if (i === at + 4 || text.charCodeAt(i) !== 110 /* n */ || text.charCodeAt(i + 1) !== 114 /* r */) return null;
  const limit = Math.min(text.length, at + 20);
  i += 2;
  if (text.charCodeAt(i) === 46) i++;
  const spaces = i;
  while (i < limit && isNumberSpace(text.charCodeAt(i))) i++;
  if (i === spaces) return null;
  const digits = i;
  while (i < limit && i - digits < 6 && isDigit(text.charCodeAt(i))) i++;
  if (i === digits) return null;
  return { form: 'old', start: at, end: i, numberEnd: i };
}

// ---------------------------------------------------------------------------------------------
// Reading

// The riksdag's first bicameral session; earlier calendar years are no riksmöte we can look up.
const FIRST_SESSION_YEAR = 1867;

const oldTypeWord = emptyTypeWordMatch();

/** `Prop. 1952 nr 187`: sessions before 1975 were numbered with "nr". */
function oldSessionReference(text: string, c: RareCandidate): Reference | null {
  let digits = c.end;
  while (isDigit(text.charCodeAt(digits - 1))) digits--;
  const number = normalizeNumber(text.slice(digits, c.end));
  const year = text.slice(c.start, c.start + 4);
  if (!number || Number(year) > FIRST_SPLIT_SESSION || Number(year) < FIRST_SESSION_YEAR || !standsAlone(text, c.start, c.end)) return null;
  const typeWord = oldTypeWord;
  if (!typeWordBefore(text, c.start, typeWord) || typeWord.kind === 'bet' || !SESSION_KINDS.has(typeWord.kind as ReferenceKind)) return null;
  const kind = typeWord.kind as ReferenceKind;
  return { kind, id: kind + ':' + year + ':' + number, start: typeWord.start, end: c.end };
}

const euWord = emptySpan();

/**
 * An EU act: the number with its `(EU)` marker or `/EG` suffix, and the type word before them
 * (`förordning`, `direktivet`, `genomförandeförordningen`). Without a type word, `(EG) nr …` is a
 * regulation, and a suffixed number continues an enumeration of EU acts (`direktiven 2004/17/EG
 * och 2004/18/EG`).
 */
function euReference(
  text: string,
  start: number,
  end: number,
  number: string,
  suffixed: boolean,
  last: Last,
  bare = false,
): Reference | null {
  if (!standsAlone(text, start, end) || /(?:^|\/)0/.test(number)) return null;
  // Walk back: optional `nr`, optional `(EU)`-style marker, then the type word.
  let i = skipGapBack(text, start);
  const beforeNr = skipNr(text, i);
  const hasNr = beforeNr !== i;
  i = beforeNr;
  let markerStart = -1;
  const marker = /\((?:EU|EG|EEG|Euratom)\)$/.exec(text.slice(Math.max(0, i - 9), i));
  if (marker) {
    markerStart = i - marker[0].length;
    i = skipGapBack(text, markerStart);
  }
  if (markerStart < 0 && !suffixed && !bare) return null;

  const w = euWord;
  const typeWord = wordSpanBefore(text, i, w) && !w.hadDot ? typeWordIn(text, w.start, w.end, false) : null;
  const type = typeWord === 'förordning' ? 'reg' : typeWord === 'direktiv' ? 'dir' : null;
  if (type) return { kind: 'eu', id: `eu:${type}:${number}`, start: w.start, end };
  if (markerStart >= 0 && hasNr) return { kind: 'eu', id: `eu:reg:${number}`, start: markerStart, end };
  if (suffixed && last.euType && enumerationContinues(text, last, start, 'eu')) {
    return { kind: 'eu', id: `eu:${last.euType}:${number}`, start, end };
  }
  return null;
}
