import { isDash, isDigit, isGap, isLetterCode, isWordCode, lowerCode, skipGap as skipGapUpTo, skipGapBack as skipGapBackUpTo } from '../chars.ts';
import { isStatuteWord, statuteWordIn } from '../type-words.ts';
import type { Reference } from '../types.ts';
import type { LawContext } from './context.ts';
import { lawPlaceId, NO_NUMBER, placeNumber, wholeLawId, type PlaceNumber } from './law-ids.ts';
import { endsWord, matchBackward, matchForward, NAME_STEMS, NameIndex, startsWord, type IndexedName } from './names.ts';
import { laws } from './table.ts';

/*
 * Law citations: "10 kap. 2 § offentlighets- och sekretesslagen (2009:400)", "2 kap. 1 och 2 §§
 * brottsbalken", "26 kap. 1 § OSL", "3 § lagen (1982:80) om anställningsskydd", "5 § samma lag",
 * "7 kap. socialförsäkringsbalken", and a law's name standing alone ("ändringar i brottsbalken").
 *
 * How it stays linear. The scan stops only at `§` (found with indexOf) and at the few stems every
 * law's name carries (names.ts), found with one regular expression (STEMS, below); a `kap.` is
 * read from the `§` after it or the name it precedes. At a `§` it walks back a bounded number
 * of tokens to the citation's first number, then reads forward: groups of numbers ("19 och 20
 * §§", "2 kap. 1 §"), each with its stycken and punkter, joined by "och", "," or "samt", then the
 * law that closes the citation. Everything read is consumed, so no character is read by two
 * citations; every loop has a small fixed bound. A citation whose closing words are not a law
 * ("4 § i kollektivavtalet", "12 §§ i förslaget") gives nothing.
 */

/**
 * The table's names and abbreviations, indexed once, at the first text read (not at load: the
 * content script loads on every riksdagen.se page, and most are no documents).
 */
let TABLE_NAMES: NameIndex;
let ABBREVIATIONS: Set<string>;
// Their first letters: most words closing a citation start with none of them (lower case).
let ABBREVIATION_FIRST: Set<number>;
function indexTable(): void {
  const names = new NameIndex();
  for (const name of laws().names()) names.add(name);
  ABBREVIATIONS = new Set(laws().abbreviations());
  ABBREVIATION_FIRST = new Set([...ABBREVIATIONS].map((a) => a.charCodeAt(0)));
  // Last: it tells findLawCitations that all three are made.
  TABLE_NAMES = names;
}

/*
 * Space inside a citation: line breaks and the indentation of a text extracted from a PDF or
 * pretty-printed HTML may stand between its words ("23 a §\n\n    1\n\n   rättegångsbalken").
 * Bounded, so each skip is a constant.
 */
const MAX_GAP = 40;
const skipGap = (text: string, at: number) => skipGapUpTo(text, at, MAX_GAP);
const skipGapBack = (text: string, at: number) => skipGapBackUpTo(text, at, MAX_GAP);

// Bounds: how many numbers a list, and how many groups a citation, may have.
const MAX_LIST = 24;
const MAX_GROUPS = 24;
// How far after a law's number we look for the short name it is given ("(dansarförordningen)").
const MAX_ALIAS_DISTANCE = 160;
// The longest single word a law's name has ("konsumentkreditlagen" and longer compounds).
const MAX_WORD = 40;


/**
 * The places cited by the citation being read, before the law that closes it is known: in
 * parallel arrays, kept from one citation to the next (an object per place and per group was
 * most of what the law pass left to the garbage collector). One citation is read at a time.
 */
class Places {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** NO_NUMBER when absent. */
  readonly chapters: PlaceNumber[] = [];
  readonly sections: PlaceNumber[] = [];
  count = 0;
  /** The chapter the group read last carries to the next ("7 kap. 19 § och 20 §"). */
  chapter: PlaceNumber = NO_NUMBER;

  add(start: number, end: number, chapter: PlaceNumber, section: PlaceNumber): void {
    const i = this.count++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.chapters[i] = chapter;
    this.sections[i] = section;
  }
}
const PLACES = new Places();

interface NumberToken {
  start: number;
  end: number;
  /** `9c`: digits without leading zeros, then the letter if any (law-ids.ts): the id's string is made only when the id is new. */
  value: PlaceNumber;
}

/**
 * The stems of law names (names.ts), in one regular expression: one pass of it costs less than
 * one indexOf per stem (measured: about a fifth of the time of the four indexOf passes on
 * riksdag text). `test` with lastIndex, so a hit allocates nothing. "Lag" too: "Lagen om
 * anställningsskydd" may open a sentence; the other stems sit inside their words.
 */
