import { browser } from 'wxt/browser';
import type { HighlightsApi, OpenResult } from '@/components/HighlightsTab';
import { RiksrefDatabase } from '@/lib/db/database';
import { readAllHighlights, readFirstScreen, watchAllHighlights } from '@/lib/db/live-highlights';
import type { Highlight } from '@/lib/highlights/highlight';
import { HighlightCollection, type DocumentGroup } from '@/lib/highlights/collection';
import { exportMarkdownParts } from '@/lib/highlights/markdown';
import { sendHighlightPanel } from '@/lib/highlights/messages';
import { exportJsonParts } from '@/lib/highlights/web-annotation';
import { IMPORT_PORT, importOverPort, type PortLike } from '@/lib/messages/import-port';
import { MessageError, send, sendToTab } from '@/lib/messages/send';
import { parseDocumentUrl } from '@/lib/page/url';
import { exportFileName } from '@/lib/export-file';
import { inSlices } from '@/lib/time-slices';
import type { CurrentTab } from './current-tab';

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
    firstScreen: (dokId) => readFirstScreen(db, dokId),
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

    /**
     * Written here, from one read of the database, a piece at a time between which the panel
     * answers the reader (10 000 highlights are ~10 MB of JSON); the pieces go to a Blob as they
     * are, never joined into one string.
     */
    async exportFile(format, onProgress) {
      // Documents as the panel lists them (latest changed first, each in document order), arranged in slices.
      const { groups, size } = await HighlightCollection.build(await readAllHighlights(db));
      const now = Date.now();
      // The text becomes bytes a quarter of a megabyte at a time, as it is written: made into one
      // Blob at the end, 10 MB of text would be encoded in one task of tens of milliseconds (and
      // a Blob of a thousand small ones costs as much).
      const parts: Blob[] = [];
      let pending: string[] = [];
      let pendingChars = 0;
      const flush = () => {
        parts.push(new Blob(pending));
        pending = [];
        pendingChars = 0;
      };
      const pieces =
        format === 'json'
          ? exportJsonParts(groups.flatMap((g) => g.highlights))
          : exportMarkdownParts(groups, now, await documentReferences(groups, () => onProgress({ phase: 'references', done: 0, total: size })));
      await inSlices(pieces, (part) => {
        pending.push(part.text);
        pendingChars += part.text.length;
        if (pendingChars >= BLOB_CHARS) flush();
        onProgress({ phase: 'writing', done: part.done, total: size });
      });
      flush();
      const name = exportFileName('highlights', now);
      const [filename, mimeType] = format === 'json' ? [`${name}.json`, 'application/json'] : [`${name}.md`, 'text/markdown'];
      download(filename, mimeType, parts);
      return { filename, count: size };
    },

    importFile: (file, onStep) => importOverPort(file, onStep, () => browser.runtime.connect({ name: IMPORT_PORT }) as PortLike),
  };
}

/**
 * The documents' references for the Markdown export, from the background (it asks the open data,
 * within one request's time). Without an answer the file is written without them: an export is
 * never lost for want of a reference.
 */
async function documentReferences(groups: readonly DocumentGroup[], asking: () => void): Promise<ReadonlyMap<string, string>> {
  asking();
  const documents = groups.map(({ dokId, title, url, highlights: [first] }) => ({ dokId, kind: first!.kind, title, url }));
  try {
    return new Map(Object.entries((await sendHighlightPanel('highlightReferences', { documents })).references));
  } catch (error) {
    console.warn('[Riksref] the Markdown export goes without references', error);
    return new Map();
  }
}

/** Characters of an export made into bytes at a time. */
const BLOB_CHARS = 1 << 18;

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

/**
 * Hands a file to the browser as a download: an object URL and an `<a download>`. `content` is
 * the text, or the file's pieces already made into bytes (an export of ours, written in slices).
 */
export function download(filename: string, mimeType: string, content: string | Blob[]): void {
  const url = URL.createObjectURL(new Blob(typeof content === 'string' ? [content] : content, { type: `${mimeType};charset=utf-8` }));
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
