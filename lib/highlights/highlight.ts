import * as z from 'zod/mini';
import { PAGE_KINDS } from '../page/kinds.ts';

/*
 * A saved highlight: which document, where in its text (W3C selectors relative to the document
 * region's text), how it looks and what the reader wrote. One schema serves the database, the
 * messages and imports, so a record that passed one of them passes all.
 */

/** The four highlight colours, by the names used in `data-color` and `riksref-<colour>`. */
export const COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof COLORS)[number];

/** Swedish names of the colours, for labels and the Markdown export. */
export const COLOR_LABELS: Readonly<Record<HighlightColor, string>> = {
  yellow: 'Gul',
  green: 'Grön',
  blue: 'Blå',
  pink: 'Rosa',
};

// Bounds that no real highlight reaches but that keep one bad record (or a hostile import) from
// filling the database: a whole long document is about 1 MB; a quote of 100 000 characters is
// already a hundred pages.
export const MAX_QUOTE_CHARS = 100_000;
export const MAX_NOTE_CHARS = 20_000;

/**
 * Why a highlight stays on this device while the browser's sync is on (lib/sync): its note, or
 * its text, is too long for one item of the sync area, or the area is full.
 */
export const UNSYNCED_REASONS = ['note', 'quote', 'quota'] as const;
export type UnsyncedReason = (typeof UNSYNCED_REASONS)[number];

const offset = z.number().check(z.int(), z.nonnegative());

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1), z.maxLength(MAX_QUOTE_CHARS)),
  prefix: z.string().check(z.maxLength(200)),
  suffix: z.string().check(z.maxLength(200)),
});

export const textPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: offset,
  end: offset,
});

export const selectorsSchema = z.object({
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
});

const webUrl = z.string().check(
  z.maxLength(2000),
  z.refine((u) => /^https?:\/\//.test(u), { error: 'inte en http(s)-adress' }),
);

export const highlightSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The document's dok_id, upper case: the same highlight opens on riksdagen.se and data.riksdagen.se. */
  dokId: z.string().check(z.minLength(1), z.maxLength(100)),
  kind: z.enum(PAGE_KINDS),
  /** The page it was made on (one of the document's addresses). */
  url: webUrl,
  /** The document's title as the page showed it, for lists and exports. */
  title: z.string().check(z.maxLength(1000)),
  selectors: selectorsSchema,
  color: z.enum(COLORS),
  /** Empty when the reader wrote none. */
  note: z.string().check(z.maxLength(MAX_NOTE_CHARS)),
  /** Epoch milliseconds. */
  created: offset,
  updated: offset,
  /** Set by the page on a visit: true when the text could not be found there. Absent until then. */
  orphan: z.optional(z.boolean()),
  /** Set by the background's sync: why this highlight does not sync. Absent while it syncs, or with sync off. */
  unsynced: z.optional(z.enum(UNSYNCED_REASONS)),
});

export type Highlight = z.output<typeof highlightSchema>;
export type HighlightSelectors = z.output<typeof selectorsSchema>;

/** What a reader may change about a saved highlight. */
export const highlightChangesSchema = z.object({
  note: z.optional(z.string().check(z.maxLength(MAX_NOTE_CHARS))),
  color: z.optional(z.enum(COLORS)),
});
export type HighlightChanges = z.output<typeof highlightChangesSchema>;

/** In document order: by where the text starts, then by when it was made. */
export function byDocumentOrder(a: Highlight, b: Highlight): number {
  return a.selectors.position.start - b.selectors.position.start || a.created - b.created;
}
