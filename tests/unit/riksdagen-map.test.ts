import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { parseReferenceId } from '@/lib/refs/ids';
import { toAnswer, toDocumentMeta } from '@/lib/riksdagen/map';
import { organName } from '@/lib/riksdagen/organs';
import { dokumentlistaSchema } from '@/lib/riksdagen/schemas';
import { plainText, shorten } from '@/lib/riksdagen/text';
import { absoluteUrl, documentPageUrl } from '@/lib/riksdagen/urls';
import { readApiFixture } from '../fixtures/api/serve.ts';

const T = Date.UTC(2025, 0, 1);

function metaFrom(file: string, id: string) {
  const parsed = parseReferenceId(id);
  if (!parsed || parsed.kind === 'eu') throw new Error(id);
  const docs = z.parse(dokumentlistaSchema, JSON.parse(readApiFixture(file))).dokumentlista.dokument;
  const doc = docs.find((d) => d.doktyp === parsed.kind)!;
  return toDocumentMeta(id, parsed, doc, T);
}

describe('the answer to a skriftlig fråga', () => {
  const answerDoc = () => z.parse(dokumentlistaSchema, JSON.parse(readApiFixture('dokumentlista/frs-2018-19-523.json'))).dokumentlista.dokument[0]!;

  test('names the minister who answered, from "Besvarad av …"', () => {
    expect(toAnswer(answerDoc())).toEqual({
      dokId: 'H612523',
      url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/_H612523',
      date: '2019-04-17',
      by: 'Mikael Damberg (S)',
    });
  });

  test('any other subtitle names nobody rather than a guess', () => {
    expect(toAnswer({ ...answerDoc(), undertitel: 'av Roger Haddad (L)' })).not.toHaveProperty('by');
    expect(toAnswer({ ...answerDoc(), undertitel: undefined })).not.toHaveProperty('by');
  });
});

describe('mapping to DocumentMeta', () => {
  test('SOU 2018:65: every field, department named, URLs absolute https', () => {
    expect(metaFrom('dokumentlista/sou-2018-65.json', 'sou:2018:65')).toEqual({
      id: 'sou:2018:65',
      dokId: 'H6B365',
      kind: 'sou',
      label: 'SOU 2018:65',
      title: 'Informationsutbyte vid samverkan mot terrorism',
      subtitle: 'Betänkande av Utredningen om informationsutbyte vid samverkan mot terrorism',
      date: '2018-09-27',
      organ: 'Ju',
      organName: 'Justitiedepartementet',
      summary: expect.stringMatching(/^Utredningen har haft i uppdrag/),
      url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/statens-offentliga-utredningar/_H6B365',
      fullTextUrl: 'https://data.riksdagen.se/dokument/H6B365.html',
      pdfUrl: 'https://data.riksdagen.se/fil/H6B365',
      fetchedAt: T,
    });
  });

  test('a betänkande: committee named, HTML in summary and statusrad becomes plain text', () => {
    const meta = metaFrom('dokumentlista/bet-2018-19-JuU12.json', 'bet:2018/19:JuU12');
    expect(meta).toMatchObject({
      label: 'bet. 2018/19:JuU12',
      organ: 'JuU',
      organName: 'Justitieutskottet',
      status: 'Beslutat 2019-03-20 – Utskottets förslag bifölls',
      summary: 'Riksdagen sa nej till motionsyrkanden om kriminalvården & frivården.',
      url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/_H601JuU12',
    });
  });

  test('a script in the summary leaves no trace; escaped markup stays text', () => {
    const meta = metaFrom('dokumentlista/ip-2018-19-45.json', 'ip:2018/19:45');
    expect(meta.summary).toBe('Fråga om informationsdelning & sekretess. Andra stycket…');
    expect(meta.status).toBe('Besvarad 2018-12-04 <kammaren>');
    expect(meta.organ).toBeUndefined();
    expect(meta).not.toHaveProperty('organName');
  });

  test('a title with markup is kept as the literal text it is (rendering escapes it)', () => {
    const meta = metaFrom('dokumentlista/mot-2018-19-123.json', 'mot:2018/19:123');
    expect(meta.title).toBe('Motion med <img src=x onerror=alert(1)> i rubriken');
    expect(meta.summary).toBe('Sammanfattning');
  });

  test('a kind without a known page segment links to the API HTML', () => {
    const meta = metaFrom('dokumentlista/rskr-2018-19-12.json', 'rskr:2018/19:12');
    expect(meta.url).toBe('https://data.riksdagen.se/dokument/H6101212.html');
  });

  test('numbers that arrived as numbers map like strings', () => {
    expect(metaFrom('dokumentlista/ds-2019-3.json', 'ds:2019:3')).toMatchObject({
      dokId: 'H7B33',
      label: 'Ds 2019:3',
      organName: 'Finansdepartementet',
      url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/departementsserien/_H7B33',
    });
  });
});

describe('plain text', () => {
  test.each([
    ['<p>a</p><p>b</p>', 'a b'],
    ['x <b>fet</b> y', 'x fet y'],
    ['Bered<span>ning</span>', 'Beredning'],
    ['&lt;img src=x onerror=alert(1)&gt;', '<img src=x onerror=alert(1)>'],
    ['<style>p{}</style>kvar<!-- kommentar -->', 'kvar'],
    ['&amp;lt;', '&lt;'],
    // Swedish letters by name too; a name we do not know is left as written.
    ['&#229;&#xE4;&ouml;&Aring;&frac12;', 'åäöÅ&frac12;'],
    ['  många\n\n  mellanrum ', 'många mellanrum'],
  ])('%j → %j', (html, text) => {
    expect(plainText(html)).toBe(text);
  });

  test('shorten cuts at a word with an ellipsis', () => {
    expect(shorten('ett två tre fyra', 10)).toBe('ett två…');
    expect(shorten('kort', 10)).toBe('kort');
  });
});

describe('URLs', () => {
  test.each([
    ['//data.riksdagen.se/dokument/H6B365.html', 'https://data.riksdagen.se/dokument/H6B365.html'],
    ['http://data.riksdagen.se/fil/X', 'https://data.riksdagen.se/fil/X'],
    ['https://www.riksdagen.se/sv/', 'https://www.riksdagen.se/sv/'],
    ['http://example.org/a', 'http://example.org/a'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,<b>', undefined],
    ['inte en adress', undefined],
    [undefined, undefined],
  ])('%s → %s', (raw, url) => {
    expect(absoluteUrl(raw)).toBe(url);
  });

  test('document pages by doktyp, with fallbacks', () => {
    expect(documentPageUrl('frs', 'H612523', undefined)).toBe(
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/_H612523',
    );
    expect(documentPageUrl('rskr', 'X1', '//data.riksdagen.se/dokument/X1.html')).toBe('https://data.riksdagen.se/dokument/X1.html');
    expect(documentPageUrl(undefined, 'X 1', 'javascript:1')).toBe('https://data.riksdagen.se/dokument/X%201.html');
  });
});

describe('organ names', () => {
  test('departments and committees by code; unknown codes have none', () => {
    expect(organName('Fi')).toBe('Finansdepartementet');
    expect(organName('UD')).toBe('Utrikesdepartementet');
    expect(organName('SfU')).toBe('Socialförsäkringsutskottet');
    expect(organName('XYZ')).toBeUndefined();
    expect(organName('toString')).toBeUndefined();
  });
});
