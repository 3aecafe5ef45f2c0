import { parseReferenceId } from '../refs/ids.ts';
import { lawPlaceLabel } from '../refs/law-anchors.ts';
import { lawCitation, lawHref } from '../refs/law-links.ts';
import { fallbackUrl, KIND_NAMES_SV, referenceLabel } from '../refs/labels.ts';
import type { ReferenceKind } from '../refs/types.ts';
import type { DocumentMeta } from '../riksdagen/types.ts';

/*
 * What a citation says about one document, in one shape for every format (swedish.ts, ris.ts,
 * bibtex.ts, csl-json.ts). Built only from what is known — the canonical id, the open data's
 * metadata when it was found — so a field that is not known is absent, never guessed: a
 * reference whose document is not in the open data still has its designation and an address.
 */

/**
 * How a reference manager should file it. Reports (SOU, Ds, betänkanden) and other government
 * documents become reports in Zotero and EndNote, propositions and motions bills, laws statutes.
 */
export type CitationType = 'report' | 'government-document' | 'bill' | 'statute';

export interface CitationRecord {
  /** What a citation key is made from: the canonical id (`sou:2018:65`) or the dok_id. */
  keyBasis: string;
  type: CitationType;
  /** `Statens offentliga utredningar`, `Proposition`, `Svar på skriftlig fråga`. */
  kindName?: string;
  /** The series' short form as a reference starts with it: `SOU`, `Prop.`, `Bet.`. */
  prefix?: string;
  /** The number within the series: `2018:65`, `2017/18:1`, `2018/19:JuU12`, a law's `2009:400`. */
  number?: string;
  /** `SOU 2018:65`, `Prop. 2017/18:1`, `SFS 2009:400`, `Förordning (EU) 2016/679`. */
  designation?: string;
  /** The title as the open data gives it (a law's: `Offentlighets- och sekretesslag (2009:400)`). */
  title?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  /** The department or committee behind it, by its full name when known (else the raw code). */
  organ?: string;
  /**
   * The document's address (a law's, at the place cited). Absent for a document the open data did
   * not have: a search is not its address.
   */
  url?: string;
  /** For a place in a law: `10 kap. 2 §`. */
  section?: string;
  /** For a law: how running text cites it, `10 kap. 2 § offentlighets- och sekretesslagen (2009:400)`. */
  lawCitation?: string;
}

/**
 * How each kind's designation starts a reference. Capitalised, since a reference in a list starts
 * with it; a question and an interpellation are written out, as the riksdag's own pages do.
 * Keyed by the open data's doktyp, which the reference kinds share (plus the page kinds `frs`, `prot`).
 */
const PREFIXES: Readonly<Record<string, string>> = {
  sou: 'SOU',
  ds: 'Ds',
  dir: 'Dir.',
  prop: 'Prop.',
  skr: 'Skr.',
  rskr: 'Rskr.',
  mot: 'Mot.',
  bet: 'Bet.',
  fr: 'Skriftlig fråga',
  frs: 'Svar på skriftlig fråga',
  ip: 'Interpellation',
  prot: 'Prot.',
  sfs: 'SFS',
};

/** Names of the doktyps that are not reference kinds (the page kinds of lib/page/kinds.ts). */
const OTHER_KIND_NAMES: Readonly<Record<string, string>> = {
  frs: 'Svar på skriftlig fråga',
  prot: 'Protokoll',
};

const TYPES: Readonly<Record<string, CitationType>> = {
  sou: 'report',
  ds: 'report',
  bet: 'report',
  prop: 'bill',
  mot: 'bill',
  sfs: 'statute',
  eu: 'statute',
};

function typeOf(kind: string): CitationType {
  return TYPES[kind] ?? 'government-document';
}

function kindNameOf(kind: string): string | undefined {
  return Object.hasOwn(KIND_NAMES_SV, kind) ? KIND_NAMES_SV[kind as ReferenceKind] : OTHER_KIND_NAMES[kind];
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Sets the optional fields that have a value, so that records compare and serialise cleanly. */
function withKnown(record: CitationRecord, fields: Partial<CitationRecord>): CitationRecord {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== '') (record as unknown as Record<string, unknown>)[key] = value;
  }
  return record;
}

/**
 * The record for a reference the page cites, by its canonical id, with its metadata when the open
 * data had it. Undefined for a string that is not a canonical id.
 */
export function referenceRecord(id: string, meta?: DocumentMeta): CitationRecord | undefined {
  const parsed = parseReferenceId(id);
  if (!parsed) return undefined;
  const known = { title: meta?.title, date: meta?.date };

  if (parsed.kind === 'eu') {
    return withKnown(
      { keyBasis: id, type: 'statute', designation: upperFirst(referenceLabel(parsed)), number: parsed.number, url: fallbackUrl(parsed) },
      { kindName: KIND_NAMES_SV.eu, ...known },
    );
  }
  const number = `${parsed.rm}:${parsed.number}`;
  if (parsed.kind === 'sfs') {
    const section = parsed.anchor ? (meta?.law?.place?.label ?? lawPlaceLabel(parsed.anchor)) : undefined;
    return withKnown(
      {
        keyBasis: id,
        type: 'statute',
        prefix: PREFIXES.sfs,
        number,
        designation: `SFS ${number}`,
        // Always the open data's address (never the reader's lagen.nu): the authoritative source.
        url: lawHref(id, 'riksdagen', meta?.url),
        lawCitation: lawCitation(section, number, meta?.title),
      },
      { kindName: KIND_NAMES_SV.sfs, section, ...known },
    );
  }
  const prefix = PREFIXES[parsed.kind]!;
  return withKnown(
    { keyBasis: id, type: typeOf(parsed.kind), prefix, number, designation: `${prefix} ${number}` },
    { kindName: KIND_NAMES_SV[parsed.kind], organ: meta?.organName ?? meta?.organ, url: meta?.url, ...known },
  );
}

/** A document known by its dok_id (a page with highlights), as the open data or the page describes it. */
export interface DocumentFacts {
  dokId: string;
  /** The open data's doktyp (`frs`, `prop`) or the page's kind; `other` for a kind we do not single out. */
  doktyp?: string;
  /** Riksmöte or year, and the number in it: together `2018/19:523`. */
  rm?: string;
  beteckning?: string;
  title?: string;
  date?: string;
  /** Full name when known. */
  organ?: string;
  url: string;
}

/** The record for a whole document known by its dok_id (the Markdown export's documents). */
export function documentRecord(facts: DocumentFacts): CitationRecord {
  const doktyp = facts.doktyp?.toLowerCase() ?? '';
  const prefix = PREFIXES[doktyp];
  const number = facts.rm && facts.beteckning ? `${facts.rm}:${facts.beteckning}` : undefined;
  return withKnown(
    { keyBasis: facts.dokId, type: typeOf(doktyp), url: facts.url },
    {
      kindName: kindNameOf(doktyp),
      prefix: number ? prefix : undefined,
      number,
      designation: prefix && number ? `${prefix} ${number}` : undefined,
      title: facts.title,
      date: facts.date,
      organ: facts.organ,
    },
  );
}
