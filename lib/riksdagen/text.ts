/*
 * Remote text is data, never markup (DESIGN.md). Fields the API documents as HTML fragments
 * (`summary`, `statusrad`) are turned into plain text here, without a DOM: the background is a
 * service worker, which has no DOMParser, and nothing we produce is ever parsed as HTML anyway.
 */

// The named entities riksdagen's texts use (Swedish letters, typography); any other is left as
// written rather than guessed at. Numeric references (`&#167;`, `&#xE5;`) are all decoded.
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  shy: '',
  sect: '§',
  para: '¶',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  bull: '•',
  middot: '·',
  deg: '°',
  times: '×',
  euro: '€',
  aring: 'å',
  Aring: 'Å',
  auml: 'ä',
  Auml: 'Ä',
  ouml: 'ö',
  Ouml: 'Ö',
  eacute: 'é',
  Eacute: 'É',
  uuml: 'ü',
  Uuml: 'Ü',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
};

/** Decodes character references once: `&amp;lt;` is `&lt;` as text, never a tag. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    // Letters are case-sensitive (`&Aring;` is not `&aring;`); the rest are found either way.
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole;
  });
}

/**
 * Plain text from an HTML fragment: script/style bodies dropped, tags removed (block tags become
 * spaces so words do not run together), entities decoded once, whitespace collapsed.
 */
export function plainText(html: string): string {
  const withoutTags = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section)\b[^>]*>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return decodeEntities(withoutTags).replace(/\s+/g, ' ').trim();
}

/** Shortens to at most `max` characters at a word boundary, with an ellipsis. */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
