import type { ParsedReferenceId } from '../refs/types.ts';
import { referenceLabel } from '../refs/labels.ts';
import { organName } from './organs.ts';
import type { Dokument } from './schemas.ts';
import { plainText, shorten } from './text.ts';
import type { DocumentMeta } from './types.ts';
import { absoluteUrl, documentPageUrl } from './urls.ts';

const DATE = /^(\d{4}-\d{2}-\d{2})/;
const SUMMARY_MAX = 400;
const ANSWERED_BY = /^besvarad av\s+(.+)$/i;

/** Our DocumentMeta from the API record that was picked for `id`. */
export function toDocumentMeta(
  id: string,
  parsed: Exclude<ParsedReferenceId, { kind: 'eu' }>,
  doc: Dokument,
  fetchedAt: number,
): DocumentMeta {
  const meta: DocumentMeta = {
    id,
    dokId: doc.dok_id,
    kind: parsed.kind,
    label: referenceLabel(parsed),
    title: doc.titel,
    url: documentPageUrl(doc.doktyp ?? doc.typ, doc.dok_id, doc.dokument_url_html),
    fetchedAt,
  };
  // Optional fields are left out rather than set to undefined: the record is stored and sent as is.
  const subtitle = doc.undertitel ?? doc.subtitel;
  if (subtitle) meta.subtitle = subtitle;
  const date = DATE.exec(doc.datum ?? doc.publicerad ?? '')?.[1];
  if (date) meta.date = date;
  if (doc.organ) {
    meta.organ = doc.organ;
    const name = organName(doc.organ);
    if (name) meta.organName = name;
  }
  const status = doc.sokdata?.statusrad && plainText(doc.sokdata.statusrad);
  if (status) meta.status = status;
  const summary = doc.summary && plainText(doc.summary);
  if (summary) meta.summary = shorten(summary, SUMMARY_MAX);
  const fullText = absoluteUrl(doc.dokument_url_html) ?? absoluteUrl(doc.dokument_url_text);
  if (fullText) meta.fullTextUrl = fullText;
  const pdf = doc.filbilaga?.fil.find((f) => f.typ?.toLowerCase() === 'pdf' || /\.pdf$/i.test(f.url ?? ''));
  const pdfUrl = absoluteUrl(pdf?.url);
  if (pdfUrl) meta.pdfUrl = pdfUrl;
  return meta;
}

/** The answer to a skriftlig fråga, as mentioned on the question's metadata. */
export function toAnswer(doc: Dokument): NonNullable<DocumentMeta['answer']> {
  const answer: NonNullable<DocumentMeta['answer']> = {
    dokId: doc.dok_id,
    url: documentPageUrl(doc.doktyp ?? doc.typ ?? 'frs', doc.dok_id, doc.dokument_url_html),
  };
  const date = DATE.exec(doc.datum ?? '')?.[1];
  if (date) answer.date = date;
  // The answer's subtitle names the minister: "Besvarad av Mikael Damberg (S)". Any other wording
  // is left out rather than guessed at.
  const by = ANSWERED_BY.exec(doc.undertitel ?? doc.subtitel ?? '')?.[1]?.trim();
  if (by) answer.by = by;
  return answer;
}
