import { describe, expect, test } from 'vitest';
import { parseLawText } from '@/lib/riksdagen/law-text';
import { cleanText } from '@/lib/riksdagen/law-text-plain';
import { takeMarkers, versionAt } from '@/lib/riksdagen/law-versions';
import { syntheticLaw } from '../fixtures/text/synthetic-law.ts';

const TODAY = '2026-12-01';

/** The wording of a place in force on a day, as the card would show it. */
function at(html: string, anchor: string, date = TODAY) {
  const text = parseLawText(html);
  return versionAt(text.sections[anchor] ?? [], date)?.paragraphs;
}

const section = (anchor: string, number: string, body: string) =>
  `<a class="paragraf" name="${anchor}"><b>${number} §</b></a> &nbsp;&nbsp;${body}<br /><br />\n`;

describe('parseLawText: anchors', () => {
  test('every form riksdagen writes: chapter and section, no chapters, letters on either', () => {
    const html = [
      '<h3 name="K10"><a name="K10">10 kap. Sekretessbrytande bestämmelser</a></h3>',
      section('K10P2', '2', 'Sekretess hindrar inte att en uppgift lämnas.'),
      '<h3 name="K4"><a name="K4">4 kap. Om brott mot frihet och frid</a></h3>',
      section('K4P9c', '9 c', 'Den som olovligen bereder sig tillgång.'),
      '<h3 name="K8a"><a name="K8a">8 a kap. Återhämtningsplaner</a></h3>',
      section('K8aP1', '1', 'Ett institut ska ha en plan.'),
      section('K8aP2a', '2 a', 'En bokstav på både kapitel och paragraf.'),
    ].join('\n');
    const text = parseLawText(html);
    expect(Object.keys(text.sections)).toEqual(['K10P2', 'K4P9c', 'K8aP1', 'K8aP2a']);
    expect(text.sections.K4P9c).toEqual([{ paragraphs: ['Den som olovligen bereder sig tillgång.'] }]);
    expect(text.sections.K8aP2a).toEqual([{ paragraphs: ['En bokstav på både kapitel och paragraf.'] }]);
    expect(text.chapters).toEqual({
      K10: [{ title: 'Sekretessbrytande bestämmelser' }],
      K4: [{ title: 'Om brott mot frihet och frid' }],
      K8a: [{ title: 'Återhämtningsplaner' }],
    });

    const noChapters = parseLawText(section('P3', '3', 'Arbetsgivaren ska underrätta.') + section('P3a', '3 a', 'Med bokstav.'));
    expect(noChapters.sections).toEqual({ P3: [{ paragraphs: ['Arbetsgivaren ska underrätta.'] }], P3a: [{ paragraphs: ['Med bokstav.'] }] });
    expect(noChapters.chapters).toEqual({});
  });

  test('names in other cases and quoting are read as the same anchors', () => {
    const html = `<h3 name='k2'>2 kap. Rubrik</h3><a class=paragraf name=k2p1A><b>1 a §</b></a> Text.<p><a name="K2P1AS2"/></p>Andra.`;
    const text = parseLawText(html);
    expect(text.sections).toEqual({ K2P1a: [{ paragraphs: ['Text.', 'Andra.'] }] });
    expect(text.chapters).toEqual({ K2: [{ title: 'Rubrik' }] });
  });

  test('a chapter heading as an anchor before an unnamed <h3>, or with the anchor inside it', () => {
    expect(parseLawText('<a name="K5"></a><h3>5 kap. Tillsyn</h3>' + section('K5P1', '1', 'T.')).chapters).toEqual({ K5: [{ title: 'Tillsyn' }] });
    expect(parseLawText('<h3><a name="K6">6 kap.</a> Överklagande</h3>' + section('K6P1', '1', 'T.')).chapters).toEqual({ K6: [{ title: 'Överklagande' }] });
  });
});

