import type { Feature } from '../feature';
import { highlights } from './highlights';
import { hoverCards } from './hover-cards';
import { linkReferences } from './link-references';
import { pageReferenceList } from './page-reference-list';
import { readingHistory } from './reading-history';
import { referenceMetadata } from './reference-metadata';

/** The content script's features, in the order they start. */
export const FEATURES: Feature[] = [linkReferences, referenceMetadata, hoverCards, pageReferenceList, highlights, readingHistory];
