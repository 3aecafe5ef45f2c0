import { errorMessage } from '../error-message.ts';
import { parseImportInSlices, parseJson } from '../highlights/web-annotation.ts';
import type { ResponseOf } from '../messages/protocol.ts';
import type { HighlightSyncHooks } from '../sync/types.ts';
import type { RiksrefDatabase } from './database.ts';
import { HighlightRepository } from './highlights.ts';

/*
 * Importing a file of highlights in the background: check every entry, then store them all in one
 * transaction, or nothing. Large files (issue 12: 20 MB, 100 000 entries) take seconds, so both
 * steps report how far they have come, and the check pauses between slices so that the background
 * keeps answering pages meanwhile.
 */

export type ImportAnswer = ResponseOf<'importHighlights'>;

/** How far an import has come: checking the entries, then saving them. */
export interface ImportProgress {
  phase: 'checking' | 'saving';
  done: number;
  total: number;
}

export type OnImportProgress = (progress: ImportProgress) => void;

export interface HighlightImporter {
  /** A parsed import file (its JSON value). */
  importData(data: unknown, onProgress?: OnImportProgress): Promise<ImportAnswer>;
  /** An import file's text. */
  importText(text: string, onProgress?: OnImportProgress): Promise<ImportAnswer>;
}

/** Without sync (tests, a browser without a sync area): imported highlights as they are. */
const AS_THEY_ARE: Pick<HighlightSyncHooks, 'reviving'> = { reviving: async (highlights) => [...highlights] };

/**
 * `onChange` hears the documents an import changed, as the other highlight writes tell it; `sync`
 * lets imported highlights win over deletions it knows of (lib/sync).
 */
export function createHighlightImporter(
  db: RiksrefDatabase,
  onChange: (dokIds: string[]) => void = () => {},
  sync: Pick<HighlightSyncHooks, 'reviving'> = AS_THEY_ARE,
): HighlightImporter {
  const repo = new HighlightRepository(db);
  const importData = async (data: unknown, onProgress: OnImportProgress = () => {}): Promise<ImportAnswer> => {
    const parsed = await parseImportInSlices(data, { onProgress: ({ done, total }) => onProgress({ phase: 'checking', done, total }) });
    if (!parsed.ok) return { imported: false, error: parsed.error };
    try {
      const outcome = await repo.importAll(await sync.reviving(parsed.highlights), (done, total) => onProgress({ phase: 'saving', done, total }));
      onChange([...new Set(parsed.highlights.map((h) => h.dokId))]);
      return { imported: true, ...outcome };
    } catch (error) {
      return { imported: false, error: errorMessage(error) };
    }
  };
  return {
    importData,
    async importText(text, onProgress) {
      const data = parseJson(text);
      return data.ok ? importData(data.value, onProgress) : { imported: false, error: data.error };
    },
  };
}
