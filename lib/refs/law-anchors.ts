/*
 * A place in a law, written the way riksdagen.se's SFS texts (and lagen.nu) name their anchors:
 * `K10P2` is 10 kap. 2 §, `P3` is 3 § of a law without chapters, letters stay (`K4P9c` is 4 kap.
 * 9 c §, `K8aP1` is 8 a kap. 1 §), and a chapter alone is `K10`. Ids carry it after a `#`
 * (`sfs:2009:400#K10P2`), so the id is also the fragment of the law text's address.
 */

/** A chapter or section number: digits without leading zeros, then at most one lower-case letter. */
const NUMBER = String.raw`[1-9]\d{0,3}[a-z]?`;
const ANCHOR = new RegExp(`^(?:K(${NUMBER}))?(?:P(${NUMBER}))?$`);

export interface LawPlace {
  /** `10`, `8a`; absent for a law without chapters. */
  chapter?: string;
  /** `2`, `9c`; absent for a chapter as a whole. */
  section?: string;
}

/** `{ chapter: '10', section: '2' }` → `K10P2`. */
export function formatLawAnchor(place: LawPlace): string {
  return (place.chapter ? `K${place.chapter}` : '') + (place.section ? `P${place.section}` : '');
}

/** `K10P2` → `{ chapter: '10', section: '2' }`; null for anything that is not such an anchor. */
export function parseLawAnchor(anchor: string): LawPlace | null {
  const m = ANCHOR.exec(anchor);
  if (!m || (!m[1] && !m[2])) return null;
  const place: LawPlace = {};
  if (m[1]) place.chapter = m[1];
  if (m[2]) place.section = m[2];
  return place;
}

/** How a reader writes the place: `10 kap. 2 §`, `3 §`, `4 kap. 9 c §`, `8 a kap.`. */
export function lawPlaceLabel(anchor: string): string {
  const place = parseLawAnchor(anchor);
  if (!place) return anchor;
  const spaced = (n: string) => n.replace(/(\d)([a-z])$/, '$1 $2');
  const parts: string[] = [];
  if (place.chapter) parts.push(`${spaced(place.chapter)} kap.`);
  if (place.section) parts.push(`${spaced(place.section)} §`);
  return parts.join(' ');
}

/** The law an id belongs to: `sfs:2009:400#K10P2` → `sfs:2009:400` (any other id unchanged). */
export function lawIdOf(id: string): string {
  const hash = id.indexOf('#');
  return hash < 0 ? id : id.slice(0, hash);
}

/** The anchor of an id, or undefined: `sfs:2009:400#K10P2` → `K10P2`. */
export function lawAnchorOf(id: string): string | undefined {
  const hash = id.indexOf('#');
  return hash < 0 ? undefined : id.slice(hash + 1);
}
