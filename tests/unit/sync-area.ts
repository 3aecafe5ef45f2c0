import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StorageAreaLike, StorageEvents } from '@/lib/sync/engine';

/*
 * The browser's sync area for the sync tests: WXT's fakeBrowser storage (or a second, separate
 * one for "another computer") behind Chrome's quota checks with Chrome's numbers and messages.
 * The size count here is written independently of lib/sync/quota.ts, from Chrome's source
 * (settings_storage_quota_enforcer.cc: key bytes + base::JSONWriter's UTF-8 output, which
 * escapes `<` and U+2028/U+2029), so that a wrong count in lib/sync fails here.
 */

export const CHROME_SYNC = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
};

export function chromeItemBytes(key: string, value: unknown): number {
  const json = JSON.stringify(value).replace(/</g, '\\u003C').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return Buffer.byteLength(key, 'utf8') + Buffer.byteLength(json, 'utf8');
}

export function chromeAreaBytes(items: Record<string, unknown>): number {
  return Object.entries(items).reduce((sum, [key, value]) => sum + chromeItemBytes(key, value), 0);
}

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string) => void;

/** A storage area of its own with fakeBrowser's behaviour, for a second computer. */
export function memoryArea(): StorageAreaLike & { events: StorageEvents; data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  const listeners = new Set<Listener>();
  const fire = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
    for (const listener of listeners) listener(changes, 'sync');
  };
  return {
    data,
    events: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
    async get(keys) {
      if (keys == null) return structuredClone(data);
      const out: Record<string, unknown> = {};
      for (const key of Array.isArray(keys) ? keys : [keys]) if (key in data) out[key] = structuredClone(data[key]);
      return out;
    },
    async set(items) {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [key, value] of Object.entries(JSON.parse(JSON.stringify(items)) as Record<string, unknown>)) {
        changes[key] = { oldValue: data[key], newValue: value };
        data[key] = value;
      }
      fire(changes);
    },
    async remove(keys) {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const key of Array.isArray(keys) ? keys : [keys]) {
        if (!(key in data)) continue;
        changes[key] = { oldValue: data[key] };
        delete data[key];
      }
      if (Object.keys(changes).length > 0) fire(changes);
    },
  };
}

/**
 * Chrome's checks in front of an area: a write over any quota fails as a whole with Chrome's
 * message; every set and remove counts against the write limits, on the given clock.
 */
export function withChromeQuota(area: StorageAreaLike, clock: () => number): StorageAreaLike & { writes: number[] } {
  const writes: number[] = [];
  const countWrite = () => {
    const now = clock();
    if (writes.filter((t) => now - t < 60_000).length >= CHROME_SYNC.MAX_WRITE_OPERATIONS_PER_MINUTE) {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    }
    if (writes.filter((t) => now - t < 3_600_000).length >= CHROME_SYNC.MAX_WRITE_OPERATIONS_PER_HOUR) {
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    }
    writes.push(now);
  };
  return {
    writes,
    get: (keys) => area.get(keys),
    async set(items) {
      const current = await area.get(null);
      const next = { ...current, ...JSON.parse(JSON.stringify(items)) };
      for (const [key, value] of Object.entries(items)) {
        if (chromeItemBytes(key, value) > CHROME_SYNC.QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      if (chromeAreaBytes(next) > CHROME_SYNC.QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
      if (Object.keys(next).length > CHROME_SYNC.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
      countWrite();
      await area.set(items);
    },
    async remove(keys) {
      countWrite();
      await area.remove(keys);
    },
  };
}

/** fakeBrowser's storage.sync and storage.local, as the background passes browser.storage's. */
export function fakeSyncArea(clock: () => number) {
  return {
    sync: withChromeQuota(fakeBrowser.storage.sync as unknown as StorageAreaLike, clock),
    local: fakeBrowser.storage.local as unknown as StorageAreaLike,
    events: fakeBrowser.storage.onChanged as unknown as StorageEvents,
  };
}

/**
 * The browser's sync between two computers' areas, key by key, the last write winning, as Chrome
 * Sync and Firefox Sync do for extension data: everything `from` holds that `to` lacks or holds
 * differently is written into `to` (and removed there where `from` removed it since `base`).
 */
export async function replicate(from: StorageAreaLike, to: StorageAreaLike, keysRemovedFrom: string[] = []): Promise<void> {
  const source = await from.get(null);
  const target = await to.get(null);
  const changed = Object.fromEntries(Object.entries(source).filter(([key, value]) => JSON.stringify(target[key]) !== JSON.stringify(value)));
  if (Object.keys(changed).length > 0) await to.set(changed);
  const gone = keysRemovedFrom.filter((key) => key in target && !(key in source));
  if (gone.length > 0) await to.remove(gone);
}
