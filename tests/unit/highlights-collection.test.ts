import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RiksrefDatabase } from '@/lib/db/database';
import { readAllHighlights, readFirstScreen } from '@/lib/db/live-highlights';
import { groupByDocument, HighlightCollection, matchesSearch } from '@/lib/highlights/collection';
import type { Highlight } from '@/lib/highlights/highlight';
import { manyHighlights } from '../fixtures/highlights/many-highlights.ts';
import { makeHighlight } from './highlight-fixtures.ts';

const quoted = (exact: string, start = 0) => ({
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
});

const ids = (found: ReadonlySet<string> | null) => (found ? [...found].sort() : null);

describe('HighlightCollection: search', () => {
  const a = makeHighlight({ id: 'a', selectors: quoted('Informationsutbyte mellan Polismyndigheten och Säkerhetspolisen'), note: 'Citera i PM', title: 'Svar på fråga' });
  const b = makeHighlight({ id: 'b', selectors: quoted('Kommunerna får   inte veta'), note: '', title: 'Lista över kommuner' });
  const c = makeHighlight({ id: 'c', dokId: 'H601KU21', selectors: quoted('ÅTERVÄNDARE från IS'), note: 'polisen borde veta', title: 'Granskning' });

  test('every word, in the quote, the note or the title, whatever the case; empty means everything', () => {
    const collection = new HighlightCollection([a, b, c]);
    expect(collection.search('')).toBeNull();
    expect(collection.search('   ')).toBeNull();
    expect(ids(collection.search('POLIS'))).toEqual(['a', 'c']);
    expect(ids(collection.search('polis citera'))).toEqual(['a']);
    expect(ids(collection.search('återvändare'))).toEqual(['c']);
    expect(ids(collection.search('lista inte'))).toEqual(['b']);
    // A word never spans two fields, nor the white space inside one.
    expect(ids(collection.search('får inte'))).toEqual(['b']);
    expect(ids(collection.search('fårinte'))).toEqual([]);
    for (const query of ['POLIS', 'polis citera', 'lista inte', 'veta']) {
      expect(ids(collection.search(query)), query).toEqual([a, b, c].filter((h) => matchesSearch(h, query)).map((h) => h.id));
    }
  });

  test('typing on narrows the last answer; typing back or changing a word searches everything again', () => {
    const collection = new HighlightCollection([a, b, c]);
    const steps: [string, string[]][] = [
      ['p', ['a', 'c']],
      ['po', ['a', 'c']],
      ['pol', ['a', 'c']],
      ['pol c', ['a']],
      ['pol', ['a', 'c']], // backspace: not narrowed from "pol c"
      ['pol v', ['a', 'c']],
      ['pol ve', ['c']],
      ['kommun', ['b']],
      ['s', ['a', 'b', 'c']],
    ];
    for (const [query, expected] of steps) expect(ids(collection.search(query)), query).toEqual(expected);
  });

  test('at scale, the same answers as checking each highlight', () => {
    const all = manyHighlights({ count: 2000, documents: 200, seed: 5 });
    const collection = new HighlightCollection(all);
    for (const query of ['s', 'sä', 'säk', 'säkerhets', 'och', 'och reg', 'och rege', 'utskottet anser', 'xyz']) {
      expect(ids(collection.search(query)), query).toEqual(all.filter((h) => matchesSearch(h, query)).map((h) => h.id).sort());
    }
  });

  test('a new list made from the last one: changed highlights are searched by their new text', () => {
    const first = new HighlightCollection([a, b, c]);
    expect(first.prepare()).toBe(true);
    const edited = { ...a, note: 'Ny anteckning om budgeten', updated: a.updated + 1 };
    const retitled = { ...b, title: 'Annan titel' };
    const next = new HighlightCollection([edited, retitled, { ...c }], first);
    expect(ids(next.search('citera'))).toEqual([]);
    expect(ids(next.search('budgeten'))).toEqual(['a']);
    expect(ids(next.search('lista'))).toEqual([]);
    expect(ids(next.search('granskning'))).toEqual(['c']);
  });

  test('prepare in slices: false until every text is made, then true; search before that still sees all', () => {
    const all = manyHighlights({ count: 500, documents: 50 });
    const sliced = new HighlightCollection(all);
    expect(sliced.prepare(performance.now() - 1)).toBe(false); // a deadline already past: one small slice
    let slices = 1;
    while (!sliced.prepare(performance.now() - 1)) slices++;
    expect(slices).toBeGreaterThan(2);
    const unprepared = new HighlightCollection(all);
    expect(ids(unprepared.search('och'))).toEqual(ids(sliced.search('och')));
  });
});

