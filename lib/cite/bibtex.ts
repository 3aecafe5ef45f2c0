import { uniqueKeys } from './keys.ts';
import { latexEscape } from './latex.ts';
import type { CitationRecord } from './record.ts';

/*
 * BibTeX, readable by BibTeX and biber alike, and by Zotero, JabRef and Better BibTeX on import.
 * Reports and other government documents are `@techreport` (their `type` and `number` print as
 * "SOU 2018:65"), bills and laws `@misc` with the designation as `howpublished`. Titles are
 * braced twice so that a style's case changes leave "Säpo" and "EU" alone; `langid` tells biber
 * and Zotero the text is Swedish (no title casing). Both `year` (BibTeX) and `date` (biblatex).
 */

type Field = [name: string, value: string | undefined, raw?: 'raw'];

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A URL as the `url` field takes it: verbatim, so only braces and backslashes (which would end or break the field) are percent-encoded. */
function urlValue(url: string): string {
  return url.replace(/[{}\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function fieldsOf(record: CitationRecord): { entryType: string; fields: Field[] } {
  const title: Field = ['title', record.title && `{${latexEscape(normalize(record.title))}}`, 'raw'];
  const dated: Field[] = [
    ['date', record.date],
    ['year', record.date?.slice(0, 4)],
    ['url', record.url && urlValue(record.url), 'raw'],
    ['langid', 'swedish'],
  ];
  if (record.type === 'report' || record.type === 'government-document') {
    return {
      entryType: 'techreport',
      fields: [
        title,
        ['type', record.number ? (record.prefix ?? record.kindName) : undefined],
        ['number', record.number],
        ['institution', record.organ],
        ...dated,
      ],
    };
  }
  const howpublished = [record.designation, record.section].filter(Boolean).join(', ');
  return {
    entryType: 'misc',
    fields: [title, ['howpublished', howpublished || undefined], ['organization', record.organ], ...dated],
  };
}

function entry(record: CitationRecord, key: string): string {
  const { entryType, fields } = fieldsOf(record);
  const lines = fields
    .filter((field): field is [string, string, ('raw' | undefined)?] => field[1] !== undefined && field[1] !== '')
    .map(([name, value, raw]) => `  ${name} = {${raw ? value : latexEscape(normalize(value))}},`);
  return `@${entryType}{${key},\n${lines.join('\n')}\n}\n`;
}

export function toBibtex(records: readonly CitationRecord[]): string {
  const keys = uniqueKeys(records.map((r) => r.keyBasis));
  return records.map((record, i) => entry(record, keys[i]!)).join('\n');
}