describe('parseLawText: text', () => {
  test('stycken split at their anchors; the number is dropped from the first; list points keep their lines', () => {
    const html =
      '<a class="paragraf" name="K21P1"><b>1 §</b></a> &nbsp;&nbsp;Sekretess gäller för uppgift som rör en enskilds hälsa\n' +
      'eller sexualliv.<br /><br />\n' +
      '<p><a name="K21P1S2"></a></p>Sekretessen gäller inte för uppgift<br />1. som avses i 35 kap.,<br />\n2. som tas in i ett beslut.<br /><br />\n' +
      '<p><a name="K21P1S3"></a></p>För uppgift i en allmän handling gäller sekretessen i högst\nsjuttio år. <i>Lag (2020:277).</i>';
    expect(at(html, 'K21P1')).toEqual([
      'Sekretess gäller för uppgift som rör en enskilds hälsa eller sexualliv.',
      'Sekretessen gäller inte för uppgift\n1. som avses i 35 kap.,\n2. som tas in i ett beslut.',
      'För uppgift i en allmän handling gäller sekretessen i högst sjuttio år. Lag (2020:277).',
    ]);
  });

  test('a printed number outside its anchor is dropped too; a number later in the text is not', () => {
    expect(at('<a class="paragraf" name="K1P9c"></a><b>9 c §</b> Enligt 9 c § gäller detta.', 'K1P9c')).toEqual(['Enligt 9 c § gäller detta.']);
    expect(at(section('P2', '2', '2 § första stycket gäller inte.'), 'P2')).toEqual(['2 § första stycket gäller inte.']);
  });

  test('entities are decoded once: named, decimal and hexadecimal; escaped markup stays text', () => {
    const body = 'Paragraf&nbsp;&#167; och &#xE5;r, &Aring;, &auml;, &ndash; &amp;lt;b&amp;gt; och &lt;img src=x onerror=alert(1)&gt; &okänd;';
    expect(at(section('P1', '1', body), 'P1')).toEqual(['Paragraf § och år, Å, ä, – &lt;b&gt; och <img src=x onerror=alert(1)> &okänd;']);
  });

  test('markup in the text is dropped and its words kept; script and style bodies are never text', () => {
    const body =
      'Ett <span class="x">ord</span> och <a href="https://lagen.nu/1962:700">brottsbalken</a><script>alert("x")</script><style>p{}</style><!-- kommentar --> <unknown-tag a=1>slut</unknown-tag>.';
    expect(at(section('P1', '1', body), 'P1')).toEqual(['Ett ord och brottsbalken slut.']);
  });

  test('group headings are not section text, and text after one is nobody’s until a stycke anchor claims it', () => {
    const html =
      section('K10P1', '1', 'Första.') +
      '<h4 name="Nödvändigt utlämnande"><a name="Nödvändigt utlämnande">Nödvändigt utlämnande</a></h4>' +
      'Lös text utan ankare.' +
      section('K10P2', '2', 'Andra.') +
      '<h4>Mellanrubrik</h4>Lös.<p><a name="K10P2S2"></a></p>Andra stycket, efter rubriken.';
    const text = parseLawText(html);
    expect(text.sections.K10P1![0]!.paragraphs).toEqual(['Första.']);
    expect(text.sections.K10P2![0]!.paragraphs).toEqual(['Andra.', 'Andra stycket, efter rubriken.']);
  });

  test('reading stops at the transitional provisions, whose anchors continue the last section', () => {
    const html = section('K26P5', '5', 'Sista paragrafen.') + '<h3 name="overgang"><a name="overgang">Övergångsbestämmelser</a></h3>2009:400<p><a name="K26P5S28"></a></p>1. Denna lag träder i kraft.';
    expect(parseLawText(html).sections).toEqual({ K26P5: [{ paragraphs: ['Sista paragrafen.'] }] });
  });

  test('nothing from the HTML is returned as markup, whatever it holds', () => {
    const text = parseLawText(syntheticLaw(200_000).html + section('P999', '999', '<b>fet</b> <img src=x onerror=alert(1)> <a name="x">'));
    const all = JSON.stringify(text);
    expect(all).not.toMatch(/<(?:b|img|a|script|style|br|p|h\d)\b/);
  });
});

