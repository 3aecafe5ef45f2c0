import type { KnownLaw } from '../riksdagen/law-answer.ts';
import type { LawRecord, RiksrefDatabase } from './database.ts';
import type { CacheStats } from './documents.ts';

/**
 * At most this many laws are kept, the least recently used going first. A page cites a handful;
 * a law's text is 0.1–1 MB, so the bound keeps the table within some tens of MB.
 */
export const MAX_LAWS = 100;

const encoder = new TextEncoder();

/** The `laws` table: one record per law, with its bound. */
export class LawRepository {
  constructor(
    private readonly db: RiksrefDatabase,
    private readonly maxLaws: number = MAX_LAWS,
  ) {}

  async getMany(ids: readonly string[]): Promise<Map<string, LawRecord>> {
    const records = await this.db.laws.bulkGet([...ids]);
    const byId = new Map<string, LawRecord>();
    for (const record of records) if (record) byId.set(record.id, record);
    return byId;
  }

  /** Stores a law with its text, or that there is no such law; then trims the table to its bound. */
  async put(id: string, law: KnownLaw | undefined, now: number): Promise<void> {
    const base: Omit<LawRecord, 'size'> = law?.text
      ? { id, status: 'found', meta: law.meta, text: law.text, storedAt: now, lastUsedAt: now }
      : { id, status: 'not-found', storedAt: now, lastUsedAt: now };
    // Measured once, when stored: serialising a large text again for every stats call would cost more.
    const size = encoder.encode(JSON.stringify(base)).length;
    await this.db.laws.put({ ...base, size });
    await this.evictLeastRecentlyUsed();
  }

  async touch(ids: readonly string[], now: number): Promise<void> {
    if (ids.length === 0) return;
    await this.db.laws.bulkUpdate(ids.map((key) => ({ key, changes: { lastUsedAt: now } })));
  }

  async evictLeastRecentlyUsed(max = this.maxLaws): Promise<number> {
    return this.db.transaction('rw', this.db.laws, async () => {
      const excess = (await this.db.laws.count()) - max;
      if (excess <= 0) return 0;
      const victims = await this.db.laws.orderBy('lastUsedAt').limit(excess).primaryKeys();
      await this.db.laws.bulkDelete(victims);
      return victims.length;
    });
  }

  /** Laws kept (remembered "not found" answers are not laws) and their bytes, from the indexes alone. */
  async stats(): Promise<CacheStats> {
    const [count, sizes] = await Promise.all([
      this.db.laws.where('status').equals('found').count(),
      this.db.laws.orderBy('size').keys(),
    ]);
    return { count, approxBytes: sizes.reduce((sum: number, size) => sum + Number(size), 0) };
  }

  async clear(): Promise<number> {
    return this.db.transaction('rw', this.db.laws, async () => {
      const count = await this.db.laws.count();
      await this.db.laws.clear();
      return count;
    });
  }
}
