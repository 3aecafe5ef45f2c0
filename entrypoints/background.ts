import { RiksrefDatabase } from '@/lib/db/database';
import { createMetadataService } from '@/lib/db/metadata';
import { createMessageHandler, listen } from '@/lib/messages/handle';
import { createRiksdagenClient } from '@/lib/riksdagen/client';

// The background owns the database and the network (DESIGN.md): pages ask it through typed
// messages (lib/messages) and never fetch or open IndexedDB themselves.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    console.info(`[Riksref] ${reason}`);
  });

  openSidePanelFromToolbar();

  const metadata = createMetadataService({
    db: new RiksrefDatabase(),
    fetchDocument: createRiksdagenClient().lookup,
  });

  listen(
    browser.runtime.onMessage,
    createMessageHandler({
      lookupReferences: async ({ ids }) => ({ results: await metadata.lookupMany(ids) }),
      getCacheStats: () => metadata.stats(),
      clearCache: async () => ({ removed: await metadata.clear() }),
    }),
  );
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
