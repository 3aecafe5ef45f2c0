import { KIND_NAMES_SV } from '../refs/labels.ts';
import { uniqueKeys } from './keys.ts';
import type { CitationRecord, CitationType } from './record.ts';

/*
 * CSL-JSON, the data format of the Citation Style Language (Zotero, Mendeley, pandoc and every
 * citeproc read it). Reports and government documents are `report` (their kind as `genre`, the
 * department or committee as `publisher`), propositions and motions `bill`, laws `legislation`
 * (the code as `container-title`, the place as `section`). Dates as date-parts; `language` sv.
 */

const CSL_TYPE: Readonly<Record<CitationType, string>> = {
  report: 'report',
  'government-document': 'report',
  bill: 'bill',
  statute: 'legislation',
};

export interface CslItem {
  id: string;
  type: string;
  title?: string;
  number?: string;
  genre?: string;
  publisher?: string;
  'container-title'?: string;
  section?: string;
  issued?: { 'date-parts': [[number, number, number]] };
  URL?: string;
  language: string;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

function item(record: CitationRecord, id: string): CslItem {
  const csl: CslItem = { id, type: CSL_TYPE[record.type], language: 'sv' };
  if (record.title) csl.title = normalize(record.title);
  if (record.number) csl.number = record.number;
  // A law's code is its container, not its genre.
  if (record.prefix === 'SFS') csl['container-title'] = KIND_NAMES_SV.sfs;
  else if (record.kindName) csl.genre = record.kindName;
  if (record.organ && record.type !== 'statute') csl.publisher = record.organ;
  if (record.section) csl.section = record.section;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(record.date ?? '');
  if (date) csl.issued = { 'date-parts': [[Number(date[1]), Number(date[2]), Number(date[3])]] };
  if (record.url) csl.URL = record.url;
  return csl;
}

export function toCslItems(records: readonly CitationRecord[]): CslItem[] {
  const keys = uniqueKeys(records.map((r) => r.keyBasis));
  return records.map((record, i) => item(record, keys[i]!));
}

export function toCslJson(records: readonly CitationRecord[]): string {
  return `${JSON.stringify(toCslItems(records), null, 2)}\n`;
}
