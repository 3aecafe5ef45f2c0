import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { HighlightPainter } from '@/lib/page/highlight-paint';
import { TextIndex } from '@/lib/page/anchoring';

function regionOf(html: string): HTMLElement {
  document.body.innerHTML = `<main id="region">${html}</main>`;
  return document.getElementById('region')!;
}

/** A stand-in for the CSS Custom Highlight API, which happy-dom lacks. */
class FakeHighlight {
  readonly ranges: Range[];
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}

describe('painting with CSS.highlights', () => {
  let registry: Map<string, FakeHighlight>;
  let original: PropertyDescriptor | undefined;
  beforeEach(() => {
    registry = new Map();
    Object.assign(window, { Highlight: FakeHighlight });
    original = Object.getOwnPropertyDescriptor(window, 'CSS');
    Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
  });
  afterEach(() => {
    delete (window as unknown as { Highlight?: unknown }).Highlight;
    if (original) Object.defineProperty(window, 'CSS', original);
    else delete (window as unknown as { CSS?: unknown }).CSS;
  });

  test('one riksref-<colour> Highlight per colour; the DOM is untouched; clear removes them', () => {
    const region = regionOf('<p>Ett två tre fyra fem sex.</p>');
    const html = region.innerHTML;
    const index = TextIndex.build(region);
    const painter = new HighlightPainter(document);
    expect(painter.mode).toBe('api');
    painter.paint([
      { id: 'a', color: 'yellow', range: index.rangeOf(0, 3)! },
      { id: 'b', color: 'green', range: index.rangeOf(4, 7)! },
      { id: 'c', color: 'yellow', range: index.rangeOf(8, 11)! },
    ]);
    expect([...registry.keys()].sort()).toEqual(['riksref-green', 'riksref-yellow']);
    expect(registry.get('riksref-yellow')!.ranges.map(String)).toEqual(['Ett', 'tre']);
    expect(region.innerHTML).toBe(html);
    painter.clear();
    expect(registry.size).toBe(0);
  });

  test('a flash outlasts a repaint (the side panel\'s "Visa" while the page settles), and goes on dispose', () => {
    const region = regionOf('<p>Ett två tre fyra fem sex.</p>');
    const index = TextIndex.build(region);
    const painter = new HighlightPainter(document);
    const item = { id: 'a', color: 'yellow', range: index.rangeOf(4, 7)! };
    painter.paint([item]);
    painter.flash(item.range);
    painter.paint([item]);
    expect(registry.get('riksref-flash')!.ranges.map(String)).toEqual(['två']);
    painter.dispose();
    expect(registry.size).toBe(0);
  });

  test('hit test: the shortest painted range containing the point', () => {
    const region = regionOf('<p>Ett två tre fyra fem sex.</p>');
    const index = TextIndex.build(region);
    const painter = new HighlightPainter(document);
    painter.paint([
      { id: 'outer', color: 'yellow', range: index.rangeOf(0, 16)! },
      { id: 'inner', color: 'blue', range: index.rangeOf(8, 11)! },
    ]);
    const text = region.querySelector('p')!.firstChild!;
    expect(painter.hitTest(text, 9)).toBe('inner');
    expect(painter.hitTest(text, 2)).toBe('outer');
    expect(painter.hitTest(text, 20)).toBeNull();
  });

  test('the page stylesheet goes in on the first paint, once, and is removed on dispose', () => {
    const region = regionOf('<p>Ett två tre fyra fem sex.</p>');
    const index = TextIndex.build(region);
    const painter = new HighlightPainter(document, { css: '::highlight(riksref-yellow) { background-color: #fff1a8; }' });
    painter.paint([]);
    // Nothing to paint: the page is not restyled for nothing.
    expect(document.head.querySelectorAll('style[data-riksref-ui]').length).toBe(0);
    const item = { id: 'a', color: 'yellow', range: index.rangeOf(0, 3)! };
    painter.paint([item]);
    painter.paint([item]);
    expect(document.head.querySelectorAll('style[data-riksref-ui]').length).toBe(1);
    expect(document.head.querySelector('style[data-riksref-ui]')!.textContent).toContain('riksref-yellow');
    painter.dispose();
    expect(document.head.querySelectorAll('style[data-riksref-ui]').length).toBe(0);
  });
});

