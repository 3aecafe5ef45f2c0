import { documentReferences } from '@/lib/cite/documents';
import { createCitationHandlers } from '@/lib/cite/handler';
import { RiksrefDatabase } from '@/lib/db/database';
import { createHighlightHandlers } from '@/lib/db/highlight-handlers';
import { createHighlightImporter } from '@/lib/db/highlight-import';
import { createMetadataService } from '@/lib/db/metadata';
import { ReadingRepository } from '@/lib/db/readings';
import { createTrailHandlers } from '@/lib/db/trail-handlers';
import { createTrailService } from '@/lib/db/trails';
import { HIGHLIGHT_PANEL_MESSAGES } from '@/lib/highlights/messages';
import { HISTORY_MESSAGES } from '@/lib/history/messages';
import { readingHistorySettings } from '@/lib/history/settings';
import { createMessageHandler, createTableHandler, listen } from '@/lib/messages/handle';
import { IMPORT_PORT, serveImport } from '@/lib/messages/import-port';
import { KEYBOARD_COMMAND, SAVE_SELECTION_COMMAND, type TabCommand } from '@/lib/messages/tab-commands';
import { parseDocumentUrl } from '@/lib/page/url';
import { createRiksdagenClient } from '@/lib/riksdagen/client';
import { createHttpClient, HTTP_DEFAULTS } from '@/lib/riksdagen/http';
import { createHighlightSync } from '@/lib/sync/engine';
import { SYNC_MESSAGES } from '@/lib/sync/messages';
import { createLawClient } from '@/lib/riksdagen/laws';
import { t } from '@/lib/i18n';

// Where "Spara markering" appears in the context menu: the pages our content script runs on.
const DOCUMENT_PAGES = ['https://www.riksdagen.se/*', 'https://riksdagen.se/*', 'https://data.riksdagen.se/*'];

