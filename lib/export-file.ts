import { t } from './i18n.ts';

/**
 * An exported file's name, without its extension: its first word in the reader's language
 * (`riksref-markeringar`, `riksref-highlights`), the dok_id of the document it is about when it
 * is about one, and the day (UTC) — `riksref-markeringar-H601KU21-2025-05-02`.
 */
export function exportFileName(what: 'highlights' | 'references', now: number, dokId?: string): string {
  const first = t(what === 'highlights' ? 'exportFile_highlights' : 'exportFile_references');
  return [first, dokId, new Date(now).toISOString().slice(0, 10)].filter(Boolean).join('-');
}