describe('parseLawText: changes in force', () => {
  const twice =
    '<h3 name="K1"><a name="K1">1 kap. Lagens innehåll</a></h3>' +
    '<a class="paragraf" name="K1P7"><b>7 §</b></a> /Upphör att gälla U:2026-03-01/<br />Den sjätte avdelningen, Säkerhets- och integritetsskyddsnämnden. <i>Lag (2009:1020).</i><br /><br />' +
    '<a class="paragraf" name="K1P7"><b>7 §</b></a> /Träder i kraft I:2026-03-01/<br />Den sjätte avdelningen, Myndigheten för säkerhet och integritetsskydd. <i>Lag (2025:1470).</i><br /><br />' +
    '<br />/Kapitlet upphör att gälla U:2027-01-01/<br />' +
    '<h3 name="K21"><a name="K21">21 kap. Gamla rubriken</a></h3>' +
    section('K21P1', '1', 'Gammal lydelse.') +
    section('K21P2', '2', 'Bara i den gamla.') +
    '/Kapitlet träder i kraft I:2027-01-01/<br />' +
    '<h3 name="K21"><a name="K21">21 kap. Nya rubriken</a></h3>' +
    section('K21P1', '1', 'Ny lydelse.');

  test('a section given twice: each wording keeps its dates, and the day decides', () => {
    const text = parseLawText(twice);
    expect(text.sections.K1P7).toEqual([
      { paragraphs: ['Den sjätte avdelningen, Säkerhets- och integritetsskyddsnämnden. Lag (2009:1020).'], until: '2026-03-01' },
      { paragraphs: ['Den sjätte avdelningen, Myndigheten för säkerhet och integritetsskydd. Lag (2025:1470).'], from: '2026-03-01' },
    ]);
    expect(at(twice, 'K1P7', '2026-02-28')![0]).toMatch(/Säkerhets- och integritetsskyddsnämnden/);
    expect(at(twice, 'K1P7', '2026-03-01')![0]).toMatch(/Myndigheten för säkerhet/);
  });

  test('a chapter given twice: its heading and every section in it follow the chapter’s dates', () => {
    const text = parseLawText(twice);
    expect(text.chapters.K21).toEqual([
      { title: 'Gamla rubriken', until: '2027-01-01' },
      { title: 'Nya rubriken', from: '2027-01-01' },
    ]);
    expect(at(twice, 'K21P1')).toEqual(['Gammal lydelse.']);
    expect(at(twice, 'K21P1', '2027-01-01')).toEqual(['Ny lydelse.']);
    // Gone with the old chapter.
    expect(at(twice, 'K21P2', '2027-01-01')).toBeUndefined();
    expect(versionAt(text.chapters.K21!, '2027-06-01')?.title).toBe('Nya rubriken');
    // The markers never reach the text.
    expect(JSON.stringify(text)).not.toContain('/Kapitlet');
  });

  test('a chapter marker after the number in the heading belongs to that chapter', () => {
    const html = '<h3 name="K3"><a name="K3">3 kap. /Kapitlet upphör att gälla U:2018-05-25 genom lag (2018:221)./ Enskildas rättigheter</a></h3>' + section('K3P1', '1', 'Text.');
    const text = parseLawText(html);
    expect(text.chapters.K3).toEqual([{ title: 'Enskildas rättigheter', until: '2018-05-25' }]);
    expect(text.sections.K3P1).toEqual([{ paragraphs: ['Text.'], until: '2018-05-25' }]);
  });

  test('marker variants: a tail in italics, a day not yet set, two on one wording, a new number, heading markers', () => {
    const html =
      section('P1', '1', '/Upphör att gälla U:2027-01-11 genom <i>lag (2026:1065)</i>./<br />Gäller till 2027.') +
      section('P1', '1', '/Träder i kraft I:den dag regeringen bestämmer/<br />Kommer en dag.') +
      section('P2', '2', '/Träder i kraft I:2026-12-05/ /Upphör att gälla U:2030-01-10/<br />Tillfällig.') +
      section('P3', '3', '/Ny beteckning 3 a § U:2026-12-05/<br />Flyttas.') +
      '/Rubriken träder i kraft I:2026-12-05/<br /><h4>Ny rubrik</h4>' +
      section('P4', '4', 'Utan markering.');
    const text = parseLawText(html);
    expect(text.sections.P1).toEqual([
      { paragraphs: ['Gäller till 2027.'], until: '2027-01-11' },
      { paragraphs: ['Kommer en dag.'], from: 'den dag regeringen bestämmer' },
    ]);
    expect(text.sections.P2).toEqual([{ paragraphs: ['Tillfällig.'], from: '2026-12-05', until: '2030-01-10' }]);
    expect(text.sections.P3).toEqual([{ paragraphs: ['Flyttas.'], until: '2026-12-05' }]);
    expect(text.sections.P4).toEqual([{ paragraphs: ['Utan markering.'] }]);
    expect(at(html, 'P1', '2027-01-11')).toEqual(['Kommer en dag.']);
    expect(at(html, 'P3', '2026-12-05')).toBeUndefined();
  });

  test('a marker before the anchor, where some texts put it, is the next section’s', () => {
    const html = section('P1', '1', 'Ettan.') + '/Träder i kraft I:2027-01-01/' + section('P2', '2', 'Tvåan kommer.');
    expect(parseLawText(html).sections).toEqual({
      P1: [{ paragraphs: ['Ettan.'] }],
      P2: [{ paragraphs: ['Tvåan kommer.'], from: '2027-01-01' }],
    });
  });

  test('takeMarkers tells leading from trailing, and drops those in the middle from the text', () => {
    const taken = takeMarkers(' /Upphör att gälla U:2026-01-01/ Text /Rubriken upphör att gälla U:2026-01-01/ mer. /Träder i kraft I:2026-01-01/ ');
    expect(taken.text.replace(/\s+/g, ' ').trim()).toBe('Text mer.');
    expect(taken.leading).toEqual([{ scope: 'section', kind: 'until', when: '2026-01-01' }]);
    expect(taken.trailing).toEqual([{ scope: 'section', kind: 'from', when: '2026-01-01' }]);
    expect(taken.all).toHaveLength(3);
  });

  test('when nothing is in force on the day: the next wording to come, or none once all have ended', () => {
    const versions: { n: number; from?: string; until?: string }[] = [
      { n: 1, until: '2020-01-01' },
      { n: 2, from: 'den dag regeringen bestämmer' },
      { n: 3, from: '2030-01-01' },
    ];
    expect(versionAt(versions, '2025-01-01')?.n).toBe(3);
    expect(versionAt(versions.slice(0, 1), '2025-01-01')).toBeUndefined();
    expect(versionAt<{ n: number; from?: string }>([{ n: 1 }, { n: 2 }], '2025-01-01')?.n).toBe(1);
  });
});

