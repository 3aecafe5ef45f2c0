import { KIND_BY_URL_SEGMENT, type PageKind } from './kinds.ts';

export interface DocumentUrl {
  /** What the URL says the document is; `other` when the type segment is one we do not single out. */
  kind: PageKind;
  /** Upper-cased: old URLs carry it in lower case (`…_gq02fö259`). */
  dokId: string;
  /**
   * True when the URL names the kind (www.riksdagen.se type segment); false for
   * data.riksdagen.se/dokument/<dok_id>.html, where only the page text can tell.
   */
  kindFromUrl: boolean;
}

const SITE_HOSTS = new Set(['www.riksdagen.se', 'riksdagen.se', 'rixlex.riksdagen.se']);
const DATA_HOST = 'data.riksdagen.se';

// `/sv/dokument-och-lagar/dokument/<segment>/<slug>_<dok_id>/` (current) and
// `/sv/dokument-lagar/dokument/<segment>/<slug>_<dok_id>` (older). The slug may be empty.
// A document's text view may add `/html/` after the id (`…_hcb38/html/`).
const SITE_PATH = /^\/sv\/dokument-(?:och-)?lagar\/dokument\/([a-z-]+)\/(?:[^/]*_)?([^/_]+)(?:\/html)?\/?$/i;
const DATA_PATH = /^\/dokument\/([^/.]+)\.html?$/i;
// Two characters of riksmöte, two of series (`01`, but also `B3` for SOU: `H6B365`), then the
// number or designation; SFS documents have ids like `sfs-1998-204`. Otherwise opaque.
const DOK_ID = /^(?:[\p{L}\d]{4}[\p{L}\d]+|sfs-\d{4}-[\p{L}\d]+)$/iu;

/**
 * Reads a riksdagen document address. Returns null for every address that is not one
 * document's page (start page, search, calendar, other hosts), which the content script then
 * leaves completely alone.
 */
export function parseDocumentUrl(href: string): DocumentUrl | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }

  if (SITE_HOSTS.has(host)) {
    const m = SITE_PATH.exec(path);
    if (!m) return null;
    const dokId = m[2]!;
    if (!DOK_ID.test(dokId)) return null;
    const segment = m[1]!.toLowerCase();
    return { kind: KIND_BY_URL_SEGMENT[segment] ?? 'other', dokId: dokId.toUpperCase(), kindFromUrl: true };
  }
  if (host === DATA_HOST) {
    const m = DATA_PATH.exec(path);
    if (!m || !DOK_ID.test(m[1]!)) return null;
    return { kind: 'other', dokId: m[1]!.toUpperCase(), kindFromUrl: false };
  }
  return null;
}
