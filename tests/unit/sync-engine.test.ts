import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RiksrefDatabase } from '@/lib/db/database';
import { createHighlightHandlers } from '@/lib/db/highlight-handlers';
import type { Highlight } from '@/lib/highlights/highlight';
import { decodeArea } from '@/lib/sync/encoding';
import { createHighlightSync, type HighlightSync, type StorageAreaLike, type StorageEvents } from '@/lib/sync/engine';
import { DELETIONS_KEY } from '@/lib/sync/device';
import { sendSync, SYNC_MESSAGES } from '@/lib/sync/messages';
import { createMessageHandler, createTableHandler } from '@/lib/messages/handle';
import { send } from '@/lib/messages/send';
import { SYNC_SETTINGS_KEY } from '@/lib/sync/settings';
import { CHROME_SYNC, chromeAreaBytes, fakeSyncArea, memoryArea, replicate, withChromeQuota } from './sync-area.ts';
import { T0, typicalHighlight, typicalHighlights } from './sync-typical.ts';

/*
 * The sync engine over real databases (fake-indexeddb) and WXT's fakeBrowser storage behind
 * Chrome's quotas. "Computer A" uses fakeBrowser's storage.sync and storage.local as the
 * background does; "computer B" has areas of its own, and `replicate` plays the browser's sync
 * between them, key by key, the last write winning.
 */

let clock = T0;
const now = () => clock;
let n = 0;
const computers: Computer[] = [];

interface Computer {
  db: RiksrefDatabase;
  sync: HighlightSync;
  area: StorageAreaLike & { writes: number[] };
  local: StorageAreaLike;
  handlers: ReturnType<typeof createHighlightHandlers>;
  changed: string[][];
  warnings: string[];
  all(): Promise<Highlight[]>;
}

function computer(areas: { sync: StorageAreaLike & { writes: number[] }; local: StorageAreaLike; events?: StorageEvents }, timing = { minWriteIntervalMs: 0 }): Computer {
  const db = new RiksrefDatabase(`riksref-sync-${++n}`);
  const changed: string[][] = [];
  const warnings: string[] = [];
  const sync = createHighlightSync({ db, sync: areas.sync, local: areas.local, events: areas.events, now, onLocalChange: (ids) => changed.push(ids), warn: (m) => warnings.push(m), timing });
  const handlers = createHighlightHandlers(db, now, () => sync.soon(), undefined, sync);
  const c = { db, sync, area: areas.sync, local: areas.local, handlers, changed, warnings, all: () => db.highlights.orderBy('id').toArray() };
  computers.push(c);
  return c;
}

const computerA = (timing?: { minWriteIntervalMs: number }) => computer(fakeSyncArea(now), timing);
function computerB() {
  const sync = memoryArea();
  return { ...computer({ sync: withChromeQuota(sync, now), local: memoryArea(), events: sync.events }), raw: sync };
}

const remoteIds = async (c: Computer) => decodeArea(await c.area.get(null)).highlights.map((h) => h.id).sort();
const ids = (list: readonly { id: string }[]) => list.map((h) => h.id).sort();

beforeEach(() => {
  fakeBrowser.reset();
  clock = T0;
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of computers.splice(0)) {
    c.db.close();
    await c.db.delete();
  }
});

describe('a new computer', () => {
  test('an empty database gets every highlight back from the sync area on its first pass', async () => {
    const a = computerA();
    const saved = typicalHighlights(7, 3);
    for (const highlight of saved) await a.handlers.saveHighlight({ highlight });
    expect((await a.sync.syncNow()).synced).toBe(7);

    const b = computerB();
    await replicate(a.area, b.area);
    await b.sync.syncNow();
    const back = await b.all();
    expect(ids(back)).toEqual(ids(saved));
    for (const h of back) {
      const original = saved.find((s) => s.id === h.id)!;
      expect({ ...h, selectors: h.selectors.position }).toEqual({ ...original, selectors: original.selectors.position });
      expect(original.selectors.quote.exact).toBe(h.selectors.quote.exact);
    }
    // Open pages of those documents hear of them (and paint them).
    expect(b.changed.flat().sort()).toEqual([...new Set(saved.map((h) => h.dokId))].sort());
  });
});

