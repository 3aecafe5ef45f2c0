import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { LawTextSite } from '../refs/labels.ts';
import { REFERENCE_KINDS, type ReferenceKind } from '../refs/types.ts';

/** The reader's settings for linking, kept in `storage.sync` so they follow the browser profile. */
export interface LinkSettings {
  /** Link references at all. */
  enabled: boolean;
  /** Kinds the reader turned off; a kind added in a later version is on until turned off. */
  disabledKinds: ReferenceKind[];
  /** Where law texts open: every law link on the page and the law card's actions follow it. */
  lawSite: LawTextSite;
}

export const LAW_TEXT_SITES: readonly LawTextSite[] = ['riksdagen', 'lagen.nu'];

export const DEFAULT_LINK_SETTINGS: LinkSettings = { enabled: true, disabledKinds: [], lawSite: 'riksdagen' };

const schema = z.object({
  enabled: z.boolean(),
  // Unknown kinds (from a newer version, or a damaged value) are dropped, not fatal.
  disabledKinds: z.array(z.string()),
  // Added later: values stored before it have none, and a site we do not know means the default.
  lawSite: z.optional(z.unknown()),
});

/** Reads a stored value, tolerating anything: what cannot be read falls back to the defaults. */
export function parseLinkSettings(value: unknown): LinkSettings {
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) return DEFAULT_LINK_SETTINGS;
  const known = new Set<string>(REFERENCE_KINDS);
  return {
    enabled: parsed.data.enabled,
    disabledKinds: parsed.data.disabledKinds.filter((k): k is ReferenceKind => known.has(k)),
    lawSite: LAW_TEXT_SITES.find((site) => site === parsed.data.lawSite) ?? DEFAULT_LINK_SETTINGS.lawSite,
  };
}

export function enabledKinds(settings: LinkSettings): Set<ReferenceKind> {
  const off = new Set(settings.disabledKinds);
  return new Set(REFERENCE_KINDS.filter((k) => !off.has(k)));
}

// One key in storage.sync, read and watched through the WebExtension API itself: WXT's storage
// wrapper would cost the content script several kilobytes for three calls.
const KEY = 'linkSettings';
const item = {
  async getValue(): Promise<unknown> {
    const stored = await browser.storage.sync.get(KEY);
    return stored[KEY] ?? DEFAULT_LINK_SETTINGS;
  },
  async setValue(value: unknown): Promise<void> {
    await browser.storage.sync.set({ [KEY]: value });
  },
  watch(callback: (value: unknown) => void): () => void {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'sync' && KEY in changes) callback(changes[KEY]!.newValue ?? DEFAULT_LINK_SETTINGS);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};

export const linkSettings = {
  /** The stored settings; the defaults when storage cannot be read (the page still gets links). */
  async get(): Promise<LinkSettings> {
    try {
      return parseLinkSettings(await item.getValue());
    } catch (error) {
      console.warn('[Riksref] settings unavailable, using defaults', error);
      return DEFAULT_LINK_SETTINGS;
    }
  },
  async set(settings: LinkSettings): Promise<void> {
    await item.setValue(settings);
  },
  /** Calls back with the new settings whenever they change, in any tab or page. */
  watch(callback: (settings: LinkSettings) => void): () => void {
    try {
      return item.watch((value) => callback(parseLinkSettings(value)));
    } catch (error) {
      console.warn('[Riksref] cannot watch settings', error);
      return () => {};
    }
  },
};
