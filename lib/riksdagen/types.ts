import type { ReferenceKind } from '../refs/types.ts';

/**
 * What we know about one referenced document: our own shape, built from the open data API's
 * record and independent of it, so the cache and the hover card never see the API's quirks.
 * Every text field is plain text (never markup) and every URL is https.
 */
export interface DocumentMeta {
  /** Canonical reference id (`sou:2018:65`). */
  id: string;
  /** The API's document id (`H6B365`); opaque. */
  dokId: string;
  kind: ReferenceKind;
  /** How the reference is printed: `SOU 2018:65`, `prop. 2017/18:1`. */
  label: string;
  title: string;
  subtitle?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  /** Department or committee code as the API gives it (`Ju`, `JuU`). */
  organ?: string;
  /** Full Swedish name of `organ` when the code is known; otherwise show the raw code. */
  organName?: string;
  /** Plain-text status/process line (the API's `statusrad`, tags stripped). */
  status?: string;
  /** Plain-text summary (tags stripped, shortened). */
  summary?: string;
  /** The document's page on www.riksdagen.se, or the API's HTML version. */
  url: string;
  fullTextUrl?: string;
  pdfUrl?: string;
  /** For a skriftlig fråga: its answer (doktyp `frs`), when the API has one; `by` is the minister who answered. */
  answer?: { dokId: string; url: string; date?: string; by?: string };
  /** When the record was fetched, epoch milliseconds. */
  fetchedAt: number;
  /** For a law (kind `sfs`): its text's state and, for an id with an anchor, the place cited. */
  law?: LawInfo;
}

/**
 * A law as the card shows it (issue 11). The law's metadata (title, url) is the DocumentMeta
 * around it; this is what its consolidated text says.
 */
export interface LawInfo {
  /** `2009:400`. */
  sfs: string;
  /** How far the text is consolidated, as the open data writes it: `t.o.m. SFS 2026:120`. */
  consolidatedThrough?: string;
  /** For an id with an anchor (`sfs:2009:400#K10P2`): that place in the current text. */
  place?: LawPlaceText;
  /** When the open data says the law is repealed: the day (`YYYY-MM-DD`) and by what (`SFS 2010:1622`). */
  repealed?: { on?: string; by?: string };
}

export interface LawPlaceText {
  /** `K10P2`. */
  anchor: string;
  /** `10 kap. 2 §`. */
  label: string;
  /**
   * `found`: the place is in the law's current text; `missing`: it is not (repealed or
   * renumbered); `unavailable`: the text could not be had (`reason` says why; asking again may help).
   */
  state: 'found' | 'missing' | 'unavailable';
  /** The chapter's heading, plain text (`Sekretess till skydd för …`), when the law has chapters. */
  chapterTitle?: string;
  /**
   * The section's stycken in order, plain text (a `\n` only before a list point); absent for a
   * chapter alone.
   */
  paragraphs?: string[];
  /**
   * The wording shown is not in force yet: from this day (`YYYY-MM-DD`), or words such as
   * `den dag regeringen bestämmer`. Absent when it is in force.
   */
  inForceFrom?: string;
  /** The wording shown stops being in force on this day (`YYYY-MM-DD`): a change is decided. */
  inForceUntil?: string;
  reason?: UnavailableReason;
}

/** Why metadata could not be had. None of these is ever cached. */
export type UnavailableReason = 'timeout' | 'network' | 'http' | 'rate-limited' | 'malformed';

/** The outcome of looking one reference up in the API. */
export type LookupOutcome =
  | {
      status: 'found';
      meta: DocumentMeta;
      /** Served from a cache entry past its freshness; a refresh is under way. */
      stale?: true;
    }
  | { status: 'not-found' }
  | {
      status: 'unavailable';
      reason: UnavailableReason;
      /** Epoch milliseconds before which asking again is pointless (from a 429's Retry-After). */
      retryAfter?: number;
    };
