import * as z from 'zod/mini';
import { parseReferenceId } from '../refs/ids.ts';
import type { ParsedReferenceId } from '../refs/types.ts';
import { createHttpClient, type HttpClient, type HttpFailure } from './http.ts';
import { toAnswer, toDocumentMeta } from './map.ts';
import { pickExact } from './pick.ts';
import { API_ORIGIN, apiDoktyps, listQuery, listUrl, statusUrl } from './query.ts';
import { dokumentlistaSchema, dokumentstatusSchema, type Dokument } from './schemas.ts';
import type { LookupOutcome } from './types.ts';

export interface RiksdagenClient {
  /**
   * Finds the document a canonical reference id names. Concurrent calls for the same id share one
   * network lookup (several tabs open on pages citing the same SOU). Never throws.
   */
  lookup(id: string): Promise<LookupOutcome>;
  /** One document by its dok_id (dokumentstatus). */
  documentStatus(dokId: string): Promise<{ ok: true; dokument: Dokument } | { ok: false; failure: HttpFailure }>;
}

export interface RiksdagenClientOptions {
  http?: HttpClient;
  origin?: string;
  now?: () => number;
}

type Search = { ok: true; hit: Dokument | undefined } | { ok: false; failure: HttpFailure };

function unavailable(failure: HttpFailure): LookupOutcome {
  return failure.retryAfter === undefined
    ? { status: 'unavailable', reason: failure.reason }
    : { status: 'unavailable', reason: failure.reason, retryAfter: failure.retryAfter };
}

export function createRiksdagenClient(options: RiksdagenClientOptions = {}): RiksdagenClient {
  const http = options.http ?? createHttpClient();
  const origin = options.origin ?? API_ORIGIN;
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, Promise<LookupOutcome>>();

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
  };
}
