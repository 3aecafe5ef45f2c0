import { liveQuery } from 'dexie';
import type { Highlight } from '../highlights/highlight.ts';
import type { RiksrefDatabase } from './database.ts';

/**
 * Every saved highlight, latest changed first, now and again after every change — from any
 * context of the extension's origin: Dexie tells its live queries of writes made elsewhere (the
 * background) over a BroadcastChannel. This is for extension pages (the side panel) that open
 * the database only to watch it: it reads and never writes; writes go through the background's
 * messages, which validate them and tell open pages (DESIGN.md).
 *
 * Returns the way to stop watching.
 */
export function watchAllHighlights(
  db: RiksrefDatabase,
  onList: (highlights: Highlight[]) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(() => db.highlights.orderBy('updated').reverse().toArray()).subscribe({
    next: onList,
    error: onError,
  });
  return () => subscription.unsubscribe();
}
