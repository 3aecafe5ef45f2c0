import { within } from '../db/deadline.ts';
import { organName } from '../riksdagen/organs.ts';
import type { Dokument } from '../riksdagen/schemas.ts';
import { documentPageUrl } from '../riksdagen/urls.ts';
import { documentRecord, type CitationRecord } from './record.ts';
import { swedishReference } from './swedish.ts';

/*
 * The reference of a document the reader has highlights in, for the Markdown export. A highlight
 * remembers its document's dok_id, kind, title and address, but not its designation
 * ("Svar på skriftlig fråga 2018/19:523"): that comes from the open data's dokumentstatus, asked
 * once per document when exporting. Whatever has not answered in time (offline, slow service)
 * gets the reference the highlights themselves allow, so an export never waits long or fails.
 */

/** A document as its highlights remember it. */
export interface HighlightedDocument {
  dokId: string;
  /** The page's kind, an open data doktyp or `other`. */
  kind: string;
  title: string;
  url: string;
}

const DATE = /^(\d{4}-\d{2}-\d{2})/;

/** The record for a document from its dokumentstatus. */
export function recordOfDokument(dokument: Dokument): CitationRecord {
  const doktyp = dokument.doktyp ?? dokument.typ;
  return documentRecord({
    dokId: dokument.dok_id,
    doktyp,
    rm: dokument.rm,
    beteckning: dokument.beteckning,
    title: dokument.titel,
    date: DATE.exec(dokument.datum ?? dokument.publicerad ?? '')?.[1],
    organ: dokument.organ && (organName(dokument.organ) ?? dokument.organ),
    url: documentPageUrl(doktyp, dokument.dok_id, dokument.dokument_url_html),
  });
}

/** The record the highlights alone allow: kind, title and the page's address. */
export function recordOfHighlighted(document: HighlightedDocument): CitationRecord {
  return documentRecord({ dokId: document.dokId, doktyp: document.kind, title: document.title || undefined, url: document.url });
}

/**
 * Each document's Swedish reference, by dok_id. `fetchStatus` is asked for every document at
 * once (the HTTP client queues them politely); what has not answered within `withinMs` falls back
 * to recordOfHighlighted, as does a document the open data does not know.
 */
export async function documentReferences(
  documents: readonly HighlightedDocument[],
  fetchStatus: (dokId: string) => Promise<Dokument | undefined>,
  withinMs: number,
): Promise<Map<string, string>> {
  const answers = new Map<string, Dokument>();
  const asked = documents.map(async ({ dokId }) => {
    try {
      const dokument = await fetchStatus(dokId);
      // The open data answers for the dok_id asked, or for nothing we should cite.
      if (dokument && dokument.dok_id.toUpperCase() === dokId.toUpperCase()) answers.set(dokId, dokument);
    } catch {
      // No answer: the fallback below.
    }
  });
  await within(Promise.all(asked), withinMs);
  return new Map(
    documents.map((document) => {
      const dokument = answers.get(document.dokId);
      return [document.dokId, swedishReference(dokument ? recordOfDokument(dokument) : recordOfHighlighted(document))];
    }),
  );
}
