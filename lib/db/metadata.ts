import type { LookupOutcome } from '../riksdagen/types.ts';
import type { DocumentRecord, RiksrefDatabase, ServiceStatusRecord } from './database.ts';
import { DocumentRepository, freshness, type CacheStats } from './documents.ts';

export interface ServiceStatus {
  lastSuccessAt?: number;
  lastFailureAt?: number;
  lastFailureReason?: string;
}

export interface MetadataService {
  /**
   * Answers every id: from the cache when it can, from the network for misses only (one lookup
   * per id, shared with concurrent callers by the client). Stale entries are served at once and
   * refreshed behind the answer. Never throws for a single id's trouble.
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
  now?: () => number;
  maxDocuments?: number;
}

const STATUS_KEY = 'api';

export function createMetadataService(options: MetadataServiceOptions): MetadataService {
  const { db, fetchDocument } = options;
  const now = options.now ?? Date.now;
  const repo = new DocumentRepository(db, options.maxDocuments);
  const refreshes = new Set<Promise<void>>();

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

  function refreshInBackground(ids: readonly string[]) {
    // A failed refresh stores nothing (fetchAndStore keeps only real answers): the stale entry stays.
    const refresh = fetchAndStore(ids).then(
      () => {},
      (error: unknown) => console.warn('[Riksref] refresh failed', error),
    );
    refreshes.add(refresh);
    void refresh.finally(() => refreshes.delete(refresh));
  }

  return {
    async lookupMany(requested) {
      const ids = [...new Set(requested)];
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

      if (stale.length > 0) refreshInBackground(stale);
      const fetched = misses.length > 0 ? fetchAndStore(misses) : Promise.resolve({});
      await repo.touch(used, at).catch(() => {});
      Object.assign(results, await fetched);
      // In the order asked, one entry per unique id.
      return Object.fromEntries(ids.map((id) => [id, results[id]!]));
    },

    async stats() {
      const [stats, service] = await Promise.all([repo.stats(), db.serviceStatus.get(STATUS_KEY)]);
      const { key: _key, ...rest } = service ?? { key: STATUS_KEY };
      return { ...stats, service: rest };
    },

    clear: () => repo.clear(),

    async settled() {
      while (refreshes.size > 0) await Promise.all([...refreshes]);
    },
  };
}
