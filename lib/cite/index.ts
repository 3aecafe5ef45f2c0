import { toBibtex } from './bibtex.ts';
import { toCslJson } from './csl-json.ts';
import type { CitationFormat } from './formats.ts';
import type { CitationRecord } from './record.ts';
import { toRis } from './ris.ts';
import { swedishReferences } from './swedish.ts';
import { exportFileName } from '../export-file.ts';

/*
 * Citations for reference managers (issue 14): records (record.ts) in four formats, as text or as
 * a file to save. Used by the background only, which answers the card's "Kopiera hänvisning" and
 * the side panel's export with it, so none of it weighs on the content script.
 */

export { CITATION_FORMATS, type CitationFormat } from './formats.ts';
export { documentRecord, referenceRecord, type CitationRecord, type DocumentFacts } from './record.ts';
export { swedishReference } from './swedish.ts';

interface FormatInfo {
  format: (records: readonly CitationRecord[]) => string;
  extension: string;
  mimeType: string;
}

const FORMATS: Readonly<Record<CitationFormat, FormatInfo>> = {
  swedish: { format: swedishReferences, extension: 'txt', mimeType: 'text/plain' },
  ris: { format: toRis, extension: 'ris', mimeType: 'application/x-research-info-systems' },
  bibtex: { format: toBibtex, extension: 'bib', mimeType: 'application/x-bibtex' },
  'csl-json': { format: toCslJson, extension: 'json', mimeType: 'application/vnd.citationstyles.csl+json' },
};

export function formatCitations(format: CitationFormat, records: readonly CitationRecord[]): string {
  return FORMATS[format].format(records);
}

/**
 * The records as a file: `riksref-referenser-<dok_id>-<day>.ris` (the dok_id of the document that
 * cites them, when given), its first word in the reader's language (`riksref-references` in English).
 */
export function citationFile(format: CitationFormat, records: readonly CitationRecord[], options: { now: number; dokId?: string }) {
  const { extension, mimeType } = FORMATS[format];
  const name = exportFileName('references', options.now, options.dokId?.replace(/[^A-Za-z0-9-]+/g, ''));
  return { filename: `${name}.${extension}`, mimeType, text: formatCitations(format, records), count: records.length };
}
