/**
 * Wrapping pieces of the page's text nodes in our own elements, and taking them out again so
 * exactly that the page's DOM is as it was. The links (annotate.ts) and the fallback paint of
 * highlights (highlight-paint.ts) both work this way: text nodes are only ever split, never
 * replaced, so the page's own references to them stay good.
 */
export class TextWrapper {
  private wrappers: Element[] = [];
  /** Text nodes split off, in creation order: each follows the text it came from. */
  private created: Text[] = [];

  /** Our wrappers, in the order they were made. */
  get wrapped(): readonly Element[] {
    return this.wrappers;
  }

  get isEmpty(): boolean {
    return this.wrappers.length === 0 && this.created.length === 0;
  }

  /** Wraps `node`'s characters [start, end) in `wrapper`, splitting the node only where needed. */
  wrap(node: Text, start: number, end: number, wrapper: Element): void {
    if (end < node.length) this.created.push(node.splitText(end));
    let middle = node;
    if (start > 0) {
      middle = node.splitText(start);
      this.created.push(middle);
    }
    middle.parentNode!.insertBefore(wrapper, middle);
    wrapper.appendChild(middle);
    this.wrappers.push(wrapper);
  }

  /** Takes every wrapper out and joins the split text back into the nodes it came from. */
  unwrapAll(): void {
    for (const wrapper of this.wrappers.reverse()) {
      const parent = wrapper.parentNode;
      if (!parent) continue;
      while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
      parent.removeChild(wrapper);
    }
    for (const node of this.created.reverse()) {
      const previous = node.previousSibling;
      if (previous && previous.nodeType === 3 && node.parentNode) {
        (previous as Text).appendData(node.data);
        node.parentNode.removeChild(node);
      }
    }
    this.wrappers = [];
    this.created = [];
  }
}
