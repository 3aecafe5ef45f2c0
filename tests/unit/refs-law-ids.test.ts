import { describe, expect, test } from 'vitest';
import { formatLawAnchor } from '@/lib/refs/law-anchors';
import { lawPlaceId, NO_NUMBER, placeNumber, placeNumberText, wholeLawId } from '@/lib/refs/laws/law-ids';

const a = 97;
const c = 99;
const z = 122;

describe('placeNumber', () => {
  test('is written back as the number was read', () => {
    expect(placeNumberText(placeNumber(1))).toBe('1');
    expect(placeNumberText(placeNumber(10))).toBe('10');
    expect(placeNumberText(placeNumber(9, c))).toBe('9c');
    expect(placeNumberText(placeNumber(999, z))).toBe('999z');
    expect(placeNumberText(placeNumber(8, a))).toBe('8a');
  });

  test('is never NO_NUMBER, and differs for every number', () => {
    const seen = new Set<number>([NO_NUMBER]);
    for (let digits = 1; digits <= 999; digits++) {
      for (const letter of [96, a, c, z]) {
        const n = placeNumber(digits, letter);
        expect(seen.has(n), `${digits} ${letter}`).toBe(false);
        seen.add(n);
      }
    }
  });
});

describe('lawPlaceId and wholeLawId', () => {
  const made = (sfs: string, chapter?: string, section?: string) => `sfs:${sfs}#${formatLawAnchor({ chapter, section })}`;

  test('give the ids formatLawAnchor makes, again when asked again', () => {
    for (let round = 0; round < 2; round++) {
      expect(lawPlaceId('2009:400', placeNumber(10), placeNumber(2))).toBe(made('2009:400', '10', '2'));
      expect(lawPlaceId('2009:400', placeNumber(4), placeNumber(9, c))).toBe(made('2009:400', '4', '9c'));
      expect(lawPlaceId('2009:400', placeNumber(8, a), NO_NUMBER)).toBe('sfs:2009:400#K8a');
      expect(lawPlaceId('1982:80', NO_NUMBER, placeNumber(3))).toBe('sfs:1982:80#P3');
      expect(wholeLawId('1962:700')).toBe('sfs:1962:700');
    }
  });

  test('keep laws, chapters and sections apart', () => {
    const ids = [
      lawPlaceId('2009:400', placeNumber(1), placeNumber(2)),
      lawPlaceId('2009:400', placeNumber(2), placeNumber(1)),
      lawPlaceId('2009:400', placeNumber(1), NO_NUMBER),
      lawPlaceId('2009:400', NO_NUMBER, placeNumber(1)),
      lawPlaceId('2009:400', placeNumber(12), NO_NUMBER),
      lawPlaceId('2009:400', placeNumber(1), placeNumber(1, a)),
      lawPlaceId('2009:401', placeNumber(1), placeNumber(2)),
      wholeLawId('2009:400'),
      lawPlaceId('2009:400', NO_NUMBER, NO_NUMBER),
    ];
    expect(ids).toEqual(['sfs:2009:400#K1P2', 'sfs:2009:400#K2P1', 'sfs:2009:400#K1', 'sfs:2009:400#P1', 'sfs:2009:400#K12', 'sfs:2009:400#K1P1a', 'sfs:2009:401#K1P2', 'sfs:2009:400', 'sfs:2009:400#']);
  });

  test('stay right while many places are cited (the cache is emptied and refilled)', () => {
    for (let round = 0; round < 2; round++) {
      for (let chapter = 1; chapter <= 60; chapter++) {
        for (let section = 1; section <= 60; section++) {
          expect(lawPlaceId('2010:110', placeNumber(chapter), placeNumber(section))).toBe(`sfs:2010:110#K${chapter}P${section}`);
        }
      }
    }
  });
});
