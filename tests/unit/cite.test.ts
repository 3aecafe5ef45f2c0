import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse as parseBibtex, type Entry } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { citationFile, formatCitations, referenceRecord, swedishReference, type CitationRecord } from '@/lib/cite';
import { toCslItems } from '@/lib/cite/csl-json';
import { citationKey, uniqueKeys } from '@/lib/cite/keys';
import { latexEscape } from '@/lib/cite/latex';
import { allRecords, answerPageRecord, LAW_PLACE_META, recordedMeta } from './cite-fixtures';
import { useLanguage } from './i18n-fake';

/*
 * Citations (lib/cite) for reference managers. Each format is read back by a parser that reference
 * managers themselves use or follow — BibTeX by Better BibTeX's parser (@retorquere/bibtex-parser),
 * RIS and CSL-JSON by Citation.js — and must give back the records it was made from.
 */

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The parsers may hand letters back decomposed (`a` + ring for `{\aa}`): compared as the same text. */
const nfc = (text: string | undefined) => text?.normalize('NFC');
const bibtexOf = (records: readonly CitationRecord[]) => parseBibtex(formatCitations('bibtex', records), { english: [] });
const risOf = (records: readonly CitationRecord[]) => plugins.input.chain(formatCitations('ris', records), { generateGraph: false });

describe('records: what is known, nothing guessed', () => {
  test('a found document carries the open data’s title, date, department by name and address', () => {
    const meta = recordedMeta('sou:2018:65');
    expect(referenceRecord('sou:2018:65', meta)).toEqual({
      keyBasis: 'sou:2018:65',
      type: 'report',
      kindName: 'Statens offentliga utredningar',
      prefix: 'SOU',
      number: '2018:65',
      designation: 'SOU 2018:65',
      title: meta.title,
      date: meta.date,
      organ: 'Justitiedepartementet',
      url: meta.url,
    });
  });

  test('a document the open data does not have: its designation only — no title, date or address (a search is not one)', () => {
    const record = referenceRecord('prop:1952:187')!;
    expect(record).toEqual({ keyBasis: 'prop:1952:187', type: 'bill', kindName: 'Proposition', prefix: 'Prop.', number: '1952:187', designation: 'Prop. 1952:187' });
  });

  test('a place in a law: the law’s title, the place as a section, the address at the place', () => {
    const record = referenceRecord('sfs:2009:400#K26P1', LAW_PLACE_META)!;
    expect(record).toMatchObject({
      type: 'statute',
      number: '2009:400',
      section: '26 kap. 1 §',
      title: 'Offentlighets- och sekretesslag (2009:400)',
      url: LAW_PLACE_META.url,
      lawCitation: '26 kap. 1 § offentlighets- och sekretesslagen (2009:400)',
    });
  });

  test('types follow what the documents are: reports, government documents, bills, statutes', () => {
    const types = Object.fromEntries(allRecords().map((r) => [r.keyBasis, r.type]));
    expect(types).toMatchObject({
      'sou:2018:65': 'report',
      'ds:2019:3': 'report',
      'bet:2018/19:JuU12': 'report',
      'dir:2017:75': 'government-document',
      'skr:2014/15:146': 'government-document',
      'fr:2018/19:523': 'government-document',
      'prop:2017/18:1': 'bill',
      'mot:2018/19:123': 'bill',
      'sfs:1998:204': 'statute',
      'eu:reg:2016/679': 'statute',
    });
  });

  test('not a reference id: no record', () => {
    expect(referenceRecord('sou 2018:65')).toBeUndefined();
  });
});

describe('the Swedish reference', () => {
  test('designation, title, who issued it and when, address', () => {
    const meta = recordedMeta('sou:2018:65');
    expect(swedishReference(referenceRecord('sou:2018:65', meta)!)).toBe(
      `SOU 2018:65 Informationsutbyte vid samverkan mot terrorism. Justitiedepartementet, 2018-09-27. ${meta.url}`,
    );
  });

  test('a proposition starts with a capital, as the first word of a reference', () => {
    const meta = recordedMeta('prop:2017/18:1');
    expect(swedishReference(referenceRecord('prop:2017/18:1', meta)!)).toMatch(new RegExp(`^Prop\\. 2017/18:1 ${meta.title}\\. .*${meta.url}$`));
  });

  test('a title that already names the document is not preceded by the designation again', () => {
    expect(swedishReference(answerPageRecord())).toBe(
      'Svar på fråga 2018/19:523 av Roger Haddad (L) Säpos lista över kommuner som kan beröras av återvändare från IS. ' +
        'Justitiedepartementet, 2019-04-17. https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/_H612523',
    );
  });

  test('a law as running text cites it, with its address at the place', () => {
    expect(swedishReference(referenceRecord('sfs:2009:400#K26P1', LAW_PLACE_META)!)).toBe(
      `26 kap. 1 § offentlighets- och sekretesslagen (2009:400). ${LAW_PLACE_META.url}`,
    );
  });

  test('without metadata: the designation alone', () => {
    expect(swedishReference(referenceRecord('skr:2014/15:146')!)).toBe('Skr. 2014/15:146');
  });
});