describe('what does not fit stays here, marked, never cut', () => {
  test('a note too long for the sync area: kept whole, marked "note", left out of the area; the export has it', async () => {
    const a = computerA();
    const fits = typicalHighlight(0);
    const tooLong = { ...typicalHighlight(1), note: 'Lång anteckning. '.repeat(600) };
    for (const highlight of [fits, tooLong]) await a.handlers.saveHighlight({ highlight });
    const status = await a.sync.syncNow();

    expect(status.unsynced).toEqual({ note: 1, quote: 0, quota: 0 });
    expect(await remoteIds(a)).toEqual([fits.id]);
    const stored = await a.db.highlights.get(tooLong.id);
    expect(stored).toEqual({ ...tooLong, unsynced: 'note' });
    expect((await a.db.highlights.get(fits.id))!.unsynced).toBeUndefined();
    const file = await a.handlers.exportHighlights({ format: 'json' });
    expect(file.count).toBe(2);
    expect(file.text).toContain('Lång anteckning. Lång anteckning.');

    // Shortened, it syncs and loses its mark.
    await a.handlers.updateHighlight({ id: tooLong.id, changes: { note: 'Kortare.' } });
    await a.sync.syncNow();
    expect(await remoteIds(a)).toEqual(ids([fits, tooLong]));
    expect((await a.db.highlights.get(tooLong.id))!.unsynced).toBeUndefined();
  });

  test('past the quota the newest stay here, marked "quota"; Chrome accepts every write', async () => {
    const a = computerA();
    await a.db.highlights.bulkPut(typicalHighlights(400));
    const status = await a.sync.syncNow();
    expect(status.error).toBeUndefined();
    expect(status.synced + status.unsynced.quota).toBe(400);
    expect(status.unsynced.quota).toBeGreaterThan(0);
    const area = await a.area.get(null);
    expect(status.usedBytes).toBe(chromeAreaBytes(area));
    expect(status.usedBytes).toBeLessThanOrEqual(CHROME_SYNC.QUOTA_BYTES);
    const marked = (await a.all()).filter((h) => h.unsynced === 'quota');
    expect(marked).toHaveLength(status.unsynced.quota);
    // The newest are the ones left out.
    expect(Math.min(...marked.map((h) => h.created))).toBeGreaterThan(Math.max(...decodeArea(area).highlights.map((h) => h.created)));
  });
});

describe('merging with another computer', () => {
  test('a deletion travels, and the tombstone outlives the highlight on both computers', async () => {
    const a = computerA();
    const b = computerB();
    const h = typicalHighlight(0);
    await a.handlers.saveHighlight({ highlight: h });
    await a.sync.syncNow();
    await replicate(a.area, b.area);
    await b.sync.syncNow();
    expect(ids(await b.all())).toEqual([h.id]);

    clock = h.updated + 60_000;
    await a.handlers.deleteHighlight({ id: h.id });
    await a.sync.syncNow();
    expect(decodeArea(await a.area.get(null)).tombstones).toEqual([{ id: h.id, dokId: h.dokId, at: clock }]);
    await replicate(a.area, b.area);
    await b.sync.syncNow();
    expect(await b.all()).toEqual([]);
    expect((await b.local.get(DELETIONS_KEY))[DELETIONS_KEY]).toEqual([[h.id, h.dokId, clock]]);
  });

  test('"Ångra" after a delete brings the highlight back on every computer', async () => {
    const a = computerA();
    const h = typicalHighlight(0);
    await a.handlers.saveHighlight({ highlight: h });
    await a.sync.syncNow();
    const { deleted } = await a.handlers.deleteHighlight({ id: h.id });
    await a.sync.syncNow();
    const back = await a.handlers.restoreHighlight({ highlight: deleted! });
    expect(back.saved).toBe(true);
    expect(back.highlight.updated).toBeGreaterThan(h.updated);
    await a.sync.syncNow();
    expect(ids(await a.all())).toEqual([h.id]);
    expect(await remoteIds(a)).toEqual([h.id]);
    expect(decodeArea(await a.area.get(null)).tombstones).toEqual([]);

    const b = computerB();
    await replicate(a.area, b.area);
    await b.sync.syncNow();
    expect(ids(await b.all())).toEqual([h.id]);
  });

  test('an import brings back a highlight deleted earlier, instead of the deletion taking it again', async () => {
    const a = computerA();
    const h = typicalHighlight(0);
    await a.handlers.saveHighlight({ highlight: h });
    const backup = await a.handlers.exportHighlights({ format: 'json' });
    await a.handlers.deleteHighlight({ id: h.id });
    await a.sync.syncNow();
    clock += 3_600_000;
    expect(await a.handlers.importHighlights({ file: JSON.parse(backup.text) })).toMatchObject({ imported: true, added: 1 });
    await a.sync.syncNow();
    expect(ids(await a.all())).toEqual([h.id]);
    expect(await remoteIds(a)).toEqual([h.id]);
  });

  test('two computers edit different highlights of one document at once: both edits survive, then nothing more is written', async () => {
    const a = computerA();
    const b = computerB();
    const [one, two] = typicalHighlights(2);
    for (const highlight of [one!, two!]) await a.handlers.saveHighlight({ highlight });
    await a.sync.syncNow();
    await replicate(a.area, b.area);
    await b.sync.syncNow();

    clock += 60_000;
    await a.handlers.updateHighlight({ id: one!.id, changes: { note: 'Ändrad på jobbet' } });
    await b.handlers.updateHighlight({ id: two!.id, changes: { color: 'blue' } });
    await a.sync.syncNow();
    await b.sync.syncNow(); // both wrote the document's item, each with the other's old version
    await replicate(b.area, a.area); // the browser keeps B's item: A's edit is not in it
    await a.sync.syncNow(); // A merges and writes both edits
    await replicate(a.area, b.area);
    const writesBefore = b.area.writes.length;
    await b.sync.syncNow();

    for (const c of [a, b]) {
      const [first, second] = await Promise.all([c.db.highlights.get(one!.id), c.db.highlights.get(two!.id)]);
      expect(first!.note).toBe('Ändrad på jobbet');
      expect(second!.color).toBe('blue');
    }
    expect(b.area.writes.length).toBe(writesBefore); // in agreement: B has nothing to write
  });

  test('a computer whose clock is an hour behind still wins with an edit made after seeing the other’s', async () => {
    const a = computerA();
    const b = computerB();
    const h = typicalHighlight(0);
    clock = T0 + 3_600_000; // A's clock is right
    await a.handlers.saveHighlight({ highlight: { ...h, updated: clock } });
    await a.sync.syncNow();
    await replicate(a.area, b.area);
    clock = T0 + 60_000; // B's clock is behind
    await b.sync.syncNow();
    await b.handlers.updateHighlight({ id: h.id, changes: { note: 'Skrivet på laptopen' } });
    await b.sync.syncNow();
    await replicate(b.area, a.area);
    await a.sync.syncNow();
    expect((await a.db.highlights.get(h.id))!.note).toBe('Skrivet på laptopen');
  });

  test('a corrupt or foreign item is ignored with a warning; ours is replaced, another’s left alone', async () => {
    const a = computerA();
    await fakeBrowser.storage.sync.set({
      'h1:0:H6BROKEN': 'inte ett objekt',
      'h2:0:H612523': { från: 'en senare version' },
      linkSettings: { enabled: true, disabledKinds: ['eu'], lawSite: 'lagen.nu' },
    });
    const h = typicalHighlight(0);
    await a.handlers.saveHighlight({ highlight: h });
    const status = await a.sync.syncNow();
    expect(a.warnings).toEqual(['sync item h1:0:H6BROKEN is not a Riksref item; ignored']);
    const area = await a.area.get(null);
    expect(Object.keys(area).sort()).toEqual([`h1:0:${h.dokId}`, 'h2:0:H612523', 'linkSettings']);
    expect(area.linkSettings).toEqual({ enabled: true, disabledKinds: ['eu'], lawSite: 'lagen.nu' });
    expect(status.usedBytes).toBe(chromeAreaBytes(area));
    // A second pass finds nothing new to say.
    await a.sync.syncNow();
    expect(a.warnings).toHaveLength(1);
  });
});

