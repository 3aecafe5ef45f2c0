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
}

/** Elements whose text is never ours to read or touch. */
export const SKIPPED_ELEMENTS =
  'script, style, noscript, template, textarea, input, select, option, button, code, kbd, samp, svg, math, ' +
  'iframe, object, canvas, video, audio, [contenteditable]:not([contenteditable="false"]), [data-riksref-ui]';

// Inline elements: their text runs on with their neighbours'. Everything else starts a block.
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'LABEL', 'MARK', 'Q',
  'RIKSREF-HIGHLIGHT', 'RUBY', 'RT', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR',
]);

export function isInline(el: Element): boolean {
  return INLINE.has(el.tagName.toUpperCase());
}

/** The block a node's text belongs to: its nearest ancestor that is not inline. */
function blockOf(node: Node, root: Node): Node {
  let el = node.parentNode;
  while (el && el !== root && el.nodeType === 1 && isInline(el as Element)) el = el.parentNode;
  return el ?? root;
}

/** A `<pre>` that holds code is code; a `<pre>` of prose (riksdag tables, old texts) is prose. */
function isCodeBlock(el: Element): boolean {
  return el.tagName === 'PRE' && el.querySelector('code') !== null;
}

function skipped(el: Element): boolean {
  return el.matches(SKIPPED_ELEMENTS) || isCodeBlock(el);
}

/**
 * Walks `root` and hands out its segments one at a time, so a caller can stop between any two
 * (to yield to the page) and carry on later. The walk starts at `from` when given (a node inside
 * `root`), and stops before `until` when given.
 */
export function* segments(root: Element, options: { from?: Node; until?: Node } = {}): Generator<Segment> {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 5 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) => (node.nodeType === 1 && skipped(node as Element) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  if (options.from) walker.currentNode = options.from;
  const until = options.until;

  let current: Segment | null = null;
  let currentBlock: Node | null = null;
  const flush = function* () {
    if (current && current.nodes.length > 0 && /\d/.test(current.text)) yield current;
    current = null;
    currentBlock = null;
  };

  // `from` itself is read first when it is text (nextNode() would step past it).
  let node: Node | null = options.from?.nodeType === 3 ? options.from : walker.nextNode();
  for (; node; node = walker.nextNode()) {
    if (until && (node === until || (until.nodeType === 1 && (until as Element).contains(node)))) break;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el.tagName === 'BR' && current) current.text += '\n';
      continue;
    }
    const text = node as Text;
    const block = blockOf(text, root);
    if (block !== currentBlock) {
      yield* flush();
      current = { text: '', nodes: [], starts: [] };
      currentBlock = block;
    }
    current!.starts.push(current!.text.length);
    current!.nodes.push(text);
    current!.text += text.data;
  }
  yield* flush();
}
