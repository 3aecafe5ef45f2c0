import { BREAK, cleanText, dropSectionNumber } from './law-text-plain.ts';
import { applyMarkers, takeMarkers, type InForce, type Marker } from './law-versions.ts';
import { decodeEntities } from './text.ts';

/*
 * A law's text as data.riksdagen.se publishes it (dokumentstatus `dokument.html`, 1–2 MB), taken
 * apart by riksdagen's own anchors into what a hover card shows: each section's stycken as plain
 * text, and each chapter's heading. No DOM: the Chrome service worker has no DOMParser, and we
 * never want markup from the network anyway — only text comes out of here.
 *
 * The markup it reads (shared/riksdagen.md, "The law (SFS) on riksdagen.se"):
 *   <h3 name="K10"><a name="K10">10 kap. Sekretessbrytande …</a></h3>   a chapter (`K8a` keeps its letter)
 *   <a class="paragraf" name="K10P2"><b>2 §</b></a> Text …              a section (`P3` without chapters)
 *   <p><a name="K10P2S2"></a></p>Text …                                  its second stycke
 *   <h2>, <h4> group headings (not section text); <h3 name="overgang"> the transitional provisions,
 *   whose anchors continue the last section's numbering, so reading stops there.
 * Change-in-force markers (`/Upphör att gälla U:2027-01-01/`, `/Kapitlet träder i kraft I:…/`) are
 * text, not markup: law-versions.ts reads them. A place given twice keeps both wordings with their
 * dates, so the choice by date is made when a card asks, not when the text was fetched.
 *
 * How it stays linear: one pass with indexOf. Each `<` is looked at once and the next `>` is
 * remembered, so text full of stray `<` does not rescan the rest of the document for each one;
 * comments and <style>/<script> bodies are skipped with one indexOf each. Text is gathered in
 * pieces and joined once per stycke. Unknown markup is skipped, never thrown on.
 */

/** One wording of a section, with the dates it is in force (none: in force). */
export interface LawSectionVersion extends InForce {
  /** The stycken, plain text; a line break only before a list point (`1.`, `–`) or after an empty line. */
  paragraphs: string[];
}

/** One wording of a chapter heading, without its number (`Sekretessbrytande bestämmelser …`). */
export interface LawChapterVersion extends InForce {
  title: string;
}

/** A law's text, compact: what the cache keeps instead of the HTML. */
export interface LawText {
  /** `K10P2`, `P3`, `K4P9c` → the section's wordings, in document order (usually one). */
  sections: Record<string, LawSectionVersion[]>;
  /** `K10`, `K8a` → the chapter heading's wordings. */
  chapters: Record<string, LawChapterVersion[]>;
}

// Anchors as riksdagen writes them: K<chapter>, P<section>, S<stycke>; numbers may carry a letter.
const ANCHOR_PARTS = /^(?:K([1-9]\d{0,3})([a-z]?))?(?:P([1-9]\d{0,3})([a-z]?))?(?:S([1-9]\d{0,2}))?$/i;
const NAME_ATTR = /(?:^|\s)name\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const TAG_NAME = /^\/?([a-z][a-z0-9]*)/i;
/** Elements whose edges end a line of text. */
const BLOCK = new Set(['p', 'div', 'br', 'li', 'tr', 'td', 'th', 'table', 'ul', 'ol', 'pre', 'dd', 'dt', 'section']);
const HEADING = /^h[1-6]$/;
const CHAPTER_NUMBER = /^[1-9]\d{0,3}(?: ?[a-z])?\s*kap\.?\s*/i;

interface Anchor {
  chapter?: string;
  section?: string;
  stycke?: string;
}

/** `K10P2S2` → its parts, letters lower-cased (`k8AP1` → chapter `8a`, section `1`); null for other names. */
function readAnchor(name: string): Anchor | null {
  const m = ANCHOR_PARTS.exec(name.trim());
  if (!m || (!m[1] && !m[3])) return null;
  const anchor: Anchor = {};
  if (m[1]) anchor.chapter = m[1] + m[2]!.toLowerCase();
  if (m[3]) anchor.section = m[3] + m[4]!.toLowerCase();
  if (m[5]) anchor.stycke = m[5];
  return anchor;
}

