import type { Feature } from '../feature';
import { highlights } from './highlights';
import { linkReferences } from './link-references';
import { referenceMetadata } from './reference-metadata';

/** The content script's features, in the order they start. */
export const FEATURES: Feature[] = [linkReferences, referenceMetadata, highlights];
