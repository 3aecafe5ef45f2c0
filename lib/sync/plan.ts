import type { Highlight, UnsyncedReason } from '../highlights/highlight.ts';
import {
  buildItem,
  encodeEntry,
  encodeTombstone,
  headerOf,
  itemKey,
  type DocHeader,
  type DocItem,
  type Tombstone,
} from './encoding.ts';
import { jsonTextBytes, SYNC_QUOTA, utf8Bytes } from './quota.ts';

/*
 * Which highlights go to the sync area, in which items, and why the others stay on this device.
 *
 * Highlights are taken oldest first (by creation, then id) and each is kept if it still fits:
 * what synced yesterday keeps syncing when a new one does not fit, instead of the newest pushing
 * an older one out (and rewriting items every time). The choice depends only on the highlights
 * taken before it, so two devices that know the same highlights choose the same ones and write
 * the same items; a highlight one device could not take changes nothing for the others.
 *
 * Deletions are placed first, newest first, but may take no more than a quarter of the room: they
 * matter only to a device that has not yet seen them, and one deleted in a burst of hundreds
 * should not stop new highlights from syncing.
 *
 * Sizes are counted from each piece's JSON as the quota counts them (quota.ts), with the item's
 * punctuation added up rather than the item written out again for every highlight tried.
 */

export interface SyncBudget {
  /** Bytes our items may take (the quota, less everything else in the area and a reserve). */
  bytes: number;
  items: number;
  /** The most one item may take. */
  bytesPerItem: number;
}

export interface SyncPlan {
  /** The sync area's items of ours as they should be: key → value. */
  items: Record<string, DocItem>;
  /** What `items` take, as the quota counts. */
  bytes: number;
  /** The highlights that stay on this device, and why. */
  unsynced: Map<string, UnsyncedReason>;
  /** How many highlights are in `items`. */
  synced: number;
  /** How many deletions are in `items`. */
  tombstones: number;
}

/** The share of the room deletions may take. */
const TOMBSTONE_SHARE = 0.25;

interface Chunk {
  entries: Piece[];
  tombstones: Piece[];
  bytes: number;
}

interface Piece {
  id: string;
  value: unknown;
  bytes: number;
}

/** One document's pieces and header; its items and their size follow from them. */
class DocPack {
  entries: Piece[] = [];
  tombstones: Piece[] = [];
  header?: DocHeader;
  headerBytes = 0;
  bytes = 0;
  items = 0;

  constructor(
    readonly dokId: string,
    private readonly perItem: number,
  ) {}

  setHeader(header: DocHeader): void {
    this.header = header;
    // `"k":…,"t":…,"u":…`: three fields, two commas.
    this.headerBytes = 3 * 4 + 2 + jsonTextBytes(JSON.stringify(header.k)) + jsonTextBytes(JSON.stringify(header.t)) + jsonTextBytes(JSON.stringify(header.u));
  }

  /** The bytes of one item holding these pieces (its key included). */
  itemBytes(chunk: number, entries: number, entryBytes: number, tombstones: number, tombstoneBytes: number): number {
    let fields = 0;
    let bytes = utf8Bytes(itemKey(this.dokId, chunk)) + 2; // the key, `{` and `}`
    if (entries > 0) {
      bytes += 4 + 2 + entryBytes + (entries - 1) + this.headerBytes; // `"h":[…]` and the header
      fields += 2;
    }
    if (tombstones > 0) {
      bytes += 4 + 2 + tombstoneBytes + (tombstones - 1); // `"x":[…]`
      fields += 1;
    }
    return bytes + Math.max(0, fields - 1);
  }

  /**
   * Splits the pieces into items of at most `perItem` bytes, deletions first, each in id order:
   * the same pieces always give the same items.
   */
  chunks(): Chunk[] {
    const out: Chunk[] = [];
    let current: Chunk = { entries: [], tombstones: [], bytes: 0 };
    let entryBytes = 0;
    let tombstoneBytes = 0;
    const size = (entries: number, eBytes: number, tombstones: number, tBytes: number) =>
      this.itemBytes(out.length, entries, eBytes, tombstones, tBytes);
    const add = (p: Piece, kind: 'entries' | 'tombstones') => {
      const isEntry = kind === 'entries';
      const bytes = size(
        current.entries.length + (isEntry ? 1 : 0),
        entryBytes + (isEntry ? p.bytes : 0),
        current.tombstones.length + (isEntry ? 0 : 1),
        tombstoneBytes + (isEntry ? 0 : p.bytes),
      );
      if (bytes > this.perItem && current.entries.length + current.tombstones.length > 0) {
        out.push(current);
        current = { entries: [], tombstones: [], bytes: 0 };
        entryBytes = tombstoneBytes = 0;
        add(p, kind);
        return;
      }
      current[kind].push(p);
      current.bytes = bytes;
      if (isEntry) entryBytes += p.bytes;
      else tombstoneBytes += p.bytes;
    };
    for (const p of this.tombstones) add(p, 'tombstones');
    for (const p of this.entries) add(p, 'entries');
    if (current.entries.length + current.tombstones.length > 0) out.push(current);
    return out;
  }

