import { isDigit, isGap, isLetterCode, isWordCode, skipGapBack } from './chars.ts';
import { officialCommitteeCode } from './committees.ts';
import { FIRST_SPLIT_SESSION, normalizeNumber, normalizeSession } from './ids.ts';
import { findLawCitations } from './laws/citations.ts';
import { LawContext } from './laws/context.ts';
import { localDate } from './laws/table.ts';
import { isStatuteWord, readTypeWord, type TypeWordKind } from './type-words.ts';
import { SESSION_KINDS, YEAR_KINDS, type Reference, type ReferenceKind } from './types.ts';

/*
 * How this stays linear, and fast. Every reference holds a colon (`2017/18:1`, `2018:65`), an EU
 * marker (`(EU)`, `/EG`) or, before 1975, `nr` (`1952 nr 187`). We jump between those with
 * indexOf — far cheaper than running a regular expression over every character — read the digits
 * around each by hand, and then look BACK a bounded distance for the type word (`prop.`, `SOU`,
 * `lagen (`, `förordning (EU)`) or for the previous reference of an enumeration. Every step is
 * bounded, so each character costs the same however hostile the text. The scan allocates little
 * per reference on purpose: in reference-dense text the garbage collector was the largest cost.
 * `npm run bench` holds the whole scan against one pass of a trivial regex.
 */

// How far back we look for a type word's start, and across an enumeration's gap.
const MAX_WORD = 40;
const MAX_ENUMERATION_GAP = 200;
// How far we follow a token back to see whether it is a URL or an e-mail address.
const MAX_TOKEN = 120;

/*
 * What may stand between two numbers of one enumeration: a page or section suffix of the first
 * (`s. 45 f.`, `, punkt 6`, `(bil. 3)`, `yrkande 4`), a motion's author (`av Johan Forssell m.fl. (M)`), then a
 * separator (`,`, `och`, `samt`, `resp.`, `respektive`, `eller`). Tested only on the gap itself,
 * at most MAX_ENUMERATION_GAP characters.
 */
const SUFFIX = String.raw`(?:\s*,?\s*\(?(?:s\.|sid\.|sidan|sidorna|avsnitt|avsn\.|bil\.|bilaga|bilagorna|punkt|punkterna|p\.|yrkande|yrkandena|yrk\.|mom\.|moment|kap\.|utg\.omr\.|utgiftsområde)\s*\d{1,4}[a-z]?(?:\s*(?:–|-|,|och)\s*\d{1,4}[a-z]?){0,8}(?:\s*ff?\.)?\)?)`;
const AUTHOR = String.raw`(?:\s+av\s+[^()\n;:]{1,80}?\s*\([A-ZÅÄÖ]{1,3}\))`;
const SEPARATOR = String.raw`\s*(?:,\s*(?:och\s+|samt\s+)?|\s(?:och|samt|resp\.|respektive|eller)\s+)`;
const ENUMERATION_GAP = new RegExp(`^${AUTHOR}?(?:${SUFFIX}){0,3}${SEPARATOR}$`);

const EU_MARKER_AFTER = /^\((?:EU|EG|EEG|Euratom)\)/;
const EU_SUFFIX = /^\/(?:EU|EG|EEG|Euratom)\b/;

/** The form of a reference's number; an enumeration continues only with numbers of the same form. */
type Shape = 'session' | 'year' | 'committee' | 'eu';

/** What the scan remembers of the last reference it found, for enumerations. */
interface Last {
  ref: Reference | undefined;
  shape: Shape | undefined;
  euType: 'reg' | 'dir' | undefined;
}

export interface FindOptions {
  /**
   * The document's own date, `YYYY-MM-DD`: it decides which law a name means ("förvaltningslagen"
   * in a 2015 text is 1986:223, in a 2019 text 2017:900). Today when not given.
   */
  date?: string;
  /**
   * What earlier parts of the same document taught about its laws (names given with their
   * numbers, the law cited last). Pass one context for all the pieces of one document, in order.
   */
  laws?: LawContext;
}

