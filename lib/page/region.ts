import { isSkipped } from './segments.ts';
import { runToEnd } from './steps.ts';

/**
 * Finds the element that holds a document's text, without trusting any one CSS class: the site's
 * markup changes, and data.riksdagen.se serves bare HTML with no landmarks at all.
 *
 * Start at the `main` landmark (or `body`), measure the prose under every element once, then walk
 * down while a single child holds most of it. What is left is the smallest element that contains
 * nearly all of the document's text — never navigation, headers, footers, forms or code, whose
 * text is not counted as prose (the same elements segments.ts never reads).
 */

// A child must hold this share of its parent's prose for us to step into it. Lower and a document
// split into two long sections would lose one of them; higher and a short metadata box beside the
// text keeps us at the landmark (harmless: reading skips navigation, asides, forms and the like
// inside the region too, see segments.ts).
const DESCEND_SHARE = 0.75;
// We step only into containers: a single paragraph or list holding most of a short document is
// still only part of it.
const CONTAINERS = new Set(['MAIN', 'ARTICLE', 'SECTION', 'DIV']);

// Nodes visited between pauses of the stepwise search: small enough that a pause comes every
// millisecond or so, large enough that pausing costs nothing measurable.
const NODES_PER_STEP = 1024;

export function findDocumentRegion(doc: Document): Element | null {
  return runToEnd(findDocumentRegionInSteps(doc));
}

/**
 * The same search, pausing every so many nodes: a 10 MB page has hundreds of thousands of them,
 * and one pass over them all would hold the page for 50 ms. The caller decides when to go on.
 */
export function* findDocumentRegionInSteps(doc: Document): Generator<void, Element | null, void> {
  const landmarks = Array.from(doc.querySelectorAll('main, [role="main"]'));
  const roots = landmarks.length > 0 ? landmarks : doc.body ? [doc.body] : [];
  let best: Prose | null = null;
  for (const root of roots) {
    const prose = yield* measureProse(root);
    if (!best || (prose.sizes.get(root) ?? 0) > (best.sizes.get(best.root) ?? 0)) best = prose;
  }
  return best ? descend(best) : null;
}

interface Prose {
  root: Element;
  /** Prose under the root and under every container in it. */
  sizes: Map<Element, number>;
  /** Each element's child container with the most prose. */
  biggest: Map<Element, Element>;
}

/**
 * Down from the root while one child container holds most of the prose. Only the biggest child
 * can (more than half of the whole has room for one), so no element's children are read again.
 */
function descend({ root, sizes, biggest }: Prose): Element {
  let current = root;
  for (;;) {
    const total = sizes.get(current) ?? 0;
    const next = biggest.get(current);
    if (total === 0 || !next || (sizes.get(next) ?? 0) < total * DESCEND_SHARE) return current;
    current = next;
  }
}

/**
 * Prose length (characters of text) under every container of `root`, in one pass. The walk is a
 * loop with its own stack rather than recursion, so that it can pause anywhere. Should the page
 * move a node while we pause, the sizes come out a little off, and a region that left the page is
 * noticed by the caller as the page changes.
 */
function* measureProse(root: Element): Generator<void, Prose, void> {
  const sizes = new Map<Element, number>();
  const biggest = new Map<Element, Element>();
  const open: { el: Element; total: number }[] = [{ el: root, total: 0 }];
  let node: Node | null = root.firstChild;
  let visited = 0;
  for (;;) {
    if (node) {
      if (++visited % NODES_PER_STEP === 0) yield;
      // The DOM's own length, not the text: reading every node's text into a string costs more
      // than the whole decision. Whitespace between tags adds a little everywhere, evenly.
      if (node.nodeType === 3) open[open.length - 1]!.total += (node as Text).length;
      else if (node.nodeType === 1 && !isSkipped(node as Element)) {
        open.push({ el: node as Element, total: 0 });
        node = node.firstChild;
        continue;
      }
      node = node.nextSibling;
      continue;
    }
    const done = open.pop()!;
    const parent = open[open.length - 1];
    // Only containers are ever descended into: on a 10 MB page, a size for every paragraph costs
    // more than the decision itself.
    if (done.el === root || CONTAINERS.has(done.el.tagName)) {
      sizes.set(done.el, done.total);
      if (parent) {
        const rival = biggest.get(parent.el);
        if (!rival || sizes.get(rival)! < done.total) biggest.set(parent.el, done.el);
      }
    }
    if (!parent) return { root, sizes, biggest };
    parent.total += done.total;
    node = done.el.nextSibling;
  }
}
