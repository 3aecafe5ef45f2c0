// The schema and type only: export and import (web-annotation.ts, markdown.ts) bring zod's Swedish
// messages and Intl formatting, which the content script must not carry; import them by path.
export {
  byDocumentOrder,
  COLOR_LABELS,
  COLORS,
  highlightChangesSchema,
  highlightSchema,
  MAX_NOTE_CHARS,
  MAX_QUOTE_CHARS,
  selectorsSchema,
  UNSYNCED_REASONS,
  type Highlight,
  type HighlightChanges,
  type HighlightColor,
  type HighlightSelectors,
  type UnsyncedReason,
} from './highlight.ts';
