import { lawIdOf } from '../refs/law-anchors.ts';
import { localDate } from '../refs/laws/table.ts';
import { lawOutcome } from '../riksdagen/law-answer.ts';
import type { LawFetchOutcome } from '../riksdagen/laws.ts';
import type { LookupOutcome } from '../riksdagen/types.ts';
import type { LawRecord, RiksrefDatabase } from './database.ts';
import { within } from './deadline.ts';
import { freshness, type CacheStats } from './documents.ts';
import { LawRepository } from './laws.ts';

/*
 * Law ids (`sfs:2009:400`, `sfs:2009:400#K10P2`) are answered per law, not per id: every place a
 * page cites in a law comes from one cached record, or from one fetch shared by all of them and by
 * other pages asking at the same time. Freshness as for documents (documents.ts): fresh 30 days,
 * then served stale and refreshed; "not found" believed a day; failures never stored — nor a law
 * whose text could not be had, so that the next page asks again.
 */

export interface LawLookupsOptions {
  db: RiksrefDatabase;
  /** The network fetch of one law (lib/riksdagen/laws.ts). */
  fetchLaw: (id: string) => Promise<LawFetchOutcome>;
  now: () => number;
  /** How long a lookup may take; past it, what has not arrived is `unavailable` (`timeout`). */
  answerWithinMs: number;
  /** Work that outlives the answer (refreshes, late arrivals), for settled(). */
  track: (work: Promise<unknown>) => void;
  /** Told of every answer the network gave, for the service status. */
  onFetched: (outcomes: readonly LookupOutcome[]) => Promise<void>;
  maxLaws?: number;
}

export interface LawLookups {
  lookupMany(ids: readonly string[]): Promise<Record<string, LookupOutcome>>;
  stats(): Promise<CacheStats>;
  clear(): Promise<number>;
}

const TIMED_OUT: LookupOutcome = { status: 'unavailable', reason: 'timeout' };

function asLookupOutcome(outcome: LawFetchOutcome): LookupOutcome {
  if (outcome.status === 'found') return { status: 'found', meta: outcome.law.meta };
  return outcome;
}

export function createLawLookups(options: LawLookupsOptions): LawLookups {
  const { db, fetchLaw, now, track, onFetched } = options;
  const repo = new LawRepository(db, options.maxLaws);
  const inFlight = new Map<string, Promise<LawFetchOutcome>>();

  /** One fetch per law at a time, stored when it is worth storing. */
  function fetchAndStore(lawId: string): Promise<LawFetchOutcome> {
    let pending = inFlight.get(lawId);
    if (pending) return pending;
    pending = (async () => {
      const outcome = await fetchLaw(lawId).catch((): LawFetchOutcome => ({ status: 'unavailable', reason: 'network' }));
      try {
        if (outcome.status === 'found' && outcome.law.text) await repo.put(lawId, outcome.law, now());
        else if (outcome.status === 'not-found') await repo.put(lawId, undefined, now());
        await onFetched([asLookupOutcome(outcome)]);
      } catch (error) {
        // A full or broken database must not cost the page its answers.
        console.warn('[Riksref] could not store a law', error);
      }
      return outcome;
    })().finally(() => inFlight.delete(lawId));
    inFlight.set(lawId, pending);
    return pending;
  }

  function answerFromRecord(ids: readonly string[], record: LawRecord, date: string, stale: boolean, into: Record<string, LookupOutcome>) {
    for (const id of ids) {
      into[id] =
        record.status === 'found' && record.meta && record.text
          ? lawOutcome(id, { meta: record.meta, text: record.text }, date, stale)
          : { status: 'not-found' };
    }
  }

  function answerFromFetch(ids: readonly string[], outcome: LawFetchOutcome | undefined, date: string, into: Record<string, LookupOutcome>) {
    for (const id of ids) {
      if (!outcome) into[id] = TIMED_OUT;
      else if (outcome.status === 'found') into[id] = lawOutcome(id, outcome.law, date);
      else into[id] = outcome;
    }
  }

  return {
    async lookupMany(ids) {
      const at = now();
      const date = localDate(at);
      const byLaw = new Map<string, string[]>();
      for (const id of ids) {
        const lawId = lawIdOf(id);
        const list = byLaw.get(lawId);
        if (list) list.push(id);
        else byLaw.set(lawId, [id]);
      }
      let cached = new Map<string, LawRecord>();
      try {
        cached = await repo.getMany([...byLaw.keys()]);
      } catch (error) {
        console.warn('[Riksref] law cache unreadable, asking the network', error);
      }

      const results: Record<string, LookupOutcome> = {};
      const misses: string[] = [];
      const used: string[] = [];
      for (const [lawId, lawIds] of byLaw) {
        const record = cached.get(lawId);
        const state = record ? freshness(record, at) : 'expired';
        if (!record || state === 'expired') {
          misses.push(lawId);
          continue;
        }
        used.push(lawId);
        answerFromRecord(lawIds, record, date, state === 'stale', results);
        // A failed refresh stores nothing: the stale record stays.
        if (state === 'stale') track(fetchAndStore(lawId));
      }
      await repo.touch(used, at).catch(() => {});

      if (misses.length > 0) {
        const arrived = new Map<string, LawFetchOutcome>();
        const all = Promise.all(misses.map((lawId) => fetchAndStore(lawId).then((o) => void arrived.set(lawId, o))));
        track(all);
        await within(all, options.answerWithinMs);
        for (const lawId of misses) answerFromFetch(byLaw.get(lawId)!, arrived.get(lawId), date, results);
      }
      return results;
    },
    stats: () => repo.stats(),
    clear: () => repo.clear(),
  };
}
