/*
 * Plain text from the pieces of one stycke or heading (lib/riksdagen/law-text.ts): what is a line
 * break and what is only wrapping, and the section's printed number that opens its first stycke.
 */

/** Drops the printed number (`2 §`, `9 c §`) from the start of a section's first stycke. */
export function dropSectionNumber(text: string, number: string): string {
  const m = /^(\d+)([a-z]?)$/.exec(number);
  if (!m) return text;
  const printed = new RegExp(`^[\\s\\u00a0]*${m[1]}[\\s\\u00a0]*${m[2]}[\\s\\u00a0]*§`);
  const found = printed.exec(text);
  return found ? text.slice(found[0].length) : text;
}

/**
 * Where an element broke the text. Line breaks in the source are only wrapping, so they cannot
 * stand for these; U+2029 (paragraph separator) does not occur in riksdagen's texts, and would
 * at worst break a line.
 */
export const BREAK = '\u2029';

/** A line that starts a point of a list keeps its own line; other line breaks are wrapping. */
const LIST_POINT = /^(?:\d{1,3}[.)]|[a-zåäö]\)|[-–—•])\s/;

/**
 * Plain text of one stycke: spaces, no-break spaces and the source's own line breaks collapsed;
 * lines broken by elements joined unless the next one is a list point or follows an empty line,
 * so that a list stays a list and nothing else depends on where the source put its <br>s.
 */
export function cleanText(raw: string): string {
  // One pass for the spaces (\s includes the no-break space), touching only runs and odd ones:
  // replacing every single space by itself costs more than the rest of the parse.
  const spaced = raw.replace(/[^\S\u2029]{2,}|[^\S\u2029 ]/g, ' ');
  if (spaced.indexOf(BREAK) < 0) return spaced.trim();
  const out: string[] = [];
  let blank = false;
  for (const line of spaced.split(BREAK)) {
    const t = line.trim();
    if (t === '') {
      blank = out.length > 0;
      continue;
    }
    if (out.length > 0 && !blank && !LIST_POINT.test(t)) out[out.length - 1] += ` ${t}`;
    else out.push(t);
    blank = false;
  }
  return out.join('\n');
}
