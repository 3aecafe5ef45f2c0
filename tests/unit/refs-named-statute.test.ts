import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { namedStatuteBefore } from '@/lib/refs/named-statute';
import { isStatuteWord } from '@/lib/refs/type-words';

/** The rule as first written: a statute word, "om", "med" or "för", and no clause end after. */
function byRegex(text: string, open: number): boolean {
  const before = text.slice(Math.max(0, open - 120), open);
  for (const m of before.matchAll(/(\p{L}+)\s+(?:om|med|för)\s/gu)) {
    if (isStatuteWord(m[1]!.toLowerCase()) && !/[.;:()]/.test(before.slice(m.index + m[0].length))) return true;
  }
  return false;
}

// Words with what stands between them: mostly spaces, sometimes a clause's end or a letter
// beyond Latin-1 (then the regular expression itself decides).
const word = fc.oneof(
  fc.constantFrom('lagen', 'Lagen', 'förordningen', 'förslaget', 'slag', 'xslag', 'balken', 'stadgan', 'om', 'om', 'med', 'för', 'omfattande', 'offentlig', 'ª', 'µ', 'É'),
  fc.stringMatching(/^[a-zåäö]{1,10}$/),
);
const between = fc.constantFrom(' ', ' ', ' ', ' ', '  ', '\u00a0', '\n', '\t', '\u000b', '\u00ad', '.', ';', ':', '(', ')', ',', '-', '\u2013', '\u0430', '\u{1d400}', '');
const sentence = fc.array(fc.tuple(word, between), { maxLength: 30 }).map((parts) => parts.map(([w, b]) => w + b).join(''));

describe('namedStatuteBefore', () => {
  test('answers as the regular expression does', () => {
    let named = 0;
    fc.assert(
      fc.property(sentence, (text) => {
        const full = `${text}(`;
        const expected = byRegex(full, full.length - 1);
        if (expected) named++;
        expect(namedStatuteBefore(full, full.length - 1)).toBe(expected);
      }),
      { numRuns: 30_000, seed: 5 },
    );
    expect(named, 'sentences that do name a statute').toBeGreaterThan(200);
  });

  test.each([
    ['lagen om offentlig upphandling (', true],
    ['Lagen med instruktion för x (', true],
    ['förslaget om offentlig upphandling (', false],
    ['lagen om offentlig upphandling; se (', false],
    ['lagen omfattar upphandling (', false],
    ['lagen om (', true],
    ['lagen om(', false],
  ])('%s → %s', (text, expected) => {
    expect(namedStatuteBefore(text, text.length - 1)).toBe(expected);
  });

  test('looks back 120 characters, no further', () => {
    const within = `lagen om ${'x'.repeat(110)} (`;
    expect(namedStatuteBefore(within, within.length - 1)).toBe(true);
    const beyond = `lagen om ${'x'.repeat(111)} (`;
    expect(namedStatuteBefore(beyond, beyond.length - 1)).toBe(false);
  });
});
