import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { PageReferencesApi } from '@/components/ReferencesTab';
import { pageEventSchema } from '@/lib/messages/protocol';
import { MessageError, sendToTab } from '@/lib/messages/send';
import type { CurrentTab } from './current-tab';

/**
 * The panel's line to the references of the page in the current tab (./current-tab.ts): asks its
 * content script, and hears when the tab switched, navigated, or the page's references changed.
 */
export function createTabLink(tab: CurrentTab): PageReferencesApi {
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  tab.subscribe(changed);

  browser.runtime.onMessage.addListener((message: unknown, sender: { tab?: { id?: number } }) => {
    if (z.safeParse(pageEventSchema, message).success && sender.tab?.id !== undefined) {
      const from = sender.tab.id;
      void tab.id().then((id) => {
        if (id === from) changed();
      });
    }
    // Never an answer: the event is fire and forget.
    return undefined;
  });

  return {
    async load() {
      const id = await tab.id();
      if (id === undefined) return null;
      try {
        return await sendToTab(id, 'getPageReferences', {});
      } catch (error) {
        // No content script answers: not a riksdagen document page (or not loaded yet). A reply
        // that came but was wrong is a real error.
        if (error instanceof MessageError) throw error;
        return null;
      }
    },
    async reveal(id, occurrence) {
      const current = await tab.id();
      if (current === undefined) throw new Error('no tab');
      return sendToTab(current, 'revealReference', { id, occurrence });
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
