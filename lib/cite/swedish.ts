import type { CitationRecord } from './record.ts';

/*
 * A reference as Swedish researchers and officials write one: the designation, then the title
 * ("SOU 2018:65 Informationsutbyte vid samverkan mot terrorism", "Prop. 2023/24:20 Bättre anpassad
 * undervisningstid …"), then who issued it and when, then its address. A law is cited as running
 * text cites it ("10 kap. 2 § offentlighets- och sekretesslagen (2009:400)"). What is not known is
 * left out, with its punctuation.
 */

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Joins sentences with ". ", without doubling a full stop a part already ends with. */
function sentences(parts: readonly string[]): string {
  return parts.map((part, i) => (i < parts.length - 1 && !/[.!?…]$/.test(part) ? `${part}.` : part)).join(' ');
}

/** The designation and the title, once: some titles already start with it ("Svar på fråga 2018/19:523 av …"). */
function lead(record: CitationRecord): string | undefined {
  if (record.lawCitation) return record.lawCitation;
  const title = record.title && normalize(record.title);
  const designation = record.designation;
  if (!title) return designation;
  if (!designation || record.number === undefined) return title;
  // "Svar på fråga 2018/19:523 av Roger Haddad (L) …": the number near the start means the title names itself.
  const at = title.indexOf(record.number);
  if (at >= 0 && at <= 40) return title;
  return `${designation} ${title}`;
}

/** One reference, on one line. */
export function swedishReference(record: CitationRecord): string {
  const details = [record.organ, record.type === 'statute' ? undefined : record.date].filter((part): part is string => !!part);
  const parts = [lead(record), details.length ? details.join(', ') : undefined].filter((part): part is string => !!part);
  // The address last and bare: a full stop after it would be copied into the address.
  return sentences(record.url ? [...parts.map(normalize), record.url] : parts.map(normalize));
}

/** Several references, one a line, in the order given. */
export function swedishReferences(records: readonly CitationRecord[]): string {
  return records.map((record) => `${swedishReference(record)}\n`).join('');
}
