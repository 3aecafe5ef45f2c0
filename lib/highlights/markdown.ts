import { byDocumentOrder, COLOR_LABELS, type Highlight } from './highlight.ts';

/*
 * Markdown export, for pasting into one's own notes: one section per document (its title, dok_id,
 * address and its reference as a researcher would cite it), its highlights in document order as
 * block quotes, each note under its quote. Documents come in the order they were last worked on.
 */

const dates = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short' });

/** Each line of the quote as a Markdown block quote line. */
function blockQuote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => `> ${line}`)
    .join('\n');
}

/** Highlights grouped by dok_id, each group in document order, groups by their latest change. */
export function groupByDocument(highlights: readonly Highlight[]): { dokId: string; title: string; url: string; highlights: Highlight[] }[] {
  const groups = new Map<string, Highlight[]>();
  for (const h of highlights) {
    const group = groups.get(h.dokId);
    if (group) group.push(h);
    else groups.set(h.dokId, [h]);
  }
  const latest = (hs: Highlight[]) => Math.max(...hs.map((h) => h.updated));
  return [...groups.entries()]
    .sort(([, a], [, b]) => latest(b) - latest(a))
    .map(([dokId, hs]) => {
      const sorted = [...hs].sort(byDocumentOrder);
      const named = sorted.find((h) => h.title) ?? sorted[0]!;
      return { dokId, title: named.title || dokId, url: named.url, highlights: sorted };
    });
}

/**
 * `references` holds each document's reference by dok_id (lib/cite/documents.ts, made in the
 * background); a document without one gets none.
 */
export function exportMarkdown(highlights: readonly Highlight[], exportedAt = Date.now(), references: ReadonlyMap<string, string> = new Map()): string {
  const lines: string[] = [`# Markeringar från Riksref`, '', `Exporterade ${dates.format(exportedAt)}.`];
  for (const group of groupByDocument(highlights)) {
    lines.push('', `## ${group.title.replace(/\s+/g, ' ').trim()} (${group.dokId})`, '', `<${group.url}>`);
    const reference = references.get(group.dokId);
    if (reference) lines.push('', `Hänvisning: ${reference}`);
    for (const h of group.highlights) {
      lines.push('', blockQuote(h.selectors.quote.exact));
      const meta = `${COLOR_LABELS[h.color]} markering, ${dates.format(h.created)}${h.orphan ? ' – hittades inte på sidan senast' : ''}`;
      lines.push('', `*${meta}*`);
      if (h.note.trim()) lines.push('', h.note.trim());
    }
  }
  return lines.join('\n') + '\n';
}
