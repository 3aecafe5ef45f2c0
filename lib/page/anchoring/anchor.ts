import { matchExact, matchFuzzy } from './match-quote.ts';
import type { Selectors, TextAnchor } from './types.ts';

/*
 * Finding a stored highlight in the text as it is now. Cheapest evidence first:
 *
 *  1. position: the text at the stored offsets is still the quote. O(quote length). Holds while
 *     nothing before the highlight changed, which is nearly every visit.
 *  2. shifted: the same, moved by the drift the previous highlight of the batch showed (text
 *     inserted or removed before both moves them alike). O(quote length), and confirmed by the
 *     quote's prefix or suffix, since a short quote can recur by chance at a guessed offset.
 *  3. quote: every exact occurrence (one indexOf scan of the text), the best by prefix, suffix
 *     and nearness. Chooses among repeats.
 *  4. fuzzy: approx-string-match within an error budget proportional to the quote's length, near
 *     the expected place first. Milliseconds on a 1 MB text: paid only by highlights whose text
 *     was edited.
 *
 * Nothing fits → null: the highlight is an orphan, kept and shown as such, never deleted.
 *
 * An orphan is the expensive case: it pays the whole-text fuzzy search and finds nothing. A page
 * anchors in two passes (see AnchorOptions): everything cheap first, painted at once; then the
 * whole-text search for each highlight still missing, one per task.
 */

function contextMatches(text: string, start: number, end: number, selectors: Selectors): boolean {
  const { prefix, suffix } = selectors.quote;
  return (prefix.length > 0 && text.endsWith(prefix, start)) || (suffix.length > 0 && text.startsWith(suffix, end)) ||
    (prefix.length === 0 && suffix.length === 0);
}

export interface AnchorOptions {
  /**
   * Whether a failed highlight may search the whole text approximately (default true). False
   * keeps a pass to the cheap steps and a fuzzy search near the expected place; what is left
   * unanchored then is either an orphan or found by a later whole-text search.
   */
  wholeText?: boolean;
}

/** Anchors one highlight. `drift` is how far the text moved before it, if known. */
export function anchorSelectors(text: string, selectors: Selectors, drift = 0, options: AnchorOptions = {}): TextAnchor | null {
  const { exact } = selectors.quote;
  if (!exact) return null;
  const { start } = selectors.position;
  const end = start + exact.length;

  if (start >= 0 && text.startsWith(exact, start)) return { start, end, method: 'position' };

  const moved = start + drift;
  if (drift !== 0 && moved >= 0 && text.startsWith(exact, moved) && contextMatches(text, moved, moved + exact.length, selectors)) {
    return { start: moved, end: moved + exact.length, method: 'shifted' };
  }

  const context = { prefix: selectors.quote.prefix, suffix: selectors.quote.suffix, hint: moved };
  const exactMatch = matchExact(text, exact, context);
  if (exactMatch) return { start: exactMatch.start, end: exactMatch.end, method: 'quote' };
  const fuzzy = matchFuzzy(text, exact, context, options.wholeText ?? true);
  if (fuzzy) return { start: fuzzy.start, end: fuzzy.end, method: 'fuzzy' };
  return null;
}

/**
 * Anchors a page's highlights against one text, built once. Highlights are visited in the order
 * of their stored positions, so the drift learned from one serves the next; results come back
 * in the order given. Null entries are orphans.
 */
export function anchorAll(text: string, all: readonly Selectors[], options: AnchorOptions = {}): (TextAnchor | null)[] {
  const order = all.map((_, i) => i).sort((a, b) => all[a]!.position.start - all[b]!.position.start);
  const results: (TextAnchor | null)[] = new Array(all.length).fill(null);
  let drift = 0;
  for (const i of order) {
    const selectors = all[i]!;
    const anchor = anchorSelectors(text, selectors, drift, options);
    results[i] = anchor;
    if (anchor) drift = anchor.start - selectors.position.start;
  }
  return results;
}
