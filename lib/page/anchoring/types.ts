/*
 * How a highlight is described, in the W3C Web Annotation vocabulary
 * (https://www.w3.org/TR/annotation-model/#selectors), so that an export is readable by other
 * tools and a selector means the same thing everywhere. Offsets are UTF-16 code units into the
 * document region's text (its `textContent`), which our own linking never changes.
 */

/** The selected text and a little of what surrounds it: survives markup changes and edits elsewhere. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where the text was: finds it in O(1) while the text before it is unchanged. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Every highlight carries both: the position is tried first, the quote confirms and recovers. */
export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Where a highlight was found in the text now, and how: the method tells tests and the bench what it cost. */
export interface TextAnchor {
  start: number;
  end: number;
  method: 'position' | 'shifted' | 'quote' | 'fuzzy';
}
