import approxSearch from 'approx-string-match';

/**
 * Finding a quote in text that may have changed, Hypothesis style: exact occurrences first (one
 * `indexOf` scan, the common case), approximate ones only when there are none. Each candidate is
 * scored by how well the quote, its prefix and suffix match and how near it lies to where it is
 * expected; the best wins.
 */

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote is expected to start (its stored position, adjusted by the drift seen so far). */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  errors: number;
  score: number;
}

/**
 * The fuzzy error budget: min(256, quote.length / 2), as Hypothesis. Half the quote's length lets
 * a reworded sentence still be found, while a quote that shares less than half its characters
 * with anything is better shown as an orphan than pinned to the wrong text. The cap bounds the
 * cost: approx-string-match runs in O(errors / 32 · text length), so a 1 MB text costs at most
 * about eight 32-bit passes per character however long the quote.
 */
export function errorBudget(quote: string): number {
  return Math.min(256, Math.floor(quote.length / 2));
}

/**
 * Near the expected place a fuzzy match is first sought in a window this much wider than the
 * quote on each side: a slightly edited paragraph is still about where it was, and a window costs
 * microseconds where the whole text costs milliseconds.
 */
const WINDOW_CHARS = 2000;
/**
 * In the window we accept only a close match (a quarter of the quote's length in errors): with
 * the full budget, some unrelated sentence nearby can come within half a quote's length of
 * almost anything. A looser match is sought in the whole text, where a better one may exist.
 */
const WINDOW_ERROR_SHARE = 4;

// Weights of the score's parts, Hypothesis' values: the quote itself matters most, its context
// tells repeats apart, and position only breaks the remaining ties (the long document repeats its
// paragraphs verbatim, so there position is all that tells them apart).
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Every exact occurrence, overlapping ones included. O(text length) per call. */
export function exactMatches(text: string, quote: string): { start: number; end: number; errors: number }[] {
  const found: { start: number; end: number; errors: number }[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/** Share of `prefix` that matches the text just before `at`, counted from the quote outwards. */
function prefixScore(text: string, at: number, prefix: string): number {
  if (!prefix) return 1;
  let n = 0;
  while (n < prefix.length && at - 1 - n >= 0 && text[at - 1 - n] === prefix[prefix.length - 1 - n]) n++;
  return n / prefix.length;
}

/** Share of `suffix` that matches the text just after `at`, counted from the quote outwards. */
function suffixScore(text: string, at: number, suffix: string): number {
  if (!suffix) return 1;
  let n = 0;
  while (n < suffix.length && at + n < text.length && text[at + n] === suffix[n]) n++;
  return n / suffix.length;
}

// Comparing context character by character from the quote outwards (not with a second fuzzy
// search, as Hypothesis does) keeps scoring O(64) per candidate: a phrase repeated a thousand
// times in a long document is scored in well under a millisecond.
function score(text: string, quote: string, match: { start: number; end: number; errors: number }, context: QuoteContext) {
  const quoteScore = 1 - match.errors / quote.length;
  const positionScore = context.hint === undefined ? 1 : 1 - Math.abs(match.start - context.hint) / Math.max(1, text.length);
  const raw =
    QUOTE_WEIGHT * quoteScore +
    PREFIX_WEIGHT * prefixScore(text, match.start, context.prefix ?? '') +
    SUFFIX_WEIGHT * suffixScore(text, match.end, context.suffix ?? '') +
    POSITION_WEIGHT * positionScore;
  return raw / MAX_SCORE;
}

function best(text: string, quote: string, matches: { start: number; end: number; errors: number }[], context: QuoteContext) {
  let winner: QuoteMatch | null = null;
  for (const match of matches) {
    const s = score(text, quote, match, context);
    if (!winner || s > winner.score) winner = { ...match, score: s };
  }
  return winner;
}

/**
 * The best exact occurrence of the quote, or null when it does not occur verbatim. Occurrences
 * near the hint whose prefix and suffix both match in full are taken without scanning the whole
 * text: no occurrence elsewhere can score higher except by being nearer, and after an edit that
 * moves each highlight by a different amount this saves a 1 MB scan per highlight.
 */
export function matchExact(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  if (!quote) return null;
  if (context.hint !== undefined) {
    const from = Math.max(0, context.hint - WINDOW_CHARS);
    const to = context.hint + WINDOW_CHARS;
    const near: { start: number; end: number; errors: number }[] = [];
    for (let at = text.indexOf(quote, from); at !== -1 && at <= to; at = text.indexOf(quote, at + 1)) {
      if (prefixScore(text, at, context.prefix ?? '') === 1 && suffixScore(text, at + quote.length, context.suffix ?? '') === 1) {
        near.push({ start: at, end: at + quote.length, errors: 0 });
      }
    }
    const found = best(text, quote, near, context);
    if (found) return found;
  }
  return best(text, quote, exactMatches(text, quote), context);
}

/**
 * The best approximate occurrence within the error budget, or null. Tries a window around
 * `context.hint` first (see WINDOW_CHARS), then — unless `wholeText` is false — the whole text.
 * The whole-text search is what makes an orphan expensive (tens of milliseconds on 1 MB for a
 * long quote), so a caller anchoring many highlights may leave it for later, one at a time.
 */
export function matchFuzzy(text: string, quote: string, context: QuoteContext = {}, wholeText = true): QuoteMatch | null {
  if (!quote) return null;
  const budget = errorBudget(quote);
  if (context.hint !== undefined) {
    const from = Math.max(0, context.hint - WINDOW_CHARS);
    const to = Math.min(text.length, context.hint + quote.length + WINDOW_CHARS);
    const near = approxSearch(text.slice(from, to), quote, Math.floor(quote.length / WINDOW_ERROR_SHARE)).map((m) => ({
      start: m.start + from,
      end: m.end + from,
      errors: m.errors,
    }));
    const found = best(text, quote, near, context);
    if (found) return found;
  }
  if (!wholeText) return null;
  return best(text, quote, approxSearch(text, quote, budget), context);
}

/** Exact first, fuzzy only when the quote occurs nowhere verbatim. */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  return matchExact(text, quote, context) ?? matchFuzzy(text, quote, context);
}
