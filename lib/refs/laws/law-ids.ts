import { formatLawAnchor, type LawPlace } from '../law-anchors.ts';

/*
 * The ids of law citations: `sfs:2009:400#K10P2`, `sfs:1962:700` (a law as a whole). A text
 * cites the same few places again and again, and every id is kept by the caller: made afresh,
 * each was a rope of four or five strings for the garbage collector to copy (measured: the
 * collector's share of the law pass fell from 15% to 10%, the pass 6% faster on law-dense text).
 * So an id is made once and given again while it is recent.
 * Invisible from outside: an id is a function of the law and the place, and a reused id is the
 * same string as a new one would be. The cache is emptied before it grows large.
 */

/**
 * A chapter's or section's number as one integer: the digits (one to three, `10` in `10 a`) times
 * 27, plus the letter after them (1–26 for a–z, 0 for none); NO_NUMBER for no number. Read from
 * the text as integers, a number becomes a string only when a new id needs it.
 */
export type PlaceNumber = number;
export const NO_NUMBER: PlaceNumber = 0;
const LETTERS = 27;
// Every PlaceNumber is below this, so a chapter and a section make one integer (placeKey).
const PLACE_NUMBERS = 1000 * LETTERS;

/** The PlaceNumber of `digits` (1–999) and the char code of a letter a–z after them, if any. */
export const placeNumber = (digits: number, letter = 96 /* none: the code before "a" */): PlaceNumber => digits * LETTERS + (letter - 96);

/** A PlaceNumber as it is written in an anchor: `10`, `9c`. */
export function placeNumberText(number: PlaceNumber): string {
  const letter = number % LETTERS;
  const digits = String((number - letter) / LETTERS);
  return letter === 0 ? digits : digits + String.fromCharCode(96 + letter);
}

/** Ids by SFS number, then by chapter and section (placeKey); the key 0 is the law as a whole. */
const recent = new Map<string, Map<number, string>>();
let recentCount = 0;
const MAX_RECENT = 2048;
const WHOLE = 0;

const placeKey = (chapter: PlaceNumber, section: PlaceNumber) => chapter * PLACE_NUMBERS + section;

/** `sfs:2009:400#K10P2`: a chapter and/or a section of a law. */
export function lawPlaceId(sfs: string, chapter: PlaceNumber, section: PlaceNumber): string {
  const key = placeKey(chapter, section);
  const id = () => `sfs:${sfs}#${formatLawAnchor(lawPlace(chapter, section))}`;
  // Neither a chapter nor a section (no citation has neither) would be the whole law's key.
  if (key === WHOLE) return id();
  return recentId(sfs, key) ?? remember(sfs, key, id());
}

/** `sfs:1962:700`: a law as a whole. */
export function wholeLawId(sfs: string): string {
  return recentId(sfs, WHOLE) ?? remember(sfs, WHOLE, `sfs:${sfs}`);
}

function lawPlace(chapter: PlaceNumber, section: PlaceNumber): LawPlace {
  const place: LawPlace = {};
  if (chapter !== NO_NUMBER) place.chapter = placeNumberText(chapter);
  if (section !== NO_NUMBER) place.section = placeNumberText(section);
  return place;
}

function recentId(sfs: string, key: number): string | undefined {
  return recent.get(sfs)?.get(key);
}

function remember(sfs: string, key: number, id: string): string {
  if (recentCount >= MAX_RECENT) {
    recent.clear();
    recentCount = 0;
  }
  let places = recent.get(sfs);
  if (!places) recent.set(sfs, (places = new Map()));
  places.set(key, id);
  recentCount++;
  return id;
}
