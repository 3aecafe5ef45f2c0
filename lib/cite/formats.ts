/*
 * The citation formats by name, and nothing else: the message protocol (and so the content
 * script) needs the names, while the formatters themselves live only in the background.
 */

/** `swedish`: a reference as Swedish researchers write it; the rest are what reference managers import. */
export const CITATION_FORMATS = ['swedish', 'ris', 'bibtex', 'csl-json'] as const;

export type CitationFormat = (typeof CITATION_FORMATS)[number];