// The background owns the database and the network (DESIGN.md): pages ask it through typed
// messages (lib/messages) and never fetch or open IndexedDB themselves.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    console.info(`[Riksref] ${reason}`);
    // Menus outlive service worker restarts but not updates: made anew on install and update.
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: SAVE_SELECTION_COMMAND,
        title: t('saveSelection'),
        contexts: ['selection'],
        documentUrlPatterns: DOCUMENT_PAGES,
      }),
    );
  });

  openSidePanelFromToolbar();

  const db = new RiksrefDatabase();
  // One HTTP client for documents and laws alike: its per-host limit and back-off count every
  // request we make to data.riksdagen.se.
  const http = createHttpClient();
  const riksdagen = createRiksdagenClient({ http });
  const metadata = createMetadataService({
    db,
    fetchDocument: riksdagen.lookup,
    fetchLaw: createLawClient({ http }).fetchLaw,
  });
  // Documents' trails are cached beside their metadata: counted and emptied with it.
  const trails = createTrailService({ db, fetchTrail: riksdagen.fetchTrail });
  const trailHandlers = createTrailHandlers({ trails, readings: new ReadingRepository(db), settings: readingHistorySettings });
  // The Markdown export's references: each document's dokumentstatus, for as long as one request may take.
  const referencesOf = (documents: Parameters<typeof documentReferences>[0]) =>
    documentReferences(
      documents,
      async (dokId) => {
        const status = await riksdagen.documentStatus(dokId);
        return status.ok ? status.dokument : undefined;
      },
      HTTP_DEFAULTS.timeoutMs,
    );

  // Highlights also live in the browser's sync area, so that the reader's other computers have
  // them (lib/sync). Started here, at once: the browser wakes this worker for a change from
  // another computer only if the listener is there from the first moment.
  const highlightSync = createHighlightSync({
    db,
    sync: browser.storage.sync,
    local: browser.storage.local,
    events: browser.storage.onChanged,
    onLocalChange: (dokIds) => void tellOpenPages(dokIds),
  });
  highlightSync.start();
  /** Highlights of these documents changed here: open pages repaint, and the sync follows. */
  const highlightsChanged = (dokIds: string[]) => {
    void tellOpenPages(dokIds);
    highlightSync.soon();
  };

  const answer = createMessageHandler({
    lookupReferences: async ({ ids }) => ({ results: await metadata.lookupMany(ids) }),
    getCacheStats: async () => {
      const [stats, trailStats] = await Promise.all([metadata.stats(), trails.stats()]);
      return { ...stats, approxBytes: stats.approxBytes + trailStats.approxBytes };
    },
    clearCache: async () => ({ removed: (await metadata.clear()) + (await trails.clear()) }),
    ...trailHandlers.page,
    ...createHighlightHandlers(db, Date.now, highlightsChanged, referencesOf, highlightSync),
    ...createCitationHandlers((ids) => metadata.lookupMany(ids)),
  });
  // The options page's messages about the sync: a table of their own (lib/sync/messages.ts).
  const answerSync = createTableHandler(SYNC_MESSAGES, {
    getSyncStatus: () => highlightSync.status(),
    setHighlightSync: ({ enabled, removeData }) => highlightSync.setEnabled(enabled, removeData),
  });
  // The side panel's "Ärendet" and the options page's reading history: a table of their own too (lib/history/messages.ts).
  const answerHistory = createTableHandler(HISTORY_MESSAGES, trailHandlers.history);
  // The side panel's Markdown export asks for the documents' references: a table of its own too (lib/highlights/messages.ts).
  const answerPanel = createTableHandler(HIGHLIGHT_PANEL_MESSAGES, {
    highlightReferences: async ({ documents }) => ({ references: Object.fromEntries(await referencesOf(documents)) }),
  });
  listen(browser.runtime.onMessage, (message) => answerSync(message) ?? answerHistory(message) ?? answerPanel(message) ?? answer(message));
  // The side panel's import: the file in slices over a port, progress back (lib/messages/import-port.ts).
  const importer = createHighlightImporter(db, highlightsChanged, highlightSync);
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === IMPORT_PORT) serveImport(port, importer.importText);
  });

  // The context menu entry asks the page to save its selection, the keyboard command to take
  // the keyboard to its toolbar or popover: only the content script knows the document region.
  const tellTab = (tabId: number | undefined, command: TabCommand, frameId?: number) => {
    if (tabId === undefined || tabId < 0) return;
    browser.tabs.sendMessage(tabId, command, frameId === undefined ? undefined : { frameId }).catch(() => {
      // No content script in that tab (not a document page): nothing to do.
    });
  };
  browser.commands.onCommand.addListener(async (name, tab) => {
    if (name !== KEYBOARD_COMMAND) return;
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    tellTab(target?.id, { riksrefTab: 1, command: 'highlightFromKeyboard' });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_SELECTION_COMMAND) tellTab(tab?.id, { riksrefTab: 1, command: 'saveSelection' }, info.frameId);
  });

  /**
   * Highlights of these documents changed: every open page of one of them repaints. Which tabs
   * show them: tabs.query by URL pattern and the tabs' addresses both work without the `tabs`
   * permission for the hosts we have host permissions for, which are exactly the pages we run on.
   */
  async function tellOpenPages(dokIds: string[]) {
    const command: TabCommand = { riksrefTab: 1, command: 'highlightsChanged', dokIds };
    try {
      for (const tab of await browser.tabs.query({ url: DOCUMENT_PAGES })) {
        const shown = tab.url ? parseDocumentUrl(tab.url)?.dokId : undefined;
        // A tab whose address we cannot read is told anyway: its page decides.
        if (shown === undefined ? tab.url === undefined : dokIds.includes(shown)) tellTab(tab.id, command);
      }
    } catch (error) {
      console.warn('[Riksref] could not tell open pages about changed highlights', error);
    }
  }
});

/**
 * The toolbar button opens the side panel. Chrome does it itself once told to; Firefox has no
 * sidePanel API but toggles its sidebar from the button's click (a user action, as it requires).
 */
function openSidePanelFromToolbar(): void {
  const firefox = browser as unknown as { sidebarAction?: { toggle(): Promise<void> } };
  if (browser.sidePanel) {
    browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
      console.warn('[Riksref] side panel behaviour', error);
    });
  } else if (firefox.sidebarAction) {
    const { sidebarAction } = firefox;
    browser.action.onClicked.addListener(() => void sidebarAction.toggle());
  }
}
