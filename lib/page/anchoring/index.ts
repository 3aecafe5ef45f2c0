export type { Selectors, TextAnchor, TextPositionSelector, TextQuoteSelector } from './types.ts';
export { TextIndex, type TextPoint } from './text-index.ts';
export { CONTEXT_CHARS, describeRange, describeText } from './describe.ts';
export { errorBudget, matchExact, matchFuzzy, matchQuote, type QuoteContext, type QuoteMatch } from './match-quote.ts';
export { anchorAll, anchorSelectors, type AnchorOptions } from './anchor.ts';
