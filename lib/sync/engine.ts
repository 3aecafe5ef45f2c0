import type { RiksrefDatabase } from '../db/database.ts';
import type { UnsyncedReason } from '../highlights/highlight.ts';
import { errorMessage } from '../error-message.ts';
import { laterThan } from './clock.ts';
import { decodeArea, KEY_PREFIX } from './encoding.ts';
import { applyToDatabase, createDeletionLog } from './device.ts';
import { merge } from './merge.ts';
import { budgetFor, planItems } from './plan.ts';
import { areaBytes, RESERVED_FOR_SETTINGS, SYNC_QUOTA } from './quota.ts';
import { parseSyncSettings, SYNC_SETTINGS_KEY } from './settings.ts';
import type { ChangeListener, HighlightSyncHooks, StorageAreaLike, StorageEvents, SyncStatus } from './types.ts';

export type { HighlightSyncHooks, StorageAreaLike, StorageEvents, SyncStatus } from './types.ts';

/*
 * The background's sync of highlights with the browser's own sync area (`storage.sync`). The
 * database stays the store everything else reads; the sync area is a second copy that the
 * browser carries to the reader's other computers. A pass reads both, merges (merge.ts), stores
 * here what arrived, and writes there what changed (plan.ts), in one write of each kind.
 *
 * Passes run at start, shortly after a change here (batched: one write for a burst of edits),
 * shortly after the browser delivers a change from elsewhere, and never more often than the
 * browser's write limits allow. A pass never runs beside another, nor beside a deletion (which
 * must leave its tombstone before a pass could mistake the highlight for one to fetch again).
 */

export const SYNC_TIMING = {
  /** After a change here: a note saved and then its colour changed go out as one write. */
  localDelayMs: 2_000,
  /** After a change from elsewhere: the browser delivers one sync as several events. */
  remoteDelayMs: 250,
  /**
   * Between two passes that write. Chrome allows 1800 writes an hour (one per 2 s, sustained)
   * and 120 a minute; a pass writes at most twice (remove, then set), so one every 4 s stays
   * within both however long the reader keeps editing.
   */
  minWriteIntervalMs: 4_000,
  /** After a failed read or write (quota, rate limit, storage trouble). */
  retryAfterErrorMs: 60_000,
};

export interface HighlightSyncOptions {
  db: RiksrefDatabase;
  /** browser.storage.sync, or undefined where the browser has none. */
  sync: StorageAreaLike | undefined;
  /** browser.storage.local: this device's record of deletions. */
  local: StorageAreaLike;
  /** browser.storage.onChanged. */
  events?: StorageEvents;
  now?: () => number;
  /** Highlights (or their sync marks) of these documents changed here: open pages repaint. */
  onLocalChange?: (dokIds: string[]) => void;
  warn?: (message: string) => void;
  timing?: Partial<typeof SYNC_TIMING>;
}

export interface HighlightSync extends HighlightSyncHooks {
  /** Listens for changes from elsewhere and runs the first pass. Returns the way to stop. */
  start(): () => void;
  /** A change here: a pass soon. */
  soon(): void;
  /** Runs a pass now (after any running one) and answers how things stand. */
  syncNow(): Promise<SyncStatus>;
  /** How things stand, after a first pass if none has run. */
  status(): Promise<SyncStatus>;
  /** Turns sync on or off for every computer of the account; off may also empty our part of the sync area. */
  setEnabled(enabled: boolean, removeData: boolean): Promise<SyncStatus>;
}

const NO_REASONS: Record<UnsyncedReason, number> = { note: 0, quote: 0, quota: 0 };

