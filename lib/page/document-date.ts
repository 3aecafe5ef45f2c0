/*
 * The document's own date, which decides which law a name means in its text ("förvaltningslagen"
 * in 2015 is another law than in 2019). Read from the page itself, cheaply, before linking starts:
 * the first date in the opening of the page's main content (riksdagen.se shows "Besvarad
 * 2019-04-17", "Datum 2019-03-05", a <time>, or the document's own "Stockholm den 17 april
 * 2019"), and failing that the riksmöte or year in the document's designation ("Betänkande
 * 2018/19:KU21", "SOU 2018:65"), which places it within a year.
 */

// How much of the opening text we read: the heading, the facts under it and the first lines.
const OPENING_CHARS = 3000;

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const ISO_DATE = /(?<!\d)((?:18|19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/;
const WRITTEN_DATE = new RegExp(String.raw`(?<!\d)([1-9]|[12]\d|3[01])\s+(${MONTHS.join('|')})\s+((?:18|19|20)\d\d)(?!\d)`, 'i');
const SESSION = /(?<![\d/])((?:19|20)\d\d)\/(\d\d|\d{4}):/;
const YEAR = /(?<![\d/])((?:18|19|20)\d\d):\d/;

/** The first date written in `text` (ISO or "17 april 2019"), as `YYYY-MM-DD`. */
export function firstDate(text: string): string | undefined {
  const iso = ISO_DATE.exec(text);
  const written = WRITTEN_DATE.exec(text);
  if (iso && (!written || iso.index <= written.index)) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  if (!written) return undefined;
  const month = MONTHS.indexOf(written[2]!.toLowerCase()) + 1;
  return `${written[3]}-${String(month).padStart(2, '0')}-${written[1]!.padStart(2, '0')}`;
}

/**
 * A date within the period a designation names: a riksmöte (`2018/19`) → 1 January of its
 * second year, its middle; a calendar year (`2018`) → 1 July.
 */
export function dateOfDesignation(line: string): string | undefined {
  const session = SESSION.exec(line);
  if (session) return `${Number(session[1]) + 1}-01-01`;
  const year = YEAR.exec(line);
  return year ? `${year[1]}-07-01` : undefined;
}

/** The document's date as the page shows it, or undefined when the page shows none. */
export function documentDate(doc: Document, region: Element, headingLine?: string): string | undefined {
  const time = doc.querySelector('main time[datetime], time[datetime]')?.getAttribute('datetime');
  const fromTime = time ? firstDate(time) : undefined;
  if (fromTime) return fromTime;
  const container = doc.querySelector('main') ?? region;
  const fromText = firstDate(openingText(container.contains(region) ? container : region));
  if (fromText) return fromText;
  return headingLine ? dateOfDesignation(headingLine) : undefined;
}

function openingText(root: Element): string {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  while (text.length < OPENING_CHARS && walker.nextNode()) text += ' ' + (walker.currentNode.nodeValue ?? '');
  return text;
}
