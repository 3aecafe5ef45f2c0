import * as z from 'zod/mini';
import { parseReferenceId } from '../refs/ids.ts';
import type { ParsedReferenceId } from '../refs/types.ts';
import { createHttpClient, type HttpClient, type HttpFailure } from './http.ts';
import { toAnswer, toDocumentMeta } from './map.ts';
import { pickExact } from './pick.ts';
import { API_ORIGIN, apiDoktyps, listQuery, listUrl, statusUrl } from './query.ts';
import { dokumentlistaSchema, dokumentstatusSchema, dokumentstatusTrailSchema, type Dokument } from './schemas.ts';
import { toTrailFacts, type TrailFacts } from './trail.ts';
import type { LookupOutcome, UnavailableReason } from './types.ts';

/** A document's trail from its dokumentstatus (issue 13). */
export type TrailFetchOutcome =
  | { status: 'found'; facts: TrailFacts }
  | { status: 'not-found' }
  | { status: 'unavailable'; reason: UnavailableReason; retryAfter?: number };

export interface RiksdagenClient {
  /**
   * Finds the document a canonical reference id names. Concurrent calls for the same id share one
   * network lookup (several tabs open on pages citing the same SOU). Never throws.
   */
  lookup(id: string): Promise<LookupOutcome>;
  /** One document by its dok_id (dokumentstatus). */
  documentStatus(dokId: string): Promise<{ ok: true; dokument: Dokument } | { ok: false; failure: HttpFailure }>;
  /**
   * A document's trail by its dok_id: one dokumentstatus request, shared by concurrent callers
   * (a card and the side panel asking at once). Never throws.
   */
  fetchTrail(dokId: string): Promise<TrailFetchOutcome>;
}

export interface RiksdagenClientOptions {
  http?: HttpClient;
  origin?: string;
  now?: () => number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Search = { ok: true; hit: Dokument | undefined } | { ok: false; failure: HttpFailure };

function unavailable(failure: HttpFailure): Extract<LookupOutcome, { status: 'unavailable' }> {
  return failure.retryAfter === undefined
    ? { status: 'unavailable', reason: failure.reason }
    : { status: 'unavailable', reason: failure.reason, retryAfter: failure.retryAfter };
}

export function createRiksdagenClient(options: RiksdagenClientOptions = {}): RiksdagenClient {
  const http = options.http ?? createHttpClient();
  const origin = options.origin ?? API_ORIGIN;
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, Promise<LookupOutcome>>();
  const trailsInFlight = new Map<string, Promise<TrailFetchOutcome>>();

  async function fetchTrailUncached(dokId: string): Promise<TrailFetchOutcome> {
    const result = await http.getJson(statusUrl(dokId, origin));
    if (!result.ok) return result.failure.status === 404 ? { status: 'not-found' } : unavailable(result.failure);
    // The service's ways of saying "no such document": null, "", {}, or an envelope without a document.
    const body = result.body;
    const absent = (value: unknown) => value === null || value === undefined || value === '';
    if (absent(body) || (isRecord(body) && Object.keys(body).length === 0)) return { status: 'not-found' };
    if (!isRecord(body)) return { status: 'unavailable', reason: 'malformed' };
    const envelope = body.dokumentstatus;
    if (absent(envelope) || (isRecord(envelope) && absent(envelope.dokument))) return { status: 'not-found' };
    const parsed = z.safeParse(dokumentstatusTrailSchema, body);
    if (!parsed.success) return { status: 'unavailable', reason: 'malformed' };
    return { status: 'found', facts: toTrailFacts(parsed.data) };
  }

  async function search(parsed: Exclude<ParsedReferenceId, { kind: 'eu' }>, doktyp: string): Promise<Search> {
    const query = listQuery(parsed, doktyp);
    const result = await http.getJson(listUrl(query, origin));
    if (!result.ok) return result;
    const list = z.safeParse(dokumentlistaSchema, result.body);
    if (!list.success) return { ok: false, failure: { reason: 'malformed' } };
    return { ok: true, hit: pickExact(list.data.dokumentlista.dokument, query) };
  }

  async function lookupUncached(id: string): Promise<LookupOutcome> {
    const parsed = parseReferenceId(id);
    const doktyps = parsed && apiDoktyps(parsed);
    // EU acts are not in the API, and a string that is not an id names no document: no request.
    if (!parsed || parsed.kind === 'eu' || !doktyps) return { status: 'not-found' };

    // A skriftlig fråga is asked for together with its answer (doktyp frs), both at once.
    const [main, answer] = await Promise.all(doktyps.map((doktyp) => search(parsed, doktyp)));
    if (!main!.ok) return unavailable(main!.failure);
    const hit = main!.hit;
    if (!hit) {
      // Only the answer is in the API: it still is the document the reader wants to reach.
      if (answer?.ok && answer.hit) return { status: 'found', meta: toDocumentMeta(id, parsed, answer.hit, now()) };
      if (answer && !answer.ok) return unavailable(answer.failure);
      return { status: 'not-found' };
    }
    const meta = toDocumentMeta(id, parsed, hit, now());
    if (answer?.ok && answer.hit) meta.answer = toAnswer(answer.hit);
    return { status: 'found', meta };
  }

  return {
    lookup(id) {
      let pending = inFlight.get(id);
      if (!pending) {
        pending = lookupUncached(id).finally(() => inFlight.delete(id));
        inFlight.set(id, pending);
      }
      return pending;
    },
    async documentStatus(dokId) {
      const result = await http.getJson(statusUrl(dokId, origin));
      if (!result.ok) return result;
      const status = z.safeParse(dokumentstatusSchema, result.body);
      if (!status.success) return { ok: false, failure: { reason: 'malformed' } };
      return { ok: true, dokument: status.data.dokumentstatus.dokument };
    },
    fetchTrail(dokId) {
      let pending = trailsInFlight.get(dokId);
      if (!pending) {
        pending = fetchTrailUncached(dokId)
          .catch((): TrailFetchOutcome => ({ status: 'unavailable', reason: 'malformed' }))
          .finally(() => trailsInFlight.delete(dokId));
        trailsInFlight.set(dokId, pending);
      }
      return pending;
    },
  };
}
