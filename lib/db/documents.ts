import type { DocumentMeta } from '../riksdagen/types.ts';
import type { DocumentRecord, RiksrefDatabase } from './database.ts';
import { approximateSize, LruTable } from './lru-table.ts';

const DAY = 24 * 60 * 60 * 1000;

/** The cache policy (issue 5). */
export const CACHE_POLICY = {
  /** A found document is fresh this long; after that it is still served, and refreshed. */
  foundFreshFor: 30 * DAY,
  /** "Not found" is believed this long (new documents appear: a reference may be to one). */
  notFoundFor: 1 * DAY,
  /** At most this many documents are kept; the least recently used go first. */
  maxDocuments: 5000,
} as const;

export type Freshness = 'fresh' | 'stale' | 'expired';

/**
 * fresh: serve as is. stale: serve, and refresh in the background. expired: as if absent
 * (only "not found" expires: an answer that might now be wrong is worth less than a request).
 */
export function freshness(record: Pick<DocumentRecord, 'status' | 'storedAt'>, now: number): Freshness {
  const age = now - record.storedAt;
  if (record.status === 'found') return age < CACHE_POLICY.foundFreshFor ? 'fresh' : 'stale';
  return age < CACHE_POLICY.notFoundFor ? 'fresh' : 'expired';
}

export interface CacheStats {
  /** Documents found and kept (remembered "not found" answers are not documents). */
  count: number;
  /** Every entry, "not found" ones included. */
  approxBytes: number;
}

/** The `documents` table, with its size bound. */
export class DocumentRepository extends LruTable<DocumentRecord> {
  constructor(db: RiksrefDatabase, maxDocuments: number = CACHE_POLICY.maxDocuments) {
    super(db, db.documents, maxDocuments);
  }

  /** Stores answers (found or not-found), then trims the table to its bound. */
  async putMany(answers: readonly ({ id: string; meta: DocumentMeta } | { id: string; meta?: undefined })[], now: number) {
    if (answers.length === 0) return;
    const records = answers.map(({ id, meta }): DocumentRecord => {
      const base = meta
        ? { id, status: 'found' as const, meta, storedAt: now, lastUsedAt: now }
        : { id, status: 'not-found' as const, storedAt: now, lastUsedAt: now };
      return { ...base, size: approximateSize(base) };
    });
    await this.db.documents.bulkPut(records);
    await this.evictLeastRecentlyUsed();
  }

  async stats(): Promise<CacheStats> {
    let approxBytes = 0;
    let count = 0;
    await this.db.documents.each((record) => {
      if (record.status === 'found') count++;
      approxBytes += record.size;
    });
    return { count, approxBytes };
  }
}