interface OpenChapter {
  anchor: string;
  version: LawChapterVersion;
  sectionCount: number;
}

interface OpenSection {
  anchor: string;
  /** The section's own number (`2`, `9c`), to drop its printed form from the first stycke. */
  number: string;
  chapter?: OpenChapter;
  /** Raw text pieces, one list per stycke. */
  stycken: string[][];
  /** After a heading: text is not the section's unless one of its stycke anchors resumes it. */
  suspended: boolean;
}

export function parseLawText(html: string): LawText {
  const result: LawText = { sections: {}, chapters: {} };
  let section: OpenSection | undefined;
  let chapter: OpenChapter | undefined;
  /** Markers met before the place they stand for. */
  let pendingSection: Marker[] = [];
  let pendingChapter: Marker[] = [];
  /** Text outside any section (after a heading, before the next anchor): read only for markers. */
  let orphan: string[] = [];
  /** Inside a heading element: its text, and the chapter it names (if any). */
  let heading: { tag: string; pieces: string[]; chapter?: OpenChapter } | undefined;

  function openChapter(anchor: string): OpenChapter {
    const open: OpenChapter = { anchor, version: { title: '' }, sectionCount: 0 };
    applyMarkers(open.version, pendingChapter);
    pendingChapter = [];
    (result.chapters[anchor] ??= []).push(open.version);
    return open;
  }

  /** A marker outside a section's text: its chapter's (nothing in it yet) or the next place's. */
  function routeLooseMarker(marker: Marker) {
    if (marker.scope === 'chapter') {
      if (chapter && chapter.sectionCount === 0) applyMarkers(chapter.version, [marker]);
      else pendingChapter.push(marker);
    } else if (marker.scope === 'section') pendingSection.push(marker);
    // A group heading's own markers concern only that heading, which is not kept.
  }

  function readOrphan() {
    if (orphan.length === 0) return;
    for (const marker of takeMarkers(decodeEntities(orphan.join(''))).all) routeLooseMarker(marker);
    orphan = [];
  }

  function finishSection() {
    if (!section) return;
    const open = section;
    section = undefined;
    let own = pendingSection;
    pendingSection = [];
    const paragraphs: string[] = [];
    const last = open.stycken.length - 1;
    open.stycken.forEach((pieces, i) => {
      let raw = decodeEntities(pieces.join(''));
      if (i === 0) raw = dropSectionNumber(raw, open.number);
      const taken = takeMarkers(raw);
      if (i === 0) own = own.concat(taken.leading);
      if (i === last) for (const marker of taken.trailing) routeLooseMarker(marker);
      const clean = cleanText(taken.text);
      if (clean) paragraphs.push(clean);
    });
    const version: LawSectionVersion = { paragraphs };
    // A section of a chapter given twice is in force only while that chapter is.
    applyMarkers(
      version,
      own.filter((m) => m.scope === 'section'),
      open.chapter?.version,
    );
    (result.sections[open.anchor] ??= []).push(version);
  }

  function finishHeading() {
    const open = heading!;
    heading = undefined;
    // An unnamed <h3> right after a chapter anchor that had no heading of its own is its heading.
    const of = open.chapter ?? (open.tag === 'h3' && chapter && chapter.sectionCount === 0 && !chapter.version.title ? chapter : undefined);
    const taken = takeMarkers(decodeEntities(open.pieces.join('')));
    for (const marker of taken.all) {
      if (of && marker.scope === 'chapter') applyMarkers(of.version, [marker]);
      else if (!of) routeLooseMarker(marker);
    }
    if (of) of.version.title = cleanText(taken.text).replace(/\n/g, ' ').replace(CHAPTER_NUMBER, '');
  }

  function anchorSeen(name: string) {
    const anchor = readAnchor(name);
    if (!anchor) return;
    const chapterAnchor = anchor.chapter ? `K${anchor.chapter}` : undefined;
    if (anchor.stycke) {
      const of = (chapterAnchor ?? '') + `P${anchor.section ?? ''}`;
      if (section && anchor.section && section.anchor === of) {
        section.suspended = false;
        orphan = [];
        section.stycken.push([]);
      }
      return;
    }
    if (anchor.section) {
      // Sections never stand in headings: a heading left open ends here.
      if (heading) finishHeading();
      finishSection();
      readOrphan();
      if (chapterAnchor && chapter?.anchor !== chapterAnchor) {
        // The text lost this chapter's heading: file the section under its chapter all the same.
        chapter = result.chapters[chapterAnchor] ? undefined : openChapter(chapterAnchor);
      }
      const inChapter = chapterAnchor ? chapter : undefined;
      if (inChapter) inChapter.sectionCount++;
      section = {
        anchor: (chapterAnchor ?? '') + `P${anchor.section}`,
        number: anchor.section,
        stycken: [[]],
        suspended: false,
      };
      if (inChapter) section.chapter = inChapter;
      return;
    }
    // A chapter. `<h3 name="K10"><a name="K10">` names one chapter twice.
    if (heading?.chapter?.anchor === chapterAnchor) return;
    finishSection();
    readOrphan();
    chapter = openChapter(chapterAnchor!);
    if (heading) heading.chapter = chapter;
  }

  function onText(piece: string) {
    if (piece === '') return;
    if (heading) heading.pieces.push(piece);
    else if (section && !section.suspended) section.stycken[section.stycken.length - 1]!.push(piece);
    else orphan.push(piece);
  }

  /** An element's edge (<br>, <p>): a possible line break, unlike the source's own line breaks. */
  function lineBreak() {
    onText(BREAK);
  }

  const n = html.length;
  let i = 0;
  /** The next `>` at or after the last one found; -1 once there is none left. */
  let nextGt = -2;
  scan: while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      onText(html.slice(i));
      break;
    }
    if (lt > i) onText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const c = html.charCodeAt(lt + 1);
    const tagLike = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 /* / */ || c === 33; /* ! */
    if (nextGt !== -1 && nextGt <= lt) nextGt = html.indexOf('>', lt + 1);
    if (!tagLike || nextGt < 0) {
      onText('<');
      i = lt + 1;
      continue;
    }
    const inside = html.slice(lt + 1, nextGt);
    i = nextGt + 1;
    const tagMatch = TAG_NAME.exec(inside);
    if (!tagMatch) continue; // <!DOCTYPE …>
    const tag = tagMatch[1]!.toLowerCase();

    if (inside.charCodeAt(0) === 47) {
      if (BLOCK.has(tag)) lineBreak();
      if (heading && tag === heading.tag) finishHeading();
      continue;
    }
    if (tag === 'style' || tag === 'script') {
      i = skipRawText(html, i, tag);
      continue;
    }
    if (BLOCK.has(tag)) lineBreak();
    const isHeading = HEADING.test(tag);
    if (tag !== 'a' && !isHeading) continue;

    const nameMatch = NAME_ATTR.exec(inside.slice(tagMatch[0].length));
    // An unquoted value may run into the `/` of a self-closing tag (`<a name=K1P1S2/>`).
    const name = nameMatch ? (nameMatch[1] ?? nameMatch[2] ?? nameMatch[3]!.replace(/\/$/, '')) : '';
    // The transitional provisions: the law's own text ends here.
    if (name.trim().toLowerCase() === 'overgang') break scan;
    if (isHeading) {
      if (heading) continue; // a heading inside a heading: the outer one counts
      if (section) section.suspended = true;
      readOrphan();
      heading = { tag, pieces: [] };
    }
    if (name) anchorSeen(name);
  }

  if (heading) finishHeading();
  finishSection();
  readOrphan();
  return result;
}

/** Past the end of a <style> or <script> element (its text is never content). */
function skipRawText(html: string, from: number, tag: string): number {
  let at = from;
  for (;;) {
    const close = html.indexOf('</', at);
    if (close < 0) return html.length;
    if (html.slice(close + 2, close + 2 + tag.length).toLowerCase() === tag) {
      const gt = html.indexOf('>', close);
      return gt < 0 ? html.length : gt + 1;
    }
    at = close + 2;
  }
}
