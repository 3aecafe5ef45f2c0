import * as z from 'zod/mini';
import { senderFor } from '../messages/send.ts';

/*
 * The options page's messages to the background about the sync (section "Synk"). A table of
 * their own beside lib/messages' MESSAGES: the content script checks every message of MESSAGES
 * it sends and so carries all their schemas, and it never asks about the sync. The background
 * answers them with createTableHandler (lib/messages/handle.ts).
 */

const count = z.number();

/** lib/sync/types.ts, SyncStatus. */
export const syncStatusSchema = z.object({
  available: z.boolean(),
  enabled: z.boolean(),
  usedBytes: count,
  quotaBytes: count,
  synced: count,
  unsynced: z.object({ note: count, quote: count, quota: count }),
  lastSyncAt: z.optional(count),
  error: z.optional(z.object({ kind: z.enum(['quota', 'rate', 'storage']), detail: z.string(), at: count })),
});

export type SyncStatusView = z.output<typeof syncStatusSchema>;

export const SYNC_MESSAGES = {
  /** How it stands: on or off, the quota used, what stays on this computer and why. */
  getSyncStatus: {
    request: z.object({}),
    response: syncStatusSchema,
  },
  /** On or off for every computer of the browser account; turning it off may also remove our items from the sync area. */
  setHighlightSync: {
    request: z.object({ enabled: z.boolean(), removeData: z.boolean() }),
    response: syncStatusSchema,
  },
} as const;

export type SyncMessageName = keyof typeof SYNC_MESSAGES;

/** Sends one of them to the background and returns its checked answer (see lib/messages/send.ts). */
export const sendSync = senderFor(SYNC_MESSAGES);
