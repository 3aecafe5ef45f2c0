import { RiksrefDatabase } from '@/lib/db/database';
import { createHighlightHandlers } from '@/lib/db/highlight-handlers';
import { createMetadataService } from '@/lib/db/metadata';
import { createMessageHandler, listen } from '@/lib/messages/handle';
import { SAVE_SELECTION_COMMAND, type TabCommand } from '@/lib/messages/tab-commands';
import { createRiksdagenClient } from '@/lib/riksdagen/client';

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
        title: browser.i18n.getMessage('saveSelection') || 'Spara markering',
        contexts: ['selection'],
        documentUrlPatterns: DOCUMENT_PAGES,
      }),
    );
  });

  openSidePanelFromToolbar();

  const db = new RiksrefDatabase();
  const metadata = createMetadataService({
    db,
    fetchDocument: createRiksdagenClient().lookup,
  });

  listen(
    browser.runtime.onMessage,
    createMessageHandler({
      lookupReferences: async ({ ids }) => ({ results: await metadata.lookupMany(ids) }),
      getCacheStats: () => metadata.stats(),
      clearCache: async () => ({ removed: await metadata.clear() }),
      ...createHighlightHandlers(db),
    }),
  );

  // The keyboard command and the context menu entry both ask the page to save its selection:
  // only the content script knows the document region and can describe the selection.
  const saveSelectionIn = (tabId: number | undefined, frameId?: number) => {
    if (tabId === undefined || tabId < 0) return;
    const command: TabCommand = { riksrefTab: 1, command: 'saveSelection' };
    browser.tabs.sendMessage(tabId, command, frameId === undefined ? undefined : { frameId }).catch(() => {
      // No content script in that tab (not a document page): nothing to save.
    });
  };
  browser.commands.onCommand.addListener(async (name, tab) => {
    if (name !== SAVE_SELECTION_COMMAND) return;
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    saveSelectionIn(target?.id);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_SELECTION_COMMAND) saveSelectionIn(tab?.id, info.frameId);
  });
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