describe('HighlightCollection.build: the same, a slice at a time', () => {
  test('the groups of the whole list, pausing between slices; texts taken from the last collection', async () => {
    const all = manyHighlights({ count: 5000, documents: 300, seed: 3 });
    let pauses = 0;
    const built = await HighlightCollection.build(all, undefined, { sliceMs: 0, pause: async () => void pauses++ });
    expect(built.groups).toEqual(groupByDocument(all));
    expect(pauses).toBeGreaterThan(4);
    expect(ids(built.search('och utskottet'))).toEqual(all.filter((h) => matchesSearch(h, 'och utskottet')).map((h) => h.id).sort());
    const changed = all.map((h, i) => (i === 7 ? { ...h, note: 'helt ny anteckning', updated: h.updated + 1 } : { ...h }));
    const next = await HighlightCollection.build(changed, built);
    expect(ids(next.search('helt ny anteckning'))).toEqual([all[7]!.id]);
  });
});

describe('HighlightCollection: documents', () => {
  test('groups latest changed first, each in document order, with its title; one document by dok_id', () => {
    const x1 = makeHighlight({ id: 'x1', dokId: 'X', title: '', selectors: quoted('b', 50), updated: 5 });
    const x2 = makeHighlight({ id: 'x2', dokId: 'X', title: 'Dokument X', selectors: quoted('a', 10), updated: 1 });
    const y = makeHighlight({ id: 'y', dokId: 'Y', title: '', selectors: quoted('c'), updated: 3 });
    const collection = new HighlightCollection([x1, y, x2]);
    expect(collection.groups.map((g) => [g.dokId, g.title, g.latest, g.highlights.map((h) => h.id)])).toEqual([
      ['X', 'Dokument X', 5, ['x2', 'x1']],
      ['Y', 'Y', 3, ['y']],
    ]);
    expect(collection.forDocument('x').map((h) => h.id)).toEqual(['x2', 'x1']);
    expect(collection.forDocument('Z')).toEqual([]);
    expect(collection.size).toBe(3);
  });

  test('groupByDocument copes with a document of 200 000 highlights (no argument lists that long)', () => {
    const one = makeHighlight();
    const many: Highlight[] = Array.from({ length: 200_000 }, (_, i) => ({ ...one, id: String(i), updated: i }));
    expect(groupByDocument(many)[0]!.latest).toBe(199_999);
  });
});

describe('the side panel’s reads', () => {
  let db: RiksrefDatabase;
  let n = 0;
  beforeEach(() => {
    db = new RiksrefDatabase(`riksref-reads-${++n}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  test('readAllHighlights: every highlight once, in slices', async () => {
    const all = manyHighlights({ count: 103, documents: 10 });
    await db.highlights.bulkPut(all);
    const read = await readAllHighlights(db, 10);
    expect(read.map((h) => h.id)).toEqual(all.map((h) => h.id).sort());
    expect(read).toEqual(expect.arrayContaining(all));
    expect(await readAllHighlights(db, 103)).toHaveLength(103);
    expect(await readAllHighlights(new RiksrefDatabase(`riksref-reads-empty-${n}`))).toEqual([]);
  });

  test.each([1, 2, 3, 4, 5, 6])('readFirstScreen (seed %i): its groups are exactly the first groups of the whole list, and the page is whole', async (seed) => {
    const all = manyHighlights({ count: 600, documents: 10 + seed * 20, seed });
    await db.highlights.bulkPut(all);
    const whole = groupByDocument(all);
    const page = whole[whole.length - 1]!.dokId; // the document changed longest ago
    const first = await readFirstScreen(db, page.toLowerCase(), { recent: 15, maxGroups: 5 });
    expect(first.dokId).toBe(page);
    expect(first.groups).toBeGreaterThan(0);
    expect(first.groups).toBeLessThanOrEqual(5);
    const known = groupByDocument(first.highlights);
    expect(known.slice(0, first.groups)).toEqual(whole.slice(0, first.groups));
    expect(known.find((g) => g.dokId === page)).toEqual(whole[whole.length - 1]);
    // Far less than the whole table.
    expect(first.highlights.length).toBeLessThan(all.length / 2);
  });

  test('readFirstScreen of an empty database, and without a page', async () => {
    expect(await readFirstScreen(db, 'H612523')).toEqual({ highlights: [], groups: 0, dokId: 'H612523' });
    await db.highlights.bulkPut(manyHighlights({ count: 30, documents: 3 }));
    const first = await readFirstScreen(db, undefined);
    expect(first.groups).toBe(3);
    expect(first.highlights).toHaveLength(30);
  });
});
