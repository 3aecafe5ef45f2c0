import { NameIndex } from './names.ts';

/**
 * What one document has taught the recognizer about its laws, carried from one piece of its text
 * to the next (the page is read block by block): names it gave with their numbers
 * ("skolförordningen (2011:185)", "(dansarförordningen)") and the law it cited last, which
 * "samma lag" means. A fresh context per document; findReferences makes one when given none.
 */
export class LawContext {
  /** Names the text tied to a number; they win over the law table for the rest of the text. */
  readonly learned = new NameIndex();
  /** The SFS number (`2009:400`) of the law cited last. */
  lastLaw: string | undefined;
  // Each name with the numbers it was given: a text repeats them, and a repeat teaches nothing.
  private readonly known = new Map<string, Set<string>>();

  learn(name: string, sfs: string): void {
    let numbers = this.known.get(name);
    if (!numbers) this.known.set(name, (numbers = new Set()));
    if (numbers.has(sfs)) return;
    numbers.add(sfs);
    this.learned.add(name, sfs);
  }
}
