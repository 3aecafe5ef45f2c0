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

describe('NameIndex.withKeyIn', () => {
  const index = new NameIndex();
  index.add('offentlighets- och sekretesslagen');
  index.add('sekretesslagen', '1980:100');
  index.add('lagen om anställningsskydd');

  const names = (text: string) => index.withKeyIn(`(${text})`, 1, text.length + 1)?.map((entry) => entry.name);

  test('gives the names filed under the word, as withKey of the copied word does', () => {
    for (const word of ['sekretesslagen', 'SekretessLagen', 'sekretess\u00adlagen', 'lagen']) {
      expect(names(word)).toEqual(index.withKey(word.toLowerCase().replace(/\u00ad/g, ''))?.map((entry) => entry.name));
    }
    expect(names('sekretesslagen')).toEqual(['offentlighets- och sekretesslagen', 'sekretesslagen']);
  });

  test('gives nothing for a word that is no key, nor for a part of one', () => {
    for (const word of ['sekretesslag', 'xsekretesslagen', 'agen', 'offentlighets-']) expect(index.withKeyIn(`(${word})`, 1, word.length + 1)).toBeUndefined();
  });

  test('reads only the given stretch of the text', () => {
    expect(index.withKeyIn('offentlighets- och sekretesslagens', 19, 33)?.map((entry) => entry.name)).toHaveLength(2);
    expect(index.withKeyIn('offentlighets- och sekretesslagens', 19, 34)).toBeUndefined();
  });

  test('leaves a word with a letter beyond Latin-1 to the copied word', () => {
    expect(index.withKeyIn('(sekretessl\u0430gen)', 1, 15)).toBeNull();
  });

  test('keeps the name around its key word', () => {
    const [entry] = index.withKey('sekretesslagen')!;
    expect([entry!.beforeKey, entry!.afterKey]).toEqual(['offentlighets- och ', '']);
    expect(index.withKey('lagen')![0]!.afterKey).toBe(' om anställningsskydd');
  });
});
