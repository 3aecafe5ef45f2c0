import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RiksrefDatabase } from '@/lib/db/database';
import { createHighlightHandlers } from '@/lib/db/highlight-handlers';
import { createMessageHandler, type Handlers } from '@/lib/messages/handle';
import { send, type Transport } from '@/lib/messages/send';
import { parseTabCommand } from '@/lib/messages/tab-commands';
import { exportJson } from '@/lib/highlights/web-annotation';
import { makeHighlight } from './highlight-fixtures.ts';
import { useLanguage } from './i18n-fake';

let db: RiksrefDatabase;
let transport: Transport;
/** Which documents the handlers said were changed, message by message. */
let changes: string[][];
let n = 0;
const NOW = Date.UTC(2025, 4, 2, 12);

beforeEach(() => {
  db = new RiksrefDatabase(`riksref-msg-highlights-${++n}`);
  changes = [];
  const notHere = () => {
    throw new Error('not in this test');
  };
  const handlers: Handlers = {
    lookupReferences: notHere,
    getCacheStats: notHere,
    clearCache: notHere,
    formatCitations: notHere,
    getTrail: notHere,
    recordReading: notHere,
    ...createHighlightHandlers(db, () => NOW, (dokIds) => changes.push(dokIds)),
  };
  transport = createMessageHandler(handlers);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

describe('highlight messages through send ⇄ handle and the database', () => {
  test('save, list for the page (by dok_id, any case), list all', async () => {
    const h = makeHighlight({ id: 'a' });
    expect(await send('saveHighlight', { highlight: h }, transport)).toEqual({ saved: true, highlight: h });
    await send('saveHighlight', { highlight: makeHighlight({ id: 'b', dokId: 'H601KU21', updated: h.updated + 1 }) }, transport);
    expect((await send('listHighlights', { dokId: 'h612523' }, transport)).highlights).toEqual([h]);
    expect((await send('listAllHighlights', {}, transport)).highlights.map((x) => x.id)).toEqual(['b', 'a']);
  });

  test('update note and colour; an unknown id answers null', async () => {
    await send('saveHighlight', { highlight: makeHighlight({ id: 'a' }) }, transport);
    const { outcome } = await send('updateHighlight', { id: 'a', changes: { note: 'Anteckning', color: 'blue' } }, transport);
    expect(outcome).toMatchObject({ saved: true, highlight: { note: 'Anteckning', color: 'blue', updated: NOW } });
    expect(await send('updateHighlight', { id: 'zzz', changes: { note: 'x' } }, transport)).toEqual({ outcome: null });
  });

  test('delete, then restore (Ångra) brings back the same highlight', async () => {
    const h = makeHighlight({ id: 'a', note: 'kvar' });
    await send('saveHighlight', { highlight: h }, transport);
    const { deleted } = await send('deleteHighlight', { id: 'a' }, transport);
    expect(deleted).toEqual(h);
    expect((await send('listHighlights', { dokId: h.dokId }, transport)).highlights).toEqual([]);
    expect(await send('restoreHighlight', { highlight: deleted! }, transport)).toEqual({ saved: true, highlight: h });
    expect((await send('listHighlights', { dokId: h.dokId }, transport)).highlights).toEqual([h]);
  });

  test('a full disk: saved false, a Swedish message, and the highlight handed back', async () => {
    vi.spyOn(db.highlights, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const h = makeHighlight({ id: 'a', note: 'får inte försvinna' });
    const outcome = await send('saveHighlight', { highlight: h }, transport);
    expect(outcome).toEqual({ saved: false, error: expect.stringMatching(/lagringsutrymme/), highlight: h });
  });

  test('reportAnchoring marks orphans', async () => {
    await send('saveHighlight', { highlight: makeHighlight({ id: 'a' }) }, transport);
    expect(await send('reportAnchoring', { dokId: 'H612523', found: [], orphans: ['a'] }, transport)).toEqual({ changed: 1 });
    expect((await db.highlights.get('a'))!.orphan).toBe(true);
  });

  test('an exported file’s name starts in the reader’s language', async () => {
    useLanguage('en');
    await send('saveHighlight', { highlight: makeHighlight({ id: 'a', dokId: 'H601KU21' }) }, transport);
    expect((await send('exportHighlights', { format: 'json' }, transport)).filename).toBe('riksref-highlights-2025-05-02.json');
    expect((await send('exportHighlights', { format: 'markdown', dokId: 'H601KU21' }, transport)).filename).toBe('riksref-highlights-H601KU21-2025-05-02.md');
  });

  test('export JSON and Markdown, import back without duplicates', async () => {
    const all = [makeHighlight({ id: 'a', note: 'N' }), makeHighlight({ id: 'b', dokId: 'H601KU21', title: 'KU21' })];
    for (const highlight of all) await send('saveHighlight', { highlight }, transport);
    const json = await send('exportHighlights', { format: 'json' }, transport);
    expect(json).toMatchObject({ filename: 'riksref-markeringar-2025-05-02.json', mimeType: 'application/json', count: 2 });
    const md = await send('exportHighlights', { format: 'markdown', dokId: 'H601KU21' }, transport);
    expect(md).toMatchObject({ filename: 'riksref-markeringar-H601KU21-2025-05-02.md', count: 1 });
    expect(md.text).toContain('## KU21 (H601KU21)');

    expect(await send('importHighlights', { file: JSON.parse(json.text) }, transport)).toEqual({ imported: true, added: 0, replaced: 2 });
    await db.highlights.clear();
    expect(await send('importHighlights', { file: JSON.parse(json.text) }, transport)).toEqual({ imported: true, added: 2, replaced: 0 });
    expect(await db.highlights.count()).toBe(2);
  });

  test('a bad import changes nothing and says which entry and why', async () => {
    const kept = makeHighlight({ id: 'kept', note: 'före' });
    await send('saveHighlight', { highlight: kept }, transport);
    const file = JSON.parse(exportJson([makeHighlight({ id: 'kept', note: 'efter' }), makeHighlight({ id: 'new' }), makeHighlight({ id: 'bad' })]));
    file[2].riksref.color = 'lila';
    const answer = await send('importHighlights', { file }, transport);
    expect(answer).toEqual({ imported: false, error: expect.stringMatching(/^Post 3 \(index 2\) är ogiltig: riksref\.color/) });
    expect(await db.highlights.toArray()).toEqual([kept]);
  });

  test('malformed highlight messages are refused before the database', async () => {
    const put = vi.spyOn(db.highlights, 'put');
    const bad = { ...makeHighlight(), color: 'lila' };
    expect(await transport({ riksref: 1, name: 'saveHighlight', payload: { highlight: bad } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Malformed saveHighlight message: highlight\.color/),
    });
    expect(await transport({ riksref: 1, name: 'saveHighlight', payload: { highlight: { ...makeHighlight(), url: 'javascript:alert(1)' } } })).toMatchObject({ ok: false });
    expect(put).not.toHaveBeenCalled();
  });
});

describe('which documents changed (for open pages to repaint)', () => {
  test('save, edit, delete, restore and import report their documents; reads, orphan marks and failures do not', async () => {
    const h = makeHighlight({ id: 'a' });
    await send('saveHighlight', { highlight: h }, transport);
    await send('updateHighlight', { id: 'a', changes: { note: 'ny' } }, transport);
    await send('listHighlights', { dokId: h.dokId }, transport);
    await send('listAllHighlights', {}, transport);
    await send('reportAnchoring', { dokId: h.dokId, found: [], orphans: ['a'] }, transport);
    const { deleted } = await send('deleteHighlight', { id: 'a' }, transport);
    await send('restoreHighlight', { highlight: deleted! }, transport);
    expect(changes).toEqual([['H612523'], ['H612523'], ['H612523'], ['H612523']]);

    changes = [];
    await send('updateHighlight', { id: 'finns-inte', changes: { note: 'x' } }, transport);
    await send('deleteHighlight', { id: 'finns-inte' }, transport);
    vi.spyOn(db.highlights, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await send('saveHighlight', { highlight: makeHighlight({ id: 'b' }) }, transport);
    expect(changes).toEqual([]);

    const file = JSON.parse(exportJson([makeHighlight({ id: 'c' }), makeHighlight({ id: 'd', dokId: 'H601KU21' }), makeHighlight({ id: 'e' })]));
    await send('importHighlights', { file }, transport);
    expect(changes).toEqual([['H612523', 'H601KU21']]);
    file[0].riksref.color = 'lila';
    await send('importHighlights', { file }, transport);
    expect(changes).toHaveLength(1);
  });
});

describe('tab commands (background → page)', () => {
  test('accepts the three commands, nothing else', () => {
    expect(parseTabCommand({ riksrefTab: 1, command: 'saveSelection' })).toEqual({ riksrefTab: 1, command: 'saveSelection' });
    expect(parseTabCommand({ riksrefTab: 1, command: 'highlightFromKeyboard' })).toEqual({ riksrefTab: 1, command: 'highlightFromKeyboard' });
    expect(parseTabCommand({ riksrefTab: 1, command: 'highlightsChanged', dokIds: ['H612523'] })).toMatchObject({ dokIds: ['H612523'] });
    expect(parseTabCommand({ riksrefTab: 1, command: 'highlightsChanged' })).toBeNull();
    expect(parseTabCommand({ riksrefTab: 1, command: 'showHighlight', id: 'a' })).toBeNull();
    expect(parseTabCommand({ riksref: 1, name: 'saveHighlight' })).toBeNull();
  });
});
