import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { highlightSchema, type Highlight } from '@/lib/highlights/highlight';
import {
  buildItem,
  decodeArea,
  encodeEntry,
  encodeTombstone,
  headerOf,
  itemKey,
  packId,
  packUrl,
  parseItemKey,
  unpackId,
  unpackUrl,
} from '@/lib/sync/encoding';
import { itemBytes } from '@/lib/sync/quota';
import { chromeItemBytes } from './sync-area.ts';
import { ANSWER_URL, makeHighlight } from './highlight-fixtures.ts';

const KU21 = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/granskning_H601KU21/';

/** A highlight as the page describes one (its end is start + the quote's length), with the context a sentence keeps in sync. */
function described(overrides: Partial<Highlight> = {}): Highlight {
  const exact = 'Det finns också ett nära och ömsesidigt informationsutbyte mellan Polismyndigheten och Säkerhetspolisen.';
  return makeHighlight({
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: 'mrådet. ', suffix: ' I novem' },
      position: { type: 'TextPositionSelector', start: 1500, end: 1500 + exact.length },
    },
    ...overrides,
  });
}

/** One document's highlights as the sync area holds them, read back. */
function roundTrip(highlights: Highlight[], tombstones: { id: string; dokId: string; at: number }[] = []) {
  const header = headerOf(highlights[0]!);
  const key = itemKey(highlights[0]!.dokId, 0);
  const item = buildItem(header, highlights.map((h) => encodeEntry(h, header)), tombstones.map(encodeTombstone));
  return { key, item, decoded: decodeArea(JSON.parse(JSON.stringify({ [key]: item }))) };
}

describe('sync encoding: ids, addresses, keys', () => {
  test('our UUIDs take 22 characters and come back exactly; other ids are kept as they are', () => {
    fc.assert(
      fc.property(fc.uuid(), (uuid) => {
        const packed = packId(uuid);
        expect(packed).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(unpackId(packed)).toBe(uuid);
      }),
    );
    expect(packId('urn:x-hypothesis:abc')).toBe('=urn:x-hypothesis:abc');
    expect(unpackId('=urn:x-hypothesis:abc')).toBe('urn:x-hypothesis:abc');
    // Upper-case hex is not what crypto.randomUUID makes: kept as it is, never changed in case.
    expect(unpackId(packId('0B7F3C52-9A3E-4C1E-9D6F-2F5D8A1B7C44'))).toBe('0B7F3C52-9A3E-4C1E-9D6F-2F5D8A1B7C44');
    for (const bad of ['', '=', 'short', '!'.repeat(22), '_'.repeat(22)]) expect(unpackId(bad)).toBeNull();
  });

  test('document addresses lose their common beginning and get it back', () => {
    for (const url of [ANSWER_URL, 'https://data.riksdagen.se/dokument/H612523.html', 'https://rixlex.riksdagen.se/x?y=1', 'http://example.org/']) {
      expect(unpackUrl(packUrl(url))).toBe(url);
    }
    expect(packUrl(ANSWER_URL)).toBe('0svar-pa-skriftlig-fraga/sapos-lista-over-kommuner-som-kan-beroras-av_H612523/');
    expect(unpackUrl('9nothing')).toBeNull();
    expect(unpackUrl('ftp://x')).toBeNull();
  });

  test('keys name the chunk and the document', () => {
    expect(itemKey('H612523', 0)).toBe('h1:0:H612523');
    expect(parseItemKey('h1:12:H601KU21')).toEqual({ chunk: 12, dokId: 'H601KU21' });
    expect(parseItemKey('h1:H601KU21')).toBeNull();
    expect(parseItemKey('linkSettings')).toBeNull();
  });
});

