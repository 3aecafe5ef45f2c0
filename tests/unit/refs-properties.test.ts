import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findReferences, formatReferenceId, parseReferenceId, referenceLabel, type ParsedReferenceId } from '@/lib/refs';

// Text that looks like riksdag prose: words, type words, numbers in every shape, punctuation.
const token = fc.oneof(
  fc.constantFrom('prop.', 'SOU', 'Ds', 'dir.', 'bet.', 'mot.', 'rskr.', 'skr.', 'fråga', 'lagen', 'förordning', '(EU)', 'nr', 'och', ',', '(', ')', 'kl.', 's.', 'Svar', 'på'),
  fc.constantFrom('2017/18:1', '2018:65', '2018/19:JuU12', '1999/2000:86', '2016/679', '95/46/EG', '13:30', '2017/19:1', '0:0', '1952'),
  fc.stringMatching(/^[a-zåäö]{1,8}$/),
  fc.stringMatching(/^[0-9:/]{1,10}$/),
);
const prose = fc.array(token, { maxLength: 40 }).chain((tokens) =>
  fc.array(fc.constantFrom(' ', ' ', '\u00a0', '\n', '\u00ad', ''), { minLength: tokens.length, maxLength: tokens.length }).map((gaps) =>
    tokens.map((t, i) => t + gaps[i]).join(''),
  ),
);

const session = fc.integer({ min: 1975, max: 2098 }).map((y) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`);
const year = fc.integer({ min: 1900, max: 2099 }).map(String);
const num = fc.integer({ min: 1, max: 9999 }).map(String);
const committee = fc.constantFrom('AU', 'CU', 'FiU', 'FöU', 'JuU', 'KU', 'KrU', 'MJU', 'NU', 'SkU', 'SfU', 'SoU', 'TU', 'UbU', 'UU', 'UFöU');
const parsedId: fc.Arbitrary<ParsedReferenceId> = fc.oneof(
  fc.record({ kind: fc.constantFrom('sou', 'ds', 'dir', 'sfs' as const), rm: year, number: num }),
  fc.record({ kind: fc.constantFrom('prop', 'skr', 'rskr', 'mot', 'fr', 'ip' as const), rm: session, number: num }),
  fc.record({ kind: fc.constant('bet' as const), rm: session, number: fc.tuple(committee, num).map(([c, n]) => c + n) }),
  fc.record({
    kind: fc.constant('eu' as const),
    type: fc.constantFrom('reg', 'dir' as const),
    number: fc.tuple(fc.integer({ min: 2015, max: 2030 }), fc.integer({ min: 1, max: 2999 })).map(([a, b]) => `${a}/${b}`),
  }),
);

describe('findReferences properties', () => {
  test('offsets are valid, sorted and never overlap; each covers its number', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const found = findReferences(text);
        let previousEnd = 0;
        for (const r of found) {
          expect(r.start).toBeGreaterThanOrEqual(previousEnd);
          expect(r.end).toBeGreaterThan(r.start);
          expect(r.end).toBeLessThanOrEqual(text.length);
          const parsed = parseReferenceId(r.id)!;
          expect(parsed).not.toBeNull();
          const covered = text.slice(r.start, r.end).replace(/[\s\u00a0\u00ad]/g, '');
          const digits = parsed.number.replace(/\D+/g, ' ').trim().split(' ').at(-1)!;
          expect(covered).toContain(digits);
          previousEnd = r.end;
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('every id formats back to itself, and its label is found as that id', () => {
    fc.assert(
      fc.property(parsedId, (parsed) => {
        const id = formatReferenceId(parsed);
        expect(parseReferenceId(id)).toEqual(parsed);
        const label = referenceLabel(id);
        const found = findReferences(`Se ${label}.`);
        expect(found.map((r) => r.id)).toEqual([id]);
        expect(`Se ${label}.`.slice(found[0]!.start, found[0]!.end)).toBe(label);
      }),
      { numRuns: 2000 },
    );
  });

  test('unrelated text before a reference shifts it and changes nothing else', () => {
    fc.assert(
      fc.property(prose, parsedId, prose, (before, parsed, after) => {
        const sentence = `${referenceLabel(parsed)} ${after}`;
        const alone = findReferences(sentence);
        const prefix = `${before}.\n`;
        const combined = findReferences(prefix + sentence);
        const ownPrefix = findReferences(prefix);
        expect(combined).toEqual([
          ...ownPrefix,
          ...alone.map((r) => ({ ...r, start: r.start + prefix.length, end: r.end + prefix.length })),
        ]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findReferences on hostile input finishes (a quadratic scan would not, within the timeout)', () => {
  test.each([
    ['"prop. " × 100 000', () => 'prop. '.repeat(100_000)],
    ['"2017/18:" × 100 000', () => '2017/18:'.repeat(100_000)],
    ['5 MB of digits and colons', () => '1234:5678:9'.repeat(480_000)],
    ['"SOU 2018:65 och " × 100 000', () => 'SOU 2018:65 och '.repeat(100_000)],
    ['5 MB of one long word', () => 'a'.repeat(5_000_000) + ' prop. 2017/18:1'],
    ['"(EU) nr " × 100 000', () => '(EU) nr 2016/'.repeat(100_000)],
  ])('%s', (_name, make) => {
    const text = make();
    const found = findReferences(text);
    expect(Array.isArray(found)).toBe(true);
  }, 20_000);

  test('an enumeration of 100 000 references is found whole', () => {
    const text = 'SOU 2018:1' + ', 2018:2'.repeat(100_000);
    expect(findReferences(text)).toHaveLength(100_001);
  }, 20_000);
});
