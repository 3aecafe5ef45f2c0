import type { Reference } from './types.ts';

/** The form of a reference's number; an enumeration continues only with numbers of the same form. */
export type Shape = 'session' | 'year' | 'committee' | 'eu';

/** What the scan remembers of the last reference it found, for enumerations. */
export interface Last {
  ref: Reference | undefined;
  shape: Shape | undefined;
  euType: 'reg' | 'dir' | undefined;
}

// How far an enumeration's gap may run.
const MAX_ENUMERATION_GAP = 200;

/*
 * What may stand between two numbers of one enumeration: a page or section suffix of the first
 * (`s. 45 f.`, `, punkt 6`, `(bil. 3)`, `yrkande 4`), a motion's author (`av Johan Forssell m.fl. (M)`), then a
 * separator (`,`, `och`, `samt`, `resp.`, `respektive`, `eller`). Tested only on the gap itself,
 * at most MAX_ENUMERATION_GAP characters.
 */
const SUFFIX = String.raw`(?:\s*,?\s*\(?(?:s\.|sid\.|sidan|sidorna|avsnitt|avsn\.|bil\.|bilaga|bilagorna|punkt|punkterna|p\.|yrkande|yrkandena|yrk\.|mom\.|moment|kap\.|utg\.omr\.|utgiftsområde)\s*\d{1,4}[a-z]?(?:\s*(?:–|-|,|och)\s*\d{1,4}[a-z]?){0,8}(?:\s*ff?\.)?\)?)`;
const AUTHOR = String.raw`(?:\s+av\s+[^()\n;:]{1,80}?\s*\([A-ZÅÄÖ]{1,3}\))`;
const SEPARATOR = String.raw`\s*(?:,\s*(?:och\s+|samt\s+)?|\s(?:och|samt|resp\.|respektive|eller)\s+)`;
const ENUMERATION_GAP = new RegExp(`^${AUTHOR}?(?:${SUFFIX}){0,3}${SEPARATOR}$`);

/** Whether a number of `shape` at `at` continues the enumeration of the last reference. */
export function enumerationContinues(text: string, last: Last, at: number, shape: Shape): boolean {
  const ref = last.ref;
  if (!ref || last.shape !== shape || at - ref.end > MAX_ENUMERATION_GAP) return false;
  return ENUMERATION_GAP.test(text.slice(ref.end, at));
}
