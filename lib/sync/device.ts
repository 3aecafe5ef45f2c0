import * as z from 'zod/mini';
import type { RiksrefDatabase } from '../db/database.ts';
import type { Highlight, UnsyncedReason } from '../highlights/highlight.ts';
import type { Tombstone } from './encoding.ts';

/*
 * This computer's side of the sync: its record of deletions (storage.local), and how a pass's
 * outcome enters the database.
 */

interface LocalArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** storage.local key: deletions made here or learnt from the sync area, as [id, dokId, at]. */
export const DELETIONS_KEY = 'syncDeletions';
const deletionsSchema = z.array(z.tuple([z.string(), z.string(), z.number()]));

/**
 * The deletions this computer knows of. They live outside the database so that the highlights
 * table stays as it is (no new schema version), and a deletion made while the sync area cannot
 * be written still leaves with the next pass.
 */
export function createDeletionLog(local: LocalArea, warn: (message: string) => void) {
  return {
    async read(): Promise<Tombstone[]> {
      const stored = (await local.get(DELETIONS_KEY))[DELETIONS_KEY];
      if (stored === undefined) return [];
      const parsed = z.safeParse(deletionsSchema, stored);
      if (!parsed.success) {
        warn(`${DELETIONS_KEY} in storage.local is unreadable; deletions not yet synced may come back`);
        return [];
      }
      return parsed.data.map(([id, dokId, at]) => ({ id, dokId, at }));
    },
    write: (list: readonly Tombstone[]) => local.set({ [DELETIONS_KEY]: list.map((t) => [t.id, t.dokId, t.at]) }),
  };
}

/**
 * Applies a pass's outcome to the database: highlights that arrived or changed elsewhere,
 * deletions made elsewhere, and the "synkas inte" marks. Each change only if the highlight is
 * still as the pass read it (`seen`): the reader may have edited, deleted or imported meanwhile,
 * and then their change wins and brings a pass of its own. One transaction. Returns the
 * documents whose highlights changed, for their open pages to repaint.
 */
export async function applyToDatabase(
  db: RiksrefDatabase,
  seen: readonly Highlight[],
  put: readonly Highlight[],
  remove: readonly Tombstone[],
  unsynced: ReadonlyMap<string, UnsyncedReason>,
): Promise<string[]> {
  const before = new Map(seen.map((h) => [h.id, h]));
  const puts = new Map(put.map((h) => [h.id, h]));
  const removes = new Set(remove.map((t) => t.id));
  const marked = seen.filter((h) => !puts.has(h.id) && !removes.has(h.id) && h.unsynced !== unsynced.get(h.id)).map((h) => h.id);
  const ids = [...puts.keys(), ...removes, ...marked];
  if (ids.length === 0) return [];
  const withMark = (h: Highlight): Highlight => {
    const { unsynced: _old, ...rest } = h;
    const reason = unsynced.get(h.id);
    return reason ? { ...rest, unsynced: reason } : rest;
  };
  return db.transaction('rw', db.highlights, async () => {
    const current = await db.highlights.bulkGet(ids);
    const writes: Highlight[] = [];
    const deletes: string[] = [];
    const docs = new Set<string>();
    ids.forEach((id, i) => {
      const stored = current[i];
      const unchanged = stored?.updated === before.get(id)?.updated;
      const arrived = puts.get(id);
      if (removes.has(id)) {
        if (!stored || !unchanged) return;
        deletes.push(id);
        docs.add(stored.dokId);
      } else if (arrived) {
        if (!unchanged) return;
        writes.push(withMark(arrived));
        docs.add(arrived.dokId);
      } else if (stored && stored.unsynced !== unsynced.get(id)) {
        writes.push(withMark(stored));
        docs.add(stored.dokId);
      }
    });
    if (writes.length > 0) await db.highlights.bulkPut(writes);
    if (deletes.length > 0) await db.highlights.bulkDelete(deletes);
    return [...docs];
  });
}
