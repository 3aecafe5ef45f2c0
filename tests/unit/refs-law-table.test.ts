import { describe, expect, it } from 'vitest';
import { lawRows, laws, LawTable, parseLawTable, type LawRow } from '@/lib/refs/laws/table';
import { parseReferenceId } from '@/lib/refs';

describe('the law table (lib/refs/laws/laws.tsv)', () => {
  it('parses whole, every number a valid SFS id', () => {
    expect(lawRows().length).toBeGreaterThan(80);
    for (const row of lawRows()) {
      const [year, number] = row.sfs.split(':');
      expect(parseReferenceId(`sfs:${year}:${number}`), row.name).not.toBeNull();
      if (row.from && row.until) expect(row.from <= row.until, row.name).toBe(true);
    }
  });

  it('gives each name the law in force on the date', () => {
    expect(laws().resolveName('förvaltningslagen', '2015-03-01')).toBe('1986:223');
    expect(laws().resolveName('förvaltningslagen', '2019-03-01')).toBe('2017:900');
    expect(laws().resolveName('förvaltningslagen', '1980-03-01')).toBeUndefined();
    expect(laws().resolveName('brottsbalken', '2020-01-01')).toBe('1962:700');
    expect(laws().resolveAbbreviation('OSL', '2020-01-01')).toBe('2009:400');
    expect(laws().resolveAbbreviation('RO', '2010-01-01')).toBe('1974:153');
    expect(laws().resolveAbbreviation('RO', '2015-01-01')).toBe('2014:801');
  });

  it('no name has two rows in force on one day', () => {
    const byName = new Map<string, LawRow[]>();
    for (const row of lawRows()) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
    for (const [name, rows] of byName) {
      for (const a of rows)
        for (const b of rows) {
          if (a === b) continue;
          const overlap = (a.from ?? '0000') <= (b.until ?? '9999') && (b.from ?? '0000') <= (a.until ?? '9999');
          expect(overlap, `${name}: ${a.sfs} and ${b.sfs}`).toBe(false);
        }
    }
  });

  it('rejects malformed rows with their line', () => {
    expect(() => parseLawTable('# c\nBrottsbalken\tBrB\t1962:700')).toThrow(/line 2.*lower case/);
    expect(() => parseLawTable('brottsbalken\tBrB\t1962-700')).toThrow(/line 1.*SFS number/);
    expect(() => parseLawTable('brottsbalken\tBrB\t1962:700\t1965')).toThrow(/not a date/);
    expect(new LawTable(parseLawTable('a\tA\t2000:1\n')).nameOf('2000:1')).toBe('a');
  });
});