describe('sync encoding: highlights and deletions', () => {
  test('a highlight comes back exactly, but for the context beyond what it needs and this device’s marks', () => {
    const h = makeHighlight({
      note: 'Citera i promemorian <3 – ”så här”\nrad två',
      color: 'pink',
      updated: makeHighlight().created + 86_400_000 * 40,
      orphan: true,
      unsynced: 'quota',
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: 'ömsesidigt informationsutbyte', prefix: 'x'.repeat(150) + 'och ett nära och ', suffix: ' mellan Polismyndigheten och Säkerhetspolisen och mer' },
        position: { type: 'TextPositionSelector', start: 1545, end: 1574 },
      },
    });
    const { decoded } = roundTrip([h]);
    expect(decoded.warnings).toEqual([]);
    const { orphan: _o, unsynced: _u, ...rest } = h;
    // A quote of 29 characters keeps 32 of context each side; a sentence keeps 8 (see sync-anchoring.test.ts).
    expect(decoded.highlights).toEqual([
      {
        ...rest,
        selectors: {
          ...h.selectors,
          quote: { ...h.selectors.quote, prefix: ('x'.repeat(150) + 'och ett nära och ').slice(-32), suffix: ' mellan Polismyndigheten och Säk' },
        },
      },
    ]);
  });

  test('the document is written once; a highlight that differs in title, address, kind or end carries its own', () => {
    const a = described({ id: 'a0000000-0000-4000-8000-000000000001' });
    const b = described({ id: 'a0000000-0000-4000-8000-000000000002', url: 'https://data.riksdagen.se/dokument/H612523.html', title: 'Annan titel', kind: 'other' });
    const c = described({
      id: 'a0000000-0000-4000-8000-000000000003',
      selectors: { ...a.selectors, position: { type: 'TextPositionSelector', start: 10, end: 99 } },
    });
    const { item, decoded } = roundTrip([a, b, c]);
    expect(item.t).toBe(a.title);
    expect(item.h![0]).toHaveLength(8); // no note, nothing of its own: eight fields
    expect(item.h![1]!.at(-1)).toEqual({ k: 'other', t: 'Annan titel', u: '1H612523.html' });
    expect(item.h![2]!.at(-1)).toEqual({ e: 99 });
    expect(decoded.highlights).toEqual([a, b, c]);
  });

  test('every decoded highlight passes the database schema (fast-check)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ö', '<', '"', '\\', '\n', '\u2028', '😀', ' '), minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(fc.uuid(), text, text, fc.nat(1_000_000), fc.nat(2 ** 40), fc.nat(10 ** 9), fc.constantFrom('yellow', 'green', 'blue', 'pink'), (id, exact, note, start, created, delta, color) => {
        const h = makeHighlight({
          id,
          note,
          color: color as Highlight['color'],
          created,
          updated: created + delta,
          selectors: { quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start, end: start + exact.length } },
        });
        const { key, item, decoded } = roundTrip([h]);
        expect(decoded.highlights).toEqual([h]);
        expect(highlightSchema.parse(decoded.highlights[0])).toEqual(h);
        // Our count of its bytes is Chrome's.
        expect(itemBytes(key, item)).toBe(chromeItemBytes(key, item));
      }),
      { numRuns: 300 },
    );
  });

  test('deletions travel with their document and time', () => {
    const h = described();
    const { item, decoded } = roundTrip([h], [{ id: 'b0000000-0000-4000-8000-00000000000b', dokId: 'H612523', at: h.updated + 5 }]);
    expect(item.x).toEqual([[packId('b0000000-0000-4000-8000-00000000000b'), (h.updated + 5).toString(36)]]);
    expect(decoded.tombstones).toEqual([{ id: 'b0000000-0000-4000-8000-00000000000b', dokId: 'H612523', at: h.updated + 5 }]);
  });
});

describe('sync encoding: what is not ours or cannot be read', () => {
  test('foreign and corrupt items are set aside with a warning; the readable rest still counts', () => {
    const good = described();
    const { key, item } = roundTrip([good]);
    const other = described({ id: 'c0000000-0000-4000-8000-00000000000c', dokId: 'H601KU21', url: KU21 });
    const header = headerOf(other);
    const area = {
      [key]: item,
      // One bad entry beside a good one: the good one is read.
      'h1:0:H601KU21': { ...buildItem(header, [encodeEntry(other, header)], []), h: [encodeEntry(other, header), ['kaputt', 1, 2], [...encodeEntry(other, header).slice(0, 3), 9, 0, 'x', '', '']] },
      'h1:0:H6BROKEN': 'not an object',
      'h1:1:H6NOHEADER': { h: [encodeEntry(good, headerOf(good))] },
      'h1:nonsense': { h: [] },
      'h1:0:H6BADTOMB': { x: [['???', 'zz'], 'nope'] },
      linkSettings: { enabled: true, disabledKinds: [], lawSite: 'riksdagen' },
      'h2:0:H612523': { future: 'format' },
    };
    const decoded = decodeArea(JSON.parse(JSON.stringify(area)));
    expect(decoded.highlights.map((h) => h.id).sort()).toEqual([good.id, other.id]);
    expect(decoded.tombstones).toEqual([]);
    expect(Object.keys(decoded.otherItems).sort()).toEqual(['h2:0:H612523', 'linkSettings']);
    expect(decoded.ourKeys.sort()).toEqual(['h1:0:H601KU21', 'h1:0:H612523', 'h1:0:H6BADTOMB', 'h1:0:H6BROKEN', 'h1:1:H6NOHEADER', 'h1:nonsense']);
    expect(decoded.warnings).toHaveLength(7);
    expect(decoded.warnings.join('\n')).toMatch(/h1:0:H6BROKEN is not a Riksref item/);
    expect(decoded.warnings.join('\n')).toMatch(/h1:0:H601KU21: entry ignored \(not an entry\)/);
    expect(decoded.warnings.join('\n')).toMatch(/h1:0:H6BADTOMB: deletion ignored \(unreadable\)/);
    expect(decoded.warnings.join('\n')).toMatch(/h1:0:H601KU21: entry ignored \(c0000000-0000-4000-8000-00000000000c: color invalid\)/);
    expect(decoded.warnings.join('\n')).toMatch(/h1:1:H6NOHEADER has highlights but no document fields/);
  });
});
