import { parseReferenceId } from '../refs/ids.ts';
import { lawPlaceLabel, parseLawAnchor } from '../refs/law-anchors.ts';
import { lawTextUrl, referenceLabel } from '../refs/labels.ts';
import type { LawText } from './law-text.ts';
import { inForceOn, versionAt } from './law-versions.ts';
import type { DocumentMeta, LawPlaceText, LookupOutcome, UnavailableReason } from './types.ts';

/*
 * What a page is told about a law id, from what is known about the law (fetched or cached): the
 * law's own metadata, and for an anchored id (`sfs:2009:400#K10P2`) the words of that place in
 * the wording in force on the day asked. One law answers every place a page cites in it.
 */

/** A law as fetched and as cached: its metadata, and its text when that could be had. */
export interface KnownLaw {
  /** The law as a whole (`id` is `sfs:2009:400`), `law.sfs` and `law.consolidatedThrough` set. */
  meta: DocumentMeta;
  text?: LawText;
  /** Why the text is missing, when it is. */
  textFailure?: UnavailableReason;
}

/** The place an anchor names, in the wording in force on `date` (or the next to come). */
export function lawPlace(law: KnownLaw, anchor: string, date: string): LawPlaceText {
  const place: LawPlaceText = { anchor, label: lawPlaceLabel(anchor), state: 'missing' };
  if (!law.text) return { ...place, state: 'unavailable', reason: law.textFailure ?? 'malformed' };
  const parsed = parseLawAnchor(anchor);
  if (!parsed) return place;
  const { sections, chapters } = law.text;
  const chapterVersions = parsed.chapter ? (chapters[`K${parsed.chapter}`] ?? []) : [];

  if (!parsed.section) {
    const chapter = versionAt(chapterVersions, date);
    if (!chapter) return place;
    place.state = 'found';
    if (chapter.title) place.chapterTitle = chapter.title;
    setInForce(place, chapter, date);
    return place;
  }

  const version = versionAt(sections[anchor] ?? [], date);
  // The chapter heading of the wording shown: a section of a chapter yet to come has that chapter's.
  const headingDate = version?.from && /^\d{4}-\d{2}-\d{2}$/.test(version.from) && version.from > date ? version.from : date;
  const chapter = versionAt(chapterVersions, headingDate);
  if (chapter?.title) place.chapterTitle = chapter.title;
  if (!version) return place;
  place.state = 'found';
  place.paragraphs = version.paragraphs;
  setInForce(place, version, date);
  return place;
}

function setInForce(place: LawPlaceText, version: { from?: string; until?: string }, date: string) {
  if (!inForceOn(version, date) && version.from) place.inForceFrom = version.from;
  if (version.until) place.inForceUntil = version.until;
}

/**
 * The answer for one id of a known law: its metadata under the id asked (label and address at
 * the place), with the place's words for an anchored id.
 */
export function lawOutcome(id: string, law: KnownLaw, date: string, stale = false): LookupOutcome {
  const parsed = parseReferenceId(id);
  if (!parsed || parsed.kind !== 'sfs') return { status: 'not-found' };
  const meta: DocumentMeta = {
    ...law.meta,
    id,
    label: referenceLabel(parsed),
    url: lawTextUrl(parsed.rm, parsed.number, parsed.anchor),
    law: { ...law.meta.law!, sfs: law.meta.law?.sfs ?? `${parsed.rm}:${parsed.number}` },
  };
  if (parsed.anchor) meta.law!.place = lawPlace(law, parsed.anchor, date);
  return stale ? { status: 'found', meta, stale: true } : { status: 'found', meta };
}
