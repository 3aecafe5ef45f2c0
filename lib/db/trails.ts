import type { TrailFetchOutcome } from '../riksdagen/client.ts';
import { HTTP_DEFAULTS } from '../riksdagen/http.ts';
import type { TrailFacts } from '../riksdagen/trail.ts';
import type { RiksrefDatabase, TrailRecord } from './database.ts';
import { within } from './deadline.ts';
import { CACHE_POLICY, type CacheStats, type Freshness } from './documents.ts';
import { approximateSize, LruTable } from './lru-table.ts';

/*
 * Documents' trails (issue 13), cached by dok_id beside the documents and under their rules: a
 * closed matter is fresh as long as a document (30 days), then served and refreshed; an open one
 * only a day, since its decision can come or change any day; "not found" is believed a day;
 * failures are never stored. One request per document, made when a card or the panel first asks.
 */

const DAY = 24 * 60 * 60 * 1000;

export const TRAIL_POLICY = {
  closedFreshFor: CACHE_POLICY.foundFreshFor,
  openFreshFor: 1 * DAY,
  notFoundFor: CACHE_POLICY.notFoundFor,
  maxTrails: CACHE_POLICY.maxDocuments,
} as const;

export function trailFreshness(record: Pick<TrailRecord, 'status' | 'storedAt' | 'facts'>, now: number): Freshness {
  const age = now - record.storedAt;
  if (record.status !== 'found') return age < TRAIL_POLICY.notFoundFor ? 'fresh' : 'expired';
  return age < (record.facts?.open ? TRAIL_POLICY.openFreshFor : TRAIL_POLICY.closedFreshFor) ? 'fresh' : 'stale';
}

/** What a trail lookup answers: the fetch's outcome, or a cached trail past its freshness (`stale`). */
export type TrailOutcome = TrailFetchOutcome | { status: 'found'; facts: TrailFacts; stale: true };

export class TrailRepository extends LruTable<TrailRecord> {
  constructor(db: RiksrefDatabase, maxTrails: number = TRAIL_POLICY.maxTrails) {
    super(db, db.trails, maxTrails);
  }

  async put(dokId: string, facts: TrailFacts | undefined, now: number): Promise<void> {
    const base = facts
      ? { id: dokId, status: 'found' as const, facts, storedAt: now, lastUsedAt: now }
      : { id: dokId, status: 'not-found' as const, storedAt: now, lastUsedAt: now };
    await this.db.trails.put({ ...base, size: approximateSize(base) });
    await this.evictLeastRecentlyUsed();
  }

  async stats(): Promise<CacheStats> {
    let approxBytes = 0;
    let count = 0;
    await this.db.trails.each((record) => {
      if (record.status === 'found') count++;
      approxBytes += record.size;
    });
    return { count, approxBytes };
  }
}

export interface TrailService {
  /**
   * A document's trail: from the cache when fresh, served and refreshed when stale, else from the
   * network. Ends within `answerWithinMs` whatever the service does (a card must leave its loading
   * state): a late answer is `unavailable` (`timeout`), and is stored when it arrives.
   */
  get(dokId: string): Promise<TrailOutcome>;
  stats(): Promise<CacheStats>;
  clear(): Promise<number>;
  /** Resolves when the work started so far (refreshes, late answers) has finished. */
  settled(): Promise<void>;
}

export interface TrailServiceOptions {
  db: RiksrefDatabase;
  /** The network fetch (lib/riksdagen/client.ts, fetchTrail). */
  fetchTrail: (dokId: string) => Promise<TrailFetchOutcome>;
  now?: () => number;
  /** The longest a lookup may take (default: the request timeout). */
  answerWithinMs?: number;
  maxTrails?: number;
}

export function createTrailService(options: TrailServiceOptions): TrailService {
  const { db, fetchTrail } = options;
  const now = options.now ?? Date.now;
  const answerWithinMs = options.answerWithinMs ?? HTTP_DEFAULTS.timeoutMs;
  const repo = new TrailRepository(db, options.maxTrails);
  const inFlight = new Map<string, Promise<TrailFetchOutcome>>();
  const work = new Set<Promise<unknown>>();
  const track = (promise: Promise<unknown>) => {
    const settled = promise.catch((error: unknown) => console.warn('[Riksref] trail lookup failed', error));
    work.add(settled);
    void settled.finally(() => work.delete(settled));
  };

  /** One fetch per document at a time; answers are stored, failures are not. */
  function fetchAndStore(dokId: string): Promise<TrailFetchOutcome> {
    let pending = inFlight.get(dokId);
    if (pending) return pending;
    pending = (async () => {
      const outcome = await fetchTrail(dokId).catch((): TrailFetchOutcome => ({ status: 'unavailable', reason: 'network' }));
      try {
        if (outcome.status === 'found') await repo.put(dokId, outcome.facts, now());
        else if (outcome.status === 'not-found') await repo.put(dokId, undefined, now());
      } catch (error) {
        // A full or broken database must not cost the card its trail.
        console.warn('[Riksref] could not store a trail', error);
      }
      return outcome;
    })().finally(() => inFlight.delete(dokId));
    inFlight.set(dokId, pending);
    track(pending);
    return pending;
  }

  return {
    async get(dokId) {
      const at = now();
      let record: TrailRecord | undefined;
      try {
        record = (await repo.getMany([dokId])).get(dokId);
      } catch (error) {
        console.warn('[Riksref] trail cache unreadable, asking the network', error);
      }
      const state = record ? trailFreshness(record, at) : 'expired';
      if (record && state !== 'expired') {
        await repo.touch([dokId], at).catch(() => {});
        if (record.status !== 'found' || !record.facts) return { status: 'not-found' };
        if (state === 'fresh') return { status: 'found', facts: record.facts };
        // A failed refresh stores nothing: the stale trail stays.
        void fetchAndStore(dokId);
        return { status: 'found', facts: record.facts, stale: true };
      }
      const fetching = fetchAndStore(dokId);
      if (await within(fetching, answerWithinMs)) return fetching;
      return { status: 'unavailable', reason: 'timeout' };
    },
    stats: () => repo.stats(),
    clear: () => repo.clear(),
    async settled() {
      while (work.size > 0) await Promise.all([...work]);
    },
  };
}
