import { exportMarkdown } from '../highlights/markdown.ts';
import { exportJson, parseImport } from '../highlights/web-annotation.ts';
import type { Handlers } from '../messages/handle.ts';
import type { RiksrefDatabase } from './database.ts';
import { HighlightRepository } from './highlights.ts';

export type HighlightHandlers = Pick<
  Handlers,
  | 'saveHighlight'
  | 'updateHighlight'
  | 'deleteHighlight'
  | 'restoreHighlight'
  | 'listHighlights'
  | 'listAllHighlights'
  | 'reportAnchoring'
  | 'importHighlights'
  | 'exportHighlights'
>;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The background's answers to the highlight messages, over one database. */
export function createHighlightHandlers(db: RiksrefDatabase, now: () => number = Date.now): HighlightHandlers {
  const repo = new HighlightRepository(db);
  return {
    saveHighlight: ({ highlight }) => repo.save(highlight),
    updateHighlight: async ({ id, changes }) => ({ outcome: await repo.update(id, changes, now()) }),
    deleteHighlight: async ({ id }) => ({ deleted: await repo.delete(id) }),
    restoreHighlight: ({ highlight }) => repo.save(highlight),
    listHighlights: async ({ dokId }) => ({ highlights: await repo.forDocument(dokId) }),
    listAllHighlights: async () => ({ highlights: await repo.all() }),
    reportAnchoring: async ({ dokId, found, orphans }) => ({ changed: await repo.markAnchoring(dokId, found, orphans) }),

    async importHighlights({ file }) {
      const parsed = parseImport(file);
      if (!parsed.ok) return { imported: false, error: parsed.error };
      try {
        return { imported: true, ...(await repo.importAll(parsed.highlights)) };
      } catch (error) {
        return { imported: false, error: error instanceof Error ? error.message : String(error) };
      }
    },

    async exportHighlights({ format, dokId }) {
      const highlights = dokId ? await repo.forDocument(dokId) : await repo.all();
      const name = `riksref-markeringar${dokId ? `-${dokId}` : ''}-${day(now())}`;
      return format === 'json'
        ? { filename: `${name}.json`, mimeType: 'application/json', text: exportJson(highlights), count: highlights.length }
        : { filename: `${name}.md`, mimeType: 'text/markdown', text: exportMarkdown(highlights, now()), count: highlights.length };
    },
  };
}
