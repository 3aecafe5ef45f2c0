import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RiksrefDatabase } from '@/lib/db/database';
import { HighlightRepository } from '@/lib/db/highlights';
import { storageErrorMessage } from '@/lib/db/storage-errors';
import { makeHighlight } from './highlight-fixtures.ts';

let db: RiksrefDatabase;
let repo: HighlightRepository;
let n = 0;

beforeEach(() => {
  db = new RiksrefDatabase(`riksref-highlights-${++n}`);
  repo = new HighlightRepository(db);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const at = (start: number, id: string, dokId = 'H612523') =>
  makeHighlight({ id, dokId, selectors: { ...makeHighlight().selectors, position: { type: 'TextPositionSelector', start, end: start + 10 } } });

describe('HighlightRepository', () => {
  test('save, then a page lists its highlights by dok_id in document order', async () => {
    await repo.save(at(500, 'b'));
    await repo.save(at(20, 'a'));
    await repo.save(at(5, 'other', 'H601KU21'));
    expect((await repo.forDocument('H612523')).map((h) => h.id)).toEqual(['a', 'b']);
    // dok_ids from old URLs come in lower case: the same document.
    expect((await repo.forDocument('h612523')).map((h) => h.id)).toEqual(['a', 'b']);
  });

  test('all: most recently changed first', async () => {
    await repo.save(makeHighlight({ id: 'old', updated: 1 }));
    await repo.save(makeHighlight({ id: 'new', updated: 3 }));
    await repo.save(makeHighlight({ id: 'mid', updated: 2 }));
    expect((await repo.all()).map((h) => h.id)).toEqual(['new', 'mid', 'old']);
  });

  test('update changes note and colour and the updated time, nothing else', async () => {
    const h = makeHighlight({ id: 'x' });
    await repo.save(h);
    const later = h.updated + 5_000;
    const outcome = await repo.update('x', { note: 'Citera i PM', color: 'green' }, later);
    expect(outcome).toEqual({ saved: true, highlight: { ...h, note: 'Citera i PM', color: 'green', updated: later } });
    expect(await db.highlights.get('x')).toEqual({ ...h, note: 'Citera i PM', color: 'green', updated: later });
    expect(await repo.update('nope', { note: 'x' }, 1)).toBeNull();
  });

  test('an edit on a computer whose clock is behind is still stamped later than the version it changed (for the sync)', async () => {
    const h = makeHighlight({ id: 'x' });
    await repo.save(h);
    const outcome = await repo.update('x', { note: 'Från laptopen' }, h.updated - 3_600_000);
    expect(outcome).toMatchObject({ saved: true, highlight: { note: 'Från laptopen', updated: h.updated + 1 } });
  });

  test('delete returns what it deleted; saving it again restores it exactly', async () => {
    const h = makeHighlight({ id: 'x', note: 'viktigt' });
    await repo.save(h);
    const deleted = await repo.delete('x');
    expect(deleted).toEqual(h);
    expect(await db.highlights.count()).toBe(0);
    expect(await repo.delete('x')).toBeNull();
    await repo.save(deleted!);
    expect(await db.highlights.get('x')).toEqual(h);
  });

  test('import keeps ids: the same file twice creates no duplicates', async () => {
    const file = [makeHighlight({ id: 'a' }), makeHighlight({ id: 'b' })];
    expect(await repo.importAll(file)).toEqual({ added: 2, replaced: 0 });
    expect(await repo.importAll(file)).toEqual({ added: 0, replaced: 2 });
    expect(await db.highlights.count()).toBe(2);
  });

  test('import is one transaction: a failure part way stores nothing', async () => {
    await repo.save(makeHighlight({ id: 'kept', note: 'före' }));
    // An invalid key (IndexedDB refuses an object as id) fails the bulkPut after valid records.
    const bad = [makeHighlight({ id: 'kept', note: 'efter' }), makeHighlight({ id: 'new' }), { ...makeHighlight(), id: {} as unknown as string }];
    await expect(repo.importAll(bad)).rejects.toThrow(/^Importen misslyckades och ingenting ändrades/);
    expect(await db.highlights.toArray()).toEqual([makeHighlight({ id: 'kept', note: 'före' })]);
  });

  test('markAnchoring records orphans and writes only changes', async () => {
    await repo.save(at(1, 'a'));
    await repo.save(at(2, 'b'));
    expect(await repo.markAnchoring('H612523', ['a'], ['b'])).toBe(2);
    expect(await db.highlights.get('b')).toMatchObject({ orphan: true });
    expect(await db.highlights.get('a')).toMatchObject({ orphan: false });
    expect(await repo.markAnchoring('H612523', ['a'], ['b'])).toBe(0);
    expect(await repo.markAnchoring('H612523', ['a', 'b'], [])).toBe(1);
  });
});

describe('storage errors reach the reader in Swedish, and the unsaved highlight comes back', () => {
  test('quota exceeded (as IndexedDB reports it inside an aborted transaction)', async () => {
    const quota = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') });
    vi.spyOn(db.highlights, 'put').mockRejectedValue(quota);
    const h = makeHighlight({ id: 'unsaved', note: 'min anteckning' });
    const outcome = await repo.save(h);
    expect(outcome).toEqual({ saved: false, highlight: h, error: expect.stringMatching(/^Markeringen kunde inte sparas: webbläsaren har inte mer lagringsutrymme/) });
  });

  test('a database held at another version (Dexie reports OpenFailedError wrapping VersionError)', async () => {
    // Dexie 4 opens newer databases itself, so the real failure comes from the browser: simulated.
    const failure = new Dexie.OpenFailedError('open failed', new Dexie.VersionError('The requested version is less than the existing version'));
    vi.spyOn(db.highlights, 'put').mockRejectedValue(failure);
    const outcome = await repo.save(makeHighlight({ id: 'x' }));
    expect(outcome.saved).toBe(false);
    expect(!outcome.saved && outcome.error).toMatch(/^Markeringen kunde inte sparas: databasen har skapats av en nyare version av Riksref/);
    expect(outcome.highlight).toEqual(makeHighlight({ id: 'x' }));
  });

  test('blocked by another version', () => {
    expect(storageErrorMessage(Object.assign(new Error('x'), { name: 'DatabaseClosedError' }))).toMatch(/blockerad av en annan version/);
    expect(storageErrorMessage(new Error('något annat'))).toBe('Markeringen kunde inte sparas: något annat.');
  });
});
