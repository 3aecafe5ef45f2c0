import { describe, expect, test } from 'vitest';
import { exportMarkdown, exportMarkdownParts, groupByDocument } from '@/lib/highlights/markdown';
import {
  ANNOTATION_CONTEXT,
  exportJson,
  exportJsonParts,
  fromAnnotation,
  MAX_IMPORT_ENTRIES,
  parseImport,
  parseImportInSlices,
  parseImportText,
  toAnnotation,
} from '@/lib/highlights/web-annotation';
import { manyHighlights } from '../fixtures/highlights/many-highlights.ts';
import { makeHighlight } from './highlight-fixtures.ts';

const DATA_URL = 'https://data.riksdagen.se/dokument/H601KU21.html';

const ONE = makeHighlight({ id: '0b7f3c52-9a3e-4c1e-9d6f-2f5d8a1b7c44', note: 'Citera detta.\nRad två.', color: 'green', orphan: false });
const TWO = makeHighlight({ id: 'imported-from-elsewhere', note: '', updated: ONE.created + 5000 });
const THREE = makeHighlight({ id: '4a1c2b3d-0000-4000-8000-000000000003', dokId: 'H601KU21', kind: 'bet', url: DATA_URL, title: '', orphan: true, color: 'pink' });

describe('W3C Web Annotation export', () => {
  test('a highlight with a note', () => {
    expect(toAnnotation(ONE)).toEqual({
      '@context': ANNOTATION_CONTEXT,
      id: 'urn:uuid:0b7f3c52-9a3e-4c1e-9d6f-2f5d8a1b7c44',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2025-04-17T09:30:00.123Z',
      modified: '2025-04-17T09:30:00.123Z',
      body: { type: 'TextualBody', value: 'Citera detta.\nRad två.', format: 'text/plain', purpose: 'commenting' },
      target: { source: ONE.url, selector: [ONE.selectors.quote, ONE.selectors.position] },
      riksref: { color: 'green', dokId: 'H612523', kind: 'frs', title: ONE.title, orphan: false },
    });
  });

  test('without a note there is no body; a foreign id is kept as it is', () => {
    const a = toAnnotation(TWO);
    expect(a).not.toHaveProperty('body');
    expect(a.motivation).toBe('highlighting');
    expect(a.id).toBe('imported-from-elsewhere');
  });

  test('export → import is lossless', () => {
    const all = [ONE, TWO, THREE];
    const parsed = parseImportText(exportJson(all));
    expect(parsed).toEqual({ ok: true, highlights: all });
  });

  test('import accepts what other tools write: one body object or a list, bodyValue, selectors in any order, dok_id from the address', () => {
    const base = JSON.parse(JSON.stringify(toAnnotation(THREE)));
    delete base.riksref;
    base.target.selector.reverse();
    base.body = [{ type: 'TextualBody', value: 'tagg', purpose: 'tagging' }, { type: 'TextualBody', value: 'anteckning', purpose: 'commenting' }];
    const result = fromAnnotation(base);
    expect(result).toMatchObject({ ok: true, highlight: { dokId: 'H601KU21', kind: 'other', color: 'yellow', note: 'anteckning', title: '' } });
    expect(fromAnnotation({ ...base, body: undefined, bodyValue: 'kort' })).toMatchObject({ ok: true, highlight: { note: 'kort' } });
    expect(parseImport({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [base] } })).toMatchObject({ ok: true });
  });
});

describe('a bad import is refused whole, naming the entry and the problem', () => {
  const good = () => JSON.parse(exportJson([ONE, TWO, THREE]));

  test.each([
    ['no quote selector', (f: any) => (f[1].target.selector = [f[1].target.selector[1]]), /^Post 2 \(index 1\) är ogiltig: target\.selector: saknar TextQuoteSelector/],
    ['an empty quote', (f: any) => (f[2].target.selector[0].exact = ''), /^Post 3 \(index 2\) är ogiltig: target\.selector: quote\.exact: /],
    ['a bad date', (f: any) => (f[0].created = 'i går'), /^Post 1 \(index 0\) är ogiltig: created: inte ett datum/],
    ['an unknown colour', (f: any) => (f[0].riksref.color = 'lila'), /^Post 1 \(index 0\) är ogiltig: riksref\.color: /],
    ['not an annotation', (f: any) => (f[1] = 'hej'), /^Post 2 \(index 1\) är ogiltig: posten: /],
    ['a page that is no document and no dok_id', (f: any) => { f[1].target.source = 'https://example.com/'; delete f[1].riksref.dokId; }, /^Post 2 \(index 1\) är ogiltig: target\.source: inte ett riksdagsdokument/],
    ['a javascript: address', (f: any) => (f[0].target.source = 'javascript:alert(1)'), /^Post 1 \(index 0\) är ogiltig: url: inte en http\(s\)-adress/],
    ['the same id twice', (f: any) => (f[2].id = f[0].id), /^Post 3 \(index 2\) är ogiltig: id .* förekommer redan/],
  ])('%s', (_what, spoil, message) => {
    const file = good();
    spoil(file);
    const result = parseImport(file);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
    expect(!result.ok && result.error).toMatch(/Ingenting importerades\.$/);
  });

  test('100 000 entries are taken; more are refused before any is checked', () => {
    expect(MAX_IMPORT_ENTRIES).toBe(100_000);
    const tooMany = parseImport(new Array(100_001).fill(null));
    expect(tooMany).toEqual({ ok: false, error: 'Filen har 100001 poster; högst 100000 kan importeras på en gång. Ingenting importerades.' });
    // 100 000 are checked (and the first bad one named, however far in).
    const entries = new Array(100_000).fill(null);
    expect(parseImport(entries)).toMatchObject({ ok: false, error: expect.stringMatching(/^Post 1 \(index 0\) är ogiltig/) });
  });

  test('not JSON, or no entries', () => {
    expect(parseImportText('{ inte json')).toMatchObject({ ok: false, error: expect.stringMatching(/^Filen är inte giltig JSON/) });
    expect(parseImport({ hej: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/inga markeringar/) });
    expect(parseImport([])).toMatchObject({ ok: false });
  });
});