/**
 * Every reference to an official document or a law in `text`, sorted by `start`, never
 * overlapping (contract in DESIGN.md). Pure: no DOM, no I/O (a given `laws` context learns).
 */
export function findReferences(text: string, options: FindOptions = {}): Reference[] {
  const refs: Reference[] = [];
  const last: Last = { ref: undefined, shape: undefined, euType: undefined };

  // Law citations (laws/citations.ts) are read in a pass of their own; where one overlaps a
  // document reference found here, the citation wins: "(2009:400)" closing "10 kap. 2 §
  // offentlighets- och sekretesslagen (2009:400)" is part of that citation.
  const laws = findLawCitations(text, options.date ?? localDate(Date.now()), options.laws ?? new LawContext());
  let law = 0;
  const acceptLawsBefore = (position: number) => {
    while (law < laws.length && laws[law]!.start < position) {
      const ref = laws[law++]!;
      if (last.ref && ref.start < last.ref.end) continue;
      refs.push(ref);
      last.ref = ref;
      last.shape = undefined;
      last.euType = undefined;
    }
  };
  const accept = (ref: Reference | null, shape: Shape, euType?: 'reg' | 'dir') => {
    if (!ref) return;
    acceptLawsBefore(ref.start);
    if ((last.ref && ref.start < last.ref.end) || (law < laws.length && ref.end > laws[law]!.start)) return;
    refs.push(ref);
    last.ref = ref;
    last.shape = shape;
    last.euType = euType;
  };

  // The rare forms are collected first and merged in order while the colons are walked.
  const others = rareCandidates(text);
  let next = 0;
  const acceptOthersBefore = (position: number) => {
    while (next < others.length && others[next]!.start < position) {
      const other = others[next++]!;
      const ref = other.read(last);
      accept(ref, other.shape, ref?.kind === 'eu' ? (ref.id.startsWith('eu:dir:') ? 'dir' : 'reg') : undefined);
    }
  };

  // One candidate record, refilled at every colon: most colons are not references.
  const c: ColonCandidate = { start: 0, end: 0, shape: 'year', period: null, letters: '', digits: null };
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    if (!readColonCandidate(text, colon, c)) continue;
    acceptOthersBefore(c.start);
    if (standsAlone(text, c.start, c.end)) accept(colonReference(text, c, last), c.shape);
    colon = c.end - 1;
  }
  acceptOthersBefore(Infinity);
  acceptLawsBefore(Infinity);
  return refs;
}

// ---------------------------------------------------------------------------------------------
// Characters

const isSpaceInNumber = (c: number) => c === 32 || c === 160 || c === 173;
/** A letter of a committee designation or old motion number (`JuU`, `Fö`, `UFöU`). */
const isDesignationLetter = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0xc5 || c === 0xc4 || c === 0xd6 || c === 0xe5 || c === 0xe4 || c === 0xf6;

// ---------------------------------------------------------------------------------------------
// Numbers

interface ColonCandidate {
  start: number;
  end: number;
  shape: Shape;
  /** The riksmöte (`2017/18`) or year (`2018`) as our ids write it, or null when impossible. */
  period: string | null;
  /** Committee or motion letters before the digits (`JuU` in `JuU12`), or ''. */
  letters: string;
  /** Without leading zeros, or null for zero. */
  digits: string | null;
}

/**
 * The number around a colon: `2017/18:1`, `1999/2000:86`, `2018:65`, `2018/19:JuU12`,
 * `2007/08:Sk10` (a space, non-breaking space or soft hyphen may stand on either side of the colon).
 * Null when the colon is part of something else (`kl. 13:30`, `Joh. 3:16`).
 */
