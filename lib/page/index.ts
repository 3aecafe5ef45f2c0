export { detectPage, detectPageInSteps, type DetectedPage } from './detect.ts';
export { findDocumentRegion } from './region.ts';
export { parseDocumentUrl, type DocumentUrl } from './url.ts';
export { kindFromHeading } from './heading.ts';
export { PAGE_KINDS, type PageKind } from './kinds.ts';
export { Annotator, ATTR_ID, ATTR_REF, ATTR_EXISTING, type AnnotatorOptions, type LinkedReference } from './annotate.ts';
export { isInline, isSkipped, segments, type Segment } from './segments.ts';
