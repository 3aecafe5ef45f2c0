/*
 * A consolidated law on riksdagen.se carries its changes in force inside its text: a place about
 * to change is given twice, the old wording marked `/Upphör att gälla U:2027-01-01/` and the new
 * one `/Träder i kraft I:2027-01-01/`; a whole chapter has `/Kapitlet upphör att gälla U:…/` (or
 * `träder i kraft`) before its heading, a group heading `/Rubriken …/`, a renumbered section
 * `/Ny beteckning 2 c § U:2026-12-05/`. The tail after the date varies (` genom lag (2024:226).`),
 * and the day may be words (`I:den dag regeringen bestämmer`). This module reads the markers and
 * chooses the wording in force on a day; nothing here knows about HTML.
 */

/** When a wording is in force: from (inclusive) and until (exclusive), `YYYY-MM-DD`. */
export interface InForce {
  /** A date, or words (`den dag regeringen bestämmer`) for a day not yet set. Absent: already in force. */
  from?: string;
  /** A date. Absent: no end known. */
  until?: string;
}

export interface Marker {
  /** What it stands before: a section's wording, a whole chapter, or a group heading. */
  scope: 'section' | 'chapter' | 'heading';
  kind: 'from' | 'until';
  /** A date or words, as written. */
  when: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Bounded where it can run (the tail, the new number), so each `/` costs at most a few hundred steps.
const MARKER =
  /\/\s*(?:(kapitlet|rubriken|rubrikerna)\s+)?(?:upphör\s+att\s+gälla|träder\s+i\s+kraft|ny\s+beteckning\b[^/]{0,40}?)\s*([UI])\s*:\s*([^/]{0,200}?)\s*\//gi;
const LEADING_DATE = /^\d{4}-\d{2}-\d{2}/;

function toMarker(m: RegExpMatchArray): Marker {
  const word = m[1]?.toLowerCase();
  const tail = m[3]!.trim();
  return {
    scope: word === 'kapitlet' ? 'chapter' : word ? 'heading' : 'section',
    kind: m[2]!.toUpperCase() === 'I' ? 'from' : 'until',
    when: LEADING_DATE.exec(tail)?.[0] ?? tail.replace(/\.$/, ''),
  };
}

export interface TakenMarkers {
  /** The text without its markers. */
  text: string;
  /** Markers before any other text: they describe what follows them. */
  leading: Marker[];
  /** Markers after all other text: they describe the next place. */
  trailing: Marker[];
  all: Marker[];
}

/** Takes the change-in-force markers out of a text, saying where each stood. */
export function takeMarkers(text: string): TakenMarkers {
  const all: Marker[] = [];
  if (text.indexOf('/') < 0) return { text, leading: [], trailing: [], all };
  const leading: Marker[] = [];
  let sinceText: Marker[] = [];
  let seenText = false;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const before = text.slice(last, m.index);
    if (/\S/.test(before)) {
      seenText = true;
      sinceText = [];
    }
    out += before;
    const marker = toMarker(m);
    all.push(marker);
    if (seenText) sinceText.push(marker);
    else leading.push(marker);
    last = m.index + m[0].length;
  }
  if (all.length === 0) return { text, leading, trailing: [], all };
  const tail = text.slice(last);
  out += tail;
  // Markers in the middle of a text are dropped from it and describe nothing we can place.
  const trailing = /\S/.test(tail) ? [] : sinceText;
  return { text: out, leading, trailing, all };
}

function isDate(value: string | undefined): value is string {
  return value !== undefined && DATE.test(value);
}

/** The later start: a day not yet set is later than any date. */
function laterStart(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (!isDate(a)) return a;
  if (!isDate(b)) return b;
  return a > b ? a : b;
}

function earlierEnd(a: string | undefined, b: string | undefined): string | undefined {
  if (!isDate(b)) return a;
  if (!isDate(a)) return b;
  return a < b ? a : b;
}

/** Narrows `target` by the markers (a wording's own) and by `within` (its chapter's span). */
export function applyMarkers(target: InForce, markers: readonly Marker[], within?: InForce): void {
  let { from, until } = target;
  for (const marker of markers) {
    if (marker.kind === 'from') from = laterStart(from, marker.when);
    else until = earlierEnd(until, marker.when);
  }
  if (within) {
    from = laterStart(from, within.from);
    until = earlierEnd(until, within.until);
  }
  if (from === undefined) delete target.from;
  else target.from = from;
  if (until === undefined) delete target.until;
  else target.until = until;
}

/** Strictly earlier; a day not yet set is never earlier. */
function startsBefore(a: string, b: string): boolean {
  return isDate(a) && (!isDate(b) || a < b);
}

export function inForceOn(version: InForce, date: string): boolean {
  const started = version.from === undefined || (isDate(version.from) && version.from <= date);
  return started && (version.until === undefined || date < version.until);
}

/**
 * The wording in force on `date` (`YYYY-MM-DD`); when none is, the one that comes into force
 * first (a day not yet set last); undefined when every wording has ended (repealed since).
 * Given twice without markers, the first wording counts.
 */
export function versionAt<T extends InForce>(versions: readonly T[], date: string): T | undefined {
  const current = versions.find((v) => inForceOn(v, date));
  if (current) return current;
  let upcoming: T | undefined;
  for (const version of versions) {
    const notYet = version.from !== undefined && (!isDate(version.from) || version.from > date);
    if (!notYet) continue;
    if (!upcoming || startsBefore(version.from!, upcoming.from!)) upcoming = version;
  }
  return upcoming;
}
