import type { Reading } from '../history/reading.ts';
import type { ReadingRecord, RiksrefDatabase } from './database.ts';
import type { CacheStats } from './documents.ts';
import { approximateSize } from './lru-table.ts';

/** The reading history's bound: the oldest readings go first beyond it. */
export const READING_POLICY = { maxReadings: 2000 } as const;

/**
 * The reader's reading history (issue 13): one record per document page read, replaced when it is
 * read again (a new version of a document replaces the set of what it cites). Local only.
 */
export class ReadingRepository {
  constructor(
    private readonly db: RiksrefDatabase,
    private readonly max: number = READING_POLICY.maxReadings,
  ) {}

  async record(reading: Reading, now: number): Promise<void> {
    const base = { ...reading, readAt: now };
    const record: ReadingRecord = { ...base, size: approximateSize(base) };
    await this.db.transaction('rw', this.db.readings, async () => {
      await this.db.readings.put(record);
      const excess = (await this.db.readings.count()) - this.max;
      if (excess > 0) await this.db.readings.bulkDelete(await this.db.readings.orderBy('readAt').limit(excess).primaryKeys());
    });
  }

  /**
   * The documents read that cite `id`, newest read first: `total` of them, the first `limit`
   * given. `exclude` leaves out documents by dok_id (the page the reader is on; the document
   * itself, when its page names it and we could not tell that it was its own name).
   */
  async citedBy(id: string, options: { exclude?: readonly (string | undefined)[]; limit?: number } = {}): Promise<{ total: number; readings: ReadingRecord[] }> {
    const citing = await this.db.readings.where('refs').equals(id).toArray();
    // Pages key their document upper-cased (lib/page/url.ts); the open data writes `HB01UbU5`.
    const skip = new Set(options.exclude?.map((dokId) => dokId?.toUpperCase()));
    const others = citing.filter((r) => !skip.has(r.dokId.toUpperCase())).sort((a, b) => b.readAt - a.readAt);
    return { total: others.length, readings: options.limit === undefined ? others : others.slice(0, options.limit) };
  }

  /** A page's reading by its document, in any casing of its dok_id. */
  async get(dokId: string): Promise<ReadingRecord | undefined> {
    return this.db.readings.get(dokId.toUpperCase());
  }

  async stats(): Promise<CacheStats> {
    let approxBytes = 0;
    let count = 0;
    await this.db.readings.each((record) => {
      count++;
      approxBytes += record.size;
    });
    return { count, approxBytes };
  }

  async clear(): Promise<number> {
    return this.db.transaction('rw', this.db.readings, async () => {
      const count = await this.db.readings.count();
      await this.db.readings.clear();
      return count;
    });
  }
}
