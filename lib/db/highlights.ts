import { byDocumentOrder, type Highlight, type HighlightChanges } from '../highlights/highlight.ts';
import { laterThan } from '../sync/clock.ts';
import type { RiksrefDatabase } from './database.ts';
import { storageErrorMessage } from './storage-errors.ts';

/**
 * The `highlights` table. Writes that can fail for reasons the reader must hear about (a full
 * disk, a database held by another version) answer with an outcome instead of throwing, and a
 * failed save hands the highlight back, so the caller can keep it on screen and offer to retry.
 */

export type SaveOutcome = { saved: true; highlight: Highlight } | { saved: false; error: string; highlight: Highlight };

export interface ImportOutcome {
  /** Entries that were new. */
  added: number;
  /** Entries whose id was already stored: replaced by the file's version, never duplicated. */
  replaced: number;
}

export class HighlightRepository {
  constructor(private readonly db: RiksrefDatabase) {}

  /** Stores a new or changed highlight as given. */
  async save(highlight: Highlight): Promise<SaveOutcome> {
    try {
      await this.db.highlights.put(highlight);
      return { saved: true, highlight };
    } catch (error) {
      return { saved: false, error: storageErrorMessage(error), highlight };
    }
  }

  /**
   * Changes a note or colour. Null when there is no such highlight. The new time is later than
   * the version changed, whatever this computer's clock says, so the sync keeps the change.
   */
  async update(id: string, changes: HighlightChanges, now: number): Promise<SaveOutcome | null> {
    let current: Highlight | undefined;
    try {
      current = await this.db.highlights.get(id);
    } catch (error) {
      throw new Error(storageErrorMessage(error, 'highlight_readFailed'));
    }
    if (!current) return null;
    const next: Highlight = { ...current, updated: laterThan(current.updated, now) };
    if (changes.note !== undefined) next.note = changes.note;
    if (changes.color !== undefined) next.color = changes.color;
    return this.save(next);
  }

  /** Deletes and returns what was deleted (so it can be restored: "Ångra"). */
  async delete(id: string): Promise<Highlight | null> {
    try {
      return await this.db.transaction('rw', this.db.highlights, async () => {
        const current = await this.db.highlights.get(id);
        if (current) await this.db.highlights.delete(id);
        return current ?? null;
      });
    } catch (error) {
      throw new Error(storageErrorMessage(error, 'highlight_deleteFailed'));
    }
  }

  /** A page's highlights (by dok_id, so every address of the document shares them), in document order. */
  async forDocument(dokId: string): Promise<Highlight[]> {
    try {
      const found = await this.db.highlights.where('dokId').equals(dokId.toUpperCase()).toArray();
      return found.sort(byDocumentOrder);
    } catch (error) {
      throw new Error(storageErrorMessage(error, 'highlights_readFailed'));
    }
  }

  /** Every highlight, most recently changed first. */
  async all(): Promise<Highlight[]> {
    try {
      return await this.db.highlights.orderBy('updated').reverse().toArray();
    } catch (error) {
      throw new Error(storageErrorMessage(error, 'highlights_readFailed'));
    }
  }

  /**
   * Stores every highlight of an already validated import in one transaction: all or nothing.
   * Ids are kept, so importing the same file again replaces instead of duplicating. Written in
   * slices of `per` inside that one transaction, telling `onProgress` after each, so that 100 000
   * entries show how far they have come; a failure in any slice (a full disk) aborts them all.
   */
  async importAll(highlights: readonly Highlight[], onProgress: (done: number, total: number) => void = () => {}, per = 2000): Promise<ImportOutcome> {
    try {
      return await this.db.transaction('rw', this.db.highlights, async () => {
        // The stored ids in one read (keys only), rather than one read per entry.
        const stored = new Set(await this.db.highlights.toCollection().primaryKeys());
        const replaced = highlights.reduce((n, h) => n + (stored.has(h.id) ? 1 : 0), 0);
        for (let i = 0; i < highlights.length; i += per) {
          await this.db.highlights.bulkPut(highlights.slice(i, i + per));
          onProgress(Math.min(i + per, highlights.length), highlights.length);
        }
        return { added: highlights.length - replaced, replaced };
      });
    } catch (error) {
      throw new Error(storageErrorMessage(error, 'import_failedUnchanged'));
    }
  }

  /**
   * Records what a visit found: which highlights of a document were orphans. Writes only the
   * records whose state changed, so an ordinary visit writes nothing.
   */
  async markAnchoring(dokId: string, found: readonly string[], orphans: readonly string[]): Promise<number> {
    const state = new Map<string, boolean>([...found.map((id) => [id, false] as const), ...orphans.map((id) => [id, true] as const)]);
    return this.db.transaction('rw', this.db.highlights, async () => {
      const records = await this.db.highlights.where('dokId').equals(dokId.toUpperCase()).toArray();
      const changed = records.filter((h) => state.has(h.id) && h.orphan !== state.get(h.id)).map((h) => ({ ...h, orphan: state.get(h.id)! }));
      if (changed.length > 0) await this.db.highlights.bulkPut(changed);
      return changed.length;
    });
  }
}
