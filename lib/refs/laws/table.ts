import LAWS_TSV from './laws.tsv?raw';

/*
 * The named laws that texts cite without their number ("brottsbalken", "26 kap. 1 § OSL"). The
 * facts live in laws.tsv beside this file — data, in one place, read as text at build time — and
 * this module only parses it. A name whose law was replaced has one row per law, each with the
 * dates between which the name meant that law; a text's date picks the row.
 */

export interface LawRow {
  /** The definite form as texts write it, lower case: `offentlighets- och sekretesslagen`. */
  name: string;
  /** The usual abbreviation in its own casing (`OSL`, `BrB`), or undefined. */
  abbreviation?: string;
  /** `2009:400`. */
  sfs: string;
  /** `YYYY-MM-DD`; undefined: open. */
  from?: string;
  until?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SFS = /^\d{4}:[1-9]\d*$/;

/**
 * Reads the table: `#` lines are comments; columns name, abbreviation, sfs, from, until (and a
 * free note). A malformed row is a mistake in our own data, so it throws with its line number
 * (the unit tests read the shipped table).
 */
export function parseLawTable(tsv: string): LawRow[] {
  const rows: LawRow[] = [];
  tsv.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [name = '', abbreviation = '', sfs = '', from = '', until = ''] = line.replace(/\r$/, '').split('\t');
    const where = `laws.tsv line ${i + 1}`;
    if (!name || name !== name.toLowerCase().trim()) throw new Error(`${where}: the name must be given in lower case`);
    if (!SFS.test(sfs)) throw new Error(`${where}: "${sfs}" is not an SFS number`);
    for (const date of [from, until]) if (date && !DATE.test(date)) throw new Error(`${where}: "${date}" is not a date`);
    const row: LawRow = { name, sfs };
    if (abbreviation) row.abbreviation = abbreviation;
    if (from) row.from = from;
    if (until) row.until = until;
    rows.push(row);
  });
  return rows;
}

let rows: readonly LawRow[] | undefined;
/**
 * The shipped table, read on first use: the content script loads on every riksdagen.se page,
 * and most of them (start, search, calendar) are no documents and never need it.
 */
export function lawRows(): readonly LawRow[] {
  return (rows ??= parseLawTable(LAWS_TSV));
}

/**
 * `YYYY-MM-DD` of a moment, in the reader's own time zone (laws change at midnight in Sweden):
 * the date a text without one is read on, and the day a law's wording is chosen for.
 */
export function localDate(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whether a row is the law its name meant on `date` (`YYYY-MM-DD`). */
export function inForceOn(row: LawRow, date: string): boolean {
  return (!row.from || row.from <= date) && (!row.until || date <= row.until);
}

/**
 * Names and abbreviations to SFS numbers, by date. Built once from the rows; `resolve` is a map
 * lookup and a scan of the one to three rows a name has.
 */
export class LawTable {
  private readonly byName = new Map<string, LawRow[]>();
  private readonly byAbbreviation = new Map<string, LawRow[]>();
  private readonly bySfs = new Map<string, LawRow>();
  private readonly abbreviationBySfs = new Map<string, string>();

  constructor(rows: readonly LawRow[]) {
    for (const row of rows) {
      push(this.byName, row.name, row);
      if (row.abbreviation) push(this.byAbbreviation, row.abbreviation, row);
      // The newest name for a number wins (rows are listed newest first); so does its abbreviation.
      if (!this.bySfs.has(row.sfs)) this.bySfs.set(row.sfs, row);
      if (row.abbreviation && !this.abbreviationBySfs.has(row.sfs)) this.abbreviationBySfs.set(row.sfs, row.abbreviation);
    }
  }

  /** Every name in the table (lower case). */
  names(): IterableIterator<string> {
    return this.byName.keys();
  }

  abbreviations(): IterableIterator<string> {
    return this.byAbbreviation.keys();
  }

  /** The SFS number a name (lower case) meant on `date`, or undefined. */
  resolveName(name: string, date: string): string | undefined {
    return pick(this.byName.get(name), date);
  }

  /** The SFS number an abbreviation (exact casing) meant on `date`, or undefined. */
  resolveAbbreviation(abbreviation: string, date: string): string | undefined {
    return pick(this.byAbbreviation.get(abbreviation), date);
  }

  /** The table's name for an SFS number (`2009:400` → `offentlighets- och sekretesslagen`). */
  nameOf(sfs: string): string | undefined {
    return this.bySfs.get(sfs)?.name;
  }

  /** The table's abbreviation for an SFS number (`2009:400` → `OSL`), if it has one. */
  abbreviationOf(sfs: string): string | undefined {
    return this.abbreviationBySfs.get(sfs);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pick(rows: LawRow[] | undefined, date: string): string | undefined {
  return rows?.find((row) => inForceOn(row, date))?.sfs;
}

let table: LawTable | undefined;
/** The shipped table, indexed on first use (see lawRows). */
export function laws(): LawTable {
  return (table ??= new LawTable(lawRows()));
}
