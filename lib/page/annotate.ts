import { fallbackUrl, findReferences, LawContext, type FindOptions, type Reference, type ReferenceKind } from '../refs/index.ts';
import { FIRST_CHUNK, Pacing, type ChunkBudget } from './pacing.ts';
import { segments, type Segment } from './segments.ts';
import { isWhiteSpace } from './white-space.ts';
import { TextWrapper } from './wrap-text.ts';

/*
 * Where a reference becomes a link. The contract (DESIGN.md): each linked reference is an `<a>`
 * with `data-riksref="<canonical id>"` and a working href from the start, and the page's text is
 * unchanged — we only split text nodes and wrap pieces of them, never move or rewrite the page's
 * own elements. A reference split over several inline elements is linked piece by piece; the
 * pieces share `data-riksref-ref`, so hover and counting treat them as one.
 */

export const ATTR_ID = 'data-riksref';
/** Shared by every piece of one reference. */
export const ATTR_REF = 'data-riksref-ref';
/** On the page's own links that we only tagged: undo removes our attributes and nothing else. */
export const ATTR_EXISTING = 'data-riksref-existing';

export interface AnnotatorOptions {
  /** Which kinds to link; all when not given. */
  kinds?: ReadonlySet<ReferenceKind>;
  /** The href of the links to a reference (asked once per id); the fallback URL when not given. */
  hrefFor?: (ref: Reference) => string;
  /** Runs each batch of DOM writes, e.g. so a MutationObserver can tell them from the page's own. */
  mutate?: <T>(write: () => T) => T;
  /** The document's date (`YYYY-MM-DD`): which law a name means. Today when not given. */
  date?: string;
}

/** One reference as linked on the page: the anchors of all its pieces. */
export interface LinkedReference {
  id: string;
  kind: ReferenceKind;
  anchors: HTMLAnchorElement[];
}

let nextRef = 1;

/**
 * Links references in one document region, and can take every link away again. Idempotent:
 * text already inside our links is read (so enumerations still parse) but never linked twice.
 */
export class Annotator {
  readonly region: Element;
  private readonly options: AnnotatorOptions;
  /** Our own anchors around the page's text, taken out exactly on undo. */
  private readonly anchors = new TextWrapper();
  private readonly taggedLinks: HTMLAnchorElement[] = [];
  private readonly linked = new Map<string, LinkedReference>();
  /** The distinct ids among them, kept as they are linked: asked for after every chunk. */
  private readonly distinct = new Set<string>();
  private readonly models = new Map<string, HTMLAnchorElement>();
  /**
   * How every block is read: the document's date, and one law context for all its blocks (what
   * the text has taught about its laws so far).
   */
  private readonly find: FindOptions;

  constructor(region: Element, options: AnnotatorOptions = {}) {
    this.region = region;
    this.options = options;
    this.find = options.date ? { date: options.date, laws: new LawContext() } : { laws: new LawContext() };
  }

  /** Every reference linked so far, by its `data-riksref-ref` number. */
  get references(): ReadonlyMap<string, LinkedReference> {
    return this.linked;
  }

  /** The distinct canonical ids linked so far. */
  ids(): ReadonlySet<string> {
    return this.distinct;
  }

  /** Links everything in the region (or under `within`) at once. */
  annotate(within: Element = this.region): number {
    return this.mutate(() => {
      let count = 0;
      for (const segment of segments(within)) count += this.annotateSegment(segment);
      return count;
    });
  }

  /** Runs one batch of DOM writes through the `mutate` option, when there is one. */
  private mutate<T>(write: () => T): T {
    return this.options.mutate ? this.options.mutate(write) : write();
  }

  /**
   * Links the region a chunk at a time, yielding to the page after each (pacing.ts sizes them). The
   * part from `startAt` (the block the reader sees) on comes first, then the part before it.
   * Resolves when done or when `signal` aborts.
   */
  async annotateInChunks(options: {
    /**
     * Gives the page its turn. It may resolve with how long the page took to render the frame
     * that followed (ms): the next chunk is sized from it (pacing.ts).
     */
    yieldToMain: () => Promise<number | void>;
    /** The first chunk's budget; pacing.ts's by default. */
    first?: ChunkBudget;
    startAt?: Node;
    signal?: AbortSignal;
    /** Called after each chunk with the time it kept the main thread and whether it was the last, e.g. to publish the count. */
    onChunk?: (busyMs: number, last: boolean) => void;
  }): Promise<void> {
    const pacing = new Pacing(options.first ?? FIRST_CHUNK);
    const startAt = options.startAt && this.region.contains(options.startAt) ? options.startAt : undefined;
    const passes = startAt ? [segments(this.region, { from: startAt }), segments(this.region, { until: startAt })] : [segments(this.region)];
    for (const [index, pass] of passes.entries()) {
      const last = index === passes.length - 1;
      const iterator = pass[Symbol.iterator]();
      let done = false;
      while (!done) {
        if (options.signal?.aborted) return;
        const chunkStart = performance.now();
        const budget = pacing.budget;
        // The text of the blocks this chunk links in: the frame after it lays them out again.
        let chars = 0;
        // One batch of writes per chunk, not per block: telling our writes from the page's (the
        // mutation observer's take-disconnect-observe) costs the same for one block as for many.
        done = this.mutate(() => {
          for (;;) {
            const next = iterator.next();
            if (next.done) return true;
            if (this.annotateSegment(next.value) > 0) chars += next.value.text.length;
            if (performance.now() - chunkStart >= budget.ms || chars >= budget.chars) return false;
          }
        });
        options.onChunk?.(performance.now() - chunkStart, done && last);
        // The end of the last pass needs no turn of its own; between passes, the page paints the
        // first (the reader's part) before the second starts.
        if (done && last) return;
        const frameMs = await options.yieldToMain();
        if (typeof frameMs === 'number') pacing.painted(chars, frameMs);
      }
    }
  }

