import { describe, expect, it, test } from 'vitest';
import { findReferences, LawContext } from '@/lib/refs';

/** What findReferences finds, as `id [covered text]`, for a text of the given date. */
function found(text: string, date = '2020-06-01', laws?: LawContext): string[] {
  return findReferences(text, laws ? { date, laws } : { date }).map((r) => `${r.id} [${text.slice(r.start, r.end)}]`);
}

describe('law citations: one reference per section, the law closing the last', () => {
  it.each([
    ['10 kap. 2 § offentlighets- och sekretesslagen (2009:400)', ['sfs:2009:400#K10P2 [10 kap. 2 § offentlighets- och sekretesslagen (2009:400)]']],
    ['7 kap. 19 § och 20 § alkohollagen (1994:1738)', ['sfs:1994:1738#K7P19 [7 kap. 19 §]', 'sfs:1994:1738#K7P20 [20 § alkohollagen (1994:1738)]']],
    ['2 kap. 1 och 2 §§ brottsbalken', ['sfs:1962:700#K2P1 [2 kap. 1]', 'sfs:1962:700#K2P2 [2 §§ brottsbalken]']],
    ['enligt 5–7 §§ förvaltningslagen', ['sfs:2017:900#P5 [5]', 'sfs:2017:900#P7 [7 §§ förvaltningslagen]']],
    ['1 kap. 1 § och 2 kap. 3 § regeringsformen', ['sfs:1974:152#K1P1 [1 kap. 1 §]', 'sfs:1974:152#K2P3 [2 kap. 3 § regeringsformen]']],
    ['av 2 kap. 1 § regeringsformen följer', ['sfs:1974:152#K2P1 [2 kap. 1 § regeringsformen]']],
    ['26 kap. 1 § OSL', ['sfs:2009:400#K26P1 [26 kap. 1 § OSL]']],
    ['enligt 3 § LVU', ['sfs:1990:52#P3 [3 § LVU]']],
    ['4 kap. 9 c § brottsbalken', ['sfs:1962:700#K4P9c [4 kap. 9 c § brottsbalken]']],
    ['8 a kap. 1 § brottsbalken', ['sfs:1962:700#K8aP1 [8 a kap. 1 § brottsbalken]']],
    ['9 c och 9 d §§ brottsbalken', ['sfs:1962:700#P9c [9 c]', 'sfs:1962:700#P9d [9 d §§ brottsbalken]']],
    ['1, 2 och 4 §§ LAS', ['sfs:1982:80#P1 [1]', 'sfs:1982:80#P2 [2]', 'sfs:1982:80#P4 [4 §§ LAS]']],
    ['Stadgandet i 1 kap 2 § RF infördes', ['sfs:1974:152#K1P2 [1 kap 2 § RF]']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('a citation has at most 24 groups of sections', () => {
  it('reads the groups past the limit as a citation of their own', () => {
    const groups = Array.from({ length: 26 }, (_, i) => `${i + 1} §`);
    const text = `${groups.join(' och ')} brottsbalken`;
    expect(found(text)).toEqual(['sfs:1962:700#P25 [25 §]', 'sfs:1962:700#P26 [26 § brottsbalken]']);
  });
});

describe('stycken, meningar and punkter stay inside the section they narrow', () => {
  it.each([
    ['2 kap. 6 § andra stycket regeringsformen', 'sfs:1974:152#K2P6 [2 kap. 6 § andra stycket regeringsformen]'],
    ['2 kap. 6 § första stycket 3 brottsbalken', 'sfs:1962:700#K2P6 [2 kap. 6 § första stycket 3 brottsbalken]'],
    ['5 § 2 st. 3 förvaltningslagen', 'sfs:2017:900#P5 [5 § 2 st. 3 förvaltningslagen]'],
    ['32 § 39 och 40 lagen (1994:1809) om ekonomiska föreningar', 'sfs:1994:1809#P32 [32 § 39 och 40 lagen (1994:1809)]'],
    ['4 § första och andra styckena förvaltningslagen', 'sfs:2017:900#P4 [4 § första och andra styckena förvaltningslagen]'],
    ['8 kap. 16 § andra meningen regeringsformen', 'sfs:1974:152#K8P16 [8 kap. 16 § andra meningen regeringsformen]'],
    ['3 kap. 1 § punkt 2 OSL', 'sfs:2009:400#K3P1 [3 kap. 1 § punkt 2 OSL]'],
    ['3 kap. 1 § 4 p. OSL', 'sfs:2009:400#K3P1 [3 kap. 1 § 4 p. OSL]'],
    // In any case (a soft hyphen before the word is space).
    ['2 kap. 6 § Andra stycket regeringsformen', 'sfs:1974:152#K2P6 [2 kap. 6 § Andra stycket regeringsformen]'],
    ['3 kap. 1 § \u00adPunkt 2 OSL', 'sfs:2009:400#K3P1 [3 kap. 1 § \u00adPunkt 2 OSL]'],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it('a stycke between two sections keeps them apart', () => {
    expect(found('1 kap. 1 § andra stycket och 2 kap. 3 § första stycket 2 regeringsformen')).toEqual([
      'sfs:1974:152#K1P1 [1 kap. 1 § andra stycket]',
      'sfs:1974:152#K2P3 [2 kap. 3 § första stycket 2 regeringsformen]',
    ]);
  });
});

describe('how the law is named', () => {
  it('a statute word with its number, with or without "i"', () => {
    expect(found('3 § lagen (1982:80) om anställningsskydd')).toEqual(['sfs:1982:80#P3 [3 § lagen (1982:80)]']);
    expect(found('3 § i lagen (1994:1809) om')).toEqual(['sfs:1994:1809#P3 [3 § i lagen (1994:1809)]']);
    expect(found('5 a § personuppgiftslagen (1998:204)')).toEqual(['sfs:1998:204#P5a [5 a § personuppgiftslagen (1998:204)]']);
  });

  it('a name of several words from the table', () => {
    expect(found('7 § lagen om anställningsskydd')).toEqual(['sfs:1982:80#P7 [7 § lagen om anställningsskydd]']);
    expect(found('10 kap.\u00a02\u00a0§ offentlighets-\noch sekretesslagen')).toEqual([
      'sfs:2009:400#K10P2 [10 kap.\u00a02\u00a0§ offentlighets-\noch sekretesslagen]',
    ]);
  });

  it('a number given after a name wins over the table', () => {
    expect(found('3 § förvaltningslagen (1986:223)')).toEqual(['sfs:1986:223#P3 [3 § förvaltningslagen (1986:223)]']);
  });

  it('"samma lag" is the law cited last', () => {
    expect(found('Enligt 2 § förvaltningslagen och 5 § samma lag')).toEqual([
      'sfs:2017:900#P2 [2 § förvaltningslagen]',
      'sfs:2017:900#P5 [5 § samma lag]',
    ]);
    expect(found('enligt 5 § samma lag')).toEqual([]);
  });

  it('a chapter alone', () => {
    expect(found('i 7 kap. socialförsäkringsbalken')).toEqual(['sfs:2010:110#K7 [7 kap. socialförsäkringsbalken]']);
    expect(found('7 och 8 kap. brottsbalken')).toEqual(['sfs:1962:700#K7 [7]', 'sfs:1962:700#K8 [8 kap. brottsbalken]']);
  });
});

describe('named laws standing alone', () => {
  it.each([
    ['ändringar i brottsbalken', ['sfs:1962:700 [brottsbalken]']],
    ['brottsbalkens regler', ['sfs:1962:700 [brottsbalkens]']],
    ['Offentlighets- och sekretesslagen gäller', ['sfs:2009:400 [Offentlighets- och sekretesslagen]']],
    ['regeringsformen (RF)', ['sfs:1974:152 [regeringsformen]']],
    ['lagen om anställningsskydd', ['sfs:1982:80 [lagen om anställningsskydd]']],
    ['Lagen om anställningsskydd gäller.', ['sfs:1982:80 [Lagen om anställningsskydd]']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('a name with its number keeps the old contract: the number alone', () => {
    expect(found('arbetsmiljölagen (1977:1160)')).toEqual(['sfs:1977:1160 [1977:1160]']);
    expect(found('lagen (1998:204) om personuppgifter')).toEqual(['sfs:1998:204 [1998:204]']);
    expect(found('lagen om offentlig upphandling (2016:1145)')).toEqual(['sfs:2016:1145 [2016:1145]']);
  });

  it("the document's date picks the law a name means", () => {
    expect(found('förvaltningslagen', '2015-03-01')).toEqual(['sfs:1986:223 [förvaltningslagen]']);
    expect(found('förvaltningslagen', '2019-03-01')).toEqual(['sfs:2017:900 [förvaltningslagen]']);
    expect(found('3 § förvaltningslagen', '2015-03-01')).toEqual(['sfs:1986:223#P3 [3 § förvaltningslagen]']);
    // Before the first law of that name there is nothing to link.
    expect(found('förvaltningslagen', '1980-03-01')).toEqual([]);
    expect(found('26 kap. 1 § OSL', '2005-01-01')).toEqual([]);
  });
});

describe('names the text teaches', () => {
  it('a name given with its number is known for the rest of the document', () => {
    expect(found('skolförordningen (2011:185) gäller. Enligt 9 kap. 3 § skolförordningen ska')).toEqual([
      'sfs:2011:185 [2011:185]',
      'sfs:2011:185#K9P3 [9 kap. 3 § skolförordningen]',
    ]);
    expect(found('räntelagen (1975:635). Enligt 6 § räntelagen')).toEqual(['sfs:1975:635 [1975:635]', 'sfs:1975:635#P6 [6 § räntelagen]']);
  });

  it('a short name in parentheses after the number', () => {
    expect(found('förordningen (2011:7) om dansarutbildning (dansarförordningen). Enligt 4 § dansarförordningen')).toEqual([
      'sfs:2011:7 [2011:7]',
      'sfs:2011:7#P4 [4 § dansarförordningen]',
    ]);
  });

  it('a name the text ties to a number wins over the table', () => {
    expect(found('skollagen (1985:1100) … Enligt 2 kap. 1 § skollagen', '2015-01-01')).toEqual([
      'sfs:1985:1100 [1985:1100]',
      'sfs:1985:1100#K2P1 [2 kap. 1 § skollagen]',
    ]);
  });

  it('across the pieces of one document, through one context', () => {
    const laws = new LawContext();
    expect(found('Se dansarförordningen (2011:7).', '2020-01-01', laws)).toEqual(['sfs:2011:7 [2011:7]']);
    expect(found('Enligt 6 § dansarförordningen', '2020-01-01', laws)).toEqual(['sfs:2011:7#P6 [6 § dansarförordningen]']);
    expect(found('Enligt 6 § dansarförordningen', '2020-01-01')).toEqual([]);
    expect(found('och 7 § samma förordning', '2020-01-01', laws)).toEqual(['sfs:2011:7#P7 [7 § samma förordning]']);
  });
});

describe('what is not a law reference', () => {
  it.each([
    'RF har beslutat om nya regler',
    '4 § i kollektivavtalet',
    '§ 5 i stadgarna',
    '12 §§ i förslaget',
    '4 kap. 2 i betänkandet',
    'enligt 3 § första stycket ska',
    'i 5 § denna lag',
    'OSL gäller',
    'kapital 2 § i avtalet',
    'se sidan 2009:400 §',
    'lagen (1998:204) ',
  ])('%s', (text) => {
    expect(found(text).filter((f) => f.includes('#') || !/\(\d{4}:\d+\)/.test(text))).toEqual([]);
  });

  it('a § with no number before it ("§ 32 i stadgarna") ends nothing: the citations after it are found', () => {
    expect(found('Regeln fanns i § 32 i stadgarna. Numera gäller 10 kap. 2 § offentlighets- och sekretesslagen och brottsbalken.')).toEqual([
      'sfs:2009:400#K10P2 [10 kap. 2 § offentlighets- och sekretesslagen]',
      'sfs:1962:700 [brottsbalken]',
    ]);
  });

  it('document references are unchanged around citations', () => {
    expect(found('prop. 2017/18:105 och 3 § förvaltningslagen')).toEqual([
      'prop:2017/18:105 [prop. 2017/18:105]',
      'sfs:2017:900#P3 [3 § förvaltningslagen]',
    ]);
  });
});

describe('law citations on hostile input finish in linear time', () => {
  test.each([
    ['"1 och " × 100 000 then §', () => '1 och '.repeat(100_000) + '2 § brottsbalken'],
    ['"1 § " × 100 000', () => '1 § '.repeat(100_000)],
    ['"2 kap. " × 100 000', () => '2 kap. '.repeat(100_000)],
    ['"lagen " × 100 000', () => 'lagen '.repeat(100_000)],
    ['"1 § första stycket " × 100 000', () => '1 § första stycket '.repeat(100_000)],
    ['"offentlighets- och " × 100 000', () => 'offentlighets- och '.repeat(100_000) + 'sekretesslagen'],
    ['"(lagen) (1998:204) " × 100 000', () => 'lagen (1998:204) ('.repeat(100_000)],
  ])('%s', (_name, make) => {
    const text = make();
    const refs = findReferences(text, { date: '2020-01-01' });
    for (let i = 1; i < refs.length; i++) expect(refs[i]!.start).toBeGreaterThanOrEqual(refs[i - 1]!.end);
  }, 20_000);

  it('a long run of cited sections is found whole', () => {
    const text = '1 § brottsbalken' + ', 2 § brottsbalken'.repeat(50_000);
    expect(findReferences(text, { date: '2020-01-01' })).toHaveLength(50_001);
  }, 20_000);
});
