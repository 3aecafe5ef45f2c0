/**
 * The kinds of riksdagen document page we tell apart. The codes are the open data API's own
 * `doktyp` codes, so a page kind and a document's metadata speak the same language.
 */
export const PAGE_KINDS = [
  'frs', // svar på skriftlig fråga
  'fr', // skriftlig fråga
  'ip', // interpellation
  'mot', // motion
  'prop', // proposition
  'bet', // betänkande
  'prot', // protokoll
  'sou', // statens offentliga utredningar
  'ds', // departementsserien
  'dir', // kommittédirektiv
  'skr', // skrivelse
  'sfs', // svensk författningssamling
  'other', // a document page of a kind we do not single out (redogörelse, EU-dokument, …)
] as const;

export type PageKind = (typeof PAGE_KINDS)[number];

/** URL path segments on www.riksdagen.se, as listed in shared/riksdagen.md. */
export const KIND_BY_URL_SEGMENT: Readonly<Record<string, PageKind>> = {
  'svar-pa-skriftlig-fraga': 'frs',
  'skriftlig-fraga': 'fr',
  interpellation: 'ip',
  motion: 'mot',
  proposition: 'prop',
  betankande: 'bet',
  protokoll: 'prot',
  skrivelse: 'skr',
  'statens-offentliga-utredningar': 'sou',
  departementsserien: 'ds',
  kommittedirektiv: 'dir',
  'svensk-forfattningssamling': 'sfs',
};
