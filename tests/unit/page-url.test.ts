import { describe, expect, test } from 'vitest';
import { parseDocumentUrl } from '@/lib/page';

describe('parseDocumentUrl', () => {
  const cases: Array<[string, string, { kind: string; dokId: string; kindFromUrl: boolean } | null]> = [
    [
      'current scheme, trailing slash',
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/sapos-lista-over-kommuner-som-kan-beroras-av_H612523/',
      { kind: 'frs', dokId: 'H612523', kindFromUrl: true },
    ],
    [
      'current scheme, no trailing slash',
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/riksrevisionens-rapport-om-forvaltningen-av_H201NU8',
      { kind: 'bet', dokId: 'H201NU8', kindFromUrl: true },
    ],
    [
      'older scheme on the bare host',
      'https://riksdagen.se/sv/dokument-lagar/dokument/motion/skatt-pa-arbete_GQ02Sk10',
      { kind: 'mot', dokId: 'GQ02SK10', kindFromUrl: true },
    ],
    [
      'lower-case dok_id with a Swedish letter, percent-encoded',
      'https://www.riksdagen.se/sv/dokument-lagar/dokument/motion/forsvarets-materiel_gq02f%C3%B6259',
      { kind: 'mot', dokId: 'GQ02FÖ259', kindFromUrl: true },
    ],
    [
      'query string and fragment',
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/budgetpropositionen-for-2025_HC031/?html=true#avsnitt-2',
      { kind: 'prop', dokId: 'HC031', kindFromUrl: true },
    ],
    [
      'empty slug, as in our own document links',
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/_HC03205',
      { kind: 'prop', dokId: 'HC03205', kindFromUrl: true },
    ],
    [
      'the archive host',
      'https://rixlex.riksdagen.se/sv/dokument-lagar/dokument/interpellation/om-polisen_H51045',
      { kind: 'ip', dokId: 'H51045', kindFromUrl: true },
    ],
    [
      'SFS with its sfs- id',
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/personuppgiftslag-1998204_sfs-1998-204/',
      { kind: 'sfs', dokId: 'SFS-1998-204', kindFromUrl: true },
    ],
    [
      'a type segment we do not single out',
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/redogorelse-till-riksdagen/riksdagsforvaltningens-arsredovisning_HB04RS1/',
      { kind: 'other', dokId: 'HB04RS1', kindFromUrl: true },
    ],
    [
      'plain document HTML on data.riksdagen.se',
      'https://data.riksdagen.se/dokument/H60946.html',
      { kind: 'other', dokId: 'H60946', kindFromUrl: false },
    ],
    [
      'an SOU, whose series is letters and digits',
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/statens-offentliga-utredningar/_H6B365',
      { kind: 'sou', dokId: 'H6B365', kindFromUrl: true },
    ],
    [
      'the text view of a document, with /html/ after the id',
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/statens-offentliga-utredningar/livsmedelsberedskap-for-en-ny-tid_hcb38/html/',
      { kind: 'sou', dokId: 'HCB38', kindFromUrl: true },
    ],
    ['an SOU as plain HTML', 'https://data.riksdagen.se/dokument/H6B365.html', { kind: 'other', dokId: 'H6B365', kindFromUrl: false }],
    ['http works as well as https', 'http://data.riksdagen.se/dokument/h612523.html', { kind: 'other', dokId: 'H612523', kindFromUrl: false }],
  ];
  for (const [name, url, expected] of cases) {
    test(name, () => {
      expect(parseDocumentUrl(url)).toEqual(expected);
    });
  }

  const notDocuments: Array<[string, string]> = [
    ['the start page', 'https://www.riksdagen.se/sv/'],
    ['the bare start page', 'https://riksdagen.se/'],
    ['search', 'https://www.riksdagen.se/sv/sok/?q=SOU+2018%3A65'],
    ['document search', 'https://www.riksdagen.se/sv/dokument-och-lagar/?doktyp=sou'],
    ['the calendar', 'https://www.riksdagen.se/sv/kalender/'],
    ['a type listing without a document', 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/'],
    ['a member page', 'https://www.riksdagen.se/sv/ledamoter-och-partier/ledamot/roger-haddad_0584773526422/'],
    ['the API list', 'https://data.riksdagen.se/dokumentlista/?doktyp=sou&rm=2018&bet=65&utformat=json'],
    ['document JSON, not a page', 'https://data.riksdagen.se/dokument/H612523.json'],
    ['another host', 'https://www.regeringen.se/rattsliga-dokument/statens-offentliga-utredningar/2018/09/sou-201865/'],
    ['a look-alike host', 'https://www.riksdagen.se.example.com/sv/dokument-och-lagar/dokument/motion/x_H602123/'],
    ['not a URL', 'riksdagen.se dokument'],
    ['not http', 'ftp://www.riksdagen.se/sv/dokument-och-lagar/dokument/motion/x_H602123/'],
  ];
  for (const [name, url] of notDocuments) {
    test(`not a document: ${name}`, () => {
      expect(parseDocumentUrl(url)).toBeNull();
    });
  }
});
