import { describe, expect, test } from 'vitest';
import { RareCandidates, type RareCandidate } from '@/lib/refs/rare-forms';

/** Every candidate of `text`, as `[form, the text it spans, the number]`. */
function candidates(text: string): Array<[RareCandidate['form'], string, string]> {
  const found: Array<[RareCandidate['form'], string, string]> = [];
  const stream = new RareCandidates(text);
  let previous = -1;
  for (let c = stream.take(); c; c = stream.take()) {
    expect(c.start, 'in text order').toBeGreaterThanOrEqual(previous);
    previous = c.start;
    found.push([c.form, text.slice(c.start, c.end), text.slice(c.start, c.numberEnd)]);
  }
  expect(stream.nextStart()).toBe(Infinity);
  return found;
}

describe('RareCandidates', () => {
  test('finds each form from its own trigger, in text order', () => {
    expect(candidates('Prop. 1952 nr 187, förordning (EG) nr 45/2001, direktiv 95/46/EG och direktiv 2016/680.')).toEqual([
      ['old', '1952 nr 187', '1952 nr 187'],
      ['marked', '45/2001', '45/2001'],
      ['suffixed', '95/46/EG', '95/46'],
      ['bare', '2016/680', '2016/680'],
    ]);
  });

  test('a number with both a marker and a suffix comes first as the marked one', () => {
    expect(candidates('(EU) 2016/679/EU')).toEqual([
      ['marked', '2016/679', '2016/679'],
      ['suffixed', '2016/679/EU', '2016/679'],
    ]);
  });

  test.each([
    ['a year that cannot be a riksmöte', 'Prop. 2052 nr 1'],
    ['four spaces before nr', 'Prop. 1952    nr 1'],
    ['no space after nr', 'Prop. 1952 nr1'],
    ['more than twenty characters', 'Prop. 1952   nr.           1'],
    ['a marker glued to a word', 'direktiv 95/46/EGx'],
    ['five digits before the slash', '(EU) 20161/679'],
    ['a riksmöte', 'prop. 2017/18:1'],
    ['a slash without the type word', 'se 2016/680'],
  ])('nothing for %s', (_name, text) => {
    expect(candidates(text)).toEqual([]);
  });

  test('reads "nr." and non-breaking spaces in an old session, and at most six digits', () => {
    expect(candidates('Prop. 1899\u00a0nr.\u00a01234567')).toEqual([['old', '1899\u00a0nr.\u00a0123456', '1899\u00a0nr.\u00a0123456']]);
  });

  test('takes a marked number up to 12 characters from its marker, or 20 after an "nr" within 12', () => {
    expect(candidates(`(EU)${' '.repeat(8)}2016/679`)).toEqual([['marked', '2016/679', '2016/679']]);
    expect(candidates(`(EU)${' '.repeat(9)}2016/679`)).toEqual([]);
    expect(candidates(`(EG)${' '.repeat(6)}nr.${' '.repeat(7)}45/2001`)).toEqual([['marked', '45/2001', '45/2001']]);
    expect(candidates(`(EG)${' '.repeat(6)}nr.${' '.repeat(8)}45/2001`)).toEqual([]);
    expect(candidates(`(EG)${' '.repeat(9)}nr 45/2001`)).toEqual([]);
    expect(candidates('(EG) nr.45/2001')).toEqual([]);
  });
});
