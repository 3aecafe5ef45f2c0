import { describe, expect, test } from 'vitest';
import { findReferences } from '@/lib/refs';

/** `[id, covered text]` for every reference in `text`. */
function refs(text: string): Array<[string, string]> {
  return findReferences(text).map((r) => [r.id, text.slice(r.start, r.end)]);
}

describe('findReferences: one rule at a time', () => {
  test.each([
    ['SOU 2018:65', 'sou:2018:65', 'SOU 2018:65'],
    ['(SOU 2018:65).', 'sou:2018:65', 'SOU 2018:65'],
    ['Ds 2019:3', 'ds:2019:3', 'Ds 2019:3'],
    ['dir. 2017:75', 'dir:2017:75', 'dir. 2017:75'],
    ['Dir. 2007:08', 'dir:2007:8', 'Dir. 2007:08'],
    ['kommittédirektiv 2017:75', 'dir:2017:75', 'kommittédirektiv 2017:75'],
    ['tilläggsdirektiv 2019:6', 'dir:2019:6', 'tilläggsdirektiv 2019:6'],
    ['SFS 2018:1234', 'sfs:2018:1234', 'SFS 2018:1234'],
    ['SFS nr 2018:1234', 'sfs:2018:1234', 'SFS nr 2018:1234'],
    ['prop. 2017/18:1', 'prop:2017/18:1', 'prop. 2017/18:1'],
    ['Prop. 2017/18:1', 'prop:2017/18:1', 'Prop. 2017/18:1'],
    ['prop 2017/18:1', 'prop:2017/18:1', 'prop 2017/18:1'],
    ['proposition 2017/18:1', 'prop:2017/18:1', 'proposition 2017/18:1'],
    ['propositionen 2017/18:1', 'prop:2017/18:1', 'propositionen 2017/18:1'],
    ['skr. 2014/15:146', 'skr:2014/15:146', 'skr. 2014/15:146'],
    ['regeringens skrivelse 2016/17:213', 'skr:2016/17:213', 'skrivelse 2016/17:213'],
    ['rskr. 2018/19:12', 'rskr:2018/19:12', 'rskr. 2018/19:12'],
    ['riksdagsskrivelse 2018/19:196', 'rskr:2018/19:196', 'riksdagsskrivelse 2018/19:196'],
    ['mot. 2018/19:123', 'mot:2018/19:123', 'mot. 2018/19:123'],
    ['motion 2018/19:123', 'mot:2018/19:123', 'motion 2018/19:123'],
    ['kommittémotion 2018/19:123', 'mot:2018/19:123', 'kommittémotion 2018/19:123'],
    ['mot. 2007/08:Sk10', 'mot:2007/08:Sk10', 'mot. 2007/08:Sk10'],
    ['Motion 2002/03:Fö259', 'mot:2002/03:Fö259', 'Motion 2002/03:Fö259'],
    ['mot. 2007/08:sk10', 'mot:2007/08:Sk10', 'mot. 2007/08:sk10'],
    ['bet. 2018/19:JuU12', 'bet:2018/19:JuU12', 'bet. 2018/19:JuU12'],
    ['betänkande 2018/19:JuU12', 'bet:2018/19:JuU12', 'betänkande 2018/19:JuU12'],
    ['bet. 2018/19:juu12', 'bet:2018/19:JuU12', 'bet. 2018/19:juu12'],
    ['bet. 2019/20:UFöU3', 'bet:2019/20:UFöU3', 'bet. 2019/20:UFöU3'],
    ['bet. 2001/02:MJU10', 'bet:2001/02:MJU10', 'bet. 2001/02:MJU10'],
    ['bet. 1998/99:MjU5', 'bet:1998/99:MjU5', 'bet. 1998/99:MjU5'],
    ['fråga 2018/19:523', 'fr:2018/19:523', 'fråga 2018/19:523'],
    ['skriftlig fråga 2018/19:523', 'fr:2018/19:523', 'skriftlig fråga 2018/19:523'],
    ['Svar på fråga 2018/19:523 av Roger Haddad (L)', 'fr:2018/19:523', 'Svar på fråga 2018/19:523'],
    ['Svar på skriftlig fråga 2018/19:523', 'fr:2018/19:523', 'Svar på skriftlig fråga 2018/19:523'],
    ['interpellation 2018/19:45', 'ip:2018/19:45', 'interpellation 2018/19:45'],
    ['ip. 2018/19:45', 'ip:2018/19:45', 'ip. 2018/19:45'],
    ['prop. 1999/2000:86', 'prop:1999/00:86', 'prop. 1999/2000:86'],
    ['prop. 2008/2009:150', 'prop:2008/09:150', 'prop. 2008/2009:150'],
    ['Prop. 1952 nr 187', 'prop:1952:187', 'Prop. 1952 nr 187'],
    ['prop. 1973:90', 'prop:1973:90', 'prop. 1973:90'],
    ['lagen (1998:204) om behandling', 'sfs:1998:204', '1998:204'],
    ['offentlighets- och sekretesslagen (2009:400)', 'sfs:2009:400', '2009:400'],
    ['förordningen (2009:400)', 'sfs:2009:400', '2009:400'],
    ['brottsbalken (1962:700)', 'sfs:1962:700', '1962:700'],
    ['förordning (EU) 2016/679', 'eu:reg:2016/679', 'förordning (EU) 2016/679'],
    ['förordningen (EU) 2016/679', 'eu:reg:2016/679', 'förordningen (EU) 2016/679'],
    ['förordning (EG) nr 45/2001', 'eu:reg:45/2001', 'förordning (EG) nr 45/2001'],
    ['rådets förordning (EEG) nr 1408/71', 'eu:reg:1408/71', 'förordning (EEG) nr 1408/71'],
    ['enligt (EG) nr 1049/2001', 'eu:reg:1049/2001', '(EG) nr 1049/2001'],
    ['direktiv 95/46/EG', 'eu:dir:95/46', 'direktiv 95/46/EG'],
    ['direktiv 2014/24/EU', 'eu:dir:2014/24', 'direktiv 2014/24/EU'],
    ['direktiv (EU) 2016/680', 'eu:dir:2016/680', 'direktiv (EU) 2016/680'],
    ['dataskyddsdirektivet 95/46/EG', 'eu:dir:95/46', 'dataskyddsdirektivet 95/46/EG'],
    ['direktiv 2016/680 om dataskydd', 'eu:dir:2016/680', 'direktiv 2016/680'],
    ['lagen om offentlig upphandling (2016:1145)', 'sfs:2016:1145', '2016:1145'],
    ['förordningen med instruktion för Polismyndigheten (2014:1102)', 'sfs:2014:1102', '2014:1102'],
  ])('%s', (text, id, covered) => {
    expect(refs(text)).toEqual([[id, covered]]);
  });
});