describe('fallback: <riksref-highlight> elements', () => {
  test('wraps the text across elements, keeps the text, and takes itself out exactly', () => {
    const region = regionOf('<p>Första <a href="/x" data-riksref="sou:2018:65">SOU 2018:65</a> stycket.</p>\n<p>Andra stycket här.</p>');
    const html = region.innerHTML;
    const text = region.textContent;
    const index = TextIndex.build(region);
    const start = index.text.indexOf('2018:65');
    const end = index.text.indexOf(' här');
    let writes = 0;
    const painter = new HighlightPainter(document, { forceElements: true, write: (w) => (writes++, w()) });
    expect(painter.mode).toBe('elements');
    painter.paint([{ id: 'a', color: 'pink', range: index.rangeOf(start, end)! }]);
    const wrappers = Array.from(region.querySelectorAll('riksref-highlight'));
    expect(wrappers.map((w) => w.textContent)).toEqual(['2018:65', ' stycket.', 'Andra stycket']);
    expect(wrappers.every((w) => w.getAttribute('data-color') === 'pink' && w.getAttribute('data-highlight-id') === 'a')).toBe(true);
    expect(region.textContent).toBe(text);
    // The reference link is still the page's link around its text.
    expect(region.querySelector('a[data-riksref]')!.textContent).toBe('SOU 2018:65');
    expect(writes).toBeGreaterThan(0);
    expect(painter.hitTest(wrappers[1]!.firstChild!, 2)).toBe('a');

    painter.clear();
    expect(region.innerHTML).toBe(html);
    expect(region.querySelector('p')!.childNodes.length).toBe(3);
  });

  test('a range inside one text node', () => {
    const region = regionOf('<p>Ett två tre.</p>');
    const index = TextIndex.build(region);
    const painter = new HighlightPainter(document, { forceElements: true });
    painter.paint([{ id: 'a', color: 'blue', range: index.rangeOf(4, 7)! }]);
    expect(region.innerHTML).toBe('<p>Ett <riksref-highlight data-color="blue" data-highlight-id="a">två</riksref-highlight> tre.</p>');
    painter.clear();
    expect(region.innerHTML).toBe('<p>Ett två tre.</p>');
  });
});

describe('selectionInRegion', () => {
  test('a selection in the region is offered; outside, partly outside, collapsed or blank is not', async () => {
    const { selectionInRegion } = await import('@/lib/page/selection');
    document.body.innerHTML = '<nav id="nav">Meny</nav><main id="region"><p id="p">Ett två tre</p><p id="blank">   </p></main>';
    const region = document.getElementById('region')!;
    const text = document.getElementById('p')!.firstChild!;
    const select = (startNode: Node, start: number, endNode: Node, end: number) => {
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      const range = document.createRange();
      range.setStart(startNode, start);
      range.setEnd(endNode, end);
      selection.addRange(range);
      return selection;
    };
    expect(selectionInRegion(select(text, 0, text, 3), region)?.toString()).toBe('Ett');
    expect(selectionInRegion(select(text, 2, text, 2), region)).toBeNull();
    const nav = document.getElementById('nav')!.firstChild!;
    expect(selectionInRegion(select(nav, 0, nav, 4), region)).toBeNull();
    expect(selectionInRegion(select(nav, 1, text, 3), region)).toBeNull();
    const blank = document.getElementById('blank')!.firstChild!;
    expect(selectionInRegion(select(blank, 0, blank, 3), region)).toBeNull();
    expect(selectionInRegion(null, region)).toBeNull();
  });
});