describe('RIS, read back by Citation.js', () => {
  test('every record comes back with its type, title, number, date, address and language', () => {
    const records = allRecords();
    const parsed = risOf(records);
    expect(parsed).toHaveLength(records.length);
    records.forEach((record, i) => {
      const item = parsed[i]!;
      expect(item.type).toBe({ report: 'report', 'government-document': 'report', bill: 'bill', statute: 'legislation' }[record.type]);
      expect(item.title).toBe(record.title && normalize(record.title));
      expect(item.URL).toBe(record.url);
      expect(item.language).toBe('sv');
      // The whole date where the type reads DA, else the year (PY).
      const parts = (item.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0];
      if (record.date) expect(record.date.split('-').map(Number).slice(0, parts?.length)).toEqual(parts);
      else expect(parts).toBeUndefined();
      // Citation.js reads a statute's number nowhere (Zotero reads M1 as its public law number).
      if (record.type !== 'statute') expect(item.number).toBe(record.number);
      if (record.type === 'report') expect(item.publisher).toBe(record.organ);
    });
  });

  test('a place in a law: the code and the section', () => {
    const [item] = risOf([referenceRecord('sfs:2009:400#K26P1', LAW_PLACE_META)!]);
    expect(item).toMatchObject({ type: 'legislation', 'container-title': 'Svensk författningssamling', section: '26 kap. 1 §' });
  });

  test('the RIS tags the readers expect: TY first, ER last, CRLF line ends, dates as YYYY/MM/DD/', () => {
    const text = formatCitations('ris', [referenceRecord('sou:2018:65', recordedMeta('sou:2018:65'))!]);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('TY  - RPRT');
    expect(lines).toContain('DA  - 2018/09/27/');
    expect(lines).toContain('SN  - 2018:65');
    expect(lines).toContain('M3  - SOU');
    expect(lines).toContain('PB  - Justitiedepartementet');
    expect(lines.at(-2)).toBe('ER  - ');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines.slice(0, -1).every((line) => /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true);
  });

  test('a line break in a title stays inside its tag', () => {
    const record: CitationRecord = { keyBasis: 'x', type: 'report', title: 'Två\nrader', url: 'https://www.riksdagen.se/' };
    expect(risOf([record])[0]!.title).toBe('Två rader');
  });
});