describe('findReferences: what a reference covers', () => {
  test('stops at page and section suffixes', () => {
    expect(refs('prop. 2017/18:1 s. 45 och bet. 2018/19:JuU12 punkt 6')).toEqual([
      ['prop:2017/18:1', 'prop. 2017/18:1'],
      ['bet:2018/19:JuU12', 'bet. 2018/19:JuU12'],
    ]);
  });

  test('takes non-breaking spaces, soft hyphens and line breaks between type word and number', () => {
    expect(refs('prop.\u00a02017/18:1')).toEqual([['prop:2017/18:1', 'prop.\u00a02017/18:1']]);
    expect(refs('SOU\n2018:65')).toEqual([['sou:2018:65', 'SOU\n2018:65']]);
    expect(refs('proposi\u00adtionen 2017/18:1')).toEqual([['prop:2017/18:1', 'proposi\u00adtionen 2017/18:1']]);
    expect(refs('bet. 2018/19:\u00adJuU12')).toEqual([['bet:2018/19:JuU12', 'bet. 2018/19:\u00adJuU12']]);
  });

  test('at sentence ends and inside brackets with other words', () => {
    expect(refs('Se SOU 2018:65.')).toEqual([['sou:2018:65', 'SOU 2018:65']]);
    expect(refs('(se prop. 2017/18:232 s. 45 f. och bet. 2017/18:KU50)')).toEqual([
      ['prop:2017/18:232', 'prop. 2017/18:232'],
      ['bet:2017/18:KU50', 'bet. 2017/18:KU50'],
    ]);
    expect(refs('[dir. 2017:75]')).toEqual([['dir:2017:75', 'dir. 2017:75']]);
  });
});