  /** Recounts `bytes` and `items` after a change. */
  measure(): void {
    const chunks = this.chunks();
    this.bytes = chunks.reduce((sum, c) => sum + c.bytes, 0);
    this.items = chunks.length;
  }

  insert(list: 'entries' | 'tombstones', piece: Piece): void {
    const target = this[list];
    let i = target.length;
    while (i > 0 && target[i - 1]!.id > piece.id) i--;
    target.splice(i, 0, piece);
    this.measure();
  }

  remove(list: 'entries' | 'tombstones', id: string): void {
    this[list] = this[list].filter((p) => p.id !== id);
    this.measure();
  }
}

const piece = (id: string, value: unknown): Piece => ({ id, value, bytes: jsonTextBytes(JSON.stringify(value)) });

const oldestFirst = (a: Highlight, b: Highlight) => a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The sync area's items for these highlights and deletions within `budget`, and the reason for
 * every highlight left out. Pure: the same input gives the same items on every device.
 */
export function planItems(highlights: readonly Highlight[], tombstones: readonly Tombstone[], budget: SyncBudget): SyncPlan {
  const docs = new Map<string, DocPack>();
  let bytes = 0;
  let items = 0;
  const doc = (dokId: string) => docs.get(dokId) ?? new DocPack(dokId, budget.bytesPerItem);

  /** Adds a piece if the area still has room for it; leaves everything as it was if not. */
  const tryAdd = (pack: DocPack, list: 'entries' | 'tombstones', p: Piece, limitBytes: number): boolean => {
    const before = { bytes: pack.bytes, items: pack.items };
    pack.insert(list, p);
    const nextBytes = bytes - before.bytes + pack.bytes;
    const nextItems = items - before.items + pack.items;
    if (nextBytes > limitBytes || nextItems > budget.items) {
      pack.remove(list, p.id);
      return false;
    }
    bytes = nextBytes;
    items = nextItems;
    docs.set(pack.dokId, pack);
    return true;
  };

  let keptTombstones = 0;
  const newestFirst = [...tombstones].sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  for (const t of newestFirst) {
    if (tryAdd(doc(t.dokId), 'tombstones', piece(t.id, encodeTombstone(t)), budget.bytes * TOMBSTONE_SHARE)) keptTombstones++;
  }

  const unsynced = new Map<string, UnsyncedReason>();
  let synced = 0;
  for (const h of [...highlights].sort(oldestFirst)) {
    const pack = doc(h.dokId);
    // A document's first highlight taken gives its items their header: later ones never change
    // it, so the entries already counted keep their size.
    const fresh = !pack.header;
    if (fresh) pack.setHeader(headerOf(h));
    const entry = piece(h.id, encodeEntry(h, pack.header!));
    const alone = pack.itemBytes(0, 1, entry.bytes, 0, 0);
    if (alone > budget.bytesPerItem) {
      // Too long for any item: say which part makes it so (the note, if the rest would fit).
      const withoutNote = piece(h.id, encodeEntry({ ...h, note: '' }, pack.header!));
      unsynced.set(h.id, pack.itemBytes(0, 1, withoutNote.bytes, 0, 0) <= budget.bytesPerItem ? 'note' : 'quote');
    } else if (tryAdd(pack, 'entries', entry, budget.bytes)) {
      synced++;
      continue;
    } else {
      unsynced.set(h.id, 'quota');
    }
    if (fresh && pack.entries.length === 0) pack.header = undefined;
  }

  const out: Record<string, DocItem> = {};
  for (const pack of docs.values()) {
    pack.chunks().forEach((chunk, n) => {
      out[itemKey(pack.dokId, n)] = buildItem(
        pack.header,
        chunk.entries.map((p) => p.value as NonNullable<DocItem['h']>[number]),
        chunk.tombstones.map((p) => p.value as NonNullable<DocItem['x']>[number]),
      );
    });
  }
  return { items: out, bytes, unsynced, synced, tombstones: keptTombstones };
}

/** The room our items have: the quota less everything else in the area and the settings' reserve. */
export function budgetFor(otherBytes: number, otherItems: number, reserve: { bytes: number; items: number }): SyncBudget {
  return {
    bytes: Math.max(0, SYNC_QUOTA.bytes - otherBytes - reserve.bytes),
    items: Math.max(0, SYNC_QUOTA.items - otherItems - reserve.items),
    bytesPerItem: SYNC_QUOTA.bytesPerItem,
  };
}
