import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { PageReferencesApi } from '@/components/ReferencesTab';
import { pageEventSchema } from '@/lib/messages/protocol';
import { MessageError, sendToTab } from '@/lib/messages/send';

/**
 * The panel's line to the page in the current tab. Which tab: the active tab of the panel's own
 * window (tabs.query gives its id without the `tabs` permission), followed as the reader switches
 * tabs or the tab navigates. A `?tab=<id>` in the panel's address pins one tab instead: that is
 * how the end-to-end tests open the panel page in a tab of its own, where "the active tab" would
 * be the panel itself.
 */
export function createTabLink(search: string = location.search): PageReferencesApi {
  const pinned = Number.parseInt(new URLSearchParams(search).get('tab') ?? '', 10);
  let tabId: number | undefined = Number.isInteger(pinned) ? pinned : undefined;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());

  const currentTab = async (): Promise<number | undefined> => {
    if (tabId !== undefined) return tabId;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    tabId = tab?.id;
    return tabId;
  };

  if (!Number.isInteger(pinned)) {
    browser.tabs.onActivated.addListener(() => {
      // Asked again on the next load, in this window: another window's switch changes nothing here.
      tabId = undefined;
      changed();
    });
  }
  browser.tabs.onUpdated.addListener((id, info) => {
    if (id === tabId && (info.status === 'complete' || info.url !== undefined)) changed();
  });
  browser.runtime.onMessage.addListener((message: unknown, sender: { tab?: { id?: number } }) => {
    if (z.safeParse(pageEventSchema, message).success && sender.tab?.id !== undefined && sender.tab.id === tabId) changed();
    // Never an answer: the event is fire and forget.
    return undefined;
  });

  return {
    async load() {
      const id = await currentTab();
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
      const tab = await currentTab();
      if (tab === undefined) throw new Error('no tab');
      return sendToTab(tab, 'revealReference', { id, occurrence });
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
