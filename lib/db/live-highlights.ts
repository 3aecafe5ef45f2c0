import { liveQuery } from 'dexie';
import type { Highlight } from '../highlights/highlight.ts';
import type { RiksrefDatabase } from './database.ts';

/*
 * The side panel's reads. The panel opens the database only to watch it: it reads and never
 * writes; writes go through the background's messages, which validate them and tell open pages
 * (DESIGN.md).
 *
 * At 10 000 highlights (issue 12) reading them all takes Chromium 120–220 ms, nearly all of it
 * turning stored records back into objects on the panel's main thread. So the list is read in
 * slices (each its own task, the panel free between them), and the panel's first screen comes
 * from a small read of its own (readFirstScreen) that does not wait for the whole list.
 */

/**
 * Records per slice: 3–6 ms of the panel's main thread each in Chromium (turning records back into
 * objects), leaving room under 50 ms when the machine is busy with other work too.
 */
export const READ_SLICE = 250;

const latestFirst = (a: Highlight, b: Highlight) => b.updated - a.updated;

/**
 * Every highlight, in the order of their ids: read in slices by primary key, all in one read
 * transaction, so the list is one consistent snapshot however many slices it takes. Not sorted:
 * sorting 100 000 records is one task of over 100 ms, and the panel arranges them itself, a slice
 * at a time (lib/highlights/collection.ts).
 */
export function readAllHighlights(db: RiksrefDatabase, slice = READ_SLICE): Promise<Highlight[]> {
  return db.transaction('r', db.highlights, async () => {
    const all: Highlight[] = [];
    let after: string | undefined;
    for (;;) {
      const from = after === undefined ? db.highlights.orderBy(':id') : db.highlights.where(':id').above(after);
      const records = await from.limit(slice).toArray();
      for (const record of records) all.push(record);
      if (records.length < slice) break;
      after = records[records.length - 1]!.id;
    }
    return all;
  });
}

/** What the panel can show before the whole list is read. */
export interface FirstScreen {
  /** The current document's highlights, and every highlight of the `groups` latest changed documents. */
  highlights: Highlight[];
  /**
   * How many documents, latest changed first, are complete here: the first `groups` groups of
   * "Alla" are exactly these (a document not among them changed before all of them).
   */
  groups: number;
  dokId: string | undefined;
}

/**
 * The first screen's worth: the latest `recent` changes name the latest changed documents (at
 * most `maxGroups`); those documents are read whole, and so is the current one (`dokId`). Two
 * small indexed reads instead of the whole table.
 */
export async function readFirstScreen(db: RiksrefDatabase, dokId: string | undefined, { recent = 40, maxGroups = 12 } = {}): Promise<FirstScreen> {
  return db.transaction('r', db.highlights, async () => {
    const latest = await db.highlights.orderBy('updated').reverse().limit(recent).toArray();
    const documents = [...new Set(latest.map((h) => h.dokId))].slice(0, maxGroups);
    const page = dokId?.toUpperCase();
    const wanted = page && !documents.includes(page) ? [...documents, page] : documents;
    const highlights = wanted.length > 0 ? await db.highlights.where('dokId').anyOf(wanted).toArray() : [];
    return { highlights: highlights.sort(latestFirst), groups: documents.length, dokId: page };
  });
}

/**
 * Every saved highlight (readAllHighlights), now and again after every change — from any
 * context of the extension's origin: Dexie tells its live queries of writes made elsewhere (the
 * background) over a BroadcastChannel. Each time the whole list is read again, in slices.
 *
 * Returns the way to stop watching.
 */
export function watchAllHighlights(
  db: RiksrefDatabase,
  onList: (highlights: Highlight[]) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(() => readAllHighlights(db)).subscribe({
    next: onList,
    error: onError,
  });
  return () => subscription.unsubscribe();
}
