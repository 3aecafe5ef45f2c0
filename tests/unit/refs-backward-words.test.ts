import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findReferences } from '@/lib/refs';
import { BackwardWords, emptyMatch } from '@/lib/refs/backward-words';
import { isStatuteWord, readTypeWord, statuteWordIn, typeWordIn } from '@/lib/refs/type-words';

describe('BackwardWords', () => {
  const words = new BackwardWords<string>();
  words.addWord('lag', 'the word');
  words.addEnding('lag', 'short', 1);
  words.addEnding('slag', 'long', 2);
  words.addEnding('lag', 'ignored: the first value wins', 4);

  function match(text: string, start = 0, end = text.length) {
    const m = emptyMatch<string>();
    return words.match(text, start, end, m) ? m : null;
  }

  test('reads the whole word and its endings where they stand, case and soft hyphens ignored', () => {
    expect(match('LAG')).toEqual({ word: 'the word', ending: 'short', flags: 5, length: 3 });
    expect(match('förs\u00adlag')).toEqual({ word: undefined, ending: 'long', flags: 7, length: 7 });
    expect(match('xx lag yy', 3, 6)).toMatchObject({ word: 'the word', length: 3 });
    expect(match('lagen')).toMatchObject({ word: undefined, ending: undefined, flags: 0 });
  });

  test('gives up on a letter beyond Latin-1, whose lower case only toLowerCase knows', () => {
    expect(match('\u0130slag')).toBeNull();
    expect(match('S\u212Alag')).toBeNull();
  });
});

// The words the scanners meet, and the odd ones: capitals, soft hyphens, inner hyphens, letters
// beyond Latin-1 (the Kelvin sign lower-cases to "k", dotted İ to two code units).
const word = fc
  .array(
    fc.oneof(
      fc.constantFrom('prop', 'mot', 'motion', 'Motionen', 'riksdags', 'skrivelse', 'kommitté', 'förordning', 'en', 'arna', 'direktiv', 'et', 'SOU', 'fråga'),
      fc.constantFrom('lag', 'lagen', 'för', 'slag', 'balk', 'BALKEN', 'ordningen', 'formen', 'under', 'tillkännagivande', 'stadga', 'n'),
      fc.constantFrom('\u00ad', '-', '\u0130', '\u212A', 'É', 'Ö', 'ß', 'x', 's', 'r', 'k'),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join(''));
const plain = (w: string) => w.replace(/\u00ad/g, '').toLowerCase();

describe('typeWordIn and statuteWordIn', () => {
  test('answer as readTypeWord and isStatuteWord do on the word copied out', () => {
    fc.assert(
      fc.property(word, fc.boolean(), (w, hadDot) => {
        const text = `(${w})`;
        expect(typeWordIn(text, 1, w.length + 1, hadDot)).toBe(readTypeWord(plain(w), hadDot));
        expect(statuteWordIn(text, 1, w.length + 1)).toBe(isStatuteWord(plain(w)));
      }),
      { numRuns: 20_000, seed: 12 },
    );
  });

  test.each([
    ['Prop', false, 'prop'],
    ['mot', false, null],
    ['mot', true, 'mot'],
    ['Kommittémotionen', false, 'mot'],
    ['riksdags\u00adskrivelsen', false, 'rskr'],
    ['\u0130zmotion', false, 'mot'],
    ['S\u212AR', false, 'skr'],
    ['zzmotion', false, null],
  ] as const)('%s (dot: %s) is %s', (w, hadDot, kind) => {
    expect(typeWordIn(` ${w} `, 1, w.length + 1, hadDot)).toBe(kind);
  });
});

describe('a question reference widened by the words before it', () => {
  test.each([
    ['Svar på skriftlig fråga 2018/19:523', 'Svar på skriftlig fråga 2018/19:523'],
    ['SVAR PÅ fråga 2018/19:523', 'SVAR PÅ fråga 2018/19:523'],
    // Letters beyond Latin-1 that lower-case onto "k" and "å".
    ['Svar P\u212B S\u212ARIFTLIG fråga 2018/19:523', 'Svar P\u212B S\u212ARIFTLIG fråga 2018/19:523'],
    // "på" widens only together with "svar"; an abbreviation's dot ends the phrase.
    ['svar. på fråga 2018/19:523', 'fråga 2018/19:523'],
  ])('%s', (text, covered) => {
    const [ref] = findReferences(text);
    expect(text.slice(ref!.start, ref!.end)).toBe(covered);
  });
});