export const LAW_STEMS_SOURCE = [...NAME_STEMS, 'Lag'].join('|');
const STEMS = new RegExp(LAW_STEMS_SOURCE, 'g');

/** The start of the next stem from STEMS.lastIndex, or -1. Each stem is told by its last letters. */
function nextStem(text: string): number {
  if (!STEMS.test(text)) return -1;
  const end = STEMS.lastIndex;
  const last = text.charCodeAt(end - 1);
  if (last === 107 /* k: balk */) return end - 4;
  if (last === 110 /* n: formen */) return end - 6;
  return text.charCodeAt(end - 2) === 97 /* a: lag */ ? end - 3 : end - 7; // else ordning
}

/**
 * Every law citation and named law in `text`, in order, never overlapping. `date` (`YYYY-MM-DD`)
 * picks the law a name means; `context` carries what earlier text taught (context.ts).
 */
export function findLawCitations(text: string, date: string, context: LawContext): Reference[] {
  if (TABLE_NAMES === undefined) indexTable();
  const refs: Reference[] = [];
  let consumed = 0;
  let section = text.indexOf('§');
  STEMS.lastIndex = 0;
  let stem = nextStem(text);
  let stemEnd = STEMS.lastIndex;
  while (section >= 0 || stem >= 0) {
    if (section >= 0 && (stem < 0 || section < stem)) {
      const at = section;
      section = text.indexOf('§', at + 1);
      if (at < consumed) continue;
      const start = sectionCitationStart(text, at);
      // A § with no number before it ("§ 32 i stadgarna") starts no citation, and ends nothing.
      if (start < consumed || start === Number.MAX_SAFE_INTEGER) continue;
      consumed = Math.max(consumed, readCitation(text, start, date, context, refs));
    } else {
      const at = stem;
      if (at >= consumed) consumed = Math.max(consumed, readName(text, at, stemEnd, consumed, date, context, refs));
      if (STEMS.lastIndex < consumed) STEMS.lastIndex = consumed;
      stem = nextStem(text);
      stemEnd = STEMS.lastIndex;
    }
  }
  return refs;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Where "kap." (or "kap" without its dot, as some texts write it) at `at` ends, or -1. */
function kapEnd(text: string, at: number): number {
  if (!text.startsWith('kap', at) || (at > 0 && isLetterCode(text.charCodeAt(at - 1)))) return -1;
  if (text.charCodeAt(at + 3) === 46) return at + 4;
  return isLetterCode(text.charCodeAt(at + 3)) ? -1 : at + 3;
}

/** Where "kap." or "kap" ending at `end` starts, or -1. */
function kapStartBefore(text: string, end: number): number {
  const start = text.charCodeAt(end - 1) === 46 ? end - 4 : end - 3;
  return start >= 0 && kapEnd(text, start) === end ? start : -1;
}

/**
 * A section or chapter number at `at`: one to three digits, no leading zero, and a letter that
 * belongs to it (`9 c §`, `8 a kap.`, `9 c och 9 d §§`) — a letter only when a `§`, `kap.` or
 * another number of the list follows, so the "i" of "2 i betänkandet" stays a word.
 */
function readNumber(text: string, at: number): NumberToken | null {
  if (at > 0) {
    const before = text.charCodeAt(at - 1);
    if (isWordCode(before) || before === 47 /* / */ || before === 58 /* : */ || before === 46 /* . */ || before === 0xa7) return null;
  }
  let end = at;
  let digits = 0;
  while (end < text.length && end - at < 3 && isDigit(text.charCodeAt(end))) digits = digits * 10 + text.charCodeAt(end++) - 48;
  if (end === at || text.charCodeAt(at) === 48 /* 0 */) return null;
  const after = text.charCodeAt(end);
  if (isDigit(after) || after === 58 || after === 47) return null;
  // The letter: right after the digits or after one space.
  let l = end;
  if (text.charCodeAt(l) === 32 || text.charCodeAt(l) === 160) l++;
  const letter = text.charCodeAt(l);
  if (letter >= 97 && letter <= 122 && !isLetterCode(text.charCodeAt(l + 1)) && letterBelongs(text, l + 1)) {
    return { start: at, end: l + 1, value: placeNumber(digits, letter) };
  }
  if (isLetterCode(after)) return null;
  return { start: at, end, value: placeNumber(digits) };
}

function letterBelongs(text: string, after: number): boolean {
  const a = skipGap(text, after);
  const c = text.charCodeAt(a);
  if (c === 0xa7 /* § */ || c === 44 /* , */ || isDash(c)) return true;
  return kapEnd(text, a) > 0 || separatorAt(text, a) > 0;
}

/** A plain number (a stycke or punkt): one to three digits. */
function readPlainNumber(text: string, at: number): NumberToken | null {
  let end = at;
  let digits = 0;
  while (end < text.length && end - at < 3 && isDigit(text.charCodeAt(end))) digits = digits * 10 + text.charCodeAt(end++) - 48;
  if (end === at || text.charCodeAt(at) === 48) return null;
  const after = text.charCodeAt(end);
  if (isWordCode(after) || after === 58 || after === 47 || (after === 44 && isDigit(text.charCodeAt(end + 1)))) return null;
  return { start: at, end, value: placeNumber(digits) };
}

/** Where the number token ending at `end` starts (`19`, `9 c`), or -1. */
function numberStartBefore(text: string, end: number): number {
  let d = end;
  const last = text.charCodeAt(end - 1);
  if (last >= 97 && last <= 122 && !isLetterCode(text.charCodeAt(end - 2))) {
    d = end - 1;
    if (text.charCodeAt(d - 1) === 32 || text.charCodeAt(d - 1) === 160) d--;
  }
  const digitsEnd = d;
  while (d > 0 && digitsEnd - d < 3 && isDigit(text.charCodeAt(d - 1))) d--;
  if (d === digitsEnd) return -1;
  const token = readNumber(text, d);
  return token && token.end === end ? d : -1;
}

/**
 * The separator of a list at `at` ("," "–" "och" "samt" "eller" "respektive" "resp."): where it
 * ends, or -1. Words need a space after them.
 */
function separatorAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === 44 /* , */) {
    // ", och 36 §": the comma and the word are one separator.
    const after = skipGap(text, at + 1);
    const word = SEPARATOR_WORDS.find((w) => text.startsWith(w, after) && isGap(text.charCodeAt(after + w.length)));
    return word ? after + word.length : at + 1;
  }
  if (isDash(c)) return at + 1;
  for (const word of SEPARATOR_WORDS) {
    if (text.startsWith(word, at) && (word.endsWith('.') || isGap(text.charCodeAt(at + word.length)))) return at + word.length;
  }
  return -1;
}
const SEPARATOR_WORDS = ['och', 'samt', 'eller', 'respektive', 'resp.'];