/** JSON with object keys sorted: the browser may hand an item back with its keys reordered. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function troubleOf(error: unknown, at: number): NonNullable<SyncStatus['error']> {
  const detail = errorMessage(error);
  const kind = /MAX_WRITE_OPERATIONS/.test(detail) ? 'rate' : /QUOTA_BYTES|MAX_ITEMS|quota/i.test(detail) ? 'quota' : 'storage';
  return { kind, detail, at };
}

export function createHighlightSync(options: HighlightSyncOptions): HighlightSync {
  const { db, sync, local } = options;
  const now = options.now ?? Date.now;
  const timing = { ...SYNC_TIMING, ...options.timing };
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    (options.warn ?? ((m: string) => console.warn(`[Riksref] ${m}`)))(message);
  };

  let status: SyncStatus = {
    available: sync !== undefined,
    enabled: sync !== undefined,
    usedBytes: 0,
    quotaBytes: SYNC_QUOTA.bytes,
    synced: 0,
    unsynced: { ...NO_REASONS },
    lastSyncAt: undefined,
  };
  let passes = 0;
  let lastWriteAt = -Infinity;
  /** What we last wrote under each key (canonical JSON, "null" when removed): our own echoes are not news. */
  const written = new Map<string, string>();

  // --- one thing at a time --------------------------------------------------------------------

  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  }

  let waiting: Promise<SyncStatus> | undefined;
  /** A pass after whatever runs now; asked for again before it starts, it is still one pass. */
  function pass(): Promise<SyncStatus> {
    waiting ??= exclusive(async () => {
      waiting = undefined;
      try {
        await runPass();
      } catch (error) {
        status = { ...status, error: troubleOf(error, now()) };
        schedule(timing.retryAfterErrorMs);
      }
      passes++;
      return status;
    });
    return waiting;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Infinity;
  // Passes run by themselves only once started (the background); until then only when asked.
  let started = false;
  function schedule(delay: number) {
    if (!started) return;
    const at = now() + delay;
    if (timer !== undefined && dueAt <= at) return; // one is due sooner: this change goes with it
    if (timer !== undefined) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      dueAt = Infinity;
      void pass();
    }, delay);
  }

  const deletions = createDeletionLog(local, warn);

  // --- a pass ----------------------------------------------------------------------------------

  async function runPass(): Promise<void> {
    if (!sync) {
      status = { ...status, available: false, enabled: false };
      return;
    }
    const area = await sync.get(null);
    const enabled = parseSyncSettings(area[SYNC_SETTINGS_KEY]).enabled;
    const here = await db.highlights.toArray();

    if (!enabled) {
      // Off: nothing read from or written to the sync area, and no highlight marked as left out.
      const changed = await applyToDatabase(db, here, [], [], new Map());
      status = { ...status, enabled: false, usedBytes: areaBytes(area), synced: 0, unsynced: { ...NO_REASONS }, error: undefined };
      if (changed.length > 0) options.onLocalChange?.(changed);
      return;
    }

    const decoded = decodeArea(area);
    for (const warning of decoded.warnings) warn(warning);
    const tombstones = await deletions.read();
    const merged = merge({ local: here, localTombstones: tombstones, remote: decoded, now: now() });
    const otherBytes = areaBytes(decoded.otherItems);
    const plan = planItems(
      merged.highlights,
      merged.tombstones,
      budgetFor(otherBytes, Object.keys(decoded.otherItems).length, RESERVED_FOR_SETTINGS),
    );

    const changed = await applyToDatabase(db, here, merged.put, merged.remove, plan.unsynced);
    if (canonicalJson(tombstones) !== canonicalJson(merged.tombstones)) await deletions.write(merged.tombstones);

    const stale = decoded.ourKeys.filter((key) => !(key in plan.items));
    const fresh = Object.entries(plan.items).filter(([key, value]) => canonicalJson(area[key]) !== canonicalJson(value));
    let error: SyncStatus['error'];
    let inSync = stale.length === 0 && fresh.length === 0;
    if (!inSync) {
      const wait = lastWriteAt + timing.minWriteIntervalMs - now();
      if (wait > 0) {
        schedule(wait);
      } else {
        lastWriteAt = now();
        try {
          // Noted before writing: the browser may tell of the change before the write returns.
          for (const key of stale) written.set(key, 'null');
          for (const [key, value] of fresh) written.set(key, canonicalJson(value));
          // Room first: the new items may need what the old ones take.
          if (stale.length > 0) await sync.remove(stale);
          if (fresh.length > 0) await sync.set(Object.fromEntries(fresh));
          inSync = true;
        } catch (trouble) {
          for (const key of [...stale, ...fresh.map(([key]) => key)]) written.delete(key);
          error = troubleOf(trouble, now());
          warn(`sync area write failed: ${error.detail}`);
          schedule(timing.retryAfterErrorMs);
        }
      }
    }

    const unsynced = { ...NO_REASONS };
    for (const reason of plan.unsynced.values()) unsynced[reason]++;
    status = {
      available: true,
      enabled: true,
      usedBytes: inSync ? otherBytes + plan.bytes : areaBytes(area),
      quotaBytes: SYNC_QUOTA.bytes,
      synced: plan.synced,
      unsynced,
      lastSyncAt: inSync ? now() : status.lastSyncAt,
      error,
    };
    if (changed.length > 0) options.onLocalChange?.(changed);
  }

  // --- from elsewhere --------------------------------------------------------------------------

  const onChanged: ChangeListener = (changes, areaName) => {
    if (areaName !== 'sync') return;
    const ours = Object.entries(changes).filter(([key]) => key.startsWith(KEY_PREFIX) || key === SYNC_SETTINGS_KEY);
    if (ours.length === 0) return;
    const echo = ours.every(([key, change]) => written.get(key) === canonicalJson(change.newValue ?? null));
    if (!echo) schedule(timing.remoteDelayMs);
  };

  return {
    start() {
      started = true;
      options.events?.addListener(onChanged);
      schedule(0);
      return () => {
        started = false;
        options.events?.removeListener(onChanged);
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        dueAt = Infinity;
      };
    },

    soon: () => schedule(timing.localDelayMs),
    syncNow: () => pass(),

    async status() {
      if (passes === 0) return pass();
      await queue;
      return status;
    },

    async setEnabled(enabled, removeData) {
      if (!sync) return status;
      await exclusive(async () => {
        // The setting first: a computer that sees our items vanish sees sync off before it.
        written.set(SYNC_SETTINGS_KEY, canonicalJson({ enabled }));
        await sync.set({ [SYNC_SETTINGS_KEY]: { enabled } });
        if (!enabled && removeData) {
          const ours = Object.keys(await sync.get(null)).filter((key) => key.startsWith(KEY_PREFIX));
          for (const key of ours) written.set(key, 'null');
          if (ours.length > 0) await sync.remove(ours);
        }
      });
      return pass();
    },

    async deleting(remove) {
      const deleted = await exclusive(async () => {
        const gone = await remove();
        if (gone && sync) {
          try {
            const list = (await deletions.read()).filter((t) => t.id !== gone.id);
            await deletions.write([{ id: gone.id, dokId: gone.dokId, at: laterThan(gone.updated, now()) }, ...list]);
          } catch (error) {
            warn(`could not keep a deletion for sync (${errorMessage(error)}); another computer may bring the highlight back`);
          }
        }
        return gone;
      });
      if (deleted) schedule(timing.localDelayMs);
      return deleted;
    },

    async reviving(highlights) {
      if (!sync || highlights.length === 0) return [...highlights];
      const known = new Map<string, number>();
      try {
        const remote = decodeArea(await sync.get(null)).tombstones;
        for (const t of [...(await deletions.read()), ...remote]) known.set(t.id, Math.max(known.get(t.id) ?? -Infinity, t.at));
      } catch (error) {
        warn(`could not read deletions (${errorMessage(error)})`);
      }
      const at = now();
      return highlights.map((h) => {
        const deletedAt = known.get(h.id);
        return deletedAt !== undefined && deletedAt > h.updated ? { ...h, updated: laterThan(deletedAt, at) } : h;
      });
    },
  };
}
