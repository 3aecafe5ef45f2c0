import { beforeEach, describe, expect, test, vi } from 'vitest';
import { Annotator, findDocumentRegion } from '@/lib/page';
import { TARGET_FRAME_MS } from '@/lib/page/pacing';
import { fallbackUrl } from '@/lib/refs';
import { readFixture } from './fixtures.ts';

function regionOf(html: string): HTMLElement {
  document.body.innerHTML = `<main id="region">${html}</main>`;
  return document.getElementById('region')!;
}
const links = (root: Element) =>
  Array.from(root.querySelectorAll<HTMLAnchorElement>('a[data-riksref]')).map((a) => [a.dataset.riksref, a.textContent]);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('Annotator.annotate', () => {
  test('links each reference with its id and a working fallback href, text unchanged', () => {
    const region = regionOf('<p>Se prop. 2017/18:1 och SOU 2018:65 samt 2019:12.</p>');
    const before = region.textContent;
    new Annotator(region).annotate();
    expect(region.textContent).toBe(before);
    expect(links(region)).toEqual([
      ['prop:2017/18:1', 'prop. 2017/18:1'],
      ['sou:2018:65', 'SOU 2018:65'],
      ['sou:2019:12', '2019:12'],
    ]);
    const a = region.querySelector<HTMLAnchorElement>('a[data-riksref="sou:2018:65"]')!;
    expect(a.href).toBe(fallbackUrl('sou:2018:65'));
  });

  test('the same id cited again: the href is asked for once, and every link is its own reference', () => {
    const region = regionOf('<p>SOU 2018:65 och SOU 2018:65.</p><p>Åter SOU 2018:65, och prop. 2017/18:1.</p>');
    const asked: string[] = [];
    const annotator = new Annotator(region, { hrefFor: (ref) => (asked.push(ref.id), `https://example.org/${ref.id}`) });
    annotator.annotate();
    expect(asked.sort()).toEqual(['prop:2017/18:1', 'sou:2018:65']);
    const anchors = Array.from(region.querySelectorAll<HTMLAnchorElement>('a[data-riksref="sou:2018:65"]'));
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual(Array(3).fill('https://example.org/sou:2018:65'));
    expect(new Set(anchors.map((a) => a.dataset.riksrefRef)).size).toBe(3);
    expect(anchors.map((a) => a.textContent)).toEqual(['SOU 2018:65', 'SOU 2018:65', 'SOU 2018:65']);
    expect(annotator.references.size).toBe(4);
  });

  test('links a reference split by inline formatting piece by piece, as one reference', () => {
    const region = regionOf('<p>Enligt <i>prop.</i> 2017/18:1 gäller.</p>');
    const annotator = new Annotator(region);
    annotator.annotate();
    const anchors = region.querySelectorAll<HTMLAnchorElement>('a[data-riksref]');
    expect(Array.from(anchors, (a) => a.textContent)).toEqual(['prop.', '2017/18:1']);
    expect(anchors[0]!.dataset.riksrefRef).toBe(anchors[1]!.dataset.riksrefRef);
    expect(annotator.references.size).toBe(1);
    // The page's <i> is still the page's <i>, now holding our link.
    expect(region.querySelector('i > a')?.textContent).toBe('prop.');
  });

  test('reads across a soft line break', () => {
    const region = regionOf('<p>(SOU<br>2018:65)</p>');
    new Annotator(region).annotate();
    expect(links(region)).toEqual([
      ['sou:2018:65', 'SOU'],
      ['sou:2018:65', '2018:65'],
    ]);
  });

  test('tags the page’s own link instead of wrapping it, keeping its href', () => {
    const region = regionOf('<p>Se <a href="/sv/x">SOU 2018:65</a> och <a href="/sv/y">mer om prop. 2017/18:1 här</a>.</p>');
    new Annotator(region).annotate();
    const own = region.querySelectorAll('a');
    expect(own).toHaveLength(2);
    expect(own[0]!.getAttribute('href')).toBe('/sv/x');
    expect(own[0]!.dataset.riksref).toBe('sou:2018:65');
    // A link that only mentions a reference among other words is left exactly as it was.
    expect(own[1]!.outerHTML).toBe('<a href="/sv/y">mer om prop. 2017/18:1 här</a>');
  });

  test('leaves script, style, form fields, code, contenteditable and our own UI alone', () => {
    const traps = `
      <script>var s = "SOU 2018:65";</script><style>/* prop. 2017/18:1 */</style>
      <textarea>SOU 2018:65</textarea><input value="SOU 2018:65"><select><option>SOU 2018:65</option></select>
      <code>prop. 2017/18:1</code><pre><code>dir. 2017:75</code></pre>
      <div contenteditable="true">SOU 2018:65</div><div contenteditable="">SOU 2018:66</div>
      <div data-riksref-ui>SOU 2018:65</div><button>SOU 2018:65</button>
      <pre>Tabell: SOU 2018:67</pre>`;
    const region = regionOf(traps);
    new Annotator(region).annotate();
    expect(links(region)).toEqual([['sou:2018:67', 'SOU 2018:67']]);
  });

  test('a footnote marker after a reference is not part of its number', () => {
    const region = regionOf(
      '<p>Se SOU 2018:65<sup>1</sup> och prop. 2017/18:1<sup>12</sup>, samt dir. 2017:75<a href="#fn3"><sup>3</sup></a>.</p>',
    );
    const before = region.textContent;
    new Annotator(region).annotate();
    expect(links(region)).toEqual([
      ['sou:2018:65', 'SOU 2018:65'],
      ['prop:2017/18:1', 'prop. 2017/18:1'],
      ['dir:2017:75', 'dir. 2017:75'],
    ]);
    expect(region.textContent).toBe(before);
    expect(region.querySelector('a[href="#fn3"]')!.hasAttribute('data-riksref')).toBe(false);
  });

  test('navigation, asides, headers, footers and forms inside the region stay untouched', () => {
    const html =
      '<nav><a href="/x">SOU 2018:65</a></nav><header><p>Rubrik om SOU 2018:66</p></header>' +
      '<section><p>Texten hänvisar till SOU 2018:67.</p></section>' +
      '<aside>Relaterat: SOU 2019:1</aside><form><label>Sök SOU 2020:1 <input></label></form>' +
      '<footer>SOU 2021:1</footer><div role="navigation">SOU 2022:1</div>';
    const region = regionOf(html);
    new Annotator(region).annotate();
    expect(links(region)).toEqual([['sou:2018:67', 'SOU 2018:67']]);
    for (const sel of ['nav', 'header', 'aside', 'form', 'footer', '[role=navigation]']) {
      expect(region.querySelector(sel)!.querySelector('[data-riksref]')).toBeNull();
    }
  });

  test('is idempotent: a second run changes nothing', () => {
    const region = regionOf('<p>Se <i>prop.</i> 2017/18:1, 2017/18:2 och <a href="/x">SOU 2018:65</a>.</p>');
    const annotator = new Annotator(region);
    annotator.annotate();
    const once = region.innerHTML;
    expect(annotator.annotate()).toBe(0);
    expect(new Annotator(region).annotate()).toBe(0);
    expect(region.innerHTML).toBe(once);
  });

  test('undo restores the original DOM exactly', () => {
    const html = '<p>Se <i>prop.</i> 2017/18:1, 2017/18:2 och <a href="/x">SOU 2018:65</a>.</p><p>dir. 2017:75 (SOU 2018:65)</p>';
    const region = regionOf(html);
    const original = region.innerHTML;
    const textNodes = Array.from(region.querySelectorAll('p'), (p) => p.childNodes.length);
    const annotator = new Annotator(region);
    annotator.annotate();
    expect(region.innerHTML).not.toBe(original);
    annotator.undo();
    expect(region.innerHTML).toBe(original);
    expect(Array.from(region.querySelectorAll('p'), (p) => p.childNodes.length)).toEqual(textNodes);
  });

  test('links only the enabled kinds', () => {
    const region = regionOf('<p>prop. 2017/18:1 och SOU 2018:65</p>');
    new Annotator(region, { kinds: new Set(['sou']) }).annotate();
    expect(links(region)).toEqual([['sou:2018:65', 'SOU 2018:65']]);
  });

  test('the answer fixture gets exactly its four references, and its text is unchanged', () => {
    document.documentElement.innerHTML = readFixture('pages/answer-H612523.html');
    const region = findDocumentRegion(document)!;
    const before = region.textContent;
    const annotator = new Annotator(region);
    annotator.annotate();
    expect(region.textContent).toBe(before);
    expect([...annotator.ids()].sort()).toEqual(['dir:2017:75', 'fr:2018/19:523', 'skr:2014/15:146', 'sou:2018:65']);
    // Nothing outside the region: the navigation's and search box's references stay plain.
    expect(document.querySelectorAll('header a[data-riksref], nav a[data-riksref]')).toHaveLength(0);
  });
});

