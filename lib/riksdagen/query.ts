import type { ParsedReferenceId } from '../refs/types.ts';

/** The open data service. Tests and the e2e server play it on the same host. */
export const API_ORIGIN = 'https://data.riksdagen.se';

type DocumentId = Exclude<ParsedReferenceId, { kind: 'eu' }>;

/**
 * The API doktyps that can hold the document an id names, preferred first. Our kind codes are
 * the API's, except that a skriftlig fråga (`fr`) has its answer under `frs`, and EU acts are not
 * in the API at all (null: answer not-found without asking).
 */
export function apiDoktyps(parsed: ParsedReferenceId): string[] | null {
  if (parsed.kind === 'eu') return null;
  if (parsed.kind === 'fr') return ['fr', 'frs'];
  return [parsed.kind];
}

/**
 * The `rm` parameter: our ids write every riksmöte `YYYY/YY`, but the API keeps the session that
 * spanned the millennium as `1999/2000`, as it is printed in the documents themselves. Calendar
 * years (SOU, Ds, dir, SFS, and sessions before 1975) pass through.
 */
export function apiRm(rm: string): string {
  return rm === '1999/00' ? '1999/2000' : rm;
}

/** The `bet` parameter: the number, or a betänkande's committee designation (`JuU12`). */
export function apiBeteckning(parsed: DocumentId): string {
  return parsed.number;
}

export interface ListQuery {
  doktyp: string;
  rm: string;
  bet: string;
}

export function listQuery(parsed: DocumentId, doktyp: string): ListQuery {
  return { doktyp, rm: apiRm(parsed.rm), bet: apiBeteckning(parsed) };
}

/** `https://data.riksdagen.se/dokumentlista/?doktyp=sou&rm=2018&bet=65&utformat=json` */
export function listUrl(query: ListQuery, origin = API_ORIGIN): string {
  const params = new URLSearchParams({ doktyp: query.doktyp, rm: query.rm, bet: query.bet, utformat: 'json' });
  return `${origin}/dokumentlista/?${params}`;
}

/** `https://data.riksdagen.se/dokumentstatus/H6B365.json` */
export function statusUrl(dokId: string, origin = API_ORIGIN): string {
  return `${origin}/dokumentstatus/${encodeURIComponent(dokId)}.json`;
}
