import { KIND_NAMES_SV } from '../refs/labels.ts';
import type { CitationRecord, CitationType } from './record.ts';

/*
 * RIS, the tagged format Zotero, EndNote, Mendeley and most library systems import. Each record
 * is `TY  - <type>` … `ER  - `, one tag a line, lines ending in CRLF as the format's description
 * asks. Which tag carries what depends on the type, as Zotero's and EndNote's readers map them:
 * for a report (RPRT, GOVDOC) SN is the report number, M3 the report type and PB the institution;
 * for a bill (BILL) M1 is the bill number; for a statute (STAT) M1 is its number, T2 the code
 * (Svensk författningssamling) and SE the section. A bill has no publisher tag, so a
 * proposition's department is left out there rather than put somewhere it would be misread.
 */

const TY: Readonly<Record<CitationType, string>> = {
  report: 'RPRT',
  'government-document': 'GOVDOC',
  bill: 'BILL',
  statute: 'STAT',
};

type Tag = [tag: string, value: string | undefined];

/** A value on one line: RIS has no escapes, and a line break would start a line that is no tag. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `2018-09-27` → `2018/09/27/`, RIS's own date form. */
const risDate = (date: string) => `${date.replace(/-/g, '/')}/`;

function tagsOf(record: CitationRecord): Tag[] {
  const common: Tag[] = [
    ['TI', record.title],
    ['DA', record.date && risDate(record.date)],
    ['PY', record.date?.slice(0, 4)],
    ['UR', record.url],
    ['LA', 'sv'],
  ];
  switch (record.type) {
    case 'report':
    case 'government-document':
      return [...common, ['SN', record.number], ['M3', record.number ? (record.prefix ?? record.kindName) : record.kindName], ['PB', record.organ]];
    case 'bill':
      return [...common, ['M1', record.number]];
    case 'statute':
      return [
        ...common,
        ['M1', record.number],
        // Laws are published in the SFS; EU acts in the Official Journal, which is not a code.
        ['T2', record.prefix === 'SFS' ? KIND_NAMES_SV.sfs : undefined],
        ['SE', record.section],
      ];
  }
}

function entry(record: CitationRecord): string {
  const lines = [`TY  - ${TY[record.type]}`];
  for (const [tag, value] of tagsOf(record)) if (value) lines.push(`${tag}  - ${oneLine(value)}`);
  lines.push('ER  - ');
  return lines.map((line) => `${line}\r\n`).join('');
}

export function toRis(records: readonly CitationRecord[]): string {
  return records.map(entry).join('\r\n');
}