describe('writing within the browser’s limits', () => {
  test('a reader editing every second for five minutes: one pass in four writes, Chrome never refuses', async () => {
    const a = computerA({ minWriteIntervalMs: 4_000 });
    const h = typicalHighlight(0);
    await a.handlers.saveHighlight({ highlight: h });
    for (let i = 0; i < 300; i++) {
      clock += 1_000;
      await a.handlers.updateHighlight({ id: h.id, changes: { note: `Version ${i}` } });
      const status = await a.sync.syncNow();
      expect(status.error).toBeUndefined();
    }
    expect(a.area.writes.length).toBeLessThanOrEqual(300 / 4 + 1);
    clock += 4_000;
    await a.sync.syncNow();
    expect(decodeArea(await a.area.get(null)).highlights[0]!.note).toBe('Version 299');
  });

  test('a refused write is reported and the next pass writes it', async () => {
    const a = computerA();
    const refuse = vi.spyOn(a.area, 'set').mockRejectedValueOnce(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'));
    await a.handlers.saveHighlight({ highlight: typicalHighlight(0) });
    expect((await a.sync.syncNow()).error).toMatchObject({ kind: 'rate' });
    refuse.mockRestore();
    const status = await a.sync.syncNow();
    expect(status.error).toBeUndefined();
    expect(status.synced).toBe(1);
    expect(await remoteIds(a)).toEqual([typicalHighlight(0).id]);
  });
});

describe('on and off', () => {
  test('off: marks cleared, nothing written; off with removal empties our part but keeps the settings; on again writes it back', async () => {
    const a = computerA();
    await fakeBrowser.storage.sync.set({ linkSettings: { enabled: true, disabledKinds: [], lawSite: 'riksdagen' } });
    const tooLong = { ...typicalHighlight(1), note: 'x'.repeat(9_000) };
    await a.handlers.saveHighlight({ highlight: typicalHighlight(0) });
    await a.handlers.saveHighlight({ highlight: tooLong });
    await a.sync.syncNow();
    expect((await a.db.highlights.get(tooLong.id))!.unsynced).toBe('note');

    let status = await a.sync.setEnabled(false, false);
    expect(status).toMatchObject({ enabled: false, synced: 0, unsynced: { note: 0, quote: 0, quota: 0 } });
    expect((await a.db.highlights.get(tooLong.id))!.unsynced).toBeUndefined();
    expect(await remoteIds(a)).toEqual([typicalHighlight(0).id]); // left where it was
    await a.handlers.saveHighlight({ highlight: typicalHighlight(2) });
    await a.sync.syncNow();
    expect(await remoteIds(a)).toEqual([typicalHighlight(0).id]); // nothing new written

    status = await a.sync.setEnabled(false, true);
    expect(Object.keys(await a.area.get(null)).sort()).toEqual([SYNC_SETTINGS_KEY, 'linkSettings']);
    expect(status.usedBytes).toBe(chromeAreaBytes(await a.area.get(null)));
    expect(ids(await a.all())).toHaveLength(3); // nothing lost here

    status = await a.sync.setEnabled(true, false);
    expect(status).toMatchObject({ enabled: true, synced: 2, unsynced: { note: 1, quote: 0, quota: 0 } });
    expect(await remoteIds(a)).toEqual(ids([typicalHighlight(0), typicalHighlight(2)]));
  });

  test('turned off on another computer: this one stops too', async () => {
    const a = computerA();
    await fakeBrowser.storage.sync.set({ [SYNC_SETTINGS_KEY]: { enabled: false } });
    await a.handlers.saveHighlight({ highlight: typicalHighlight(0) });
    expect((await a.sync.syncNow()).enabled).toBe(false);
    expect(await remoteIds(a)).toEqual([]);
  });
});

describe('running in the background', () => {
  test('started, it fetches at once and follows changes from elsewhere, but not its own writes', async () => {
    const b = computerB();
    const a = computer(fakeSyncArea(now), { minWriteIntervalMs: 0 });
    // Another computer's item is already there when A starts.
    const h = typicalHighlight(0);
    await b.handlers.saveHighlight({ highlight: h });
    await b.sync.syncNow();
    await replicate(b.area, a.area);

    const reads = vi.spyOn(a.area, 'get');
    const stop = a.sync.start();
    try {
      await vi.waitFor(async () => expect(ids(await a.all())).toEqual([h.id]));
      // Then B adds another; the browser delivers it to A.
      const h2 = typicalHighlight(1);
      await b.handlers.saveHighlight({ highlight: h2 });
      await b.sync.syncNow();
      await replicate(b.area, a.area);
      await vi.waitFor(async () => expect(ids(await a.all())).toEqual(ids([h, h2])));
      // A's own write (a highlight saved here) does not make it read the area again.
      await a.handlers.saveHighlight({ highlight: typicalHighlight(2) });
      await a.sync.syncNow();
      const readsAfterOwnWrite = reads.mock.calls.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(reads.mock.calls.length).toBe(readsAfterOwnWrite);
    } finally {
      stop();
    }
  });
});

describe('the options page’s messages', () => {
  test('answered beside the main table, each by its own handler; a malformed one says why', async () => {
    const a = computerA();
    await a.handlers.saveHighlight({ highlight: typicalHighlight(0) });
    const answerSync = createTableHandler(SYNC_MESSAGES, {
      getSyncStatus: () => a.sync.status(),
      setHighlightSync: ({ enabled, removeData }) => a.sync.setEnabled(enabled, removeData),
    });
    const notHere = () => {
      throw new Error('not in this test');
    };
    const answer = createMessageHandler({ lookupReferences: notHere, getCacheStats: notHere, clearCache: notHere, formatCitations: notHere, getTrail: notHere, recordReading: notHere, ...a.handlers });
    const transport = async (message: unknown) => answerSync(message) ?? answer(message);

    expect(await sendSync('getSyncStatus', {}, transport)).toMatchObject({ available: true, enabled: true, synced: 1, quotaBytes: 102_400 });
    // The main table's messages still reach theirs.
    expect((await send('listAllHighlights', {}, transport)).highlights).toHaveLength(1);
    expect(await sendSync('setHighlightSync', { enabled: false, removeData: true }, transport)).toMatchObject({ enabled: false, synced: 0 });
    expect(await remoteIds(a)).toEqual([]);
    expect(await transport({ riksref: 1, name: 'setHighlightSync', payload: { enabled: 'nej' } })).toEqual({
      ok: false,
      error: expect.stringMatching(/^Malformed setHighlightSync message: enabled/),
    });
  });
});
