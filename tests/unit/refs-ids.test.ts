import { describe, expect, test } from 'vitest';
import { fallbackUrl, kindName, normalizeSession, parseReferenceId, referenceLabel, REFERENCE_KINDS } from '@/lib/refs';

describe('parseReferenceId', () => {
  test.each([
    ['sou:2018:65', { kind: 'sou', rm: '2018', number: '65' }],
    ['prop:2017/18:1', { kind: 'prop', rm: '2017/18', number: '1' }],
    ['prop:1999/00:86', { kind: 'prop', rm: '1999/00', number: '86' }],
    ['prop:1952:187', { kind: 'prop', rm: '1952', number: '187' }],
    ['bet:2018/19:JuU12', { kind: 'bet', rm: '2018/19', number: 'JuU12' }],
    ['mot:2007/08:Sk10', { kind: 'mot', rm: '2007/08', number: 'Sk10' }],
    ['eu:reg:2016/679', { kind: 'eu', type: 'reg', number: '2016/679' }],
    ['eu:dir:95/46', { kind: 'eu', type: 'dir', number: '95/46' }],
  ])('%s', (id, parsed) => {
    expect(parseReferenceId(id)).toEqual(parsed);
  });

  test.each([
    'prop:2017/19:1', // impossible riksmöte
    'prop:2018:1', // a session kind with a year after 1975
    'sou:2017/18:1', // a year kind with a riksmöte
    'bet:2018/19:12', // a betänkande without its committee
    'bet:2018/19:juu12', // not in official casing
    'prop:2017/18:JuU12', // only bet and mot carry letters
    'dir:2007:08', // leading zero
    'sou:2018:0',
    'eu:dec:2016/679',
    'xyz:2018:1',
    'sou:2018',
    'sou:2018:65:1',
    '',
  ])('rejects %s', (id) => {
    expect(parseReferenceId(id)).toBeNull();
  });
});

describe('normalizeSession', () => {
  test.each([
    ['2017', '18', '2017/18'],
    ['1999', '2000', '1999/00'],
    ['1999', '00', '1999/00'],
    ['2008', '2009', '2008/09'],
    ['2017', '19', null],
    ['1974', '75', null],
  ])('%s/%s → %s', (a, b, expected) => {
    expect(normalizeSession(a, b)).toBe(expected);
  });
});

describe('labels and names', () => {
  test.each([
    ['sou:2018:65', 'SOU 2018:65'],
    ['ds:2019:3', 'Ds 2019:3'],
    ['dir:2017:75', 'dir. 2017:75'],
    ['sfs:1998:204', 'SFS 1998:204'],
    ['prop:2017/18:1', 'prop. 2017/18:1'],
    ['skr:2014/15:146', 'skr. 2014/15:146'],
    ['rskr:2018/19:12', 'rskr. 2018/19:12'],
    ['mot:2018/19:123', 'mot. 2018/19:123'],
    ['bet:2018/19:JuU12', 'bet. 2018/19:JuU12'],
    ['fr:2018/19:523', 'fråga 2018/19:523'],
    ['ip:2018/19:45', 'ip. 2018/19:45'],
    ['eu:reg:2016/679', 'förordning (EU) 2016/679'],
    ['eu:reg:45/2001', 'förordning (EG) nr 45/2001'],
    ['eu:reg:1169/2011', 'förordning (EU) nr 1169/2011'],
    ['eu:dir:95/46', 'direktiv 95/46/EG'],
    ['eu:reg:2201/2003', 'förordning (EG) nr 2201/2003'],
    ['eu:reg:2913/92', 'förordning (EG) nr 2913/92'],
    ['eu:dir:2014/24', 'direktiv 2014/24/EU'],
    ['eu:dir:2016/680', 'direktiv (EU) 2016/680'],
  ])('%s → %s', (id, label) => {
    expect(referenceLabel(id)).toBe(label);
  });

  test('every kind has a Swedish name', () => {
    for (const kind of REFERENCE_KINDS) expect(kindName(kind)).toMatch(/^[A-ZÅÄÖ]/);
    expect(kindName('sou')).toBe('Statens offentliga utredningar');
    expect(kindName('bet')).toBe('Utskottets betänkande');
  });
});

describe('fallbackUrl', () => {
  test('SFS links to its riksdagen.se page', () => {
    expect(fallbackUrl('sfs:1998:204')).toBe(
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/_sfs-1998-204/',
    );
  });

  test('EU acts link to EUR-Lex by ELI (year first)', () => {
    expect(fallbackUrl('eu:reg:2016/679')).toBe('https://eur-lex.europa.eu/eli/reg/2016/679/oj');
    expect(fallbackUrl('eu:reg:45/2001')).toBe('https://eur-lex.europa.eu/eli/reg/2001/45/oj');
    expect(fallbackUrl('eu:dir:95/46')).toBe('https://eur-lex.europa.eu/eli/dir/1995/46/oj');
    expect(fallbackUrl('eu:dir:2014/24')).toBe('https://eur-lex.europa.eu/eli/dir/2014/24/oj');
    // Older regulations were number/year, even when the number is 2015 or more.
    expect(fallbackUrl('eu:reg:2201/2003')).toBe('https://eur-lex.europa.eu/eli/reg/2003/2201/oj');
    expect(fallbackUrl('eu:reg:2913/92')).toBe('https://eur-lex.europa.eu/eli/reg/1992/2913/oj');
  });

  test('other kinds search riksdagen.se for the type and designation', () => {
    const url = new URL(fallbackUrl('bet:2018/19:JuU12'));
    expect(url.origin + url.pathname).toBe('https://www.riksdagen.se/sv/sok/');
    expect(url.searchParams.get('doktyp')).toBe('bet');
    expect(url.searchParams.get('q')).toBe('bet. 2018/19:JuU12');
    expect(new URL(fallbackUrl('sou:2018:65')).searchParams.get('q')).toBe('SOU 2018:65');
  });

  test('the search address is written exactly as URLSearchParams writes it, for every kind', () => {
    for (const id of ['bet:2018/19:JuU12', 'sou:2018:65', 'dir:2017:75', 'fr:2018/19:523', 'ip:2019/20:101', 'mot:2017/18:3948', 'prop:2023/24:20', 'rskr:2018/19:100', 'skr:2014/15:146', 'ds:2019:1']) {
      const parsed = parseReferenceId(id)!;
      const url = fallbackUrl(id);
      const query = url.slice(url.indexOf('?') + 1);
      const expected = new URLSearchParams({ doktyp: new URLSearchParams(query).get('doktyp')!, q: referenceLabel(parsed) }).toString();
      expect(query, id).toBe(expected);
    }
  });
});
