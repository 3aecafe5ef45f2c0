import { describe, expect, it } from 'vitest';
import {
  fallbackUrl,
  formatReferenceId,
  lawAnchorOf,
  lawIdOf,
  lawPlaceLabel,
  lawTextUrl,
  parseLawAnchor,
  parseReferenceId,
  referenceLabel,
} from '@/lib/refs';

describe('places in a law', () => {
  it.each([
    ['K10P2', { chapter: '10', section: '2' }, '10 kap. 2 §'],
    ['P3', { section: '3' }, '3 §'],
    ['K4P9c', { chapter: '4', section: '9c' }, '4 kap. 9 c §'],
    ['K8aP1', { chapter: '8a', section: '1' }, '8 a kap. 1 §'],
    ['K10', { chapter: '10' }, '10 kap.'],
  ])('%s', (anchor, place, label) => {
    expect(parseLawAnchor(anchor)).toEqual(place);
    expect(lawPlaceLabel(anchor)).toBe(label);
  });

  it.each(['', 'K', 'P', 'K0P1', 'KP2', 'P02', 'K1P2S2', 'k1p2', 'P2ab', 'K1 P2'])('rejects %j', (anchor) => {
    expect(parseLawAnchor(anchor)).toBeNull();
  });

  it('ids carry the anchor after a #, only on sfs', () => {
    const parsed = parseReferenceId('sfs:2009:400#K10P2');
    expect(parsed).toEqual({ kind: 'sfs', rm: '2009', number: '400', anchor: 'K10P2' });
    expect(formatReferenceId(parsed!)).toBe('sfs:2009:400#K10P2');
    expect(parseReferenceId('prop:2017/18:1#K1P1')).toBeNull();
    expect(parseReferenceId('sfs:2009:400#')).toBeNull();
    expect(parseReferenceId('sfs:2009:400#K10P2#P1')).toBeNull();
    expect(lawIdOf('sfs:2009:400#K10P2')).toBe('sfs:2009:400');
    expect(lawIdOf('sou:2018:65')).toBe('sou:2018:65');
    expect(lawAnchorOf('sfs:2009:400#K10P2')).toBe('K10P2');
    expect(lawAnchorOf('sfs:2009:400')).toBeUndefined();
  });

  it('labels and links a place', () => {
    expect(referenceLabel('sfs:2009:400#K10P2')).toBe('10 kap. 2 § SFS 2009:400');
    expect(fallbackUrl('sfs:2009:400#K10P2')).toBe(
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/_sfs-2009-400/#K10P2',
    );
    expect(fallbackUrl('sfs:2009:400#K10P2', 'lagen.nu')).toBe('https://lagen.nu/2009:400#K10P2');
    expect(fallbackUrl('sfs:1998:204', 'lagen.nu')).toBe('https://lagen.nu/1998:204');
    expect(lawTextUrl('1962', '700', 'K4P9c')).toBe(
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/_sfs-1962-700/#K4P9c',
    );
    // Other kinds ignore the law site.
    expect(fallbackUrl('sou:2018:65', 'lagen.nu')).toBe(fallbackUrl('sou:2018:65'));
  });
});
