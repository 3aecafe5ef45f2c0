import type { KnownLaw } from '../riksdagen/law-answer.ts';
import type { LawRecord, RiksrefDatabase } from './database.ts';
import type { CacheStats } from './documents.ts';
import { approximateSize, LruTable } from './lru-table.ts';

/**
 * At most this many laws are kept, the least recently used going first. A page cites a handful;
 * a law's text is 0.1–1 MB, so the bound keeps the table within some tens of MB.
 */
export const MAX_LAWS = 100;

/** The `laws` table: one record per law, with its bound. */
export class LawRepository extends LruTable<LawRecord> {
  constructor(db: RiksrefDatabase, maxLaws: number = MAX_LAWS) {
    super(db, db.laws, maxLaws);
  }

  /** Stores a law with its text, or that there is no such law; then trims the table to its bound. */
  async put(id: string, law: KnownLaw | undefined, now: number): Promise<void> {
    const base: Omit<LawRecord, 'size'> = law?.text
      ? { id, status: 'found', meta: law.meta, text: law.text, storedAt: now, lastUsedAt: now }
      : { id, status: 'not-found', storedAt: now, lastUsedAt: now };
    // Measured once, when stored: serialising a large text again for every stats call would cost more.
    const size = approximateSize(base);
    await this.db.laws.put({ ...base, size });
    await this.evictLeastRecentlyUsed();
  }

  /** Laws kept (remembered "not found" answers are not laws) and their bytes, from the indexes alone. */
  async stats(): Promise<CacheStats> {
    const [count, sizes] = await Promise.all([
      this.db.laws.where('status').equals('found').count(),
      this.db.laws.orderBy('size').keys(),
    ]);
    return { count, approxBytes: sizes.reduce((sum: number, size) => sum + Number(size), 0) };
  }
}
