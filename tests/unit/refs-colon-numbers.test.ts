import { describe, expect, test } from 'vitest';
import { colonId, emptyColonCandidate, periodOf, readColonCandidate } from '@/lib/refs/colon-numbers';

/** The candidate at the text's first colon, with its period and a `prop`/`bet` id, or null. */
function read(text: string) {
  const c = emptyColonCandidate();
  if (!readColonCandidate(text, text.indexOf(':'), c)) return null;
  const letters = text.slice(c.lettersStart, c.digitsStart);
  return {
    covers: text.slice(c.start, c.end),
    shape: c.shape,
    valid: c.validPeriod,
    period: c.validPeriod ? periodOf(text, c) : null,
    id: c.validPeriod && c.numberStart < c.end ? colonId(text, c, letters ? 'bet' : 'prop') : null,
  };
}

describe('readColonCandidate and colonId', () => {
  test.each([
    ['prop. 2017/18:1 s. 4', '2017/18:1', 'session', '2017/18', 'prop:2017/18:1'],
    ['1999/2000:86', '1999/2000:86', 'session', '1999/00', 'prop:1999/00:86'],
    ['2008/2009:7', '2008/2009:7', 'session', '2008/09', 'prop:2008/09:7'],
    ['2018 : 065', '2018 : 065', 'year', '2018', 'prop:2018:65'],
    ['2018\u00a0:\u00a0065', '2018\u00a0:\u00a0065', 'year', '2018', 'prop:2018:65'],
    ['2018/19:JuU12', '2018/19:JuU12', 'committee', '2018/19', 'bet:2018/19:JuU12'],
    ['1800:1', '1800:1', 'year', '1800', 'prop:1800:1'],
  ])('%s', (text, covers, shape, period, id) => {
    expect(read(text)).toEqual({ covers, shape, valid: true, period, id });
  });

  test.each([
    ['a riksmöte whose years do not follow', '2017/19:1'],
    ['a riksmöte before 1975', '1974/75:1'],
    ['a year before 1800', '1799:1'],
  ])('reads %s, but as no period', (_name, text) => {
    expect(read(text)).toMatchObject({ valid: false, id: null });
  });

  test('reads a zero, but gives it no id', () => {
    expect(read('2018:000')).toMatchObject({ covers: '2018:000', valid: true, id: null });
  });

  test.each([['kl. 13:30'], ['Joh. 3:16'], ['20189:1'], ['2018:'], ['2018/1:1'], ['x017/18:1']])('nothing at the colon of %s', (text) => {
    expect(read(text)).toBeNull();
  });

  test('makes the same id for the same number every time, and keeps kinds and numbers apart', () => {
    const idOf = (text: string, kind: 'sou' | 'ds' | 'prop') => {
      const c = emptyColonCandidate();
      expect(readColonCandidate(text, text.indexOf(':'), c)).toBe(true);
      return colonId(text, c, kind);
    };
    const expected: string[] = [];
    const made: Array<string | null> = [];
    // More numbers than the ids it remembers, each twice, under two kinds.
    for (let n = 1; n <= 5000; n++) {
      for (const kind of ['sou', 'ds'] as const) {
        expected.push(`${kind}:2018:${n}`, `${kind}:2018:${n}`);
        made.push(idOf(`x 2018:${n} x`, kind), idOf(`(2018:${n})`, kind));
      }
    }
    expect(made).toEqual(expected);
    expect(idOf('prop. 2017/18:1', 'prop')).toBe('prop:2017/18:1');
    expect(idOf('prop. 2017/18:10', 'prop')).toBe('prop:2017/18:10');
  });

  test('writes letters as ids do, and has no id for a betänkande whose letters are no committee', () => {
    const idOf = (text: string, kind: 'bet' | 'mot') => {
      const c = emptyColonCandidate();
      expect(readColonCandidate(text, text.indexOf(':'), c)).toBe(true);
      return colonId(text, c, kind);
    };
    for (let twice = 0; twice < 2; twice++) {
      expect(idOf('2018/19:juu12', 'bet')).toBe('bet:2018/19:JuU12');
      expect(idOf('2018/19:juu12', 'mot')).toBe('mot:2018/19:Juu12');
      expect(idOf('2002/03:Fö259', 'bet')).toBeNull();
      expect(idOf('2002/03:Fö259', 'mot')).toBe('mot:2002/03:Fö259');
      expect(idOf('1999/2000 : 007', 'mot')).toBe('mot:1999/00:7');
    }
  });
});

