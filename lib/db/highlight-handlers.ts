import type { HighlightedDocument } from '../cite/documents.ts';
import { exportMarkdown, groupByDocument } from '../highlights/markdown.ts';
import { exportJson } from '../highlights/web-annotation.ts';
import type { Handlers } from '../messages/handle.ts';
import type { HighlightSyncHooks } from '../sync/types.ts';
import type { RiksrefDatabase } from './database.ts';
import { HighlightRepository } from './highlights.ts';
import { createHighlightImporter } from './highlight-import.ts';
import { exportFileName } from '../export-file.ts';

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

/** Each document's reference by dok_id, for the Markdown export (lib/cite/documents.ts). */
export type DocumentReferences = (documents: HighlightedDocument[]) => Promise<ReadonlyMap<string, string>>;

/** Without sync (tests, a browser without a sync area): deletions and restores as they are. */
const NO_SYNC: HighlightSyncHooks = {
  deleting: (remove) => remove(),
  reviving: async (highlights) => [...highlights],
};

/**
 * The background's answers to the highlight messages, over one database. `onChange` hears which
 * documents' highlights a message changed (saved, edited, deleted, restored, imported), so that
 * open pages of those documents can repaint and the sync can follow; orphan marks from a visit
 * change no paint, do not sync, and are not reported. `references` gives the Markdown export each
 * document's reference. `sync` keeps deletions so that they travel to the reader's other
 * computers, and lets a restore or an import win over them (lib/sync).
 */
export function createHighlightHandlers(
  db: RiksrefDatabase,
  now: () => number = Date.now,
  onChange: (dokIds: string[]) => void = () => {},
  references: DocumentReferences = async () => new Map(),
  sync: HighlightSyncHooks = NO_SYNC,
): HighlightHandlers {
  const repo = new HighlightRepository(db);
  const importer = createHighlightImporter(db, onChange, sync);
  const changed = <T extends { saved: boolean; highlight: { dokId: string } } | null>(outcome: T): T => {
    if (outcome?.saved) onChange([outcome.highlight.dokId]);
    return outcome;
  };
  return {
    saveHighlight: async ({ highlight }) => changed(await repo.save(highlight)),
    updateHighlight: async ({ id, changes }) => ({ outcome: changed(await repo.update(id, changes, now())) }),
    async deleteHighlight({ id }) {
      const deleted = await sync.deleting(() => repo.delete(id));
      if (deleted) onChange([deleted.dokId]);
      return { deleted };
    },
    restoreHighlight: async ({ highlight }) => {
      const [back] = await sync.reviving([highlight]);
      return changed(await repo.save(back!));
    },
    listHighlights: async ({ dokId }) => ({ highlights: await repo.forDocument(dokId) }),
    listAllHighlights: async () => ({ highlights: await repo.all() }),
    reportAnchoring: async ({ dokId, found, orphans }) => ({ changed: await repo.markAnchoring(dokId, found, orphans) }),

    importHighlights: ({ file }) => importer.importData(file),

    async exportHighlights({ format, dokId }) {
      const highlights = dokId ? await repo.forDocument(dokId) : await repo.all();
      const name = exportFileName('highlights', now(), dokId);
      if (format === 'json') return { filename: `${name}.json`, mimeType: 'application/json', text: exportJson(highlights), count: highlights.length };
      const documents = groupByDocument(highlights).map(({ dokId, title, url, highlights: [first] }) => ({ dokId, kind: first!.kind, title, url }));
      const text = exportMarkdown(highlights, now(), await references(documents));
      return { filename: `${name}.md`, mimeType: 'text/markdown', text, count: highlights.length };
    },
  };
}
