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
