import type { InsertType, Table, UpdateSpec } from 'dexie';
import type { RiksrefDatabase } from './database.ts';

const encoder = new TextEncoder();

/** A record's approximate stored size in bytes (its JSON), measured once when it is stored. */
export function approximateSize(record: object): number {
  return encoder.encode(JSON.stringify(record)).length;
}

/**
 * A cache table keyed by id, kept within a number of records by dropping the least recently used:
 * what the documents and the laws tables share. Subclasses add how records are made and counted.
 */
export class LruTable<R extends { id: string; lastUsedAt: number }> {
  constructor(
    protected readonly db: RiksrefDatabase,
    protected readonly table: Table<R, string, InsertType<R, 'id'>>,
    private readonly max: number,
  ) {}

  async getMany(ids: readonly string[]): Promise<Map<string, R>> {
    const records = await this.table.bulkGet([...ids]);
    const byId = new Map<string, R>();
    for (const record of records) if (record) byId.set(record.id, record);
    return byId;
  }

  /** Marks ids as just used, so eviction keeps what pages keep asking for. */
  async touch(ids: readonly string[], now: number): Promise<void> {
    if (ids.length === 0) return;
    // Dexie's types cannot see through the generic record that `lastUsedAt` is one of its keys.
    const changes = { lastUsedAt: now } as unknown as UpdateSpec<R>;
    await this.table.bulkUpdate(ids.map((key) => ({ key, changes })));
  }

  async evictLeastRecentlyUsed(max = this.max): Promise<number> {
    return this.db.transaction('rw', this.table, async () => {
      const excess = (await this.table.count()) - max;
      if (excess <= 0) return 0;
      const victims = await this.table.orderBy('lastUsedAt').limit(excess).primaryKeys();
      await this.table.bulkDelete(victims);
      return victims.length;
    });
  }

  async clear(): Promise<number> {
    return this.db.transaction('rw', this.table, async () => {
      const count = await this.table.count();
      await this.table.clear();
      return count;
    });
  }
}
