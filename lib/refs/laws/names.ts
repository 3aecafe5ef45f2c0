import { BackwardWords, emptyMatch } from '../backward-words.ts';
import { isGap, isLetterCode, lowerCode } from '../chars.ts';

/*
 * Finding a law's name in running text without scanning every word. Each name is filed under
 * its "key word": the last of its words that carries a statute stem (`sekretesslagen` in
 * `offentlighets- och sekretesslagen`, `lagen` in `lagen om anställningsskydd`). The scanner
 * only stops at those stems (citations.ts), reads the word there, and compares the few names
 * filed under it, character by character, outward from the word. A space in a name matches any
 * run of spaces, non-breaking spaces and line breaks in the text; case is ignored.
 */

/** Substrings every key word contains: what the scanner looks for (one regular expression, citations.ts). */
export const NAME_STEMS = ['lag', 'balk', 'ordning', 'formen'] as const;

export function hasNameStem(word: string): boolean {
  for (const stem of NAME_STEMS) if (word.includes(stem)) return true;
  return false;
}

export interface IndexedName {
  /** Lower case, single spaces: `offentlighets- och sekretesslagen`. */
  name: string;
  /** Where the key word starts and ends in `name`. */
  keyStart: number;
  keyEnd: number;
  /** The name before and after its key word (`offentlighets- och `, ``): kept, so no match copies them out. */
  beforeKey: string;
  afterKey: string;
  /** The SFS number when the name is tied to one (names a text taught us); table names resolve by date. */
  sfs?: string;
}

/** Names filed by key word, longest first under each key so the longest match wins. */
export class NameIndex {
  private readonly byKey = new Map<string, IndexedName[]>();
  private readonly byFirst = new Map<string, IndexedName[]>();
  // The key words again, each with itself, to look a word up where it stands without copying it
  // out (mayHaveKeyIn, withKeyIn): the stored string's hash is computed once.
  private readonly keys = new BackwardWords<string>();

  add(name: string, sfs?: string): void {
    const words = name.split(' ');
    let offset = name.length;
    let keyStart = -1;
    let keyEnd = -1;
    for (let w = words.length - 1; w >= 0; w--) {
      offset -= words[w]!.length;
      if (keyStart < 0 && hasNameStem(words[w]!)) {
        keyStart = offset;
        keyEnd = offset + words[w]!.length;
      }
      offset -= 1;
    }
    if (keyStart < 0) return; // A name without a stem could never be found: the table test says so.
    const entry: IndexedName = { name, keyStart, keyEnd, beforeKey: name.slice(0, keyStart), afterKey: name.slice(keyEnd) };
    if (sfs) entry.sfs = sfs;
    const key = name.slice(keyStart, keyEnd);
    insert(this.byKey, key, entry);
    this.keys.addWord(key, key);
    insert(this.byFirst, words[0]!, entry);
  }

  /** Names whose key word is `word` (lower case). */
  withKey(word: string): readonly IndexedName[] | undefined {
    return this.byKey.get(word);
  }

  /**
   * Whether the word `text[start, end)` (any case, soft hyphens ignored) may be a key word:
   * false only when it surely is none, true too when a letter beyond Latin-1 leaves it open.
   */
  mayHaveKeyIn(text: string, start: number, end: number): boolean {
    return !this.keys.match(text, start, end, keyMatch) || keyMatch.word !== undefined;
  }

  /**
   * withKey of the word `text[start, end)` read where it stands (any case, soft hyphens left
   * out), or null when a letter beyond Latin-1 leaves it to withKey of the copied word.
   */
  withKeyIn(text: string, start: number, end: number): readonly IndexedName[] | undefined | null {
    if (!this.keys.match(text, start, end, keyMatch)) return null;
    return keyMatch.word === undefined ? undefined : this.byKey.get(keyMatch.word);
  }

  /** Names whose first word is `word` (lower case; `offentlighets-` for `offentlighets- och …`). */
  startingWith(word: string): readonly IndexedName[] | undefined {
    return this.byFirst.get(word);
  }
}

const keyMatch = emptyMatch<string>();

/** Files an entry; a name filed again (a text that gives a name a new number) replaces the old. */
function insert(map: Map<string, IndexedName[]>, key: string, entry: IndexedName) {
  const list = (map.get(key) ?? []).filter((other) => other.name !== entry.name);
  list.push(entry);
  list.sort((a, b) => b.name.length - a.name.length);
  map.set(key, list);
}

/**
 * Where `part` (lower case, single spaces) ends when it is read in `text` from `at`, or -1.
 * Bounded by the part's length (and the gaps inside it).
 */
export function matchForward(text: string, at: number, part: string): number {
  let i = at;
  for (let k = 0; k < part.length; k++) {
    const p = part.charCodeAt(k);
    if (p === 32) {
      if (i >= text.length || !isGap(text.charCodeAt(i))) return -1;
      let n = 0;
      while (i < text.length && n < 8 && isGap(text.charCodeAt(i))) {
        i++;
        n++;
      }
      continue;
    }
    // A soft hyphen in the text is invisible: "regerings\u00adformen".
    if (text.charCodeAt(i) === 173 && k > 0) i++;
    if (i >= text.length || lowerCode(text.charCodeAt(i)) !== p) return -1;
    i++;
  }
  return i;
}

/** Where `part` starts when it is read in `text` backwards, ending at `end`, or -1. */
export function matchBackward(text: string, end: number, part: string): number {
  let i = end;
  for (let k = part.length - 1; k >= 0; k--) {
    const p = part.charCodeAt(k);
    if (p === 32) {
      if (i <= 0 || !isGap(text.charCodeAt(i - 1))) return -1;
      let n = 0;
      while (i > 0 && n < 8 && isGap(text.charCodeAt(i - 1))) {
        i--;
        n++;
      }
      continue;
    }
    if (text.charCodeAt(i - 1) === 173 && k < part.length - 1) i--;
    if (i <= 0 || lowerCode(text.charCodeAt(i - 1)) !== p) return -1;
    i--;
  }
  return i;
}

/** No letter (nor a soft hyphen inside a word) right before `at`: a name starts a word. */
export const startsWord = (text: string, at: number) => at === 0 || !(isLetterCode(text.charCodeAt(at - 1)) || text.charCodeAt(at - 1) === 173);
/** No letter at `at` (a name ends a word). */
export const endsWord = (text: string, at: number) => at >= text.length || !(isLetterCode(text.charCodeAt(at)) || text.charCodeAt(at) === 173);
