import { normalizeSession } from '../refs/ids.ts';
import type { Dokument } from './schemas.ts';
import type { ListQuery } from './query.ts';

/** A riksmöte in our form whatever the API wrote (`1999/2000` → `1999/00`); years unchanged. */
export function normalizeRm(rm: string | undefined): string | undefined {
  if (!rm) return undefined;
  const m = /^(\d{4})\/(\d{2}|\d{4})$/.exec(rm);
  return m ? (normalizeSession(m[1]!, m[2]!) ?? rm) : rm;
}

/**
 * SFS records may carry the year in their beteckning (`1998:204`) rather than the bare number
 * the query names; both mean the same document. `nummer` stands in when beteckning is missing.
 */
function sameBeteckning(d: Dokument, query: ListQuery): boolean {
  const bet = (d.beteckning ?? d.nummer)?.toLowerCase();
  const wanted = query.bet.toLowerCase();
  return bet === wanted || bet === `${query.rm}:${wanted}`;
}

/**
 * The one record that IS the document asked for. A list query is a search: it can return
 * neighbours (other types, other sessions, `JuU12` vs `JuU12y`), so only an exact doktyp, riksmöte
 * and beteckning count. The beteckning compares case-insensitively (old records vary in the
 * casing of committee letters); the exact casing wins when both are there.
 */
export function pickExact(records: readonly Dokument[], query: ListQuery): Dokument | undefined {
  const rm = normalizeRm(query.rm);
  const candidates = records.filter(
    (d) =>
      (d.doktyp ?? d.typ)?.toLowerCase() === query.doktyp &&
      normalizeRm(d.rm) === rm &&
      sameBeteckning(d, query),
  );
  return candidates.find((d) => d.beteckning === query.bet) ?? candidates[0];
}
