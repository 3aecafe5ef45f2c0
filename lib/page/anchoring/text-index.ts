/**
 * The document region's text as one string, and the way between offsets in that string and DOM
 * positions. The string is exactly the region's `textContent` (every Text node, in document
 * order), the coordinate space of our selectors: links we add only wrap text, so offsets stay
 * valid while the page is annotated.
 *
 * Built once per batch (one walk over the text nodes, O(nodes) time and memory); every lookup
 * after that is a binary search, so anchoring 500 highlights walks the DOM once, not 500 times.
 * An index describes the DOM as it was when built: rebuild it after the region changes.
 */

export interface TextPoint {
  node: Text;
  offset: number;
}

const SHOW_TEXT = 4;
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

export class TextIndex {
  readonly region: Element;
  readonly text: string;
  private readonly nodes: Text[];
  /** Where each node's text starts in `text`, ascending. */
  private readonly starts: number[];
  private readonly startOf: Map<Text, number>;

  private constructor(region: Element, nodes: Text[], starts: number[], text: string) {
    this.region = region;
    this.nodes = nodes;
    this.starts = starts;
    this.text = text;
    this.startOf = new Map(nodes.map((node, i) => [node, starts[i]!]));
  }

  static build(region: Element): TextIndex {
    const walker = region.ownerDocument.createTreeWalker(region, SHOW_TEXT);
    const nodes: Text[] = [];
    const starts: number[] = [];
    const parts: string[] = [];
    let length = 0;
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      nodes.push(node);
      starts.push(length);
      parts.push(node.data);
      length += node.data.length;
    }
    return new TextIndex(region, nodes, starts, parts.join(''));
  }

  /**
   * The DOM point at a text offset. At a boundary between two nodes, `forward` picks the start of
   * the later node (right for a range's start) and `backward` the end of the earlier one (right
   * for its end), so a range never begins or ends in a node it covers none of.
   */
  pointAt(offset: number, bias: 'forward' | 'backward'): TextPoint | null {
    if (this.nodes.length === 0 || offset < 0 || offset > this.text.length) return null;
    // Last node starting at or before the offset (backward: strictly before, unless it is 0).
    let lo = 0;
    let hi = this.nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const start = this.starts[mid]!;
      if (bias === 'forward' ? start <= offset : start < offset) lo = mid;
      else hi = mid - 1;
    }
    let i = lo;
    // Forward: skip empty nodes and nodes that end exactly here.
    if (bias === 'forward') {
      while (i < this.nodes.length - 1 && offset >= this.starts[i]! + this.nodes[i]!.data.length) i++;
    }
    const node = this.nodes[i]!;
    return { node, offset: Math.min(Math.max(offset - this.starts[i]!, 0), node.data.length) };
  }

  /** A Range over text [start, end), or null when the offsets lie outside the text. */
  rangeOf(start: number, end: number): Range | null {
    if (start > end) return null;
    const from = this.pointAt(start, 'forward');
    const to = this.pointAt(end, 'backward');
    if (!from || !to) return null;
    const range = this.region.ownerDocument.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /**
   * The text offset of a DOM boundary point (a Range's start or end, a caret). A point between
   * elements counts as the start of the first text that follows it. Null outside the region.
   */
  offsetOf(container: Node, offset: number): number | null {
    if (container !== this.region && !this.region.contains(container)) return null;
    if (container.nodeType === 3) {
      const start = this.startOf.get(container as Text);
      if (start !== undefined) return start + Math.min(offset, (container as Text).data.length);
      return null;
    }
    const child = container.childNodes[offset];
    // The first indexed text node at or after the point: inside `child`, or after it; when the
    // point is after the container's last child, the first text after the container.
    const isAtOrAfter = child
      ? (node: Text) => (child.compareDocumentPosition(node) & (FOLLOWING | CONTAINED_BY)) !== 0 || child === node
      : (node: Text) => {
          const relation = container.compareDocumentPosition(node);
          return (relation & FOLLOWING) !== 0 && (relation & CONTAINED_BY) === 0;
        };
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (isAtOrAfter(this.nodes[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo < this.nodes.length ? this.starts[lo]! : this.text.length;
  }

  /** A Range's text offsets, clipped to the region; null when it lies wholly outside. */
  offsetsOf(range: Range): { start: number; end: number } | null {
    const region = this.region;
    const startInside = range.startContainer === region || region.contains(range.startContainer);
    const endInside = range.endContainer === region || region.contains(range.endContainer);
    const start = startInside ? this.offsetOf(range.startContainer, range.startOffset) : range.intersectsNode(region) ? 0 : null;
    const end = endInside ? this.offsetOf(range.endContainer, range.endOffset) : range.intersectsNode(region) ? this.text.length : null;
    if (start === null || end === null || end < start) return null;
    return { start, end };
  }
}
