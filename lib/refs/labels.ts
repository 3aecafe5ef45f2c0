import { parseReferenceId } from './ids.ts';
import { lawPlaceLabel } from './law-anchors.ts';
import type { ParsedReferenceId, ReferenceKind } from './types.ts';

/** The Swedish name of each kind, as a heading on a card or in a list. */
export const KIND_NAMES_SV: Readonly<Record<ReferenceKind, string>> = {
  sou: 'Statens offentliga utredningar',
  ds: 'Departementsserien',
  dir: 'Kommittédirektiv',
  sfs: 'Svensk författningssamling',
  prop: 'Proposition',
  skr: 'Regeringens skrivelse',
  rskr: 'Riksdagsskrivelse',
  mot: 'Motion',
  bet: 'Utskottets betänkande',
  fr: 'Skriftlig fråga',
  ip: 'Interpellation',
  eu: 'EU-rättsakt',
};

export function kindName(kind: ReferenceKind): string {
  return KIND_NAMES_SV[kind];
}

// How each kind is abbreviated in running text, as the riksdag's own documents write it.
const PREFIX: Readonly<Record<Exclude<ReferenceKind, 'eu'>, string>> = {
  sou: 'SOU',
  ds: 'Ds',
  dir: 'dir.',
  sfs: 'SFS',
  prop: 'prop.',
  skr: 'skr.',
  rskr: 'rskr.',
  mot: 'mot.',
  bet: 'bet.',
  fr: 'fråga',
  ip: 'ip.',
};

/** A reference as a reader would write it: `SOU 2018:65`, `prop. 2017/18:1`, `förordning (EU) 2016/679`. */
export function referenceLabel(idOrParsed: string | ParsedReferenceId): string {
  const parsed = typeof idOrParsed === 'string' ? parseReferenceId(idOrParsed) : idOrParsed;
  if (!parsed) return String(idOrParsed);
  if (parsed.kind === 'sfs' && parsed.anchor) return `${lawPlaceLabel(parsed.anchor)} SFS ${parsed.rm}:${parsed.number}`;
  if (parsed.kind !== 'eu') return `${PREFIX[parsed.kind]} ${parsed.rm}:${parsed.number}`;
  return euLabel(parsed.type, parsed.number);
}

/**
 * EU acts are labelled the way the Official Journal styles them in Swedish: since 2015
 * `(EU) 2016/679` for both kinds; before that regulations were `(EG) nr 45/2001` (number/year,
 * `(EU) nr` from 2010) and directives `95/46/EG` (year/number, `/EU` from 2010).
 */
function euLabel(type: 'reg' | 'dir', number: string): string {
  const [a, b] = number.split('/') as [string, string];
  const word = type === 'reg' ? 'förordning' : 'direktiv';
  const year = euYear(type, a, b);
  if (year >= 2015) return `${word} (EU) ${number}`;
  const union = year >= 2010 ? 'EU' : 'EG';
  return type === 'reg' ? `${word} (${union}) nr ${number}` : `${word} ${number}/${union}`;
}

/** The year an EU act was adopted, from its number's two forms (`2016/679`, `45/2001`, `95/46`). */
export function euYear(type: 'reg' | 'dir', a: string, b: string): number {
  if (type === 'reg') {
    // Before 2015 a regulation was numbered number/year: `45/2001`, `2201/2003`, `1408/71`.
    if (b.length === 4 && Number(b) >= 1950 && Number(b) <= 2014) return Number(b);
    if (b.length === 2) return 1900 + Number(b);
    if (a.length === 4 && Number(a) >= 2015) return Number(a);
    if (b.length === 4) return Number(b);
  }
  // Directives are year/number: `95/46`, `2014/24`.
  if (a.length === 2) return (Number(a) > 50 ? 1900 : 2000) + Number(a);
  return Number(a);
}

// The riksdag's API codes; `fr` is the question itself (its answer is `frs`).
const SEARCH_DOKTYP: Readonly<Record<Exclude<ReferenceKind, 'eu' | 'sfs'>, string>> = {
  sou: 'sou',
  ds: 'ds',
  dir: 'dir',
  prop: 'prop',
  skr: 'skr',
  rskr: 'rskr',
  mot: 'mot',
  bet: 'bet',
  fr: 'fr',
  ip: 'ip',
};

/** Where the reader reads law texts: riksdagen.se (the default) or lagen.nu. */
export type LawTextSite = 'riksdagen' | 'lagen.nu';

/**
 * Where a reference links before any metadata is known — it must work on its own. SFS numbers go
 * to their page on riksdagen.se (whose dok_id is `sfs-<year>-<number>`), a place in a law to the
 * same page at the place's anchor (`#K10P2`), or to lagen.nu when the reader prefers it; EU acts
 * go to EUR-Lex by their ELI, everything else to a riksdagen.se search for the document's type
 * and designation.
 */
export function fallbackUrl(idOrParsed: string | ParsedReferenceId, lawSite: LawTextSite = 'riksdagen'): string {
  const parsed = typeof idOrParsed === 'string' ? parseReferenceId(idOrParsed) : idOrParsed;
  if (!parsed) return 'https://www.riksdagen.se/sv/dokument-och-lagar/';
  if (parsed.kind === 'sfs') return lawTextUrl(parsed.rm, parsed.number, parsed.anchor, lawSite);
  if (parsed.kind === 'eu') {
    const [a, b] = parsed.number.split('/') as [string, string];
    const year = euYear(parsed.type, a, b);
    const serial = year === Number(a) || (a.length === 2 && year % 100 === Number(a)) ? b : a;
    return `https://eur-lex.europa.eu/eli/${parsed.type}/${year}/${Number(serial)}/oj`;
  }
  return `https://www.riksdagen.se/sv/sok/?doktyp=${formEncode(SEARCH_DOKTYP[parsed.kind])}&q=${formEncode(referenceLabel(parsed))}`;
}

/**
 * A query value as URLSearchParams writes it (application/x-www-form-urlencoded: a space is "+",
 * and !'()~ are escaped too), without making a URLSearchParams for each of a page's thousands of
 * links.
 */
function formEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/**
 * A law's text, at a place in it when `anchor` is given: riksdagen.se's SFS page
 * (`…/svensk-forfattningssamling/_sfs-2009-400/#K10P2`) or lagen.nu (`https://lagen.nu/2009:400#K10P2`),
 * which use the same anchors.
 */
export function lawTextUrl(year: string, number: string, anchor?: string, site: LawTextSite = 'riksdagen'): string {
  const fragment = anchor ? `#${anchor}` : '';
  if (site === 'lagen.nu') return `https://lagen.nu/${year}:${number}${fragment}`;
  return `https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/_sfs-${year}-${number}/${fragment}`;
}
