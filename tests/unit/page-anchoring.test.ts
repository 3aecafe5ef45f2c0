import { beforeEach, describe, expect, test } from 'vitest';
import {
  anchorAll,
  anchorSelectors,
  CONTEXT_CHARS,
  describeRange,
  describeText,
  errorBudget,
  matchQuote,
  TextIndex,
  type Selectors,
} from '@/lib/page/anchoring';
import { Annotator } from '@/lib/page';

function regionOf(html: string): HTMLElement {
  document.body.innerHTML = `<main id="region">${html}</main>`;
  return document.getElementById('region')!;
}

/** Selectors for the first occurrence of `needle` (or the nth) in `text`. */
function select(text: string, needle: string, nth = 0): Selectors {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not in text: ${needle}`);
  return describeText(text, at, at + needle.length)!;
}

const found = (text: string, anchor: { start: number; end: number } | null) => anchor && text.slice(anchor.start, anchor.end);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('TextIndex: text offsets ↔ DOM ranges over the region text', () => {
  test('the index text is the region textContent', () => {
    const region = regionOf('<p>Ett <b>två</b> tre</p>\n<p>fyra<br>fem</p>');
    expect(TextIndex.build(region).text).toBe(region.textContent);
  });

  test('round trip: every [start, end) → Range → the same offsets and the same text', () => {
    const region = regionOf('<p>Ett <b>två <i>tre</i></b> fyra</p><p></p><p>fem <a href="#">sex</a></p>');
    const index = TextIndex.build(region);
    const text = index.text;
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length; end++) {
        const range = index.rangeOf(start, end)!;
        expect(range.toString()).toBe(text.slice(start, end));
        expect(index.offsetsOf(range)).toEqual({ start, end });
      }
    }
  });

  test('ranges with element boundaries (as a triple click gives) map to the text they cover', () => {
    const region = regionOf('<p id="a">Första stycket.</p><p id="b">Andra <em>stycket</em>.</p>');
    const index = TextIndex.build(region);
    const range = document.createRange();
    range.setStart(document.getElementById('b')!, 0);
    range.setEnd(document.getElementById('b')!, 3);
    expect(index.offsetsOf(range)).toEqual({ start: 15, end: 29 });
    range.setStart(region, 1);
    range.setEnd(region, 2);
    expect(index.offsetsOf(range)).toEqual({ start: 15, end: 29 });
  });

  test('a range outside the region has no offsets; one partly outside is clipped', () => {
    document.body.innerHTML = '<nav id="nav">Meny</nav><main id="region"><p>Text</p></main>';
    const index = TextIndex.build(document.getElementById('region')!);
    const outside = document.createRange();
    outside.selectNodeContents(document.getElementById('nav')!);
    expect(index.offsetsOf(outside)).toBeNull();
    const partly = document.createRange();
    partly.setStart(document.getElementById('nav')!.firstChild!, 1);
    partly.setEnd(document.querySelector('#region p')!.firstChild!, 2);
    expect(index.offsetsOf(partly)).toEqual({ start: 0, end: 2 });
  });
});

describe('selectors from a range', () => {
  test('quote with 32 characters of prefix and suffix, and the position; white space at the ends trimmed', () => {
    const region = regionOf(`<p>${'a'.repeat(40)} Det här är meningen. ${'b'.repeat(40)}</p>`);
    const index = TextIndex.build(region);
    const start = index.text.indexOf(' Det');
    const selectors = describeRange(index, index.rangeOf(start, start + 22)!)!;
    expect(selectors.quote.exact).toBe('Det här är meningen.');
    expect(selectors.quote.prefix).toBe('a'.repeat(31) + ' ');
    expect(selectors.quote.prefix).toHaveLength(CONTEXT_CHARS);
    expect(selectors.quote.suffix).toBe(' ' + 'b'.repeat(31));
    expect(selectors.position).toEqual({ type: 'TextPositionSelector', start: start + 1, end: start + 21 });
  });

  test('a selection across elements and paragraphs, and across our reference links, is described by its text', () => {
    const region = regionOf('<p>Se <i>skr.</i> 2014/15:146 och mer.</p><p>Nästa stycke, SOU 2018:65 här.</p>');
    const before = TextIndex.build(region);
    const start = before.text.indexOf('2014');
    const end = before.text.indexOf(' här');
    const selectors = describeRange(before, before.rangeOf(start, end)!)!;
    new Annotator(region).annotate();
    expect(region.querySelectorAll('a[data-riksref]').length).toBeGreaterThan(1);
    const after = TextIndex.build(region);
    const anchor = anchorSelectors(after.text, selectors);
    expect(anchor).toMatchObject({ start, end, method: 'position' });
    expect(after.rangeOf(anchor!.start, anchor!.end)!.toString()).toBe('2014/15:146 och mer.Nästa stycke, SOU 2018:65');
  });

  test('white space only describes nothing', () => {
    expect(describeText('a   \n  b', 1, 6)).toBeNull();
    expect(describeText('abc', 1, 1)).toBeNull();
  });
});

const PARAGRAPHS = [
  'Roger Haddad har frågat mig när regeringen avser att presentera förslag till riksdagen.',
  'I regeringens strategi mot terrorism fastslås att ett framgångsrikt förebyggande arbete förutsätter samverkan.',
  'Polismyndigheten har ett nära samarbete med kommuner i det övergripande arbetet med att förebygga terrorism.',
  'Regeringen ser det som mycket angeläget att nuvarande sekretesslagstiftning inte innebär omotiverade begränsningar.',
];
const TEXT = PARAGRAPHS.join('\n');

describe('anchoring', () => {
  test('unchanged text: found by position', () => {
    const selectors = select(TEXT, 'samarbete med kommuner');
    expect(anchorSelectors(TEXT, selectors)).toMatchObject({ method: 'position' });
    expect(found(TEXT, anchorSelectors(TEXT, selectors))).toBe('samarbete med kommuner');
  });

  test('text inserted before: the position no longer holds, the quote finds it', () => {
    const selectors = select(TEXT, 'samarbete med kommuner');
    const changed = 'Ett nytt inledande stycke.\n' + TEXT;
    const anchor = anchorSelectors(changed, selectors);
    expect(anchor?.method).toBe('quote');
    expect(found(changed, anchor)).toBe('samarbete med kommuner');
    expect(anchor!.start).toBe(selectors.position.start + 27);
  });

  test('a batch learns the drift: after the first, the rest are found at the shifted position', () => {
    const all = PARAGRAPHS.map((p) => select(TEXT, p.slice(0, 20)));
    const changed = 'Ett nytt inledande stycke.\n' + TEXT;
    const anchors = anchorAll(changed, all);
    expect(anchors.map((a) => a?.method)).toEqual(['quote', 'shifted', 'shifted', 'shifted']);
    expect(anchors.map((a) => found(changed, a))).toEqual(PARAGRAPHS.map((p) => p.slice(0, 20)));
  });

  test('the paragraph was edited slightly: found by fuzzy matching, covering the edited text', () => {
    const selectors = select(TEXT, 'Polismyndigheten har ett nära samarbete med kommuner');
    const changed = TEXT.replace('ett nära samarbete med kommuner', 'ett mycket nära samarbete med kommunerna');
    const anchor = anchorSelectors(changed, selectors);
    expect(anchor?.method).toBe('fuzzy');
    expect(found(changed, anchor)).toMatch(/^Polismyndigheten har ett mycket nära samarbete med kommuner/);
  });

  test('a fuzzy match far from the old place is still found (whole-text search after the window)', () => {
    const selectors = select(TEXT, 'Polismyndigheten har ett nära samarbete med kommuner');
    const filler = 'Ord som inte har med saken att göra. '.repeat(200);
    const changed = TEXT.replace('Polismyndigheten', filler + 'Polismyndigheten').replace('nära', 'när');
    const anchor = anchorSelectors(changed, selectors);
    expect(anchor?.method).toBe('fuzzy');
    expect(found(changed, anchor)).toBe('Polismyndigheten har ett när samarbete med kommuner');
  });

  test('a quote that occurs several times: the prefix and suffix choose the right one', () => {
    const text = 'Första: om terrorism i dag. Andra: om terrorism i morgon. Tredje: om terrorism i går.';
    const second = select(text, 'terrorism', 1);
    const changed = 'Inledning. ' + text;
    const anchor = anchorSelectors(changed, second);
    expect(anchor?.method).toBe('quote');
    expect(anchor!.start).toBe(changed.indexOf('terrorism i morgon'));
  });

  test('repeats with the same context are told apart by nearness to the old position', () => {
    const block = 'Samma stycke om terrorism igen och igen. ';
    const text = block.repeat(10);
    const seventh = select(text, 'terrorism', 6);
    const changed = 'X' + text;
    const anchor = anchorSelectors(changed, seventh);
    expect(anchor!.start).toBe(seventh.position.start + 1);
  });

  test('text that is gone: an orphan', () => {
    const selectors = select(TEXT, 'nuvarande sekretesslagstiftning inte innebär');
    const changed = PARAGRAPHS.slice(0, 3).join('\n') + '\nEtt helt annat stycke om budgeten för nästa år.';
    expect(anchorSelectors(changed, selectors)).toBeNull();
    expect(anchorAll(changed, [select(TEXT, 'Roger Haddad'), selectors]).map((a) => a?.method ?? null)).toEqual([
      'position',
      null,
    ]);
  });

  test('the error budget is half the quote, at most 256', () => {
    expect(errorBudget('a'.repeat(10))).toBe(5);
    expect(errorBudget('a'.repeat(1000))).toBe(256);
    // 6 errors in 10 characters is over budget: no match.
    expect(matchQuote('xxxxxxxxxxxxxxxx abcdefghij yyyyyyy', 'abcdXXXXXX')).toBeNull();
    expect(matchQuote('xxxxxxxxxxxxxxxx abcdefghij yyyyyyy', 'abcdefXXXX')).toMatchObject({ errors: 4 });
  });

  test('an empty quote never anchors', () => {
    expect(anchorSelectors(TEXT, { quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 0 } })).toBeNull();
  });
});

describe('anchoring in the DOM after the markup changed', () => {
  test('paragraphs wrapped differently and one inserted before: the range still covers the sentence', () => {
    const sentence = 'Det finns också ett nära och ömsesidigt informationsutbyte.';
    const region = regionOf(`<p>Inledning.</p>\n<p>Första meningen. ${sentence} Sista meningen.</p>`);
    const index = TextIndex.build(region);
    const start = index.text.indexOf(sentence);
    const selectors = describeRange(index, index.rangeOf(start, start + sentence.length)!)!;

    const changed = regionOf(
      `<div class="ny"><p>Ett nytt stycke före.</p><section><p>Inledning.</p><div><span>Första meningen.</span> <span>Det finns också ett <b>nära och ömsesidigt</b> informationsutbyte.</span> Sista meningen.</div></section></div>`,
    );
    const after = TextIndex.build(changed);
    const anchor = anchorSelectors(after.text, selectors)!;
    expect(anchor).not.toBeNull();
    expect(after.rangeOf(anchor.start, anchor.end)!.toString()).toBe(sentence);
  });
});

describe('two passes: cheap first, the whole-text search later', () => {
  test('without the whole-text search a far-moved edited passage is left for later, then found', () => {
    const selectors = select(TEXT, 'Polismyndigheten har ett nära samarbete med kommuner');
    const filler = 'Ord som inte har med saken att göra. '.repeat(200);
    const changed = TEXT.replace('Polismyndigheten', filler + 'Polismyndigheten').replace('nära', 'när');
    expect(anchorAll(changed, [selectors], { wholeText: false })).toEqual([null]);
    expect(anchorSelectors(changed, selectors, 0, { wholeText: true })?.method).toBe('fuzzy');
  });

  test('an edit near the old place is found in the first pass', () => {
    const selectors = select(TEXT, 'Polismyndigheten har ett nära samarbete med kommuner');
    const changed = TEXT.replace('nära', 'när');
    expect(anchorAll(changed, [selectors], { wholeText: false })[0]?.method).toBe('fuzzy');
  });
});
