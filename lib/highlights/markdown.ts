import { groupByDocument, type DocumentGroup } from './collection.ts';
import type { Highlight } from './highlight.ts';
import { formatShortDate, t } from '../i18n.ts';
import type { ExportPart } from './web-annotation.ts';

export { groupByDocument };

/*
 * Markdown export, for pasting into one's own notes: one section per document (its title, dok_id,
 * address and its reference as a researcher would cite it), its highlights in document order as
 * block quotes, each note under its quote. Documents come in the order they were last worked on.
 * Our words and dates are in the reader's language; the documents' titles, quotes and notes as they are.
 */

/** Each line of the quote as a Markdown block quote line. */
function blockQuote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * The whole file at once. `references` holds each document's reference by dok_id
 * (lib/cite/documents.ts, made in the background); a document without one gets none.
 */
export function exportMarkdown(highlights: readonly Highlight[], exportedAt = Date.now(), references: ReadonlyMap<string, string> = new Map()): string {
  let text = '';
  for (const part of exportMarkdownParts(groupByDocument(highlights), exportedAt, references)) text += part.text;
  return text;
}

/**
 * The Markdown file a document at a time, from the documents already grouped (see
 * exportJsonParts: the side panel writes it in pieces, from groups it arranged in slices).
 */
export function* exportMarkdownParts(
  groups: readonly DocumentGroup[],
  exportedAt = Date.now(),
  references: ReadonlyMap<string, string> = new Map(),
): Generator<ExportPart> {
  yield { text: `# ${t('md_title')}\n\n${t('md_exported', formatShortDate(exportedAt))}\n`, done: 0 };
  let done = 0;
  for (const group of groups) {
    const lines: string[] = ['', `## ${group.title.replace(/\s+/g, ' ').trim()} (${group.dokId})`, '', `<${group.url}>`];
    const reference = references.get(group.dokId);
    if (reference) lines.push('', t('md_reference', reference));
    for (const h of group.highlights) {
      lines.push('', blockQuote(h.selectors.quote.exact));
      const meta = t(h.orphan ? 'md_metaOrphan' : 'md_meta', t(`color_${h.color}`), formatShortDate(h.created));
      lines.push('', `*${meta}*`);
      if (h.note.trim()) lines.push('', h.note.trim());
    }
    done += group.highlights.length;
    yield { text: lines.join('\n') + '\n', done };
  }
}
