import * as z from 'zod/mini';

/**
 * Whether highlights sync, kept in the sync area itself: turning it off on one computer turns it
 * off on every computer of the same browser account, so that removing our data from the sync
 * area is not undone by another computer writing its highlights back. No value means on.
 */
export const SYNC_SETTINGS_KEY = 'highlightSync';

export interface SyncSettings {
  enabled: boolean;
}

const schema = z.object({ enabled: z.boolean() });

/** Anything unreadable means the default: on. */
export function parseSyncSettings(value: unknown): SyncSettings {
  const parsed = z.safeParse(schema, value);
  return { enabled: parsed.success ? parsed.data.enabled : true };
}
