export { findReferences, type FindOptions } from './find.ts';
export { LawContext } from './laws/context.ts';
export { formatReferenceId, parseReferenceId, normalizeSession } from './ids.ts';
export { fallbackUrl, kindName, KIND_NAMES_SV, referenceLabel } from './labels.ts';
export { committeeName, officialCommitteeCode, COMMITTEES } from './committees.ts';
export {
  REFERENCE_KINDS,
  SESSION_KINDS,
  YEAR_KINDS,
  type ParsedReferenceId,
  type Reference,
  type ReferenceKind,
} from './types.ts';
export { formatLawAnchor, lawAnchorOf, lawIdOf, lawPlaceLabel, parseLawAnchor, type LawPlace } from './law-anchors.ts';
export { lawTextUrl, type LawTextSite } from './labels.ts';
