import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { parseReferenceId } from '@/lib/refs/ids';
import type { ParsedReferenceId } from '@/lib/refs/types';
import { normalizeRm, pickExact } from '@/lib/riksdagen/pick';
import { apiDoktyps, apiRm, listQuery, listUrl, statusUrl } from '@/lib/riksdagen/query';
import { dokumentlistaSchema } from '@/lib/riksdagen/schemas';
import { apiFixtureName } from '../fixtures/api/serve.ts';
import { readApiFixture } from '../fixtures/api/serve.ts';

type DocumentId = Exclude<ParsedReferenceId, { kind: 'eu' }>;
const parse = (id: string) => {
  const parsed = parseReferenceId(id);
  if (!parsed || parsed.kind === 'eu') throw new Error(`not a document id: ${id}`);
  return parsed as DocumentId;
};
const docs = (name: string) => z.parse(dokumentlistaSchema, JSON.parse(readApiFixture(name))).dokumentlista.dokument;

describe('query building', () => {
  test.each([
    ['sou:2018:65', 'https://data.riksdagen.se/dokumentlista/?doktyp=sou&rm=2018&bet=65&utformat=json'],
    ['dir:2017:75', 'https://data.riksdagen.se/dokumentlista/?doktyp=dir&rm=2017&bet=75&utformat=json'],
    ['skr:2014/15:146', 'https://data.riksdagen.se/dokumentlista/?doktyp=skr&rm=2014%2F15&bet=146&utformat=json'],
    ['bet:2018/19:JuU12', 'https://data.riksdagen.se/dokumentlista/?doktyp=bet&rm=2018%2F19&bet=JuU12&utformat=json'],
    ['prop:1999/00:86', 'https://data.riksdagen.se/dokumentlista/?doktyp=prop&rm=1999%2F2000&bet=86&utformat=json'],
    ['mot:2007/08:Sk10', 'https://data.riksdagen.se/dokumentlista/?doktyp=mot&rm=2007%2F08&bet=Sk10&utformat=json'],
    ['prop:1952:187', 'https://data.riksdagen.se/dokumentlista/?doktyp=prop&rm=1952&bet=187&utformat=json'],
  ])('%s → %s', (id, url) => {
    const parsed = parse(id);
    expect(listUrl(listQuery(parsed, apiDoktyps(parsed)![0]!))).toBe(url);
  });

  test('a skriftlig fråga is looked for as fr first, then as its answer frs; EU acts not at all', () => {
    expect(apiDoktyps(parse('fr:2018/19:523'))).toEqual(['fr', 'frs']);
    expect(apiDoktyps(parseReferenceId('eu:reg:2016/679')!)).toBeNull();
    expect(apiDoktyps(parse('ip:2018/19:45'))).toEqual(['ip']);
  });

  test('only the millennium session is rewritten for the API', () => {
    expect(apiRm('1999/00')).toBe('1999/2000');
    expect(apiRm('2000/01')).toBe('2000/01');
    expect(apiRm('1998/99')).toBe('1998/99');
    expect(apiRm('2018')).toBe('2018');
  });

  test('every reference-kind fixture answers exactly the query its id builds', () => {
    for (const id of ['sou:2018:65', 'dir:2017:75', 'skr:2014/15:146', 'prop:2017/18:1', 'bet:2018/19:JuU12', 'prop:1999/00:86', 'ip:2018/19:45', 'mot:2018/19:123', 'rskr:2018/19:12', 'ds:2019:3']) {
      const parsed = parse(id);
      const url = new URL(listUrl(listQuery(parsed, apiDoktyps(parsed)![0]!)));
      expect(() => readApiFixture(apiFixtureName(url)!), id).not.toThrow();
    }
  });

  test('dokumentstatus URL escapes the dok_id', () => {
    expect(statusUrl('H612523')).toBe('https://data.riksdagen.se/dokumentstatus/H612523.json');
    expect(statusUrl('a/../b')).toBe('https://data.riksdagen.se/dokumentstatus/a%2F..%2Fb.json');
  });
});

describe('picking the exact hit', () => {
  test('among several hits only exact doktyp, riksmöte and beteckning count', () => {
    const parsed = parse('prop:2017/18:1');
    const hit = pickExact(docs('dokumentlista/prop-2017-18-1.json'), listQuery(parsed, 'prop'));
    expect(hit?.dok_id).toBe('H5031');
  });

  test('no exact hit is no hit', () => {
    const parsed = parse('prop:2017/18:2');
    expect(pickExact(docs('dokumentlista/prop-2017-18-1.json'), listQuery(parsed, 'prop'))).toBeUndefined();
    // The right document under another doktyp is not it either.
    expect(pickExact(docs('dokumentlista/sou-2018-65.json'), listQuery(parse('ds:2018:65'), 'ds'))).toBeUndefined();
  });

  test('the 1999/2000 session matches in either spelling', () => {
    const parsed = parse('prop:1999/00:86');
    expect(pickExact(docs('dokumentlista/prop-1999-2000-86.json'), listQuery(parsed, 'prop'))?.dok_id).toBe('GN0386');
    expect(normalizeRm('1999/2000')).toBe('1999/00');
    expect(normalizeRm('2018/19')).toBe('2018/19');
    expect(normalizeRm('2018')).toBe('2018');
  });

  test('a committee designation prefers its exact casing but accepts another', () => {
    const base = { titel: 'T', doktyp: 'bet', rm: '2018/19' };
    const query = listQuery(parse('bet:2018/19:JuU12'), 'bet');
    const upper = { ...base, dok_id: 'A', beteckning: 'JUU12' };
    const exact = { ...base, dok_id: 'B', beteckning: 'JuU12' };
    const other = { ...base, dok_id: 'C', beteckning: 'JuU12y' };
    expect(pickExact([upper, exact, other] as never, query)?.dok_id).toBe('B');
    expect(pickExact([other, upper] as never, query)?.dok_id).toBe('A');
  });

  test('an SFS beteckning written with its year is the same number', () => {
    const query = listQuery(parse('sfs:1998:204'), 'sfs');
    const hit = { dok_id: 'sfs-1998-204', titel: 'Personuppgiftslag (1998:204)', doktyp: 'sfs', rm: '1998', beteckning: '1998:204' };
    expect(pickExact([hit] as never, query)?.dok_id).toBe('sfs-1998-204');
  });
});
