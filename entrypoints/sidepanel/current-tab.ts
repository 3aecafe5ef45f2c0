import { browser } from 'wxt/browser';

/** The browser tab the side panel is about, followed as the reader switches tabs or it navigates. */
export interface CurrentTab {
  /** The tab's id, or undefined when there is none (a window without tabs). */
  id(): Promise<number | undefined>;
  /** Calls back when the panel is about another tab now, or its tab loaded another page. */
  subscribe(onChange: () => void): () => void;
  /** The panel was opened pinned to one tab (`?tab=<id>`). */
  readonly pinned: boolean;
}

/**
 * Which tab: the active tab of the panel's own window (tabs.query gives its id without the
 * `tabs` permission), followed as the reader switches tabs or the tab navigates. A `?tab=<id>` in
 * the panel's address pins one tab instead: that is how the end-to-end tests open the panel page
 * in a tab of its own, where "the active tab" would be the panel itself.
 */
export function followCurrentTab(search: string = location.search): CurrentTab {
  const pinned = Number.parseInt(new URLSearchParams(search).get('tab') ?? '', 10);
  let tabId: number | undefined = Number.isInteger(pinned) ? pinned : undefined;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());

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

  return {
    pinned: Number.isInteger(pinned),
    async id() {
      if (tabId !== undefined) return tabId;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      tabId = tab?.id;
      return tabId;
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
