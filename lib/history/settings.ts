import { browser } from 'wxt/browser';
import * as z from 'zod/mini';

/*
 * Whether Riksref keeps a reading history (issue 13). On by default, as the options page says.
 * In storage.local, not sync: a choice about this machine's data, and the history never leaves it.
 */

export interface ReadingHistorySettings {
  enabled: boolean;
}

export const DEFAULT_READING_HISTORY: ReadingHistorySettings = { enabled: true };

const KEY = 'readingHistory';
const schema = z.object({ enabled: z.boolean() });

/** What cannot be read counts as the default. */
export function parseReadingHistorySettings(value: unknown): ReadingHistorySettings {
  const parsed = z.safeParse(schema, value);
  return parsed.success ? { enabled: parsed.data.enabled } : DEFAULT_READING_HISTORY;
}

export const readingHistorySettings = {
  async get(): Promise<ReadingHistorySettings> {
    try {
      return parseReadingHistorySettings((await browser.storage.local.get(KEY))[KEY]);
    } catch (error) {
      console.warn('[Riksref] reading history setting unavailable, using the default', error);
      return DEFAULT_READING_HISTORY;
    }
  },
  async set(settings: ReadingHistorySettings): Promise<void> {
    await browser.storage.local.set({ [KEY]: settings });
  },
};
