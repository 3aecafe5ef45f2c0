import { COMMITTEES } from '../refs/committees.ts';

/** Government departments by the `organ` code the API gives props, skr, SOU, Ds, dir and answers. */
export const DEPARTMENTS: Readonly<Record<string, string>> = {
  A: 'Arbetsmarknadsdepartementet',
  Fi: 'Finansdepartementet',
  Fö: 'Försvarsdepartementet',
  I: 'Infrastrukturdepartementet',
  Ju: 'Justitiedepartementet',
  Ku: 'Kulturdepartementet',
  M: 'Miljödepartementet',
  N: 'Näringsdepartementet',
  S: 'Socialdepartementet',
  SB: 'Statsrådsberedningen',
  U: 'Utbildningsdepartementet',
  UD: 'Utrikesdepartementet',
};

/**
 * The full Swedish name of a department or committee code, or undefined when we do not know the
 * code (the card then shows the raw code: better than a guess).
 */
export function organName(code: string): string | undefined {
  // hasOwn, not `in` or indexing: a code like `toString` must not find Object.prototype.
  if (Object.hasOwn(DEPARTMENTS, code)) return DEPARTMENTS[code];
  if (Object.hasOwn(COMMITTEES, code)) return COMMITTEES[code];
  return undefined;
}
