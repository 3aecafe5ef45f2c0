/*
 * Looking a word up where it stands in the text, without copying it out. The scanners ask about
 * the word before nearly every number ("is this `prop.`, `betänkandet`, `lagen`?"); slicing,
 * lower-casing and hashing a fresh string for each of them cost more than the rest of the scan.
 * A trie read backwards, from the word's last letter, answers both questions asked of such
 * words: is the whole word in the set, and which listed endings does it have.
 */

interface Node<V> {
  /** Children by char code: a short list, scanned (faster than a Map for the few each node has). */
  readonly codes: number[];
  readonly children: Array<Node<V>>;
  /** The value of the word that ends here, read from its start. */
  word: V | undefined;
  /** The value of the ending that starts here (read backwards: ends here). */
  ending: V | undefined;
  /** The flags of every ending along the path to here. */
  flags: number;
}

const node = <V>(): Node<V> => ({ codes: [], children: [], word: undefined, ending: undefined, flags: 0 });

function child<V>(at: Node<V>, code: number): Node<V> | undefined {
  const codes = at.codes;
  for (let k = 0; k < codes.length; k++) if (codes[k] === code) return at.children[k];
  return undefined;
}

/** What a word in the text is, read backwards through a BackwardWords. */
export interface BackwardMatch<V> {
  /** The value of the whole word, when it is in the set. */
  word: V | undefined;
  /** The value of the longest listed ending the word has. */
  ending: V | undefined;
  /** The union of the flags of every listed ending the word has. */
  flags: number;
  /** The word's length, soft hyphens left out; only counted in full when it has an ending. */
  length: number;
}

export const emptyMatch = <V>(): BackwardMatch<V> => ({ word: undefined, ending: undefined, flags: 0, length: 0 });

/** Lower case of a Latin-1 letter, as String.prototype.toLowerCase gives it. */
const lowerLatin1 = (c: number) => ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 32 : c);

/** A set of lower-case words and word endings, each with a value (the first given wins). */
export class BackwardWords<V> {
  private readonly root: Node<V> = node();
  // The root's children by char code: every word looked up passes the root, which has the most.
  private readonly firstStep: Array<Node<V> | undefined> = new Array<Node<V> | undefined>(256).fill(undefined);

  addWord(word: string, value: V): void {
    const at = this.place(word);
    if (at.word === undefined) at.word = value;
  }

  addEnding(ending: string, value: V, flags = 0): void {
    const at = this.place(ending);
    if (at.ending === undefined) at.ending = value;
    at.flags |= flags;
  }

  private place(word: string): Node<V> {
    let at = this.root;
    for (let i = word.length - 1; i >= 0; i--) {
      const c = word.charCodeAt(i);
      let next = child(at, c);
      if (!next) {
        next = node();
        at.codes.push(c);
        at.children.push(next);
        if (at === this.root && c < 256) this.firstStep[c] = next;
      }
      at = next;
    }
    return at;
  }

  /**
   * Reads `text[start, end)` as a word: case ignored, soft hyphens (U+00AD) left out, as if it
   * had been sliced, lower-cased and stripped. Returns false, with `into` unspecified, when the
   * word holds a character beyond Latin-1, whose lower case only toLowerCase knows.
   */
  match(text: string, start: number, end: number, into: BackwardMatch<V>): boolean {
    let at: Node<V> | undefined = this.root;
    let ending: V | undefined;
    let flags = 0;
    let length = 0;
    let i = end - 1;
    for (; i >= start; i--) {
      const c = text.charCodeAt(i);
      if (c === 173) continue;
      if (c > 0xff) return false;
      at = at === this.root ? this.firstStep[lowerLatin1(c)] : child(at, lowerLatin1(c));
      if (!at) break;
      length++;
      if (at.ending !== undefined) ending = at.ending;
      flags |= at.flags;
    }
    // Past the last letter the set knows, only the word's length can still matter, and only
    // when it has an ending (a letter beyond Latin-1 may lower-case to two code units).
    if (ending !== undefined) {
      for (; i >= start; i--) {
        const c = text.charCodeAt(i);
        if (c > 0xff) return false;
        if (c !== 173) length++;
      }
    }
    into.word = i < start ? at?.word : undefined;
    into.ending = ending;
    into.flags = flags;
    into.length = length;
    return true;
  }
}
