/**
 * Reading a document region's text the way a reader sees it: as runs of text within one block
 * (a paragraph, a list item, a table cell), across inline formatting (`<i>prop.</i> 2017/18:1`)
 * and soft line breaks (`<br>`), so a reference split by markup is still found whole.
 */

/** One block's run of text, and where each character came from. */
export interface Segment {
  /** The run's text; a `<br>` reads as "\n" and belongs to no node. */
  text: string;
  nodes: Text[];
  /** Where each node's text starts in `text`. */
  starts: number[];
  /** Where each node's text ends in `text`, as read (linking splits the nodes afterwards). */
  ends: number[];
}

// Elements whose text is never ours to read or touch, by name and attribute: on a long document
// this runs for every element, and a set lookup is many times cheaper than Element.matches().
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button', 'code', 'kbd',
  'samp', 'svg', 'math', 'iframe', 'object', 'canvas', 'video', 'audio',
  // Never document text, even inside the region (region.ts does not count it either): the
  // site's own navigation, headers, footers, asides and forms.
  'nav', 'header', 'footer', 'aside', 'form',
]);
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search']);
// Footnote markers and the like: their digits never run on into a reference's number
// (`SOU 2018:65<sup>1</sup>` is SOU 2018:65 and footnote 1).
const SEPARATE = new Set(['sup', 'sub']);

// Inline elements: their text runs on with their neighbours'. Everything else starts a block.
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'label', 'mark', 'q',
  'riksref-highlight', 'ruby', 'rt', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);

export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

/** True for elements whose subtree we never read: code, form fields, editable parts, our own UI. */
export function isSkipped(el: Element): boolean {
  const name = el.localName;
  if (SKIPPED_TAGS.has(name)) return true;
  // A `<pre>` that holds code is code; a `<pre>` of prose (riksdag tables, old texts) is prose.
  if (name === 'pre') return el.querySelector('code') !== null;
  // Most elements of a document's text have no attributes at all: one call instead of five.
  if (!el.hasAttributes()) return false;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.hasAttribute('hidden') || el.hasAttribute('data-riksref-ui')) return true;
  const role = el.getAttribute('role');
  return role !== null && SKIPPED_ROLES.has(role);
}

/** The next node after `node`'s subtree in document order, within `root`. */
function nextAfter(node: Node, root: Node): Node | null {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

/**
 * Walks `root` and hands out its segments one at a time, so a caller can stop between any two
 * (to yield to the page) and carry on later — even after changing the DOM of segments already
 * handed out. The walk starts at `from` when given (a node inside `root`), and stops at `until`
 * when given (a node after `from`, typically the block where another pass began).
 */
export function* segments(root: Element, options: { from?: Node; until?: Node } = {}): Generator<Segment> {
  // Each element's block, found once per walk from its parent's.
  const blocks = new Map<Node, Node>();
  const blockOf = (el: Node): Node => {
    if (el === root || el.nodeType !== 1 || !isInline(el as Element)) return el;
    let block = blocks.get(el);
    if (!block) {
      block = el.parentNode ? blockOf(el.parentNode) : root;
      blocks.set(el, block);
    }
    return block;
  };

  // Whether an element lies in a footnote marker (sup/sub) of its block, found once per walk.
  const separate = new Map<Node, boolean>();
  const inSeparate = (el: Node): boolean => {
    if (el === root || el.nodeType !== 1 || !isInline(el as Element)) return false;
    let value = separate.get(el);
    if (value === undefined) {
      value = SEPARATE.has((el as Element).localName) || (el.parentNode ? inSeparate(el.parentNode) : false);
      separate.set(el, value);
    }
    return value;
  };

  let current: Segment | null = null;
  let currentBlock: Node | null = null;
  let currentSeparate = false;
  // A run is worth handing out only if it holds a digit: every reference has one.
  const finished = (): Segment | null => (current && current.nodes.length > 0 && /\d/.test(current.text) ? current : null);

  let node: Node | null = options.from ?? root.firstChild;
  while (node) {
    if (node === options.until) break;
    const type = node.nodeType;
    if (type === 1) {
      const el = node as Element;
      if (isSkipped(el)) {
        node = nextAfter(el, root);
        continue;
      }
      if (current && el.localName === 'br') current.text += '\n';
      node = el.firstChild ?? nextAfter(el, root);
      continue;
    }
    if (type === 3) {
      const text = node as Text;
      const parent = text.parentNode;
      const block = parent ? blockOf(parent) : root;
      if (block !== currentBlock) {
        const done = finished();
        if (done) yield done;
        current = { text: '', nodes: [], starts: [], ends: [] };
        currentBlock = block;
        currentSeparate = false;
      }
      // Into or out of a footnote marker: a space that belongs to no node keeps the numbers apart.
      const inFootnote = parent ? inSeparate(parent) : false;
      if (inFootnote !== currentSeparate && current!.text !== '') current!.text += ' ';
      currentSeparate = inFootnote;
      current!.starts.push(current!.text.length);
      current!.nodes.push(text);
      current!.text += text.data;
      current!.ends.push(current!.text.length);
    }
    node = nextAfter(node, root);
  }
  const last = finished();
  if (last) yield last;
}
