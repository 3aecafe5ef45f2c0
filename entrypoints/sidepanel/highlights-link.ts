import { browser } from 'wxt/browser';
import type { HighlightsApi, OpenResult } from '@/components/HighlightsTab';
import { RiksrefDatabase } from '@/lib/db/database';
import { watchAllHighlights } from '@/lib/db/live-highlights';
import type { Highlight } from '@/lib/highlights/highlight';
import { MessageError, send, sendToTab } from '@/lib/messages/send';
import { parseDocumentUrl } from '@/lib/page/url';
import type { CurrentTab } from './current-tab';
import { errorMessage } from '@/lib/error-message';

/**
 * The "Markeringar" tab's line to the extension. Reads come straight from the database, watched
 * live (lib/db/live-highlights.ts), so a highlight saved in any tab appears at once; every write
 * goes through the background's messages, which check it and tell open pages to repaint.
 */
export function createHighlightsLink(tab: CurrentTab, db: RiksrefDatabase = new RiksrefDatabase()): HighlightsApi {
  const currentDokId = async () => {
    const id = await tab.id();
    if (id === undefined) return undefined;
    // The host permissions let us read the address of riksdagen.se tabs (and only those).
    const { url } = await browser.tabs.get(id);
    return url ? parseDocumentUrl(url)?.dokId : undefined;
  };

  return {
    watch: (onList, onError) => watchAllHighlights(db, onList, onError),
    currentDokId,
    subscribeTab: (onChange) => tab.subscribe(onChange),

    async open(highlight) {
      const id = await tab.id();
      if (id === undefined) return 'no-tab';
      if ((await currentDokId().catch(() => undefined)) !== highlight.dokId) {
        // Our own tab's address may be set without the `tabs` permission.
        await browser.tabs.update(id, { url: highlight.url });
      }
      return showWhenAnchored((payload) => sendToTab(id, 'showHighlight', payload), highlight);
    },

    saveNote: async (highlight, note) => (await send('updateHighlight', { id: highlight.id, changes: { note } })).outcome,
    remove: async (highlight) => (await send('deleteHighlight', { id: highlight.id })).deleted,
    restore: (highlight) => send('restoreHighlight', { highlight }),

    async exportFile(format) {
      const file = await send('exportHighlights', { format });
      download(file.filename, file.mimeType, file.text);
      return file;
    },

    async importFile(file) {
      let data: unknown;
      try {
        data = JSON.parse(await file.text());
      } catch (error) {
        const why = errorMessage(error);
        return { imported: false, error: `Filen är inte giltig JSON (${why}). Ingenting importerades.` };
      }
      return send('importHighlights', { file: data });
    },
  };
}

/** How long "Visa" waits for a document to open and anchor: a slow connection, a long document. */
const SHOW_WITHIN_MS = 20_000;
const ASK_EVERY_MS = 250;
/**
 * "Not here" answers from the right page before we believe them: its whole-text fuzzy search
 * runs a task per missing highlight after the first paint, so a highlight found that way turns
 * up a moment later.
 */
const NOT_FOUND_ANSWERS = 4;

type Ask = (payload: { id: string; dokId: string }) => Promise<{ dokId: string; shown: boolean }>;

/**
 * Asks the tab's page to show a highlight until the page of its document has done so. Right
 * after a navigation the old page may still answer (with its own dok_id: ignored) and the new
 * one may have no content script yet (no answer: asked again).
 */
export async function showWhenAnchored(
  ask: Ask,
  highlight: Pick<Highlight, 'id' | 'dokId'>,
  { within = SHOW_WITHIN_MS, every = ASK_EVERY_MS, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)), now = Date.now } = {},
): Promise<OpenResult> {
  const deadline = now() + within;
  let notFound = 0;
  for (;;) {
    try {
      const answer = await ask({ id: highlight.id, dokId: highlight.dokId });
      if (answer.dokId === highlight.dokId) {
        if (answer.shown) return 'shown';
        if (++notFound >= NOT_FOUND_ANSWERS) return 'not-anchored';
      }
    } catch (error) {
      // A reply that came but was wrong is a real error; no reply means no content script yet.
      if (error instanceof MessageError) throw error;
    }
    if (now() + every > deadline) return 'timeout';
    await sleep(every);
  }
}

/** Hands text to the browser as a file download: an object URL and an `<a download>`. */
export function download(filename: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers read the URL only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
