import { findReferences } from '../refs/find.ts';
import { referenceLabel } from '../refs/labels.ts';
import { REFERENCE_KINDS, type ReferenceKind } from '../refs/types.ts';
import type { ReadingRecord } from '../db/database.ts';

/*
 * A page the reader has read, as the reading history keeps it (issue 13). The content script
 * sends what it already knows about the page — its dok_id and kind, its heading line, title, date,
 * address and the references it linked — and the reading is made here, in the background, so
 * that the content script carries none of this.
 */

/** What the content script tells about a page it has linked. */
export interface PageReading {
  dokId: string;
  /** The page's kind (lib/page/kinds.ts: `prop`, `frs`, `other`, …). */
  kind: string;
  /** The line that named the page's kind (`Svar på fråga 2018/19:523 av …`), if one did. */
  heading?: string;
  title: string;
  date?: string;
  url: string;
  /** The canonical ids the page links, in any order, repeats allowed. */
  refs: string[];
}

/** A reading as the history stores it (lib/db/database.ts), before it is given its time and size. */
export type Reading = Omit<ReadingRecord, 'readAt' | 'size'>;

/** How far into the heading line the designation may start (`Utbildningsutskottets betänkande 2023/24:UbU5`). */
const DESIGNATION_WITHIN = 60;
const TITLE_MAX = 300;

/** The reference kind a page kind is cited as: an answer is cited as its question. */
function citedAs(kind: string): ReferenceKind | undefined {
  const k = kind === 'frs' ? 'fr' : kind;
  return k !== 'eu' && (REFERENCE_KINDS as readonly string[]).includes(k) ? (k as ReferenceKind) : undefined;
}

/** The page's own document as a reference, from its heading line: its id and how it is cited. */
export function pageIdentity(kind: string, heading: string | undefined): { id: string; label: string } | undefined {
  const wanted = citedAs(kind);
  if (!wanted || !heading) return undefined;
  // The heading's first reference, near its start: "Motion 2023/24:1544 med anledning av prop. …" names a motion.
  const ref = findReferences(heading.slice(0, 200))[0];
  if (!ref || ref.kind !== wanted || ref.start > DESIGNATION_WITHIN) return undefined;
  const label = referenceLabel(ref.id);
  return { id: ref.id, label: kind === 'frs' ? `Svar på ${label}` : label };
}

/**
 * The reading to keep: each reference once, a law's places reduced to the law (a card is about a
 * document, not one of its sections), and never the page's own document (a betänkande that names
 * itself does not cite itself).
 */
export function toReading(page: PageReading): Reading {
  const identity = pageIdentity(page.kind, page.heading);
  const refs = new Set<string>();
  for (const ref of page.refs) {
    const hash = ref.indexOf('#');
    refs.add(hash >= 0 ? ref.slice(0, hash) : ref);
  }
  if (identity) refs.delete(identity.id);
  // A window title (a page without a heading) ends with the site's name: "… - Riksdagen".
  const title = page.title.replace(/\s+/g, ' ').replace(/ [-–] Riksdagen$/, '').trim().slice(0, TITLE_MAX) || identity?.label || page.dokId;
  // Keyed as pages key their document (lib/page/url.ts): upper-cased, whatever the casing sent.
  const reading: Reading = { dokId: page.dokId.toUpperCase(), kind: page.kind, title, url: page.url, refs: [...refs] };
  if (identity) Object.assign(reading, identity);
  if (page.date) reading.date = page.date;
  return reading;
}