  /** Takes every link away and puts the page's text nodes back as they were. */
  undo(): void {
    this.mutate(() => this.restore());
  }

  private restore(): void {
    this.anchors.unwrapAll();
    for (const link of this.taggedLinks) {
      link.removeAttribute(ATTR_ID);
      link.removeAttribute(ATTR_REF);
      link.removeAttribute(ATTR_EXISTING);
    }
    this.taggedLinks.length = 0;
    this.linked.clear();
    this.distinct.clear();
  }

  /** Links one block's references; the caller batches the writes (see `mutate`). */
  private annotateSegment(segment: Segment): number {
    const kinds = this.options.kinds;
    const found = findReferences(segment.text, this.find);
    const refs = kinds ? found.filter((r) => kinds.has(r.kind)) : found;
    if (refs.length === 0) return 0;
    let count = 0;
    // A block's references mostly sit in one or two text nodes: ask the DOM once per parent.
    const linkAbove = new Map<Element, HTMLAnchorElement | null>();
    // Last first: splitting a node leaves the offsets of everything before the split valid.
    for (let i = refs.length - 1; i >= 0; i--) {
      if (this.link(segment, refs[i]!, linkAbove)) count++;
    }
    return count;
  }

  /**
   * An unattached anchor with the id and href of `ref`, made once per id and cloned for each link:
   * one call into the DOM instead of three for a document that cites the same ids again and again.
   */
  private modelFor(ref: Reference, doc: Document): HTMLAnchorElement {
    let model = this.models.get(ref.id);
    if (!model) {
      model = doc.createElement('a');
      model.setAttribute(ATTR_ID, ref.id);
      model.setAttribute('href', this.options.hrefFor?.(ref) ?? fallbackUrl(ref.id));
      this.models.set(ref.id, model);
    }
    return model;
  }

  /**
   * `linkAbove` remembers, per parent element, the link it lies in (a block's own cache: what we
   * link inside the block adds links only around text it has already read).
   */
  private link(segment: Segment, ref: Reference, linkAbove: Map<Element, HTMLAnchorElement | null>): boolean {
    const pieces = piecesOf(segment, ref);
    if (pieces.length === 0) return false;
    const existing: HTMLAnchorElement[] = [];
    for (const piece of pieces) {
      const parent = piece.node.parentElement;
      if (!parent) continue;
      let a = linkAbove.get(parent);
      if (a === undefined) linkAbove.set(parent, (a = parent.closest('a')));
      if (!a) continue;
      // Already linked by us (a second run): nothing to do.
      if (a.hasAttribute(ATTR_REF)) return false;
      existing.push(a);
    }
    const key = String(nextRef++);
    if (existing.length > 0) {
      // The page's own link: keep it as it is, only say what it refers to — and only when the
      // whole reference lies inside that one link.
      const link = existing[0]!;
      if (existing.length !== pieces.length || existing.some((a) => a !== link)) return false;
      // Only a link whose text IS the reference ("SOU 2018:65", "(SOU 2018:65)"); a link that
      // merely mentions one among other words is the page's business.
      const rest = (link.textContent ?? '').replace(segment.text.slice(ref.start, ref.end), '');
      if (/[\p{L}\p{N}]/u.test(rest)) return false;
      link.setAttribute(ATTR_ID, ref.id);
      link.setAttribute(ATTR_REF, key);
      link.setAttribute(ATTR_EXISTING, '');
      this.taggedLinks.push(link);
      this.linked.set(key, { id: ref.id, kind: ref.kind, anchors: [link] });
      this.distinct.add(ref.id);
      return true;
    }

    const model = this.modelFor(ref, pieces[0]!.node.ownerDocument);
    const anchors: HTMLAnchorElement[] = [];
    // Pieces last to first, for the same reason as references.
    for (let i = pieces.length - 1; i >= 0; i--) {
      const { node, start, end } = pieces[i]!;
      const anchor = model.cloneNode(false) as HTMLAnchorElement;
      anchor.setAttribute(ATTR_REF, key);
      this.anchors.wrap(node, start, end, anchor);
      anchors.unshift(anchor);
    }
    this.linked.set(key, { id: ref.id, kind: ref.kind, anchors });
    this.distinct.add(ref.id);
    return true;
  }
}

interface Piece {
  node: Text;
  start: number;
  end: number;
}

/**
 * The parts of each text node that a reference covers, trimmed of white space at node edges
 * (so `<i>prop.</i> 2017/18:1` links "prop." and "2017/18:1", not the space between). Read from
 * the segment's own text and positions: asking a text node for its data is a call into the DOM.
 */
function piecesOf(segment: Segment, ref: Reference): Piece[] {
  const pieces: Piece[] = [];
  const text = segment.text;
  for (let i = 0; i < segment.nodes.length; i++) {
    const nodeStart = segment.starts[i]!;
    const nodeEnd = segment.ends[i]!;
    if (nodeEnd <= ref.start) continue;
    if (nodeStart >= ref.end) break;
    let start = Math.max(ref.start, nodeStart);
    let end = Math.min(ref.end, nodeEnd);
    while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
    while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) pieces.push({ node: segment.nodes[i]!, start: start - nodeStart, end: end - nodeStart });
  }
  return pieces;
}
