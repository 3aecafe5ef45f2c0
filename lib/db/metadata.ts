import { HTTP_DEFAULTS } from '../riksdagen/http.ts';
import type { LawFetchOutcome } from '../riksdagen/laws.ts';
import type { LookupOutcome } from '../riksdagen/types.ts';
import type { DocumentRecord, RiksrefDatabase, ServiceStatusRecord } from './database.ts';
import { within } from './deadline.ts';
import { DocumentRepository, freshness, type CacheStats } from './documents.ts';
import { createLawLookups } from './law-lookups.ts';

export interface ServiceStatus {
  lastSuccessAt?: number;
  lastFailureAt?: number;
  lastFailureReason?: string;
}

export interface MetadataService {
  /**
   * Answers every id: from the cache when it can, from the network for misses only (one lookup
   * per id, shared with concurrent callers by the client; one per law for every place cited in
   * it). Stale entries are served at once and refreshed behind the answer. Ends within
   * `answerWithinMs` whatever the service does: what has not arrived by then is `unavailable`
   * (`timeout`), and is stored when it does arrive. Never throws for a single id's trouble.
   */
  lookupMany(ids: readonly string[]): Promise<Record<string, LookupOutcome>>;
  stats(): Promise<CacheStats & { service: ServiceStatus }>;
  clear(): Promise<number>;
  /** Resolves when background refreshes started so far have finished (tests, shutdown). */
  settled(): Promise<void>;
}

export interface MetadataServiceOptions {
  db: RiksrefDatabase;
  /** The network lookup of one id (lib/riksdagen's client). */
  fetchDocument: (id: string) => Promise<LookupOutcome>;
  /**
   * The network fetch of a law with its text (lib/riksdagen/laws.ts). With it, `sfs:` ids are
   * answered per law from the `laws` table; without it they go through fetchDocument like any id.
   */
  fetchLaw?: (id: string) => Promise<LawFetchOutcome>;
  now?: () => number;
  maxDocuments?: number;
  maxLaws?: number;
  /** The longest a lookup may take (default: the request timeout). */
  answerWithinMs?: number;
}

const STATUS_KEY = 'api';