/** The separator ending at `end` (after gaps were skipped): where it starts, or -1. */
function separatorBefore(text: string, end: number): number {
  const c = text.charCodeAt(end - 1);
  if (c === 44 || isDash(c)) return end - 1;
  for (const word of SEPARATOR_WORDS) {
    const start = end - word.length;
    if (start > 0 && text.startsWith(word, start) && isGap(text.charCodeAt(start - 1))) return start;
  }
  return -1;
}

/** A list of numbers read, in parallel arrays refilled for each list (like Places). */
class NumberList {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly values: PlaceNumber[] = [];
  count = 0;
  /** Where the list ends. */
  end = 0;
}
// A group reads at most two lists at once: its chapters, then the sections after "kap.".
const CHAPTER_LIST = new NumberList();
const SECTION_LIST = new NumberList();

/** `1`, `1 och 2`, `5–7`, `9 c, 9 d och 10`: numbers joined by separators, into `list`; false when none. */
function readNumberList(text: string, at: number, list: NumberList): boolean {
  let next = readNumber(text, at);
  if (!next) return false;
  list.count = 0;
  for (;;) {
    const i = list.count++;
    list.starts[i] = next.start;
    list.ends[i] = next.end;
    list.values[i] = next.value;
    list.end = next.end;
    if (list.count >= MAX_LIST) break;
    const sep = separatorAt(text, skipGap(text, next.end));
    if (sep < 0) break;
    next = readNumber(text, skipGap(text, sep));
    if (!next) break;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Walking back to a citation's first number

/** From a `§`: back over its numbers ("1, 2 och 3 §§") and the chapter before them ("10 kap."). */
function sectionCitationStart(text: string, mark: number): number {
  let start = numberStartBefore(text, skipGapBack(text, mark));
  if (start < 0) return Number.MAX_SAFE_INTEGER;
  for (let steps = 0; steps < MAX_LIST; steps++) {
    const j = skipGapBack(text, start);
    const kap = kapStartBefore(text, j);
    if (kap >= 0) {
      const chapter = numberStartBefore(text, skipGapBack(text, kap));
      return chapter >= 0 ? chapter : start;
    }
    const sep = separatorBefore(text, j);
    const previous = sep >= 0 ? numberStartBefore(text, skipGapBack(text, sep)) : -1;
    if (previous < 0) break;
    start = previous;
  }
  return start;
}

/** From `kap.`: back over its numbers ("7 och 8 kap."). */
function chapterCitationStart(text: string, kap: number): number {
  let start = numberStartBefore(text, skipGapBack(text, kap));
  if (start < 0) return Number.MAX_SAFE_INTEGER;
  for (let steps = 0; steps < MAX_LIST; steps++) {
    const sep = separatorBefore(text, skipGapBack(text, start));
    const previous = sep >= 0 ? numberStartBefore(text, skipGapBack(text, sep)) : -1;
    if (previous < 0) break;
    start = previous;
  }
  return start;
}

// ---------------------------------------------------------------------------------------------
// Reading a citation forward

/**
 * One group: "10 kap. 2 §", "1 och 2 §§", "5–7 §§", "8 a kap." (a chapter alone), "7 och 8 kap.",
 * with the stycken and punkter after its `§`. `chapter` is the chapter carried from the group
 * before ("7 kap. 19 § och 20 §").
 */
function readGroup(text: string, at: number, chapter: PlaceNumber, places: Places): number {
  const list = CHAPTER_LIST;
  if (!readNumberList(text, at, list)) return -1;
  const kap = kapEnd(text, skipGap(text, list.end));
  if (kap > 0) {
    if (list.count === 1 && readNumberList(text, skipGap(text, kap), SECTION_LIST)) {
      const end = sectionGroup(text, SECTION_LIST, list.values[0]!, list.starts[0]!, places);
      if (end >= 0) return end;
    }
    const last = list.count - 1;
    for (let i = 0; i <= last; i++) places.add(list.starts[i]!, i === last ? kap : list.ends[i]!, list.values[i]!, NO_NUMBER);
    places.chapter = NO_NUMBER;
    return kap;
  }
  return sectionGroup(text, list, chapter, list.starts[0]!, places);
}

/** The sections of `list` and the `§` after them, added to `places` (nothing when no `§` follows): where the group ends, or -1. */
function sectionGroup(text: string, list: NumberList, chapter: PlaceNumber, start: number, places: Places): number {
  const mark = skipGap(text, list.end);
  if (text.charCodeAt(mark) !== 0xa7) return -1;
  let markEnd = mark + 1;
  if (text.charCodeAt(markEnd) === 0xa7) markEnd++;
  const end = readQualifiers(text, markEnd);
  const last = list.count - 1;
  for (let i = 0; i <= last; i++) places.add(i === 0 ? start : list.starts[i]!, i === last ? end : list.ends[i]!, chapter, list.values[i]!);
  places.chapter = chapter;
  return end;
}

/** A letter, or a soft hyphen inside a word ("regerings\u00adformen"). */
const isWordChar = (c: number) => isLetterCode(c) || c === 173;
/** A word as written, lower case, without its soft hyphens. */
function plainWord(text: string, start: number, end: number): string {
  const word = text.slice(start, end).toLowerCase();
  return word.includes('\u00ad') ? word.replace(/\u00ad/g, '') : word;
}

const ORDINALS = new Set(['första', 'andra', 'tredje', 'fjärde', 'femte', 'sjätte', 'sjunde', 'åttonde', 'nionde', 'tionde', 'elfte', 'tolfte']);
const PARAGRAPH_WORDS = new Set(['stycket', 'styckena', 'st', 'meningen', 'meningarna', 'punkten', 'punkterna']);
const POINT_WORDS = new Set(['punkt', 'punkterna', 'p']);
// The first letters of those words: the word after a section is mostly a law's name, not copied out.
const QUALIFIER_FIRST = new Set([...ORDINALS, ...POINT_WORDS].map((word) => word.charCodeAt(0)));

/** Whether a word starting with `c` may be an ordinal or a point word (a soft hyphen or a letter beyond Latin-1 may). */
const mayBeQualifier = (c: number) => c === 173 || c > 0xff || QUALIFIER_FIRST.has(lowerCode(c));

/**
 * Stycken, meningar and punkter after a section: "andra stycket", "första stycket 3", "första och
 * andra styckena", "2 st. 3", "3 p.", "punkt 2", "andra meningen", and bare points ("32 § 39 och
 * 40"). They narrow the place, so they join its span; the id stays at the section.
 */
function readQualifiers(text: string, from: number): number {
  let end = from;
  for (let steps = 0; steps < 6; steps++) {
    const at = skipGap(text, end);
    const word = mayBeQualifier(text.charCodeAt(at)) ? lowerWordAt(text, at) : null;
    if (word && ORDINALS.has(word.word)) {
      // "första och andra styckena": ordinals joined by separators, then the unit.
      let w = word;
      for (let n = 0; n < 6 && w && ORDINALS.has(w.word); n++) {
        const sep = separatorAt(text, skipGap(text, w.end));
        const next = sep >= 0 ? lowerWordAt(text, skipGap(text, sep)) : null;
        if (!next || !ORDINALS.has(next.word)) break;
        w = next;
      }
      const unit = lowerWordAt(text, skipGap(text, w.end));
      if (!unit || !PARAGRAPH_WORDS.has(unit.word)) break;
      end = readPoints(text, unit.end);
      continue;
    }
    if (word && POINT_WORDS.has(word.word)) {
      const points = readPoints(text, word.end);
      if (points === word.end) break;
      end = points;
      continue;
    }
    const n = readPlainNumber(text, at);
    if (!n) break;
    const unit = lowerWordAt(text, skipGap(text, n.end));
    // "2 st. 3", "2 st 3", "3 p.", "5 mom.": a stycke, punkt or moment by its number.
    if (unit && (unit.word === 'st' || unit.word === 'mom' || (unit.word === 'p' && unit.end > unit.start + 1))) {
      end = unit.word === 'st' ? readPoints(text, unit.end) : unit.end;
      continue;
    }
    const points = readPoints(text, end);
    if (points === end) break;
    end = points;
  }
  return end;
}

/** Points: "3", "1 och 2", "1–3" — numbers that do not start a new group of sections. */
function readPoints(text: string, from: number): number {
  let end = from;
  let at = skipGap(text, from);
  for (let n = 0; n < MAX_LIST; n++) {
    const number = readPlainNumber(text, at);
    if (!number) break;
    const after = skipGap(text, number.end);
    const c = text.charCodeAt(after);
    if (c === 0xa7 || kapEnd(text, after) > 0 || text.startsWith('st.', after) || text.startsWith('p.', after)) break;
    // A letter after a number makes it a section ("9 c §"), not a point.
    if (c >= 97 && c <= 122 && !isLetterCode(text.charCodeAt(after + 1))) break;
    end = number.end;
    const sep = separatorAt(text, after);
    if (sep < 0) break;
    at = skipGap(text, sep);
  }
  return end;
}

/**
 * The lower-case word at `at` (letters, then a dot that belongs to an abbreviation), or null.
 * Words longer than `max` are not what the caller looks for.
 */
function lowerWordAt(text: string, at: number, max = 14): { word: string; start: number; end: number } | null {
  let end = at;
  while (end < text.length && end - at < max && isWordChar(text.charCodeAt(end))) end++;
  if (end === at || isWordChar(text.charCodeAt(end))) return null;
  const word = plainWord(text, at, end);
  // "st.", "p." and "mom." carry their dot.
  if (text.charCodeAt(end) === 46 && (word === 'st' || word === 'p' || word === 'mom')) return { word, start: at, end: end + 1 };
  return { word, start: at, end };
}

/** The groups of a citation from `start`, then the law that closes it. Returns where reading ended. */
function readCitation(text: string, start: number, date: string, context: LawContext, refs: Reference[]): number {
  const places = PLACES;
  places.count = 0;
  // The places of the groups taken: a group read past the last one allowed adds places not taken.
  let taken = 0;
  let chapter = NO_NUMBER;
  let end = start;
  // The group read ahead to decide whether the citation goes on is the next one read.
  let groupEnd = readGroup(text, start, chapter, places);
  for (let groups = 0; groups < MAX_GROUPS && groupEnd >= 0; groups++) {
    taken = places.count;
    chapter = places.chapter;
    end = groupEnd;
    // Another group? "7 kap. 19 § och 20 §", "1 kap. 1 § och 2 kap. 3 §".
    const sep = separatorAt(text, skipGap(text, end));
    if (sep < 0 || isDash(text.charCodeAt(sep - 1))) break;
    groupEnd = readGroup(text, skipGap(text, sep), chapter, places);
  }
  if (taken === 0) return start + 1;
  const law = readLaw(text, skipGap(text, end), date, context);
  if (!law) return end;
  context.lastLaw = law.sfs;
  places.ends[taken - 1] = law.end;
  for (let i = 0; i < taken; i++) {
    refs.push({ kind: 'sfs', id: lawPlaceId(law.sfs, places.chapters[i]!, places.sections[i]!), start: places.starts[i]!, end: places.ends[i]! });
  }
  return law.through ?? law.end;
}

// ---------------------------------------------------------------------------------------------
// The law that closes a citation

interface LawAt {
  sfs: string;
  end: number;
  /** How far the text is read: past a short name defined after the number ("(dansarförordningen)"). */
  through?: number;
}

const SAME_LAW = new Set(['lag', 'lagen', 'förordning', 'förordningen', 'balk', 'balken']);

/**
 * What closes a citation: a law's name (from the table by date, or taught by the text), its
 * abbreviation, a statute word with its number ("lagen (1982:80)"), or "samma lag". A
 * preposition "i" may come first ("3 § i lagen (1994:1809)").
 */
function readLaw(text: string, at: number, date: string, context: LawContext, allowI = true): LawAt | null {
  if (allowI && text.charCodeAt(at) === 105 /* i */ && isGap(text.charCodeAt(at + 1))) {
    return readLaw(text, skipGap(text, at + 1), date, context, false);
  }
  const first = lowerWordAt(text, at, MAX_WORD);
  if (!first) return null;
  if (first.word === 'samma' || first.word === 'nämnda' || first.word === 'sistnämnda') {
    const what = lowerWordAt(text, skipGap(text, first.end));
    return what && SAME_LAW.has(what.word) && context.lastLaw ? { sfs: context.lastLaw, end: what.end } : null;
  }
  // An abbreviation, in its own casing: "OSL", "BrB", "RF" (copied out only when it may be one).
  if (ABBREVIATION_FIRST.has(text.charCodeAt(at))) {
    const token = text.slice(at, first.end);
    if (ABBREVIATIONS.has(token)) {
      const sfs = laws().resolveAbbreviation(token, date);
      return sfs ? { sfs, end: first.end } : null;
    }
  }
  // A statute word and its number: "lagen (1982:80)", "personuppgiftslagen (1998:204)".
  const numbered = parenthesisedNumber(text, skipGap(text, first.end));
  if (numbered && isStatuteWord(first.word)) {
    // "10 kap. 3 § fängelselagen (2010:610)" teaches "fängelselagen" as well.
    learnName(text, at, first.word, numbered.sfs, context);
    return { sfs: numbered.sfs, end: numbered.end, through: learnAlias(text, numbered.end, numbered.sfs, context) };
  }
  // A name: the text's own first, then the table's.
  const firstWord = text.charCodeAt(first.end) === 45 /* - */ ? first.word + '-' : first.word;
  const name = nameForward(text, at, firstWord, context.learned, date) ?? nameForward(text, at, firstWord, TABLE_NAMES, date);
  if (!name) return null;
  const after = parenthesisedNumber(text, skipGap(text, name.end));
  return after ? { sfs: after.sfs, end: after.end } : name;
}

function nameForward(text: string, at: number, firstWord: string, index: NameIndex, date: string): LawAt | null {
  for (const entry of index.startingWith(firstWord) ?? []) {
    const end = matchForward(text, at, entry.name);
    if (end < 0 || !endsWord(text, end)) continue;
    const sfs = entry.sfs ?? laws().resolveName(entry.name, date);
    if (sfs) return { sfs, end };
  }
  return null;
}

/**
 * `(2009:400)` or `(SFS 2009:400)` at `at`: the number and where the parenthesis closes. With
 * `orComma`, also `(1977:1160, AML)`, ending at the number.
 */
function parenthesisedNumber(text: string, at: number, orComma = false): LawAt | null {
  if (text.charCodeAt(at) !== 40 /* ( */) return null;
  let i = skipGap(text, at + 1);
  if (text.startsWith('SFS', i)) i = skipGap(text, i + 3);
  const yearStart = i;
  while (i - yearStart < 4 && isDigit(text.charCodeAt(i))) i++;
  if (i - yearStart !== 4 || text.charCodeAt(i) !== 58 /* : */) return null;
  const numberStart = ++i;
  while (i - numberStart < 5 && isDigit(text.charCodeAt(i))) i++;
  if (i === numberStart || text.charCodeAt(numberStart) === 48) return null;
  const close = skipGap(text, i);
  const sfs = `${text.slice(yearStart, yearStart + 4)}:${text.slice(numberStart, i)}`;
  if (text.charCodeAt(close) === 41 /* ) */) return { sfs, end: close + 1 };
  return orComma && text.charCodeAt(close) === 44 /* , */ ? { sfs, end: i } : null;
}

// ---------------------------------------------------------------------------------------------
// Names standing alone, and names a text teaches

/**
 * At a stem inside a word: a law named with its number teaches its name ("skolförordningen
 * (2011:185)"; its number is the document scanner's reference); a known name without a number
 * is a reference to the law. Returns how far the text is consumed.
 */
function readName(text: string, stem: number, stemEnd: number, consumed: number, date: string, context: LawContext, refs: Reference[]): number {
  // Most stems are inside other words ("lagstiftning", "förslag", "ordningsvakt"): a name's key
  // word ends at its stem, or with the definite "-en", and may take a genitive "s".
  let tail = stemEnd;
  if (text.charCodeAt(tail) === 101 /* e */ && text.charCodeAt(tail + 1) === 110 /* n */) tail += 2;
  if (text.charCodeAt(tail) === 115 /* s */) tail++;
  if (isLetterCode(text.charCodeAt(tail))) return stem + 1;
  let start = stem;
  while (start > 0 && stem - start < MAX_WORD && isWordChar(text.charCodeAt(start - 1))) start--;
  let end = stem;
  while (end < text.length && end - stem < MAX_WORD && isWordChar(text.charCodeAt(end))) end++;
  if (start < consumed || !startsWord(text, start) || !endsWord(text, end)) return end;
  const numbered = parenthesisedNumber(text, skipGap(text, end), true);
  // Most words here name nothing ("förslag", "ordning", "lagstiftningen"): ruled out where they
  // stand, before the word is copied out.
  if (numbered) {
    if (!statuteWordIn(text, start, end) && !namesWithKey(TABLE_NAMES, text, start, end) && !namesWithKey(context.learned, text, start, end)) return end;
    // "18 kap. lagen (1962:381)": a chapter of the law just named.
    const chapter = chapterOfName(text, start, consumed, date, context, refs);
    if (chapter > 0) return chapter;
    learnName(text, start, plainWord(text, start, end), numbered.sfs, context);
    context.lastLaw = numbered.sfs;
    return learnAlias(text, numbered.end, numbered.sfs, context);
  }

  // The names filed under the word, looked up once where it stands; none, and no genitive either,
  // for most words here.
  const learned = context.learned.withKeyIn(text, start, end);
  const table = TABLE_NAMES.withKeyIn(text, start, end);
  if (learned === undefined && table === undefined && !mayBeGenitive(text, start, end, context)) return end;
  const found =
    nameAround(text, start, end, learned === null ? context.learned.withKey(plainWord(text, start, end)) : learned, date) ??
    nameAround(text, start, end, table === null ? TABLE_NAMES.withKey(plainWord(text, start, end)) : table, date) ??
    // The genitive: "brottsbalkens", "regeringsformens".
    genitiveAround(text, start, end, context, date);
  if (!found || found.start < consumed) return end;
  // "lagen om offentlig upphandling (2016:1145)": the number is the reference, the name is learned.
  const after = parenthesisedNumber(text, skipGap(text, found.end));
  if (after) {
    context.lastLaw = after.sfs;
    return learnAlias(text, after.end, after.sfs, context);
  }
  // "7 kap. socialförsäkringsbalken": a chapter of the law.
  const chapter = chapterOfName(text, found.start, consumed, date, context, refs);
  if (chapter > 0) return chapter;
  refs.push({ kind: 'sfs', id: wholeLawId(found.sfs), start: found.start, end: found.end });
  context.lastLaw = found.sfs;
  return found.end;
}

/** Whether `text[start, end)` may be the key word of a name the table or the text gave (NameIndex.mayHaveKeyIn). */
function mayBeKey(text: string, start: number, end: number, context: LawContext): boolean {
  return TABLE_NAMES.mayHaveKeyIn(text, start, end) || context.learned.mayHaveKeyIn(text, start, end);
}

/** mayBeKey for the word without a genitive "s" ("brottsbalkens"). */
function mayBeGenitive(text: string, start: number, end: number, context: LawContext): boolean {
  let last = end - 1;
  while (last > start && text.charCodeAt(last) === 173) last--;
  const c = text.charCodeAt(last);
  if (c > 0xff) return true; // its lower case is toLowerCase's to say
  return (c === 115 || c === 83) /* s, S */ && mayBeKey(text, start, last, context);
}

/**
 * A chapter cited right before a law's name ("7 kap. socialförsäkringsbalken", "6 kap. i
 * brottsbalken", "18 kap. lagen (1962:381)"): read as a citation; where it ends, or -1.
 */
function chapterOfName(text: string, nameStart: number, consumed: number, date: string, context: LawContext, refs: Reference[]): number {
  let j = skipGapBack(text, nameStart);
  if (text.charCodeAt(j - 1) === 105 /* i */ && isGap(text.charCodeAt(j - 2))) j = skipGapBack(text, j - 1);
  const kap = kapStartBefore(text, j);
  if (kap < 0) return -1;
  const start = chapterCitationStart(text, kap);
  if (start < consumed || start === Number.MAX_SAFE_INTEGER) return -1;
  const before = refs.length;
  const end = readCitation(text, start, date, context, refs);
  return refs.length > before ? end : -1;
}

/**
 * The names of `index` whose key word is the word `text[start, end)` (as plainWord gives it): looked
 * up where it stands, the word copied out only when a letter beyond Latin-1 asks for toLowerCase.
 */
function namesWithKey(index: NameIndex, text: string, start: number, end: number): readonly IndexedName[] | undefined {
  const names = index.withKeyIn(text, start, end);
  return names === null ? index.withKey(plainWord(text, start, end)) : names;
}

function nameAround(
  text: string,
  start: number,
  end: number,
  names: readonly IndexedName[] | undefined,
  date: string,
  genitive = false,
): { sfs: string; start: number; end: number } | null {
  for (const entry of names ?? []) {
    if (genitive && entry.keyEnd !== entry.name.length) continue;
    const found = alignName(text, start, end - (genitive ? 1 : 0), entry, genitive);
    if (!found) continue;
    const sfs = entry.sfs ?? laws().resolveName(entry.name, date);
    if (sfs) return { sfs, start: found.start, end: genitive ? end : found.end };
  }
  return null;
}

/** The word at [start, end) as a genitive ("brottsbalkens"): its key word is the word without the "s". */
function genitiveAround(text: string, start: number, end: number, context: LawContext, date: string) {
  let last = end - 1;
  while (last > start && text.charCodeAt(last) === 173) last--;
  const s = text.charCodeAt(last);
  // Only "s" and "S" lower-case to "s"; the key word is the word up to that letter.
  if (last < start || (s !== 115 && s !== 83)) return null;
  const withKey = (index: NameIndex) => {
    const names = index.withKeyIn(text, start, last);
    return names === null ? index.withKey(plainWord(text, start, end).slice(0, -1)) : names;
  };
  return nameAround(text, start, end, withKey(context.learned), date, true) ?? nameAround(text, start, end, withKey(TABLE_NAMES), date, true);
}

/** The whole name around its key word at [start, end), or null. */
function alignName(text: string, start: number, end: number, entry: IndexedName, genitive: boolean): { start: number; end: number } | null {
  const from = entry.keyStart === 0 ? start : matchBackward(text, start, entry.beforeKey);
  if (from < 0 || !startsWord(text, from)) return null;
  const to = entry.keyEnd === entry.name.length ? end : matchForward(text, end, entry.afterKey);
  if (to < 0 || (!genitive && !endsWord(text, to))) return null;
  return { start: from, end: to };
}

const isUpper = (c: number) => (c >= 65 && c <= 90) || c === 0xc5 || c === 0xc4 || c === 0xd6;

// Words too general to be a name of their own: "lagen (1998:204)" teaches no name.
const GENERIC = new Set(['lag', 'lagen', 'förordning', 'förordningen', 'balk', 'balken', 'lagar', 'lagarna', 'förordningarna']);

/** "skolförordningen (2011:185)" → "skolförordningen"; "plan- och bygglagen (2010:900)" the whole. */
function learnName(text: string, start: number, word: string, sfs: string, context: LawContext) {
  if (GENERIC.has(word)) return;
  // "offentlighets- och sekretesslagen": a first part ending in a hyphen, joined by "och".
  const och = skipGapBack(text, start);
  if (text.startsWith('och', och - 3) && isGap(text.charCodeAt(och - 4))) {
    const hyphen = skipGapBack(text, och - 3);
    if (text.charCodeAt(hyphen - 1) === 45) {
      let s = hyphen - 1;
      while (s > 0 && hyphen - s < 30 && isLetterCode(text.charCodeAt(s - 1))) s--;
      if (s < hyphen - 1 && startsWord(text, s)) {
        context.learn(`${text.slice(s, hyphen).toLowerCase()} och ${word}`, sfs);
        return;
      }
    }
  }
  context.learn(word, sfs);
}

/**
 * "förordningen (2011:7) om dansarutbildning (dansarförordningen)": a short name in parentheses
 * later in the same clause is the law's name from now on. Returns how far the text is consumed
 * (past the short name, which is a definition and not itself a reference).
 */
function learnAlias(text: string, from: number, sfs: string, context: LawContext): number {
  const limit = Math.min(text.length, from + MAX_ALIAS_DISTANCE);
  // Only a parenthesis opens a short name: found first, since most laws are given none. (This
  // stays linear: the next law named with its number has a parenthesis of its own, so no
  // stretch of text is searched twice.)
  const open = text.indexOf('(', from);
  if (open < 0 || open >= limit) return from;
  for (let i = from; i <= open; i++) {
    const c = text.charCodeAt(i);
    // A clause ends at ";" or ")" or a sentence's full stop; "m.m." and "bl.a." do not end it.
    if (c === 59 /* ; */ || c === 41 /* ) */) return from;
    if (c === 46 /* . */ && isGap(text.charCodeAt(i + 1)) && isUpper(text.charCodeAt(skipGap(text, i + 1)))) return from;
    if (c !== 40 /* ( */) continue;
    let end = i + 1;
    while (end < limit && end - i < 40 && isLetterCode(text.charCodeAt(end))) end++;
    if (text.charCodeAt(end) !== 41 || end === i + 1) return from;
    const alias = text.slice(i + 1, end).toLowerCase();
    if (!isStatuteWord(alias) || GENERIC.has(alias)) return from;
    context.learn(alias, sfs);
    return end + 1;
  }
  return from;
}
