import type { TextIndex } from './text-index.ts';
import type { Selectors } from './types.ts';

/**
 * How much context a quote carries on each side. 32 characters is Hypothesis' choice too: enough
 * to tell apart repeats of a short phrase ("Regeringen", "terrorism") by the words around them,
 * small enough that an edit nearby rarely touches it and the stored record stays small.
 */
export const CONTEXT_CHARS = 32;

const SPACE = /\s/;

/**
 * Selectors for text [start, end) of `text`, trimmed of white space at both ends: a reader's
 * selection often takes a line break or an indent along, and that white space is the first thing
 * a change of markup rewrites. Null when nothing but white space is left.
 */
export function describeText(text: string, start: number, end: number): Selectors | null {
  let from = Math.max(0, Math.min(start, text.length));
  let to = Math.max(from, Math.min(end, text.length));
  while (from < to && SPACE.test(text[from]!)) from++;
  while (to > from && SPACE.test(text[to - 1]!)) to--;
  if (from === to) return null;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(from, to),
      prefix: text.slice(Math.max(0, from - CONTEXT_CHARS), from),
      suffix: text.slice(to, to + CONTEXT_CHARS),
    },
    position: { type: 'TextPositionSelector', start: from, end: to },
  };
}

/** Selectors for a DOM Range in the index's region; null outside it or for white space only. */
export function describeRange(index: TextIndex, range: Range): Selectors | null {
  const offsets = index.offsetsOf(range);
  if (!offsets) return null;
  return describeText(index.text, offsets.start, offsets.end);
}
