import { documentDate } from './document-date.ts';
import { kindFromHeading } from './heading.ts';
import type { PageKind } from './kinds.ts';
import { findDocumentRegionInSteps } from './region.ts';
import { runToEnd } from './steps.ts';
import { parseDocumentUrl } from './url.ts';

export interface DetectedPage {
  kind: PageKind;
  dokId: string;
  /** The element holding the document text; everything outside it is left alone. */
  region: Element;
  /** True when the page's own heading names the same kind as the address (or names the kind at all, on data.riksdagen.se). */
  confirmed: boolean;
  /** The document's own date as the page shows it (`YYYY-MM-DD`), when it shows one: it decides which law a name means. */
  date?: string;
  /** The heading line that named the kind (`Svar på fråga 2018/19:523 av …`), when one did: it names the document itself. */
  heading?: string;
}

// How much of the document's opening text we read to find its heading line.
const OPENING_CHARS = 240;

/**
 * Decides whether a page is a riksdagen document and which one. The address decides first — it is
 * what the site itself says — and the page's heading confirms it, or names the kind when the
 * address cannot (data.riksdagen.se/dokument/<dok_id>.html).
 */
export function detectPage(href: string, doc: Document): DetectedPage | null {
  return runToEnd(detectPageInSteps(href, doc));
}

/** The same decision, pausing now and then on a very long page (see findDocumentRegionInSteps). */
export function* detectPageInSteps(href: string, doc: Document): Generator<void, DetectedPage | null, void> {
  const fromUrl = parseDocumentUrl(href);
  if (!fromUrl) return null;
  const region = yield* findDocumentRegionInSteps(doc);
  if (!region) return null;

  const heading = headingKind(doc, region);
  const fromHeading = heading?.kind ?? null;
  const date = documentDate(doc, region, heading?.line);
  const page: DetectedPage =
    fromUrl.kindFromUrl && fromUrl.kind !== 'other'
      ? { kind: fromUrl.kind, dokId: fromUrl.dokId, region, confirmed: fromHeading === fromUrl.kind }
      : { kind: fromHeading ?? 'other', dokId: fromUrl.dokId, region, confirmed: fromHeading !== null };
  if (date) page.date = date;
  if (heading) page.heading = heading.line;
  return page;
}

function headingKind(doc: Document, region: Element): { kind: PageKind; line: string } | null {
  const lines: string[] = [];
  for (const h of Array.from(doc.querySelectorAll('h1, h2')).slice(0, 4)) lines.push(h.textContent ?? '');
  lines.push(openingText(region));
  for (const line of lines) {
    const kind = kindFromHeading(line);
    if (kind) return { kind, line };
  }
  return null;
}

function openingText(region: Element): string {
  const walker = region.ownerDocument.createTreeWalker(region, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  while (text.length < OPENING_CHARS && walker.nextNode()) {
    text += ' ' + (walker.currentNode.nodeValue ?? '');
    text = text.trimStart();
  }
  return text;
}
