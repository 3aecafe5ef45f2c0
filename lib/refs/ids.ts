import { officialCommitteeCode } from './committees.ts';
import { parseLawAnchor } from './law-anchors.ts';
import { REFERENCE_KINDS, SESSION_KINDS, type ParsedReferenceId, type ReferenceKind } from './types.ts';

/** The first riksmöte that spanned two years; earlier sessions were calendar years. */
export const FIRST_SPLIT_SESSION = 1975;

/**
 * A riksmöte as our ids write it: `YYYY/YY`, from either printed form (`2017/18`, `1999/2000`,
 * `2008/2009`), or null when the second year does not follow the first (`2017/19`).
 */
export function normalizeSession(first: string, second: string): string | null {
  const y = Number(first);
  if (y < FIRST_SPLIT_SESSION || y > 2099) return null;
  const next = y + 1;
  if (second.length === 4 ? Number(second) !== next : Number(second) !== next % 100) return null;
  return `${first}/${String(next % 100).padStart(2, '0')}`;
}

/** A plain document number without leading zeros (`08` → `8`), or null for zero. */
export function normalizeNumber(digits: string): string | null {
  if (digits.charCodeAt(0) !== 48 /* 0 */) return digits;
  const trimmed = digits.replace(/^0+/, '');
  return trimmed === '' ? null : trimmed;
}

const SESSION = /^(\d{4})\/(\d{2})$/;
const YEAR = /^\d{4}$/;
const DIGITS = /^[1-9]\d*$/;
// A betänkande's number is a committee designation then digits; old motions carry letters too.
const DESIGNATION = /^([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4})([1-9]\d*)$/;
const EU_NUMBER = /^[1-9]\d{0,3}\/[1-9]\d{0,3}$/;

export function formatReferenceId(parsed: ParsedReferenceId): string {
  if (parsed.kind === 'eu') return `eu:${parsed.type}:${parsed.number}`;
  const id = `${parsed.kind}:${parsed.rm}:${parsed.number}`;
  return parsed.anchor ? `${id}#${parsed.anchor}` : id;
}

/**
 * Takes a canonical id apart, checking every part: the result formats back to the same id.
 * Returns null for anything that is not a canonical id.
 */
export function parseReferenceId(id: string): ParsedReferenceId | null {
  // A place in a law: `sfs:2009:400#K10P2` (law-anchors.ts); no other kind has one.
  const hash = id.indexOf('#');
  if (hash >= 0) {
    const anchor = id.slice(hash + 1);
    const law = parseReferenceId(id.slice(0, hash));
    if (!law || law.kind !== 'sfs' || !parseLawAnchor(anchor)) return null;
    return { ...law, anchor };
  }
  const parts = id.split(':');
  if (parts.length !== 3) return null;
  const [kind, middle, number] = parts as [string, string, string];
  if (!(REFERENCE_KINDS as readonly string[]).includes(kind)) return null;

  if (kind === 'eu') {
    if ((middle !== 'reg' && middle !== 'dir') || !EU_NUMBER.test(number)) return null;
    return { kind: 'eu', type: middle, number };
  }
  const k = kind as Exclude<ReferenceKind, 'eu'>;
  if (!validPeriod(k, middle)) return null;
  if (!validNumber(k, number)) return null;
  return { kind: k, rm: middle, number };
}

function validPeriod(kind: ReferenceKind, rm: string): boolean {
  const session = SESSION.exec(rm);
  if (session) return SESSION_KINDS.has(kind) && normalizeSession(session[1]!, session[2]!) === rm;
  if (!YEAR.test(rm)) return false;
  const year = Number(rm);
  // Riksmöte kinds are calendar years only before the first split session.
  return SESSION_KINDS.has(kind) ? year >= 1867 && year <= FIRST_SPLIT_SESSION : year >= 1800 && year <= 2099;
}

function validNumber(kind: ReferenceKind, number: string): boolean {
  if (DIGITS.test(number)) return kind !== 'bet';
  const designation = DESIGNATION.exec(number);
  if (!designation) return false;
  if (kind === 'bet') return /u$/i.test(designation[1]!) && officialCommitteeCode(designation[1]!) === designation[1];
  return kind === 'mot';
}