function readColonCandidate(text: string, colon: number, into: ColonCandidate): boolean {
  let i = colon;
  if (isSpaceInNumber(text.charCodeAt(i - 1))) i--;
  let d = i;
  while (d > 0 && i - d < 5 && isDigit(text.charCodeAt(d - 1))) d--;
  const width = i - d;
  let start: number;
  let period: string | null;
  let split = false;
  if ((width === 2 || width === 4) && text.charCodeAt(d - 1) === 47 /* / */ && d >= 5) {
    start = d - 5;
    for (let k = start; k < d - 1; k++) if (!isDigit(text.charCodeAt(k))) return false;
    period = normalizeSession(text.slice(start, start + 4), text.slice(d, i));
    split = true;
  } else if (width === 4) {
    start = d;
    const year = Number(text.slice(d, i));
    period = year >= 1800 && year <= 2099 ? text.slice(d, i) : null;
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
  const letters = text.slice(lettersStart, digitsStart);
  const shape: Shape = !split ? 'year' : letters ? 'committee' : 'session';
  into.start = start;
  into.end = j;
  into.shape = shape;
  into.period = period;
  into.letters = letters;
  into.digits = normalizeNumber(text.slice(digitsStart, j));
  return true;
}

/** The number is a token of its own: not part of a longer word or number, a URL or an e-mail address. */
function standsAlone(text: string, start: number, end: number): boolean {
  if (start > 0) {
    const before = text.charCodeAt(start - 1);
    // Letters, digits, `/`, `@`, `:`, hyphens and dashes glue a number to what precedes it.
    if (isWordCode(before) || before === 47 || before === 64 || before === 58 || before === 45 || before === 0x2013) return false;
  }
  if (end < text.length) {
    const after = text.charCodeAt(end);
    if (isWordCode(after) || after === 64) return false;
    // `2018:65:12`, `2016/679/12`, `2018:65.html`, `2018:65,5`: the number runs on.
    if ((after === 58 || after === 47 || after === 46 || after === 44) && end + 1 < text.length) {
      const next = text.charCodeAt(end + 1);
      if (isDigit(next) || (next >= 97 && next <= 122) || next === 0xe5 || next === 0xe4 || next === 0xf6) return false;
    }
  }
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

// ---------------------------------------------------------------------------------------------
// Words before a number

interface Word {
  /** Lower case, soft hyphens and a final dot removed. */
  word: string;
  start: number;
  hadDot: boolean;
}

/** The word ending at `end` (letters, soft hyphens, inner hyphens, one final dot), or null. */
function wordBefore(text: string, end: number): Word | null {
  let i = end;
  let hadDot = false;
  if (text.charCodeAt(i - 1) === 46) {
    hadDot = true;
    i--;
  }
  const wordEnd = i;
  let softHyphen = false;
  let upper = false;
  while (i > 0 && wordEnd - i < MAX_WORD) {
    const c = text.charCodeAt(i - 1);
    if (isLetterCode(c)) {
      i--;
      if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde) || c > 0xff) upper = true;
    } else if (c === 173) {
      softHyphen = true;
      i--;
    } else if (c === 45 && i > 1 && isLetterCode(text.charCodeAt(i - 2))) i--;
    else break;
  }
  if (i === wordEnd) return null;
  // A word that runs on past our limit, or is glued to digits, is not a type word.
  if (i > 0 && isWordCode(text.charCodeAt(i - 1))) return null;
  let word = text.slice(i, wordEnd);
  if (softHyphen) word = word.replace(/\u00ad/g, '');
  return { word: upper ? word.toLowerCase() : word, start: i, hadDot };
}

/** Steps back over a word `nr` or `nr.` ending at `i` (`SFS nr 2018:1234`), and the gap before it. */
function skipNr(text: string, i: number): number {
  let j = i;
  if (text.charCodeAt(j - 1) === 46) j--;
  if ((text.charCodeAt(j - 1) | 0x20) !== 114 || (text.charCodeAt(j - 2) | 0x20) !== 110) return i;
  if (j - 2 < 1 || !isGap(text.charCodeAt(j - 3))) return i;
  return skipGapBack(text, j - 2);
}

interface TypeWordMatch {
  kind: TypeWordKind;
  /** Where the reference starts: the type word, or an earlier "Svar på". */
  start: number;
}

