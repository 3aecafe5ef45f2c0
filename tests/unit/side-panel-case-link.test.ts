import { describe, expect, test } from 'vitest';
import { asWritten } from '@/entrypoints/sidepanel/case-link';

describe('the page’s dok_id as its address writes it (side panel, "Ärendet")', () => {
  test.each([
    ['https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/lararutbildning_HB01UbU5/', 'HB01UbU5'],
    ['https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/_HB01UbU5', 'HB01UbU5'],
    ['https://data.riksdagen.se/dokument/H612523.html', 'H612523'],
    ['https://riksdagen.se/sv/dokument-lagar/dokument/motion/om-fiske_gq02f%C3%B6259', 'GQ02FÖ259'],
    ['https://riksdagen.se/sv/dokument-lagar/dokument/svar-pa-skriftlig-fraga/sapos-lista_h612523', 'H612523'],
    ['https://www.riksdagen.se/sv/', undefined],
  ])('%s → %s', (url, dokId) => {
    expect(asWritten(url)).toBe(dokId);
  });
});
