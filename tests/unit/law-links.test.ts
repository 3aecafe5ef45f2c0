import { describe, expect, test } from 'vitest';
import { lawCitation, lawCitationName, lawHref, lawShortName, sfsNumberOf, wholeLawHref } from '@/lib/refs/law-links';
import { laws } from '@/lib/refs/laws/table';

const OSL_PAGE = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/offentlighets-och-sekretesslag-2009400_sfs-2009-400/';

describe('where a law reference leads', () => {
  test('riksdagen.se: the open data’s address with the place as its fragment', () => {
    expect(lawHref('sfs:2009:400#K10P2', 'riksdagen', `${OSL_PAGE}#K10P2`)).toBe(`${OSL_PAGE}#K10P2`);
    expect(lawHref('sfs:2009:400#K10P2', 'riksdagen', OSL_PAGE)).toBe(`${OSL_PAGE}#K10P2`);
    expect(lawHref('sfs:2009:400#K10P2', 'riksdagen', `${OSL_PAGE}#K1P1`)).toBe(`${OSL_PAGE}#K10P2`);
    expect(lawHref('sfs:2009:400', 'riksdagen', `${OSL_PAGE}#K10P2`)).toBe(OSL_PAGE);
    expect(wholeLawHref('sfs:2009:400#K10P2', 'riksdagen', `${OSL_PAGE}#K10P2`)).toBe(OSL_PAGE);
  });

  test('riksdagen.se without metadata: the SFS page by number', () => {
    expect(lawHref('sfs:2009:400#K10P2', 'riksdagen')).toBe(
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/_sfs-2009-400/#K10P2',
    );
  });

  test('lagen.nu: by number, whatever the metadata says', () => {
    expect(lawHref('sfs:2009:400#K10P2', 'lagen.nu', `${OSL_PAGE}#K10P2`)).toBe('https://lagen.nu/2009:400#K10P2');
    expect(lawHref('sfs:1962:700#K4P9c', 'lagen.nu')).toBe('https://lagen.nu/1962:700#K4P9c');
    expect(wholeLawHref('sfs:2009:400#K10P2', 'lagen.nu', OSL_PAGE)).toBe('https://lagen.nu/2009:400');
  });

  test('sfsNumberOf', () => {
    expect(sfsNumberOf('sfs:2009:400#K10P2')).toBe('2009:400');
    expect(sfsNumberOf('sfs:1998:204')).toBe('1998:204');
    expect(sfsNumberOf('sou:2018:65')).toBeUndefined();
  });
});

describe('how a law is cited', () => {
  test('from the open data’s title, in its definite form', () => {
    expect(lawCitationName('2009:400', 'Offentlighets- och sekretesslag (2009:400)')).toBe('offentlighets- och sekretesslagen (2009:400)');
    expect(lawCitationName('1982:80', 'Lag (1982:80) om anställningsskydd')).toBe('lagen (1982:80) om anställningsskydd');
    expect(lawCitationName('1962:700', 'Brottsbalk (1962:700)')).toBe('brottsbalken (1962:700)');
    expect(lawCitationName('2011:185', 'Skolförordning (2011:185)')).toBe('skolförordningen (2011:185)');
    expect(lawCitationName('1974:152', 'Kungörelse (1974:152) om beslutad ny regeringsform')).toBe(
      'kungörelsen (1974:152) om beslutad ny regeringsform',
    );
    // A title that does not carry this number is not trusted to be this law's.
    expect(lawCitationName('2031:5', 'Riksdagsordning (2014:801)')).toBe('SFS 2031:5');
  });

  test('the open data’s title wins over the table', () => {
    expect(lawCitationName('2009:400', 'Sekretesslag (2009:400)')).toBe('sekretesslagen (2009:400)');
  });

  test('without a title: the table’s name with the number, else the number', () => {
    expect(lawCitationName('2009:400')).toBe('offentlighets- och sekretesslagen (2009:400)');
    expect(lawCitationName('1982:80')).toBe('lagen (1982:80) om anställningsskydd');
    expect(lawCitationName('2031:5')).toBe('SFS 2031:5');
  });

  test('a place before the law', () => {
    expect(lawCitation('10 kap. 2 §', '2009:400', 'Offentlighets- och sekretesslag (2009:400)')).toBe(
      '10 kap. 2 § offentlighets- och sekretesslagen (2009:400)',
    );
    expect(lawCitation('3 §', '1982:80')).toBe('3 § lagen (1982:80) om anställningsskydd');
    expect(lawCitation(undefined, '2031:5')).toBe('SFS 2031:5');
  });
});

describe('a law’s short name in a list', () => {
  test('the abbreviation, else the title, else the table’s name, else the number', () => {
    expect(laws().abbreviationOf('2009:400')).toBe('OSL');
    expect(lawShortName('2009:400', 'Offentlighets- och sekretesslag (2009:400)')).toBe('OSL');
    expect(lawShortName('2031:5', 'Lag (2031:5) om framtiden')).toBe('Lag (2031:5) om framtiden');
    expect(lawShortName('1810:926')).toBe('Successionsordningen');
    expect(lawShortName('2031:5')).toBe('SFS 2031:5');
  });
});
