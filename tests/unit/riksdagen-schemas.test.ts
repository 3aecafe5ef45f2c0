import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { dokumentlistaSchema, dokumentstatusSchema } from '@/lib/riksdagen/schemas';
import { readApiFixture } from '../fixtures/api/serve.ts';

const list = (name: string) => z.safeParse(dokumentlistaSchema, JSON.parse(readApiFixture(name)));

describe('dokumentlista schema', () => {
  test('reads a plain answer: every field a string, unknown fields ignored', () => {
    const parsed = list('dokumentlista/sou-2018-65.json');
    expect(parsed.success).toBe(true);
    const [doc] = parsed.data!.dokumentlista.dokument;
    expect(doc).toMatchObject({ dok_id: 'H6B365', rm: '2018', beteckning: '65', doktyp: 'sou', organ: 'Ju' });
    expect(doc!.filbilaga?.fil[0]?.url).toBe('http://data.riksdagen.se/fil/H6B365');
    // Fields we do not use are dropped, not carried into our data.
    expect(doc).not.toHaveProperty('debattsekunder');
  });

  test('a single object stands for a one-element list; numbers become strings', () => {
    const parsed = list('dokumentlista/ds-2019-3.json');
    expect(parsed.success).toBe(true);
    const docs = parsed.data!.dokumentlista.dokument;
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ dok_id: 'H7B33', rm: '2019', beteckning: '3' });
    expect(parsed.data!.dokumentlista['@traffar']).toBe('1');
  });

  test.each(['quirks/empty-null.json', 'quirks/empty-string.json', 'quirks/empty-missing.json'])(
    'an empty list in any of its forms is an empty array (%s)',
    (name) => {
      const parsed = list(name);
      expect(parsed.success).toBe(true);
      expect(parsed.data!.dokumentlista.dokument).toEqual([]);
    },
  );

  test('a record without dok_id is dropped, the rest of the list survives', () => {
    const docs = list('dokumentlista/rskr-2018-19-12.json').data!.dokumentlista.dokument;
    expect(docs.map((d) => d.dok_id)).toEqual(['H6101212']);
  });

  test('a record without a title is unusable too', () => {
    const body = { dokumentlista: { dokument: [{ dok_id: 'X1', titel: '' }, { dok_id: 'X2', titel: null }, { dok_id: 'X3', titel: 'T' }] } };
    expect(z.parse(dokumentlistaSchema, body).dokumentlista.dokument.map((d) => d.dok_id)).toEqual(['X3']);
  });

  test('null fields and garbage in optional nested objects degrade to absent', () => {
    const body = {
      dokumentlista: {
        dokument: { dok_id: 'X1', titel: 'T', organ: null, filbilaga: '', sokdata: 42, datum: ['2019'] },
      },
    };
    const [doc] = z.parse(dokumentlistaSchema, body).dokumentlista.dokument;
    expect(doc).toMatchObject({ dok_id: 'X1', titel: 'T' });
    expect(doc!.organ).toBeUndefined();
    expect(doc!.filbilaga).toBeUndefined();
    expect(doc!.sokdata).toBeUndefined();
    expect(doc!.datum).toBeUndefined();
  });

  test('rejects what is not a dokumentlista at all', () => {
    expect(z.safeParse(dokumentlistaSchema, {}).success).toBe(false);
    expect(z.safeParse(dokumentlistaSchema, { dokumentlista: null }).success).toBe(false);
    expect(z.safeParse(dokumentlistaSchema, 'Ett tekniskt fel').success).toBe(false);
    expect(z.safeParse(dokumentlistaSchema, JSON.parse(readApiFixture('dokumentstatus/H612523.json'))).success).toBe(false);
  });
});

describe('dokumentstatus schema', () => {
  test('reads the document, with subtitel as the dokumentstatus spelling', () => {
    const parsed = z.parse(dokumentstatusSchema, JSON.parse(readApiFixture('dokumentstatus/H612523.json')));
    expect(parsed.dokumentstatus.dokument).toMatchObject({ dok_id: 'H612523', doktyp: 'frs', subtitel: 'Besvarad av Mikael Damberg (S)' });
  });

  test('rejects a dokumentstatus whose document has no dok_id', () => {
    expect(z.safeParse(dokumentstatusSchema, { dokumentstatus: { dokument: { titel: 'T' } } }).success).toBe(false);
  });
});