describe('parseLawText: tolerance', () => {
  test.each([
    ['empty', ''],
    ['no markup', 'bara text'],
    ['a tag never closed', '<a class="paragraf" name="K1P1"'],
    ['a comment never closed', section('P1', '1', 'Text.') + '<!-- aldrig slut'],
    ['stray brackets', '< 3 och 4 > 2 <<>> <a name=>'],
    ['a heading never closed', '<h3 name="K1">1 kap. Rubrik' + section('K1P1', '1', 'Text.')],
    ['binary noise', '\u0000\uffff<\u0000a name="K1P1">\u0000'],
    ['nested and unbalanced tags', '</p></h3><h4><h2>x</h4>' + section('P1', '1', '<b><i>Text</b></i>.')],
  ])('%s never throws', (_name, html) => {
    expect(() => parseLawText(html)).not.toThrow();
  });

  test('a heading left open ends at the next section', () => {
    expect(at('<h3 name="K1">1 kap. Rubrik' + section('K1P1', '1', 'Text.'), 'K1P1')).toEqual(['Text.']);
  });

  test('adversarial input is read in linear time (quadratic would not finish)', () => {
    const n = 1_000_000;
    // Each `<` looks like a tag start with no `>` after it; each `/` looks like a marker start.
    expect(parseLawText('<a'.repeat(n / 2)).sections).toEqual({});
    expect(parseLawText(section('P1', '1', '/Upphör att gälla U:'.repeat(n / 20))).sections.P1).toHaveLength(1);
    expect(parseLawText('<!--'.repeat(n / 4)).sections).toEqual({});
    expect(parseLawText('<style>'.repeat(n / 7)).sections).toEqual({});
  });
});

describe('parseLawText at size', () => {
  test('a synthetic 2 MB law: every section and chapter heading as written, the old and new chapter by day', () => {
    const law = syntheticLaw(2_000_000);
    expect(law.html.length).toBeGreaterThan(2_000_000);
    const text = parseLawText(law.html);
    expect(Object.keys(text.sections)).toHaveLength(law.sections.size);
    for (const [anchor, paragraphs] of law.sections) {
      expect(versionAt(text.sections[anchor]!, TODAY)?.paragraphs, anchor).toEqual(paragraphs);
    }
    for (const [anchor, title] of law.chapters) expect(versionAt(text.chapters[anchor]!, TODAY)?.title, anchor).toBe(title);
    for (const [anchor, paragraphs] of law.twice.newSections) {
      expect(versionAt(text.sections[anchor]!, law.twice.on)?.paragraphs, anchor).toEqual(paragraphs);
    }
    expect(versionAt(text.chapters[law.twice.chapter]!, law.twice.on)?.title).toBe(law.twice.newTitle);
  });
});

describe('cleanText', () => {
  test('collapses spaces and the source’s line breaks; of the elements’ breaks keeps list points and paragraph breaks', () => {
    const br = '\u2029'; // where an element (<br>, <p>) broke the text
    expect(cleanText(`  a\u00a0 b\n\nwrapped${br}c${br}${br}${br}d${br}1. e${br}–  f${br}g) h  `)).toBe('a b wrapped c\nd\n1. e\n– f\ng) h');
  });
});