describe('findReferences: enumerations', () => {
  test.each([
    ['SOU 2018:65 och 2019:12', [['sou:2018:65', 'SOU 2018:65'], ['sou:2019:12', '2019:12']]],
    [
      'prop. 2017/18:1, 2017/18:2 och 2018/19:3',
      [['prop:2017/18:1', 'prop. 2017/18:1'], ['prop:2017/18:2', '2017/18:2'], ['prop:2018/19:3', '2018/19:3']],
    ],
    ['propositionerna 2017/18:1 och 2017/18:2', [['prop:2017/18:1', 'propositionerna 2017/18:1'], ['prop:2017/18:2', '2017/18:2']]],
    ['betänkandena 2018/19:JuU12 och 2018/19:JuU27', [['bet:2018/19:JuU12', 'betänkandena 2018/19:JuU12'], ['bet:2018/19:JuU27', '2018/19:JuU27']]],
    ['dir. 2017:75 samt 2019:6', [['dir:2017:75', 'dir. 2017:75'], ['dir:2019:6', '2019:6']]],
    ['SOU 2018:65 resp. 2019:12', [['sou:2018:65', 'SOU 2018:65'], ['sou:2019:12', '2019:12']]],
    ['prop. 2017/18:1 s. 45 f. och 2017/18:2', [['prop:2017/18:1', 'prop. 2017/18:1'], ['prop:2017/18:2', '2017/18:2']]],
    [
      'motionerna 2018/19:1123 av Johan Forssell m.fl. (M) yrkande 4 och 2018/19:2530 av Linda Westerlund Snecker m.fl. (V)',
      [['mot:2018/19:1123', 'motionerna 2018/19:1123'], ['mot:2018/19:2530', '2018/19:2530']],
    ],
    ['direktiven 2004/17/EG och 2004/18/EG', [['eu:dir:2004/17', 'direktiven 2004/17/EG'], ['eu:dir:2004/18', '2004/18/EG']]],
    ['SOU 2018:65, s. 45 och 2019:12', [['sou:2018:65', 'SOU 2018:65'], ['sou:2019:12', '2019:12']]],
    ['prop. 2017/18:1, yrkande 4 och 2017/18:2', [['prop:2017/18:1', 'prop. 2017/18:1'], ['prop:2017/18:2', '2017/18:2']]],
    ['SOU 2018:65 (bil. 3) och 2019:12', [['sou:2018:65', 'SOU 2018:65'], ['sou:2019:12', '2019:12']]],
  ])('%s', (text, expected) => {
    expect(refs(text)).toEqual(expected);
  });

  test('a number of another shape does not continue the enumeration', () => {
    expect(refs('SOU 2018:65 och 2017/18:12')).toEqual([['sou:2018:65', 'SOU 2018:65']]);
    expect(refs('prop. 2017/18:1 och 2019:12')).toEqual([['prop:2017/18:1', 'prop. 2017/18:1']]);
  });

  test('a number after other words is not part of the enumeration', () => {
    expect(refs('SOU 2018:65 kom ut i september och 2019:12 är något annat')).toEqual([['sou:2018:65', 'SOU 2018:65']]);
  });
});

describe('findReferences: what it must not take', () => {
  test.each([
    ['a time', 'Votering kl. 13:30 i kammaren.'],
    ['a time with seconds', 'Kl. 2018:30:15 startade sändningen.'],
    ['a Bible verse', 'Joh. 3:16 och 1 Kor. 13:4–7 läses ofta.'],
    ['a ratio and a score', 'Förhållandet 3:1 och slutresultatet 2:0 i matchen.'],
    ['a bare number', 'Det framgår av 2018:65 att så är fallet.'],
    ['a bare session number', 'Numret 2017/18:1 står ensamt.'],
    ['a URL', 'Se https://www.riksdagen.se/sv/dokument/prop.2017/18:1 eller http://example.se/SOU 2018:65x.'],
    ['a URL with a path', 'Länken www.example.se/sou/2018:65 fungerar.'],
    ['an e-mail address', 'Skriv till prop.2017/18:1@example.se.'],
    ['an impossible riksmöte', 'prop. 2017/19:1 finns inte.'],
    ['a typo in a real document', 'Riksdagen biföll (rskr. 201//18:153).'],
    ['mot as a preposition', 'Ett arbete mot 2018/19:123 saknar mening.'],
    ['a betänkande without its committee', 'betänkandet 2018:65 är en SOU.'],
    ['a session kind with a year after 1975', 'prop. 2018:65'],
    ['a year kind with a riksmöte', 'SOU 2017/18:65'],
    ['a number glued to a word', 'prop. X2017/18:1 och SOU2018:65'],
    ['a date', 'Beslutet fattades den 2018-05-25 och 25/5 2018.'],
    ['a fraction', 'Hälften, 1/2 av budgeten, och 3/4 av tiden.'],
    ['a riksmöte after direktiv', 'direktiv 2017/18:1 är inget EU-direktiv.'],
    ['zero as a number', 'SOU 2018:0'],
    ['a law-like word that is not a statute', 'förslaget (2018:12) och underlag (2019:3)'],
    ['a betänkande with a motion’s letters', 'betänkande 2002/03:Fö259'],
    ['a betänkande with unknown lower-case letters', 'bet. 1990/91:inu12'],
    ['a session before the first riksmöte', 'prop. 1850:1'],
  ])('%s', (_name, text) => {
    expect(refs(text)).toEqual([]);
  });
});

describe('findReferences: the seed answer', () => {
  test('finds its three references and the answer itself', () => {
    const text =
      'Svar på fråga 2018/19:523 av Roger Haddad (L) … den svenska strategin mot terrorism (skr. 2014/15:146), fastslås … i arbetet mot terrorism (dir. 2017:75). … bereds för närvarande inom Regeringskansliet (SOU 2018:65).';
    expect(refs(text).map(([id]) => id)).toEqual(['fr:2018/19:523', 'skr:2014/15:146', 'dir:2017:75', 'sou:2018:65']);
  });
});
