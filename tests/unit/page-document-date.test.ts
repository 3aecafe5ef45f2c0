import { describe, expect, it } from 'vitest';
import { dateOfDesignation, documentDate, firstDate } from '@/lib/page/document-date';

function page(html: string): { doc: Document; region: Element } {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return { doc, region: doc.querySelector('#text') ?? doc.body };
}

describe("the document's date", () => {
  it('reads ISO and written dates, the first one in the text', () => {
    expect(firstDate('Besvarad 2019-04-17 av')).toBe('2019-04-17');
    expect(firstDate('Stockholm den 6 februari 2019')).toBe('2019-02-06');
    expect(firstDate('den 17 April 2019 och 2020-01-01')).toBe('2019-04-17');
    expect(firstDate('2019-13-01, 32 mars 2019, 12019-01-01')).toBeUndefined();
    expect(firstDate('inget datum')).toBeUndefined();
  });

  it('places a designation within its riksmöte or year', () => {
    expect(dateOfDesignation('Betänkande 2018/19:KU21')).toBe('2019-01-01');
    expect(dateOfDesignation('Proposition 1999/2000:86')).toBe('2000-01-01');
    expect(dateOfDesignation('SOU 2018:65')).toBe('2018-07-01');
    expect(dateOfDesignation('Välkommen')).toBeUndefined();
  });

  it('prefers a <time>, then the opening text, then the heading', () => {
    expect(documentDate(...args(page('<main><time datetime="2015-03-02">2 mars</time><div id="text">Den 1 maj 2020</div></main>')))).toBe('2015-03-02');
    expect(documentDate(...args(page('<main><dl><dt>Besvarad</dt><dd>2019-04-17</dd></dl><div id="text">text</div></main>')))).toBe('2019-04-17');
    expect(documentDate(...args(page('<main><div id="text">Ingen tid här.</div></main>')), 'Betänkande 2014/15:NU8')).toBe('2015-01-01');
    expect(documentDate(...args(page('<main><div id="text">Ingen tid här.</div></main>')))).toBeUndefined();
  });
});

function args(p: { doc: Document; region: Element }): [Document, Element] {
  return [p.doc, p.region];
}