describe('Markdown export', () => {
  test('grouped by document, latest worked on first, highlights in document order, notes under quotes', () => {
    const early = makeHighlight({ id: 'e', selectors: { ...ONE.selectors, quote: { ...ONE.selectors.quote, exact: 'Första\nstycket' }, position: { type: 'TextPositionSelector', start: 10, end: 24 } }, updated: 10 });
    const late = makeHighlight({ id: 'l', note: 'Min anteckning', color: 'blue', updated: 20 });
    const other = makeHighlight({ id: 'o', dokId: 'H601KU21', title: 'Betänkande KU21', url: DATA_URL, updated: 30, orphan: true });
    const md = exportMarkdown([late, other, early], Date.UTC(2025, 4, 1));
    expect(md).toBe(
      [
        '# Markeringar från Riksref',
        '',
        'Exporterade 2025-05-01.',
        '',
        '## Betänkande KU21 (H601KU21)',
        '',
        `<${DATA_URL}>`,
        '',
        `> ${other.selectors.quote.exact}`,
        '',
        '*Gul markering, 2025-04-17 – hittades inte på sidan senast*',
        '',
        `## ${ONE.title} (H612523)`,
        '',
        `<${ONE.url}>`,
        '',
        '> Första',
        '> stycket',
        '',
        '*Gul markering, 2025-04-17*',
        '',
        `> ${late.selectors.quote.exact}`,
        '',
        '*Blå markering, 2025-04-17*',
        '',
        'Min anteckning',
        '',
      ].join('\n'),
    );
    expect(groupByDocument([late, other, early]).map((g) => g.dokId)).toEqual(['H601KU21', 'H612523']);
  });
});

describe('large files a slice at a time (issue 12)', () => {
  const all = manyHighlights({ count: 1234, documents: 40, seed: 11 });

  test('the JSON export in pieces is the same text as at once, and says how far each piece gets', () => {
    const whole = JSON.stringify(all.map(toAnnotation), null, 2) + '\n';
    const parts = [...exportJsonParts(all, 100)];
    expect(parts.map((p) => p.text).join('')).toBe(whole);
    expect(parts.map((p) => p.done)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1234]);
    expect(exportJson(all)).toBe(whole);
    for (const few of [[], [ONE], [ONE, TWO]]) expect(exportJson(few)).toBe(JSON.stringify(few.map(toAnnotation), null, 2) + '\n');
    expect(parseImportText(exportJson(all))).toEqual({ ok: true, highlights: all });
  });

  test('the Markdown export in pieces, one per document', () => {
    const parts = [...exportMarkdownParts(groupByDocument(all), Date.UTC(2025, 4, 1))];
    expect(parts).toHaveLength(1 + 40);
    expect(parts.map((p) => p.text).join('')).toBe(exportMarkdown(all, Date.UTC(2025, 4, 1)));
    expect(parts[parts.length - 1]!.done).toBe(1234);
  });

  test('checking in slices: the same answer as at once, with progress after each slice and a pause between', async () => {
    const file = JSON.parse(exportJson(all));
    const progress: [number, number][] = [];
    let pauses = 0;
    const parsed = await parseImportInSlices(file, { per: 500, onProgress: (p) => progress.push([p.done, p.total]), pause: async () => void pauses++ });
    expect(parsed).toEqual(parseImport(file));
    expect(parsed.ok).toBe(true);
    expect(progress).toEqual([
      [500, 1234],
      [1000, 1234],
    ]);
    expect(pauses).toBe(2);

    file[1100].riksref.color = 'lila';
    const bad = await parseImportInSlices(file, { per: 500, pause: async () => {} });
    expect(bad).toEqual(parseImport(file));
    expect(!bad.ok && bad.error).toMatch(/^Post 1101 \(index 1100\) är ogiltig: riksref\.color/);
  });
});
