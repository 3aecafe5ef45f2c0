import { describe, expect, test } from 'vitest';
import { NameIndex } from '@/lib/refs/laws/names';

describe('NameIndex.mayHaveKeyIn', () => {
  const index = new NameIndex();
  index.add('offentlighets- och sekretesslagen');
  index.add('lagen om anställningsskydd');
  index.add('skolförordningen', '2011:185');

  const may = (text: string) => index.mayHaveKeyIn(`(${text})`, 1, text.length + 1);

  test.each([['sekretesslagen'], ['SEKRETESSLAGEN'], ['sekretess\u00adlagen'], ['lagen'], ['skolförordningen']])('%s may be a key', (word) => {
    expect(may(word)).toBe(true);
  });

  test.each([['förslag'], ['offentlighets-'], ['anställningsskydd'], ['sekretesslag'], ['xsekretesslagen']])('%s surely is none', (word) => {
    expect(may(word)).toBe(false);
  });

  test('leaves a word with a letter beyond Latin-1 open', () => {
    expect(may('sekretessl\u0430gen')).toBe(true);
  });
});
