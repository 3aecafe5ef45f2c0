import type { Highlight, UnsyncedReason } from '../highlights/highlight.ts';

/* The sync's shapes that other modules name: the storage it talks to, its status, its hooks. */

export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export type ChangeListener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string) => void;

export interface StorageEvents {
  addListener(listener: ChangeListener): void;
  removeListener(listener: ChangeListener): void;
}

export interface SyncStatus {
  /** False where the browser has no sync area: everything stays here. */
  available: boolean;
  enabled: boolean;
  /** The whole sync area (our items and the settings), as the quota counts it. */
  usedBytes: number;
  quotaBytes: number;
  /** Highlights in the sync area. */
  synced: number;
  /** Highlights that stay on this device, by reason. */
  unsynced: Record<UnsyncedReason, number>;
  /** When a pass last left the sync area as it should be. */
  lastSyncAt?: number;
  /** The last pass's trouble, if it had any. */
  error?: { kind: 'quota' | 'rate' | 'storage'; detail: string; at: number };
}

/** What the highlight messages need from sync (lib/db/highlight-handlers.ts). */
export interface HighlightSyncHooks {
  /** Runs a deletion and keeps its tombstone, with no pass in between; returns what was deleted. */
  deleting(remove: () => Promise<Highlight | null>): Promise<Highlight | null>;
  /**
   * Highlights brought back (restored, imported) are the reader's latest word: each one a
   * known deletion would beat gets a time that beats the deletion instead.
   */
  reviving(highlights: readonly Highlight[]): Promise<Highlight[]>;
}
