/**
 * Painting saved highlights on the page. Where the browser has the CSS Custom Highlight API
 * (`CSS.highlights`, current Chrome and Firefox) the page's DOM is not touched at all: one
 * `Highlight` per colour, named `riksref-<colour>`, holds the ranges. Elsewhere each range's text
 * is wrapped in `<riksref-highlight>` elements (inline, so our own text reading treats them as
 * part of the run), and taken out again exactly, joining the text nodes we split.
 *
 * The page's look comes from one `<style>` in the head that selects only `::highlight(riksref-…)`
 * and `riksref-highlight`, never the page's own elements. It goes in only once there is something
 * to paint: a new stylesheet makes the browser restyle every element of the page (about 30 ms on a
 * 1 MB document), a cost a page without highlights should not pay.
 */

import { TextWrapper } from './wrap-text.ts';

export interface PaintedHighlight {
  id: string;
  color: string;
  range: Range;
}

export const HIGHLIGHT_ELEMENT = 'riksref-highlight';
const FLASH = 'riksref-flash';
const FLASH_MS = 1600;

type Write = <T>(write: () => T) => T;

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): boolean;
}

function registry(win: Window): { registry: HighlightRegistry; Highlight: new (...ranges: Range[]) => unknown } | null {
  const css = (win as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (win as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  return css?.highlights && typeof Highlight === 'function' ? { registry: css.highlights, Highlight } : null;
}

export class HighlightPainter {
  readonly mode: 'api' | 'elements';
  private readonly doc: Document;
  private readonly write: Write;
  private readonly api: ReturnType<typeof registry>;
  private painted: PaintedHighlight[] = [];
  private names = new Set<string>();
  /** Fallback: our wrappers around the page's text, taken out exactly on clear. */
  private readonly wrappers = new TextWrapper();
  private style: HTMLStyleElement | null = null;
  private readonly css: string;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  /** `css` is the paint's stylesheet, put in the page's head on the first paint. */
  constructor(doc: Document, options: { write?: Write; forceElements?: boolean; css?: string } = {}) {
    this.doc = doc;
    this.css = options.css ?? '';
    this.write = options.write ?? ((w) => w());
    this.api = options.forceElements ? null : registry(doc.defaultView ?? window);
    this.mode = this.api ? 'api' : 'elements';
  }

  /** Puts the paint's stylesheet in the page's head (once). */
  private installStyles(): void {
    if (this.style || !this.css) return;
    this.write(() => {
      const style = this.doc.createElement('style');
      style.setAttribute('data-riksref-ui', 'highlights');
      style.textContent = this.css;
      (this.doc.head ?? this.doc.documentElement).append(style);
      this.style = style;
    });
  }

  /** Replaces whatever was painted with these highlights. */
  paint(items: readonly PaintedHighlight[]): void {
    this.clear();
    this.painted = items.filter((item) => !item.range.collapsed);
    if (this.painted.length > 0) this.installStyles();
    if (this.api) {
      const byColor = new Map<string, Range[]>();
      for (const item of this.painted) byColor.set(item.color, [...(byColor.get(item.color) ?? []), item.range]);
      for (const [color, ranges] of byColor) {
        const name = `riksref-${color}`;
        this.api.registry.set(name, new this.api.Highlight(...ranges));
        this.names.add(name);
      }
      return;
    }
    this.write(() => {
      for (const item of this.painted) this.wrap(item);
    });
  }

  /** Takes all paint away; in the fallback, the page's text nodes are as they were. */
  clear(): void {
    if (this.api) {
      // Not the flash: a repaint (the page changed, metadata arrived) must not cut it short.
      for (const name of this.names) this.api.registry.delete(name);
      this.names.clear();
    }
    if (!this.wrappers.isEmpty) this.write(() => this.wrappers.unwrapAll());
    this.painted = [];
  }

  /** Removes the stylesheet too: the page is as we found it. */
  dispose(): void {
    clearTimeout(this.flashTimer);
    this.api?.registry.delete(FLASH);
    this.clear();
    if (this.style) this.write(() => this.style?.remove());
    this.style = null;
  }

  /** The painted highlight at a DOM point (a caret under the pointer): the shortest that contains it. */
  hitTest(node: Node, offset: number): string | null {
    if (this.mode === 'elements') {
      const el = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest(HIGHLIGHT_ELEMENT);
      if (el) return el.getAttribute('data-highlight-id');
    }
    let best: PaintedHighlight | null = null;
    for (const item of this.painted) {
      try {
        if (!item.range.isPointInRange(node, offset)) continue;
      } catch {
        continue; // a point in another document or a doctype
      }
      if (!best || item.range.toString().length < best.range.toString().length) best = item;
    }
    return best?.id ?? null;
  }

  /** Draws attention to a range for a moment (the side panel's "Visa"). */
  flash(range: Range): void {
    clearTimeout(this.flashTimer);
    this.installStyles();
    if (this.api) {
      this.api.registry.set(FLASH, new this.api.Highlight(range));
      this.flashTimer = setTimeout(() => this.api?.registry.delete(FLASH), FLASH_MS);
      return;
    }
    const id = this.painted.find((p) => p.range === range)?.id;
    const wrappers = this.wrappers.wrapped.filter((w) => w.getAttribute('data-highlight-id') === id);
    this.write(() => wrappers.forEach((w) => w.setAttribute('data-flash', '')));
    this.flashTimer = setTimeout(() => this.write(() => wrappers.forEach((w) => w.removeAttribute('data-flash'))), FLASH_MS);
  }

  /** Wraps every piece of text the range covers, splitting text nodes only at its ends. */
  private wrap(item: PaintedHighlight): void {
    const { range } = item;
    const root = range.commonAncestorContainer;
    const texts: Text[] = [];
    if (root.nodeType === 3) texts.push(root as Text);
    else {
      const walker = this.doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        if (range.intersectsNode(node)) texts.push(node);
      }
    }
    const { startContainer, startOffset, endContainer, endOffset } = range;
    for (const node of texts) {
      const start = node === startContainer ? startOffset : 0;
      const end = node === endContainer ? endOffset : node.data.length;
      // White space between blocks is not painted: a wrapper there would be invalid in tables and lists.
      if (end <= start || !node.data.slice(start, end).trim()) continue;
      const wrapper = this.doc.createElement(HIGHLIGHT_ELEMENT);
      wrapper.setAttribute('data-color', item.color);
      wrapper.setAttribute('data-highlight-id', item.id);
      this.wrappers.wrap(node, start, end, wrapper);
    }
  }
}
