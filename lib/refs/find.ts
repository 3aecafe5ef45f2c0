import { emptySpan, emptyTypeWordMatch, standsAlone, typeWordBefore, wordSpanBefore } from './around.ts';
import { isGap, skipGapBack } from './chars.ts';
import { colonId, emptyColonCandidate, readColonCandidate, type ColonCandidate } from './colon-numbers.ts';
import { enumerationContinues, type Last, type Shape } from './enumerations.ts';
import { FIRST_SPLIT_SESSION } from './ids.ts';
import { findLawCitations } from './laws/citations.ts';
import { LawContext } from './laws/context.ts';
import { localDate } from './laws/table.ts';
import { RareCandidates, readRareCandidate } from './rare-forms.ts';
import { namedStatuteBefore } from './named-statute.ts';
import { statuteWordIn, type TypeWordKind } from './type-words.ts';
import { SESSION_KINDS, YEAR_KINDS, type Reference, type ReferenceKind } from './types.ts';

/*
 * How this stays linear, and fast. Every document reference holds a colon (`2017/18:1`,
 * `2018:65`), a slash (every EU number: `(EU) 2016/679`, `95/46/EG`) or, before 1975, an 18xx or
 * 19xx year before `nr` (`1952 nr 187`). We jump between those with indexOf, on characters chosen
 * to be rare (`:`, `/`, `1`; not `nr`, whose `n` is one letter in twelve) — a memchr over the
 * text is far cheaper than a regular expression, and a loop over every character in JavaScript
 * costs more than the regex pass itself. The three cursors advance together, in text order, so
 * nothing is collected or sorted. At each stop we read the digits by char code, then look BACK a
 * bounded distance for the type word (`prop.`, `SOU`, `lagen (`, `förordning (EU)`), matched
 * where it stands (backward-words.ts), or for the previous reference of an enumeration. Every
 * step is bounded, so each character costs the same however hostile the text. Nothing is copied
 * out of the text until a reference is certain: most stops are not references, and in
 * reference-dense text the garbage collector was the largest cost. `npm run bench` holds the
 * whole scan against one pass of a trivial regex.
 */

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

  // The rare forms come in text order from their own cursor, merged while the colons are walked.
  const others = new RareCandidates(text);
  const acceptOthersBefore = (position: number) => {
    while (others.nextStart() < position) {
      const other = others.take()!;
      const ref = readRareCandidate(text, other, last);
      accept(ref, other.form === 'old' ? 'year' : 'eu', ref?.kind === 'eu' ? (ref.id.startsWith('eu:dir:') ? 'dir' : 'reg') : undefined);
    }
  };

  // One candidate record, refilled at every colon: most colons are not references.
  const c = emptyColonCandidate();
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
// Readings

// Scratch records, refilled for every candidate: most candidates are not references.
const typeWord = emptyTypeWordMatch();
const statuteWord = emptySpan();

/** `prop. 2017/18:1`, `SOU 2018:65`, `bet. 2018/19:JuU12`, a law's `(1998:204)`, or an enumeration's `2019:12`. */
function colonReference(text: string, c: ColonCandidate, last: Last): Reference | null {
  const { start, end, shape } = c;
  const hasLetters = c.lettersStart < c.digitsStart;
  if (!c.validPeriod || c.numberStart === end || (shape === 'year' && hasLetters)) return null;

  // A law's number in parentheses: `lagen (1998:204) om …` covers `1998:204`.
  if (shape === 'year') {
    const open = skipGapBack(text, start);
    if (text.charCodeAt(open - 1) === 40 /* ( */) {
      let close = end;
      while (close < end + 2 && isGap(text.charCodeAt(close))) close++;
      // `(1977:1160)`, and `(1977:1160, AML)` with the law's short name after the number.
      if (text.charCodeAt(close) === 41 /* ) */ || text.charCodeAt(close) === 44 /* , */) {
        const word = statuteWord;
        if (wordSpanBefore(text, skipGapBack(text, open - 1), word) && !word.hadDot && statuteWordIn(text, word.start, word.end)) {
          return { kind: 'sfs', id: colonId(text, c, 'sfs')!, start, end };
        }
        // `lagen om offentlig upphandling (2016:1145)`: the statute's name runs on with "om …".
        if (namedStatuteBefore(text, open - 1)) return { kind: 'sfs', id: colonId(text, c, 'sfs')!, start, end };
      }
    }
  }

  let kind: ReferenceKind | null;
  let from: number;
  if (typeWordBefore(text, start, typeWord)) {
    kind = kindForColonNumber(typeWord.kind, shape, c.year);
    from = typeWord.start;
  } else if (last.ref && enumerationContinues(text, last, start, shape)) {
    kind = kindForColonNumber(last.ref.kind, shape, c.year);
    from = start;
  } else {
    return null;
  }
  if (!kind) return null;
  const id = colonId(text, c, kind);
  return id === null ? null : { kind, id, start: from, end };
}

// The riksdag's first bicameral session; earlier calendar years are no riksmöte we can look up.
const FIRST_SESSION_YEAR = 1867;

/** Which kind a type word makes of a number of this shape, or null when they do not fit. */
function kindForColonNumber(word: TypeWordKind | ReferenceKind, shape: Shape, year: number): ReferenceKind | null {
  if (word === 'förordning' || word === 'eu') return null;
  if (word === 'direktiv') return shape === 'year' ? 'dir' : null;
  if (shape === 'committee') return word === 'bet' || word === 'mot' ? word : null;
  if (word === 'bet') return null; // a betänkande's number always carries its committee
  if (shape === 'year') {
    if (YEAR_KINDS.has(word)) return word;
    // Before 1975 a riksmöte was a calendar year: `prop. 1973:90`.
    return SESSION_KINDS.has(word) && year <= FIRST_SPLIT_SESSION && year >= FIRST_SESSION_YEAR ? word : null;
  }
  return SESSION_KINDS.has(word) ? word : null;
}