/** The type word right before a number starting at `at` (after an optional `nr`). */
function typeWordBefore(text: string, at: number): TypeWordMatch | null {
  const i = skipGapBack(text, at);
  // With no space between word and number, only an abbreviation's dot may join them: `prop.2017/18:1`.
  if (i === at && text.charCodeAt(at - 1) !== 46) return null;
  const w = wordBefore(text, skipNr(text, i));
  if (!w) return null;
  const kind = readTypeWord(w.word, w.hadDot);
  if (!kind) return null;
  return { kind, start: kind === 'fr' ? questionStart(text, w.start) : w.start };
}

/** Widens a question reference to "skriftlig fråga" and "Svar på (skriftlig) fråga". */
function questionStart(text: string, start: number): number {
  let s = start;
  const skriftlig = wordBefore(text, skipGapBack(text, s));
  if (skriftlig && !skriftlig.hadDot && (skriftlig.word === 'skriftlig' || skriftlig.word === 'skriftliga')) s = skriftlig.start;
  const pa = wordBefore(text, skipGapBack(text, s));
  if (pa && !pa.hadDot && pa.word === 'på') {
    const svar = wordBefore(text, skipGapBack(text, pa.start));
    if (svar && !svar.hadDot && svar.word === 'svar') s = svar.start;
  }
  return s;
}

function enumerationContinues(text: string, last: Last, at: number, shape: Shape): boolean {
  const ref = last.ref;
  if (!ref || last.shape !== shape || at - ref.end > MAX_ENUMERATION_GAP) return false;
  return ENUMERATION_GAP.test(text.slice(ref.end, at));
}

// ---------------------------------------------------------------------------------------------
// Readings

function make(kind: ReferenceKind, period: string, number: string, start: number, end: number): Reference {
  return { kind, id: kind + ':' + period + ':' + number, start, end };
}

/** `prop. 2017/18:1`, `SOU 2018:65`, `bet. 2018/19:JuU12`, a law's `(1998:204)`, or an enumeration's `2019:12`. */
function colonReference(text: string, c: ColonCandidate, last: Last): Reference | null {
  const { start, end, shape, period, letters, digits } = c;
  if (!period || !digits || (shape === 'year' && letters)) return null;

  // A law's number in parentheses: `lagen (1998:204) om …` covers `1998:204`.
  if (shape === 'year') {
    const open = skipGapBack(text, start);
    if (text.charCodeAt(open - 1) === 40 /* ( */) {
      let close = end;
      while (close < end + 2 && isGap(text.charCodeAt(close))) close++;
      // `(1977:1160)`, and `(1977:1160, AML)` with the law's short name after the number.
      if (text.charCodeAt(close) === 41 /* ) */ || text.charCodeAt(close) === 44 /* , */) {
        const word = wordBefore(text, skipGapBack(text, open - 1));
        if (word && !word.hadDot && isStatuteWord(word.word)) return make('sfs', period, digits, start, end);
        // `lagen om offentlig upphandling (2016:1145)`: the statute's name runs on with "om …".
        if (namedStatuteBefore(text, open - 1)) return make('sfs', period, digits, start, end);
      }
    }
  }

  let kind: ReferenceKind | null;
  let from: number;
  const typeWord = typeWordBefore(text, start);
  if (typeWord) {
    kind = kindForColonNumber(typeWord.kind, shape, period);
    from = typeWord.start;
  } else if (last.ref && enumerationContinues(text, last, start, shape)) {
    kind = kindForColonNumber(last.ref.kind, shape, period);
    from = start;
  } else {
    return null;
  }
  if (!kind) return null;
  const designation = kind === 'bet' ? officialCommitteeCode(letters) : capitalize(letters);
  // A committee designation ends in U (`JuU`, `UFöU`, `MJU`); `Fö259` is a motion's number.
  if (kind === 'bet' && !COMMITTEE_DESIGNATION.test(designation)) return null;
  return make(kind, period, designation + digits, from, end);
}