describe('BibTeX, read back by Better BibTeX’s parser', () => {
  const field = (entry: Entry, name: string) => {
    const value = entry.fields[name as keyof Entry['fields']];
    return typeof value === 'string' ? nfc(value) : value;
  };

  test('every record comes back, under its stable key, with its fields and the Swedish letters intact', () => {
    const records = allRecords();
    const library = bibtexOf(records);
    expect(library.errors).toEqual([]);
    expect(library.entries.map((e) => e.key)).toEqual(uniqueKeys(records.map((r) => r.keyBasis)));
    records.forEach((record, i) => {
      const entry = library.entries[i]!;
      const report = record.type === 'report' || record.type === 'government-document';
      expect(entry.type).toBe(report ? 'techreport' : 'misc');
      expect(field(entry, 'title')).toBe(record.title && normalize(record.title));
      expect(field(entry, 'url')).toBe(record.url);
      expect(field(entry, 'date')).toBe(record.date);
      expect(field(entry, 'year')).toBe(record.date?.slice(0, 4));
      expect(field(entry, 'langid')).toBe('swedish');
      if (report) {
        expect(field(entry, 'number')).toBe(record.number);
        expect(field(entry, 'institution')).toEqual(record.organ ? [record.organ] : undefined);
      } else {
        expect(field(entry, 'howpublished')).toBe([record.designation, record.section].filter(Boolean).join(', '));
      }
    });
  });

  test('letters with marks as accent commands, TeX’s special characters escaped, titles braced against case changes', () => {
    const record: CitationRecord = {
      keyBasis: 'mot:2002/03:Fö259',
      type: 'bill',
      designation: 'Mot. 2002/03:Fö259',
      title: 'Åtgärder för ökad säkerhet & 100 % öppenhet_nu',
      url: 'https://www.riksdagen.se/sv/s%C3%B6k/?q=a_b#x',
    };
    const text = formatCitations('bibtex', [record]);
    expect(text).toContain('@misc{mot-2002-03-Fo259,');
    expect(text).toContain('title = {{{\\AA}tg{\\"a}rder f{\\"o}r {\\"o}kad s{\\"a}kerhet \\& 100 \\% {\\"o}ppenhet\\_nu}},');
    expect(text).toContain('howpublished = {Mot. 2002/03:F{\\"o}259},');
    // The address verbatim: no TeX escapes inside it.
    expect(text).toContain('url = {https://www.riksdagen.se/sv/s%C3%B6k/?q=a_b#x},');
  });

  test('any title survives the trip: Swedish letters, TeX specials, dashes, quotes and ligature pairs', () => {
    const alphabet = [...'aAzZ09 åäöÅÄÖéüæøß§–—”“’‘…\u00a0{}\\#$%&_~^-\'`<>,?!.:;()/"@=*+'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 40 }), (chars) => {
        const title = chars.join('');
        fc.pre(normalize(title.replace(/\u00a0/g, ' ')) !== '');
        const record: CitationRecord = { keyBasis: 'sou:2018:65', type: 'report', title };
        const library = bibtexOf([record]);
        expect(library.errors).toEqual([]);
        // A no-break space reads back as a plain one; the rest exactly.
        expect(nfc(library.entries[0]!.fields.title)?.replace(/\u00a0/g, ' ')).toBe(normalize(title).replace(/\u00a0/g, ' '));
      }),
      { numRuns: 300 },
    );
  });

  test('keys are stable and unique within a file', () => {
    expect(citationKey('bet:2018/19:JuU12')).toBe('bet-2018-19-JuU12');
    expect(citationKey('sfs:2009:400#K26P1')).toBe('sfs-2009-400-K26P1');
    expect(citationKey('eu:dir:95/46')).toBe('eu-dir-95-46');
    expect(uniqueKeys(['sou:2018:65', 'sou:2018:65', 'mot:2002/03:Fö259', 'mot:2002/03:Fo259'])).toEqual([
      'sou-2018-65',
      'sou-2018-65-2',
      'mot-2002-03-Fo259',
      'mot-2002-03-Fo259-2',
    ]);
  });

  test('latexEscape: the commands by letter', () => {
    expect(latexEscape('åäöÅÄÖ')).toBe('{\\aa}{\\"a}{\\"o}{\\AA}{\\"A}{\\"O}');
    expect(latexEscape('é è ç č')).toBe("{\\'e} {\\`e} {\\c{c}} {\\v{c}}");
    expect(latexEscape('a--b')).toBe('a-{}-b');
  });
});

describe('CSL-JSON, read back by Citation.js', () => {
  test('the items come back unchanged: every field is one CSL knows, of the type it expects', () => {
    const records = allRecords();
    const items = JSON.parse(formatCitations('csl-json', records));
    expect(items).toEqual(toCslItems(records));
    const cite = new Cite(items, { generateGraph: false });
    expect(cite.data).toEqual(items);
  });

  test('what each item says', () => {
    const meta = recordedMeta('bet:2018/19:JuU12');
    const [bet, law] = toCslItems([referenceRecord('bet:2018/19:JuU12', meta)!, referenceRecord('sfs:2009:400#K26P1', LAW_PLACE_META)!]);
    expect(bet).toMatchObject({ id: 'bet-2018-19-JuU12', type: 'report', title: meta.title, number: '2018/19:JuU12', genre: 'Utskottets betänkande', URL: meta.url, language: 'sv' });
    expect(bet!.issued).toEqual({ 'date-parts': [meta.date!.split('-').map(Number)] });
    expect(law).toMatchObject({ type: 'legislation', number: '2009:400', 'container-title': 'Svensk författningssamling', section: '26 kap. 1 §' });
    expect(law).not.toHaveProperty('genre');
  });
});

describe('as a file', () => {
  test('its name starts in the reader’s language', () => {
    useLanguage('en');
    expect(citationFile('ris', allRecords(), { now: Date.UTC(2026, 11, 1, 12), dokId: 'H612523' }).filename).toBe('riksref-references-H612523-2026-12-01.ris');
  });

  test('named after the citing document and the day, with the format’s extension and type', () => {
    const now = Date.UTC(2026, 11, 1, 12);
    const records = allRecords();
    expect(citationFile('ris', records, { now, dokId: 'H612523' })).toMatchObject({
      filename: 'riksref-referenser-H612523-2026-12-01.ris',
      mimeType: 'application/x-research-info-systems',
      count: records.length,
    });
    expect(citationFile('bibtex', records, { now }).filename).toBe('riksref-referenser-2026-12-01.bib');
    expect(citationFile('csl-json', records, { now }).mimeType).toBe('application/vnd.citationstyles.csl+json');
    expect(citationFile('swedish', records, { now }).text.split('\n')).toHaveLength(records.length + 1);
  });
});
