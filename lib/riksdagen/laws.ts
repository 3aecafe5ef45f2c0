import * as z from 'zod/mini';
import { lawIdOf } from '../refs/law-anchors.ts';
import { parseReferenceId } from '../refs/ids.ts';
import { lawTextUrl, referenceLabel } from '../refs/labels.ts';
import { createHttpClient, type HttpClient, type HttpFailure } from './http.ts';
import type { KnownLaw } from './law-answer.ts';
import { parseLawText, type LawText } from './law-text.ts';
import { toDocumentMeta } from './map.ts';
import { API_ORIGIN, statusUrl } from './query.ts';
import { dokuppgiftSchema, lawDokumentSchema } from './schemas.ts';
import type { DocumentMeta, LawInfo, UnavailableReason } from './types.ts';

/*
 * A law from the open data, with ONE request whatever a page cites in it: its dokumentstatus
 * (`/dokumentstatus/sfs-2009-400.json`) has the metadata and, in `html`, the whole consolidated
 * text, which is taken apart here and never kept as HTML. Only when `html` is missing is the text
 * asked for on its own (`/dokument/sfs-2009-400.html`). Concurrent callers for one law — every
 * section a page cites, several tabs — share that request.
 */

export type LawFetchOutcome =
  | { status: 'found'; law: KnownLaw }
  | { status: 'not-found' }
  | { status: 'unavailable'; reason: UnavailableReason; retryAfter?: number };

export interface LawClient {
  /** The law an id names (`sfs:2009:400`, or any place in it). Never throws. */
  fetchLaw(id: string): Promise<LawFetchOutcome>;
}

export interface LawClientOptions {
  /** Share the documents' client, so the per-host limit counts every request to the service. */
  http?: HttpClient;
  origin?: string;
  now?: () => number;
}

/** `sfs-2009-400`: an SFS document's dok_id (shared/riksdagen.md). */
export function sfsDokId(year: string, number: string): string {
  return `sfs-${year}-${number}`;
}

/** `https://data.riksdagen.se/dokument/sfs-2009-400.html`: the text alone. */
export function lawHtmlUrl(dokId: string, origin = API_ORIGIN): string {
  return `${origin}/dokument/${encodeURIComponent(dokId)}.html`;
}

function unavailable(failure: HttpFailure): LawFetchOutcome {
  return failure.retryAfter === undefined
    ? { status: 'unavailable', reason: failure.reason }
    : { status: 'unavailable', reason: failure.reason, retryAfter: failure.retryAfter };
}

/** Null, "", a missing key: the service's ways of saying "no such document". */
function absent(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text taken apart; a text with no anchor at all is not a law text we can use. */
function lawText(html: string): LawText | undefined {
  const text = parseLawText(html);
  return Object.keys(text.sections).length > 0 || Object.keys(text.chapters).length > 0 ? text : undefined;
}

export function createLawClient(options: LawClientOptions = {}): LawClient {
  const http = options.http ?? createHttpClient();
  const origin = options.origin ?? API_ORIGIN;
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, Promise<LawFetchOutcome>>();

  async function fetchUncached(lawId: string): Promise<LawFetchOutcome> {
    const parsed = parseReferenceId(lawId);
    if (!parsed || parsed.kind !== 'sfs') return { status: 'not-found' };
    const dokId = sfsDokId(parsed.rm, parsed.number);

    const answer = await http.getJson(statusUrl(dokId, origin));
    if (!answer.ok) return answer.failure.status === 404 ? { status: 'not-found' } : unavailable(answer.failure);
    const body = answer.body;
    if (absent(body) || (isRecord(body) && Object.keys(body).length === 0)) return { status: 'not-found' };
    if (!isRecord(body)) return { status: 'unavailable', reason: 'malformed' };
    const status = body.dokumentstatus;
    if (absent(status) || (isRecord(status) && absent(status.dokument))) return { status: 'not-found' };
    const dokument = z.safeParse(lawDokumentSchema, isRecord(status) ? status.dokument : undefined);
    if (!dokument.success) return { status: 'unavailable', reason: 'malformed' };

    const doc = dokument.data;
    const base = toDocumentMeta(lawId, parsed, doc, now());
    const info: LawInfo = { sfs: `${parsed.rm}:${parsed.number}` };
    const consolidated = doc.undertitel ?? doc.subtitel;
    if (consolidated) info.consolidatedThrough = consolidated;
    const repealed = repealedFrom(isRecord(status) ? status.dokuppgift : undefined);
    if (repealed) info.repealed = repealed;
    const meta: DocumentMeta = {
      ...base,
      label: referenceLabel(parsed),
      url: lawTextUrl(parsed.rm, parsed.number),
      law: info,
    };
    const law: KnownLaw = { meta };

    const html = typeof doc.html === 'string' && /\S/.test(doc.html) ? doc.html : undefined;
    if (html) {
      const text = lawText(html);
      if (text) law.text = text;
      else law.textFailure = 'malformed';
      return { status: 'found', law };
    }
    // No text in the dokumentstatus: the text alone, once. Without it the law is still known.
    const page = await http.getText(lawHtmlUrl(doc.dok_id, origin));
    const text = page.ok ? lawText(page.body) : undefined;
    if (text) law.text = text;
    else law.textFailure = page.ok ? 'malformed' : page.failure.reason;
    return { status: 'found', law };
  }

  return {
    fetchLaw(id) {
      const lawId = lawIdOf(id);
      let pending = inFlight.get(lawId);
      if (!pending) {
        pending = fetchUncached(lawId)
          .catch((): LawFetchOutcome => ({ status: 'unavailable', reason: 'malformed' }))
          .finally(() => inFlight.delete(lawId));
        inFlight.set(lawId, pending);
      }
      return pending;
    },
  };
}

/** `dokuppgift`: `upphavd` → the day the law was repealed, `upphnr` → by what. */
function repealedFrom(dokuppgift: unknown): LawInfo['repealed'] | undefined {
  const parsed = z.safeParse(dokuppgiftSchema, dokuppgift);
  if (!parsed.success || !parsed.data) return undefined;
  const get = (kod: string) => parsed.data!.uppgift.find((u) => u.kod?.toLowerCase() === kod)?.text;
  const on = /^\d{4}-\d{2}-\d{2}/.exec(get('upphavd') ?? '')?.[0];
  const by = get('upphnr');
  if (!on && !by) return undefined;
  return { ...(on && { on }), ...(by && { by }) };
}
