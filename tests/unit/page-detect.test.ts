import { describe, expect, test } from 'vitest';
import { detectPage, detectPageInSteps, findDocumentRegion, kindFromHeading } from '@/lib/page';

import { readFixture } from './fixtures.ts';

const fixture = (name: string) => readFixture(`pages/${name}`);
function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
const ANSWER_URL =
  'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/sapos-lista-over-kommuner-som-kan-beroras-av_H612523/';

describe('kindFromHeading', () => {
  test.each([
    ['Svar på skriftlig fråga 2018/19:523', 'frs'],
    ['Svar på fråga 2018/19:523 av Roger Haddad (L)', 'frs'],
    ['Skriftlig fråga 2018/19:523', 'fr'],
    ['Fråga 2018/19:523 av Roger Haddad (L)', 'fr'],
    ['Interpellation 2018/19:45 av Johan Forssell (M)', 'ip'],
    ['Motion 2018/19:1123 av Johan Forssell m.fl. (M)', 'mot'],
    ['Proposition 2017/18:1', 'prop'],
    ['Regeringens proposition 2024/25:205', 'prop'],
    ['Betänkande 2014/15:NU8', 'bet'],
    ['Justitieutskottets betänkande 2018/19:JuU12', null],
    ['Protokoll 2018/19:46', 'prot'],
    ['Riksdagens protokoll 2018/19:46', 'prot'],
    ['Skrivelse 2014/15:146', 'skr'],
    ['SOU 2018:65', 'sou'],
    ['Ds 2019:3', 'ds'],
    ['Kommittédirektiv 2017:75', 'dir'],
    ['Dir. 2017:75', 'dir'],
    ['SFS 1998:204', 'sfs'],
    ['  Svar\u00a0på skriftlig\nfråga 2018/19:523 ', 'frs'],
    ['Motionstiden går ut den 12 oktober', null],
    ['Propositioner och skrivelser', null],
    ['Välkommen till riksdagen', null],
  ])('%s → %s', (line, kind) => {
    expect(kindFromHeading(line)).toBe(kind);
  });
});

describe('findDocumentRegion', () => {
  test('on the answer page: the document text, not the header, navigation, search or footer', () => {
    const doc = parse(fixture('answer-H612523.html'));
    const region = findDocumentRegion(doc)!;
    expect(region.textContent).toContain('Roger Haddad har frågat mig');
    expect(region.textContent).toContain('(SOU 2018:65)');
    expect(region.closest('main')).not.toBeNull();
    for (const outside of doc.querySelectorAll('header, footer, nav, form')) {
      expect(region.contains(outside)).toBe(false);
    }
  });

  test('on a plain data.riksdagen.se page without landmarks: the text container', () => {
    const doc = parse(fixture('data-dokument-H612523.html'));
    const region = findDocumentRegion(doc)!;
    expect(region.className).toBe('Section1');
  });

  test('does not depend on class names', () => {
    const doc = parse(fixture('answer-H612523.html').replace(/class="[^"]*"/g, ''));
    const region = findDocumentRegion(doc)!;
    expect(region.textContent).toContain('Roger Haddad har frågat mig');
    expect(doc.querySelector('header')!.contains(region)).toBe(false);
  });

  test('keeps a document split into sections whole', () => {
    const doc = parse(`<body><nav><a href="/">Start</a></nav><main><h1>Titel</h1>
      <section><p>${'Första avsnittet. '.repeat(60)}</p></section>
      <section><p>${'Andra avsnittet. '.repeat(50)}</p></section></main></body>`);
    const region = findDocumentRegion(doc)!;
    expect(region.tagName).toBe('MAIN');
  });

  test('ignores a long navigation menu when choosing', () => {
    const doc = parse(`<body><main><nav>${'<a href="/x">Länk i menyn</a>'.repeat(200)}</nav>
      <article><p>${'Dokumentets text. '.repeat(30)}</p></article></main></body>`);
    expect(findDocumentRegion(doc)!.tagName).toBe('ARTICLE');
  });

  test('a long page is searched in steps that pause, to the same decision, and a short one in one', () => {
    // 3,000 paragraphs of nested containers (about 9,000 nodes), and a navigation menu beside them.
    const doc = parse(`<body><main><nav>${'<a href="/x">Länk</a>'.repeat(300)}</nav>
      <div><section>${'<div><p>Stycke med <b>text</b> i.</p></div>'.repeat(3000)}</section></div></main></body>`);
    const steps = detectPageInSteps(ANSWER_URL, doc);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // One pause per 1,024 nodes visited: the caller can give the page a turn between them.
    expect(pauses).toBeGreaterThanOrEqual(8);
    expect(step.value!.region.tagName).toBe('SECTION');
    expect(step.value!.region).toBe(detectPage(ANSWER_URL, doc)!.region);

    const short = parse(fixture('answer-H612523.html'));
    const shortSteps = detectPageInSteps(ANSWER_URL, short);
    const first = shortSteps.next();
    expect(first.done).toBe(true);
  });
});

describe('detectPage', () => {
  test('the answer page is a confirmed answer', () => {
    const page = detectPage(ANSWER_URL, parse(fixture('answer-H612523.html')))!;
    expect(page).toMatchObject({ kind: 'frs', dokId: 'H612523', confirmed: true });
    // The line that named it, which names the document itself too (the reading history's label).
    expect(page.heading).toMatch(/^Svar på fråga 2018\/19:523 av Roger Haddad \(L\)/);
  });

  test('the data.riksdagen.se page takes its kind from its text', () => {
    const page = detectPage('https://data.riksdagen.se/dokument/H612523.html', parse(fixture('data-dokument-H612523.html')))!;
    expect(page).toMatchObject({ kind: 'frs', dokId: 'H612523', confirmed: true });
  });

  test('a data.riksdagen.se page whose text names no kind is "other"', () => {
    const doc = parse('<body><div><p>Bilaga 3. Tabeller över utfallet.</p></div></body>');
    expect(detectPage('https://data.riksdagen.se/dokument/H60946.html', doc)).toMatchObject({ kind: 'other', confirmed: false });
    expect(detectPage('https://data.riksdagen.se/dokument/H60946.html', doc)!.heading).toBeUndefined();
  });

  test('the URL decides when the heading disagrees, unconfirmed', () => {
    const doc = parse('<body><main><h1>Motion 2018/19:1 av A (M)</h1><p>Text.</p></main></body>');
    const page = detectPage('https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/_H6031/', doc)!;
    expect(page).toMatchObject({ kind: 'prop', confirmed: false });
  });

  test.each([['start.html', 'https://www.riksdagen.se/sv/'], ['search.html', 'https://www.riksdagen.se/sv/sok/?q=terrorism']])(
    '%s is not a document page',
    (name, url) => {
      expect(detectPage(url, parse(fixture(name)))).toBeNull();
    },
  );
});