// `lagen om offentlig upphandling (2016:1145)`: a statute word, then its subject after "om",
// "med" or "för", up to the parenthesis, within one clause.
const STATUTE_SUBJECT = /(\p{L}+)\s+(?:om|med|för)\s/gu;
const CLAUSE_END = /[.;:()]/;
const MAX_STATUTE_NAME = 120;

function namedStatuteBefore(text: string, open: number): boolean {
  const before = text.slice(Math.max(0, open - MAX_STATUTE_NAME), open);
  for (const m of before.matchAll(STATUTE_SUBJECT)) {
    if (isStatuteWord(m[1]!.toLowerCase()) && !CLAUSE_END.test(before.slice(m.index + m[0].length))) return true;
  }
  return false;
}

const COMMITTEE_DESIGNATION = /^[A-ZÅÄÖ][A-Za-zÅÄÖåäö]*U$/;
// The riksdag's first bicameral session; earlier calendar years are no riksmöte we can look up.
const FIRST_SESSION_YEAR = 1867;

/** An old motion's letters as ids write them: `sk` → `Sk` (the rest as printed). */
function capitalize(letters: string): string {
  return letters && letters[0]!.toUpperCase() + letters.slice(1);
}

/** Which kind a type word makes of a number of this shape, or null when they do not fit. */
function kindForColonNumber(word: TypeWordKind | ReferenceKind, shape: Shape, period: string): ReferenceKind | null {
  if (word === 'förordning' || word === 'eu') return null;
  if (word === 'direktiv') return shape === 'year' ? 'dir' : null;
  if (shape === 'committee') return word === 'bet' || word === 'mot' ? word : null;
  if (word === 'bet') return null; // a betänkande's number always carries its committee
  if (shape === 'year') {
    if (YEAR_KINDS.has(word)) return word;
    // Before 1975 a riksmöte was a calendar year: `prop. 1973:90`.
    const year = Number(period);
    return SESSION_KINDS.has(word) && year <= FIRST_SPLIT_SESSION && year >= FIRST_SESSION_YEAR ? word : null;
  }
  return SESSION_KINDS.has(word) ? word : null;
}

interface OtherCandidate {
  start: number;
  shape: Shape;
  read(last: Last): Reference | null;
}

