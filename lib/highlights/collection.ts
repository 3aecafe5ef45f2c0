import { nextTask, SLICE_MS } from '../time-slices.ts';
import { byDocumentOrder, type Highlight } from './highlight.ts';

/*
 * The reader's highlights arranged once for the side panel, so that showing and searching them
 * costs nothing per highlight that could have been done before (issue 12: 10 000 highlights over
 * 1 000 documents, search within 50 ms a keystroke). Built when the list changes; every keystroke
 * then only runs `includes` over strings folded in advance.
 */

export interface DocumentGroup {
  dokId: string;
  /** The document's title as one of its highlights recorded it, else its dok_id. */
  title: string;
  url: string;
  /** When the latest of its highlights changed: groups are listed by this, latest first. */
  latest: number;
  /** In document order. */
  highlights: Highlight[];
}

/**
 * Highlights grouped by dok_id, each group in document order, groups by their latest change (the
 * latest computed once per group, not in every comparison).
 */
export function groupByDocument(highlights: readonly Highlight[]): DocumentGroup[] {
  const steps = grouping(highlights);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** groupByDocument as steps: it yields every few hundred highlights or groups, to be paused at. */
function* grouping(highlights: readonly Highlight[]): Generator<void, DocumentGroup[]> {
  const groups = new Map<string, Highlight[]>();
  for (let i = 0; i < highlights.length; i++) {
    const h = highlights[i]!;
    const group = groups.get(h.dokId);
    if (group) group.push(h);
    else groups.set(h.dokId, [h]);
    if ((i & 1023) === 1023) yield;
  }
  const out: DocumentGroup[] = [];
  let sorted = 0;
  for (const [dokId, hs] of groups) {
    let latest = -Infinity;
    for (const h of hs) if (h.updated > latest) latest = h.updated;
    hs.sort(byDocumentOrder);
    const named = hs.find((h) => h.title) ?? hs[0]!;
    out.push({ dokId, title: named.title || dokId, url: named.url, latest, highlights: hs });
    sorted += hs.length;
    if (sorted >= 1024) {
      sorted = 0;
      yield;
    }
  }
  return out.sort((a, b) => b.latest - a.latest);
}

/**
 * Search folds case. `toLowerCase` rather than `toLocaleLowerCase('sv')`: Swedish has no casing
 * rule of its own (å, ä, ö fold the same everywhere), and the locale-aware one costs several times
 * more over 10 000 highlights. The words of a query hold no white space, so the texts searched
 * need none of theirs collapsed.
 */
const fold = (text: string) => text.toLowerCase();

const words = (query: string) => fold(query).split(/\s+/).filter(Boolean);

/** What a search looks in: the quote, the note and the document's title (apart: no word spans two). */
const haystack = (h: Highlight) => `${fold(h.selectors.quote.exact)}\u0000${fold(h.note)}\u0000${fold(h.title)}`;

/** Does the highlight's text, note or document title contain every word of the query? */
export function matchesSearch(highlight: Highlight, query: string): boolean {
  const text = haystack(highlight);
  return words(query).every((w) => text.includes(w));
}

/** A searched text and what it was made from, so that an unchanged highlight keeps its text. */
interface Folded {
  updated: number;
  note: string;
  title: string;
  quote: string;
  text: string;
}

const unchanged = (f: Folded, h: Highlight) => f.updated === h.updated && f.note === h.note && f.title === h.title && f.quote === h.selectors.quote.exact;

export class HighlightCollection {
  /** Latest changed first. */
  readonly all: readonly Highlight[];
  readonly groups: readonly DocumentGroup[];
  private readonly byDokId: Map<string, DocumentGroup>;
  /** By id: the text a search looks in, made by `prepare` (see there). */
  private readonly folded = new Map<string, Folded>();
  private prepared = 0;
  private previous: HighlightCollection | undefined;
  /** The last search, to narrow from when the reader types on (see `search`). */
  private last: { query: string; ids: string[] } | undefined;

  /**
   * `previous`: the collection this one replaces. Texts of highlights that did not change are
   * taken from it rather than folded again: a save in another tab re-reads the whole list, and
   * should cost the panel only the highlights that changed.
   */
  constructor(highlights: readonly Highlight[], previous?: HighlightCollection, groups?: readonly DocumentGroup[]) {
    this.all = highlights;
    this.groups = groups ?? groupByDocument(highlights);
    this.byDokId = new Map(this.groups.map((g) => [g.dokId, g]));
    this.previous = previous;
  }

  /**
   * The same collection, built a slice at a time: grouping 100 000 highlights (an import's worth)
   * takes Chromium a few hundred milliseconds, which the side panel must not spend in one task.
   */
  static async build(
    highlights: readonly Highlight[],
    previous?: HighlightCollection,
    { sliceMs = SLICE_MS, pause = nextTask }: { sliceMs?: number; pause?: () => Promise<void> } = {},
  ): Promise<HighlightCollection> {
    const steps = grouping(highlights);
    let began = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return new HighlightCollection(highlights, previous, step.value);
      if (performance.now() - began >= sliceMs) {
        await pause();
        began = performance.now();
      }
    }
  }

  get size(): number {
    return this.all.length;
  }

  /** One document's highlights in document order (dok_id in any case). */
  forDocument(dokId: string): readonly Highlight[] {
    return this.byDokId.get(dokId.toUpperCase())?.highlights ?? [];
  }

  /**
   * Makes the search texts until `deadline` (a `performance.now()` time), or all of them; true
   * once all are made. Folding 10 000 highlights takes Chromium 15–40 ms: the side panel does it
   * in slices after the list is on screen, rather than before showing it, and a search that comes
   * first finishes the rest itself.
   */
  prepare(deadline = Infinity): boolean {
    const all = this.all;
    while (this.prepared < all.length) {
      const h = all[this.prepared++]!;
      const before = this.previous?.folded.get(h.id);
      this.folded.set(
        h.id,
        before && unchanged(before, h) ? before : { updated: h.updated, note: h.note, title: h.title, quote: h.selectors.quote.exact, text: haystack(h) },
      );
      if ((this.prepared & 63) === 0 && performance.now() >= deadline) break;
    }
    if (this.prepared < all.length) return false;
    this.previous = undefined; // its texts are ours now, or no longer wanted
    return true;
  }

  /**
   * The ids of the highlights whose text, note or title contain every word of the query, or null
   * for an empty query (everything). When the query only grows — the reader typing on — the
   * answer can only shrink, so only the last answer's highlights are looked at again.
   */
  search(query: string): ReadonlySet<string> | null {
    const wanted = words(query);
    if (wanted.length === 0) return null;
    this.prepare();
    const key = wanted.join(' ');
    // Every word of the last query is part of one of the new query's words when the new query
    // starts with the last one: whatever matches now matched then.
    const last = this.last;
    const candidates: Iterable<string> = last && key.startsWith(last.query) ? last.ids : this.folded.keys();
    const ids: string[] = [];
    for (const id of candidates) {
      const text = this.folded.get(id)!.text;
      if (wanted.every((w) => text.includes(w))) ids.push(id);
    }
    this.last = { query: key, ids };
    return new Set(ids);
  }
}