export function createMetadataService(options: MetadataServiceOptions): MetadataService {
  const { db, fetchDocument } = options;
  const now = options.now ?? Date.now;
  const repo = new DocumentRepository(db, options.maxDocuments);
  const answerWithinMs = options.answerWithinMs ?? HTTP_DEFAULTS.timeoutMs;
  const refreshes = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch((error: unknown) => console.warn('[Riksref] background lookup failed', error));
    refreshes.add(settled);
    void settled.finally(() => refreshes.delete(settled));
  };

  async function noteService(outcomes: readonly LookupOutcome[]): Promise<void> {
    const failure = outcomes.find((o) => o.status === 'unavailable');
    const reached = outcomes.some((o) => o.status !== 'unavailable');
    if (!failure && !reached) return;
    const at = now();
    const previous = await db.serviceStatus.get(STATUS_KEY);
    const next: ServiceStatusRecord = { ...previous, key: STATUS_KEY };
    if (reached) next.lastSuccessAt = at;
    if (failure?.status === 'unavailable') {
      next.lastFailureAt = at;
      next.lastFailureReason = failure.reason;
    }
    await db.serviceStatus.put(next);
  }

  const laws = options.fetchLaw
    ? createLawLookups({
        db,
        fetchLaw: options.fetchLaw,
        now,
        answerWithinMs,
        track,
        onFetched: noteService,
        maxLaws: options.maxLaws,
      })
    : undefined;

  /** Asks the network for ids and stores what is worth storing: answers, never errors. */
  async function fetchAndStore(ids: readonly string[]): Promise<Record<string, LookupOutcome>> {
    const outcomes = await Promise.all(
      ids.map((id) =>
        fetchDocument(id).catch((): LookupOutcome => ({ status: 'unavailable', reason: 'network' })),
      ),
    );
    const results: Record<string, LookupOutcome> = {};
    const answers: Parameters<DocumentRepository['putMany']>[0][number][] = [];
    ids.forEach((id, i) => {
      const outcome = outcomes[i]!;
      results[id] = outcome;
      if (outcome.status === 'found') answers.push({ id, meta: outcome.meta });
      else if (outcome.status === 'not-found') answers.push({ id });
    });
    try {
      await repo.putMany(answers, now());
      await noteService(outcomes);
    } catch (error) {
      // A full or broken database must not cost the page its answers.
      console.warn('[Riksref] could not store metadata', error);
    }
    return results;
  }

  /** fetchAndStore, but answering by the deadline: late ids time out and are stored when they come. */
  async function fetchWithin(ids: readonly string[]): Promise<Record<string, LookupOutcome>> {
    const work = fetchAndStore(ids);
    track(work);
    if (await within(work, answerWithinMs)) return work;
    return Object.fromEntries(ids.map((id) => [id, { status: 'unavailable', reason: 'timeout' } as const]));
  }

  async function lookupDocuments(ids: readonly string[]): Promise<Record<string, LookupOutcome>> {
    const at = now();
    const results: Record<string, LookupOutcome> = {};
    let cached = new Map<string, DocumentRecord>();
    try {
      cached = await repo.getMany(ids);
    } catch (error) {
      console.warn('[Riksref] metadata cache unreadable, asking the network', error);
    }

    const misses: string[] = [];
    const stale: string[] = [];
    const used: string[] = [];
    for (const id of ids) {
      const record = cached.get(id);
      const state = record ? freshness(record, at) : 'expired';
      if (!record || state === 'expired') {
        misses.push(id);
        continue;
      }
      used.push(id);
      if (record.status === 'not-found' || !record.meta) results[id] = { status: 'not-found' };
      else if (state === 'stale') {
        results[id] = { status: 'found', meta: record.meta, stale: true };
        stale.push(id);
      } else results[id] = { status: 'found', meta: record.meta };
    }

    // A failed refresh stores nothing (fetchAndStore keeps only real answers): the stale entry stays.
    if (stale.length > 0) track(fetchAndStore(stale));
    const fetched = misses.length > 0 ? fetchWithin(misses) : Promise.resolve({});
    await repo.touch(used, at).catch(() => {});
    Object.assign(results, await fetched);
    return results;
  }

  return {
    async lookupMany(requested) {
      const ids = [...new Set(requested)];
      const lawIds = laws ? ids.filter((id) => id.startsWith('sfs:')) : [];
      const documentIds = lawIds.length > 0 ? ids.filter((id) => !id.startsWith('sfs:')) : ids;
      const [documents, lawResults] = await Promise.all([
        documentIds.length > 0 ? lookupDocuments(documentIds) : {},
        laws && lawIds.length > 0 ? laws.lookupMany(lawIds) : {},
      ]);
      const results: Record<string, LookupOutcome> = { ...documents, ...lawResults };
      // In the order asked, one entry per unique id.
      return Object.fromEntries(ids.map((id) => [id, results[id]!]));
    },

    async stats() {
      const [stats, lawStats, service] = await Promise.all([
        repo.stats(),
        laws ? laws.stats() : { count: 0, approxBytes: 0 },
        db.serviceStatus.get(STATUS_KEY),
      ]);
      const { key: _key, ...rest } = service ?? { key: STATUS_KEY };
      // A law counts as one cached document, whatever number of its places pages have cited.
      return { count: stats.count + lawStats.count, approxBytes: stats.approxBytes + lawStats.approxBytes, service: rest };
    },

    async clear() {
      const [documents, lawCount] = await Promise.all([repo.clear(), laws ? laws.clear() : 0]);
      return documents + lawCount;
    },

    async settled() {
      while (refreshes.size > 0) await Promise.all([...refreshes]);
    },
  };
}
