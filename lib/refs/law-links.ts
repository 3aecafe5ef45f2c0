import { parseReferenceId } from './ids.ts';
import { lawAnchorOf, lawIdOf } from './law-anchors.ts';
import { fallbackUrl, type LawTextSite } from './labels.ts';
import { laws } from './laws/table.ts';

/*
 * How a law reference is linked and named once the page shows it: where its links lead (the
 * reader's choice of site, and the open data's own address when there is one) and how a reader
 * cites it ("10 kap. 2 § offentlighets- och sekretesslagen (2009:400)"). Pure: no DOM, no I/O.
 */

/**
 * Where a law reference leads. On lagen.nu the address follows from the number alone
 * (`https://lagen.nu/2009:400#K10P2`), so the reader's choice holds whatever the metadata says.
 * On riksdagen.se the open data's url, when known, is the law's own page (its address carries a
 * slug the fallback cannot know); the place is that page's fragment, whether or not the url
 * already has it.
 */
export function lawHref(id: string, site: LawTextSite, metaUrl?: string): string {
  if (site !== 'riksdagen' || !metaUrl) return fallbackUrl(id, site);
  const base = metaUrl.replace(/#.*$/, '');
  const anchor = lawAnchorOf(id);
  return anchor ? `${base}#${anchor}` : base;
}

/** The same, for the law as a whole ("Hela lagen"). */
export function wholeLawHref(id: string, site: LawTextSite, metaUrl?: string): string {
  return lawHref(lawIdOf(id), site, metaUrl);
}

/** `sfs:2009:400#K10P2` → `2009:400`; undefined for any other kind of id. */
export function sfsNumberOf(id: string): string | undefined {
  const parsed = parseReferenceId(id);
  return parsed?.kind === 'sfs' ? `${parsed.rm}:${parsed.number}` : undefined;
}

/**
 * A law as running text names it, number included: the open data's title in its definite form
 * (`Offentlighets- och sekretesslag (2009:400)` → `offentlighets- och sekretesslagen (2009:400)`,
 * `Lag (1982:80) om anställningsskydd` → `lagen (1982:80) om anställningsskydd`), else the
 * table's name with the number, else `SFS 2009:400`. The title comes first because the open data
 * is the authority on a law's name (a table row may be out of date).
 */
export function lawCitationName(sfs: string, title?: string): string {
  const fromTitle = title ? definiteTitle(title, sfs) : undefined;
  if (fromTitle) return fromTitle;
  const name = laws().nameOf(sfs);
  if (name) {
    // "lagen om anställningsskydd" is cited "lagen (1982:80) om anställningsskydd".
    const split = /^(\S+) ((?:om|med) .*)$/.exec(name);
    return split ? `${split[1]} (${sfs}) ${split[2]}` : `${name} (${sfs})`;
  }
  return `SFS ${sfs}`;
}

/** How a reader cites a reference to a law or a place in it: `10 kap. 2 § offentlighets- och sekretesslagen (2009:400)`. */
export function lawCitation(placeLabel: string | undefined, sfs: string, title?: string): string {
  const name = lawCitationName(sfs, title);
  return placeLabel ? `${placeLabel} ${name}` : name;
}

/**
 * The title with the word before the number in its definite form, or undefined when the title
 * does not carry the number the way SFS titles do (`<name> (<year>:<number>)<rest>`). Swedish
 * definite forms of the words laws are called by: lag → lagen, balk → balken, förordning →
 * förordningen, kungörelse → kungörelsen, stadga → stadgan, and the few neuter ones (reglemente →
 * reglementet, tillkännagivande → tillkännagivandet, beslut → beslutet).
 */
function definiteTitle(title: string, sfs: string): string | undefined {
  const at = title.indexOf(` (${sfs})`);
  if (at <= 0) return undefined;
  const head = title.slice(0, at).trim();
  const m = /^(.*?)(\p{L}+)$/u.exec(head);
  if (!m) return undefined;
  const definite = lowerFirst(m[1]! + definiteForm(m[2]!));
  return `${definite}${title.slice(at)}`.trim();
}

function definiteForm(word: string): string {
  if (/(?:ande|ende|mente)$/.test(word)) return `${word}t`;
  if (/(?:beslut|avtal)$/.test(word)) return `${word}et`;
  if (/[ae]$/.test(word)) return `${word}n`;
  return `${word}en`;
}

/** Lower-cases the first letter unless it starts an abbreviation (`EU-…`, `OSL`). */
function lowerFirst(text: string): string {
  if (text.length > 1 && text[1] === text[1]!.toUpperCase() && text[1] !== text[1]!.toLowerCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * A law's short name in a list (the side panel's "Lagar"): the table's abbreviation (`OSL`), else
 * the open data's title, else the table's name (`Brottsbalken`), else `SFS 1962:700`.
 */
export function lawShortName(sfs: string, title?: string): string {
  const abbreviation = laws().abbreviationOf(sfs);
  if (abbreviation) return abbreviation;
  if (title) return title;
  const name = laws().nameOf(sfs);
  if (name) return name.charAt(0).toUpperCase() + name.slice(1);
  return `SFS ${sfs}`;
}