/** Candidates for the rare forms, in text order. */
function rareCandidates(text: string): OtherCandidate[] {
  const out: OtherCandidate[] = [];
  // indexOf for each form's first two characters: three cheap passes beat one regex pass.
  for (let at = text.indexOf('(E'); at >= 0; at = text.indexOf('(E', at + 2)) {
    const m = EU_MARKER_AFTER.exec(text.slice(at, at + 9));
    const found = m && markedEuCandidate(text, at, m[0]);
    if (found) out.push(found);
  }
  for (let at = text.indexOf('/E'); at >= 0; at = text.indexOf('/E', at + 2)) {
    const m = EU_SUFFIX.exec(text.slice(at, at + 9));
    const found = m && suffixedEuCandidate(text, at, m[0]);
    if (found) out.push(found);
  }
  for (let at = text.indexOf('/'); at >= 0; at = text.indexOf('/', at + 1)) {
    const found = bareEuCandidate(text, at);
    if (found) out.push(found);
  }
  for (let at = text.indexOf('nr'); at >= 0; at = text.indexOf('nr', at + 2)) {
    let y = at;
    while (y > 0 && at - y < 3 && (text.charCodeAt(y - 1) === 32 || text.charCodeAt(y - 1) === 160)) y--;
    if (y === at || y < 4 || !isDigit(text.charCodeAt(y - 1))) continue;
    const found = oldSessionCandidate(text, y - 4);
    if (found) out.push(found);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** `Prop. 1952 nr 187`: sessions before 1975 were numbered with "nr". */
function oldSessionCandidate(text: string, start: number): OtherCandidate | null {
  const m = /^(\d{4})[ \u00a0]+nr\.?[ \u00a0]+(\d{1,6})/.exec(text.slice(start, start + 20));
  if (!m) return null;
  const end = start + m[0].length;
  const year = m[1]!;
  const number = normalizeNumber(m[2]!);
  return {
    start,
    shape: 'year',
    read: () => {
      if (!number || Number(year) > FIRST_SPLIT_SESSION || Number(year) < FIRST_SESSION_YEAR || !standsAlone(text, start, end)) return null;
      const typeWord = typeWordBefore(text, start);
      if (!typeWord || typeWord.kind === 'bet' || !SESSION_KINDS.has(typeWord.kind as ReferenceKind)) return null;
      return make(typeWord.kind as ReferenceKind, year, number, typeWord.start, end);
    },
  };
}

/** The number before a suffix: `95/46` in `95/46/EG`. */
function suffixedEuCandidate(text: string, markerAt: number, marker: string): OtherCandidate | null {
  let b = markerAt;
  while (b > 0 && markerAt - b < 4 && isDigit(text.charCodeAt(b - 1))) b--;
  if (b === markerAt || text.charCodeAt(b - 1) !== 47) return null;
  let a = b - 1;
  while (a > 0 && b - 1 - a < 4 && isDigit(text.charCodeAt(a - 1))) a--;
  if (a === b - 1) return null;
  const number = text.slice(a, markerAt);
  const end = markerAt + marker.length;
  return { start: a, shape: 'eu', read: (last) => euReference(text, a, end, number, true, last) };
}

/**
 * `direktiv 2016/680`: an EU number with neither marker nor suffix, right after `direktiv` or
 * `förordning`. Most slashes are riksmöten (`2017/18:1`) or dates and are dropped at once.
 */
function bareEuCandidate(text: string, slash: number): OtherCandidate | null {
  let a = slash;
  while (a > 0 && slash - a < 4 && isDigit(text.charCodeAt(a - 1))) a--;
  if (a === slash || (a > 0 && !isGap(text.charCodeAt(a - 1)))) return null;
  let end = slash + 1;
  while (end - slash - 1 < 4 && isDigit(text.charCodeAt(end))) end++;
  const after = text.charCodeAt(end);
  if (end === slash + 1 || after === 58 /* : */ || after === 47 /* / */ || isDigit(after)) return null;
  const word = wordBefore(text, skipGapBack(text, a));
  if (!word || word.hadDot) return null;
  const kind = readTypeWord(word.word, false);
  if (kind !== 'direktiv' && kind !== 'förordning') return null;
  const number = text.slice(a, end);
  return { start: a, shape: 'eu', read: (last) => euReference(text, a, end, number, false, last, true) };
}

/** The number after a marker: `(EU) 2016/679`, `(EG) nr 45/2001`. */
function markedEuCandidate(text: string, markerAt: number, marker: string): OtherCandidate | null {
  let j = markerAt + marker.length;
  while (j < text.length && j - markerAt < 12 && isGap(text.charCodeAt(j))) j++;
  if (/^nr\.?[ \u00a0]/i.test(text.slice(j, j + 4))) {
    j += text[j + 2] === '.' ? 3 : 2;
    while (j < text.length && j - markerAt < 20 && isGap(text.charCodeAt(j))) j++;
  }
  const num = /^\d{1,4}\/\d{1,4}/.exec(text.slice(j, j + 9));
  if (!num) return null;
  const end = j + num[0].length;
  return { start: j, shape: 'eu', read: (last) => euReference(text, j, end, num[0], false, last) };
}

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

  const w = wordBefore(text, i);
  const typeWord = w && !w.hadDot ? readTypeWord(w.word, false) : null;
  const type = typeWord === 'förordning' ? 'reg' : typeWord === 'direktiv' ? 'dir' : null;
  if (type && w) return { kind: 'eu', id: `eu:${type}:${number}`, start: w.start, end };
  if (markerStart >= 0 && hasNr) return { kind: 'eu', id: `eu:reg:${number}`, start: markerStart, end };
  if (suffixed && last.euType && enumerationContinues(text, last, start, 'eu')) {
    return { kind: 'eu', id: `eu:${last.euType}:${number}`, start, end };
  }
  return null;
}