describe('Annotator.annotateInChunks', () => {
  test('links everything, starting where the reader is, yielding between chunks', async () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `<p id="p${i}">Stycke ${i}: se SOU 2018:${i + 1} och prop. 2017/18:${i + 1}.</p>`);
    const region = regionOf(paragraphs.join(''));
    const before = region.textContent;
    const annotator = new Annotator(region);
    let yields = 0;
    const firstChunk: Array<[boolean, boolean]> = [];
    const lasts: boolean[] = [];
    await annotator.annotateInChunks({
      first: { ms: 0, chars: 0 },
      startAt: document.getElementById('p150')!,
      yieldToMain: async () => {
        yields++;
      },
      onChunk: (_busy, last) => {
        lasts.push(last);
        expect(yields).toBe(lasts.length - 1);
        if (firstChunk.length === 0) firstChunk.push([!!region.querySelector('#p150 a'), !!region.querySelector('#p0 a')]);
      },
    });
    // Only the chunk that ends the second pass (from the top to the reader's paragraph) is the last.
    expect(lasts.filter(Boolean)).toHaveLength(1);
    expect(lasts.at(-1)).toBe(true);
    expect(region.querySelectorAll('a[data-riksref]')).toHaveLength(600);
    expect(region.textContent).toBe(before);
    expect(yields).toBeGreaterThan(10);
    // A turn for the page after every chunk but the last, the end of the reader's part included.
    expect(yields).toBe(lasts.length - 1);
    // The reader's paragraph was linked in the first chunk, the document's first paragraph later.
    expect(firstChunk).toEqual([[true, false]]);
  });

  test('sizes each chunk from the frame that painted the one before', async () => {
    // A clock that stands still: only the text linked ends a chunk.
    const now = vi.spyOn(performance, 'now').mockReturnValue(0);
    try {
      const chunksWith = async (frameFor: (chars: number) => number | undefined) => {
        // Blocks of 12 characters each ("SOU 2018:100").
        const region = regionOf(Array.from({ length: 200 }, (_, i) => `<p>SOU 2018:${100 + i}</p>`).join(''));
        const sizes: number[] = [];
        let linked = 0;
        await new Annotator(region).annotateInChunks({
          first: { ms: 1000, chars: 120 },
          yieldToMain: async () => frameFor(12 * sizes.at(-1)!),
          onChunk: () => {
            const now = region.querySelectorAll('a[data-riksref]').length;
            sizes.push(now - linked);
            linked = now;
          },
        });
        expect(linked).toBe(200);
        return sizes;
      };
      // A page that lays out 240 characters in the target frame: the first chunk's 120 took half
      // of it, so the next links twice as much, and from then on as much.
      expect(await chunksWith((chars) => (chars * TARGET_FRAME_MS) / 240)).toEqual([10, 20, 20, 20, 20, 20, 20, 20, 20, 20, 10]);
      // No frames at all (a tab in the background): the chunks stay as they were (the last one
      // finds the text's end).
      expect(await chunksWith(() => undefined)).toEqual([...Array<number>(20).fill(10), 0]);
    } finally {
      now.mockRestore();
    }
  });

  test('ends a chunk after so much text linked, however fast the machine: the frame after it lays those blocks out again', async () => {
    const now = vi.spyOn(performance, 'now').mockReturnValue(0);
    try {
      const region = regionOf(
        Array.from({ length: 300 }, (_, i) => `<p>SOU 2018:${100 + i} och SOU 2019:${100 + i}</p><p>Utan hänvisning.</p>`).join(''),
      );
      const sizes: number[] = [];
      let linked = 0;
      await new Annotator(region).annotateInChunks({
        // 100 of the blocks with references ("SOU 2018:100 och SOU 2019:100", 29 characters).
        first: { ms: 1000, chars: 29 * 100 },
        yieldToMain: async () => undefined,
        onChunk: () => {
          const blocks = region.querySelectorAll('p:has(a[data-riksref])').length;
          sizes.push(blocks - linked);
          linked = blocks;
        },
      });
      // Blocks without a reference cost the frame nothing and do not count.
      // (The last chunk finds only the last block, without one.)
      expect(sizes).toEqual([100, 100, 100, 0]);
    } finally {
      now.mockRestore();
    }
  });

  test('stops when aborted', async () => {
    const region = regionOf(Array.from({ length: 50 }, (_, i) => `<p>SOU 2018:${i + 1}</p>`).join(''));
    const controller = new AbortController();
    const annotator = new Annotator(region);
    await annotator.annotateInChunks({
      first: { ms: 0, chars: 0 },
      signal: controller.signal,
      yieldToMain: async () => controller.abort(),
    });
    expect(region.querySelectorAll('a[data-riksref]').length).toBeLessThan(50);
  });
});
