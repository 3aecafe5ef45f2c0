import Dexie, { type EntityTable } from 'dexie';
import type { Highlight } from '../highlights/highlight.ts';
import type { DocumentMeta } from '../riksdagen/types.ts';

/**
 * The extension's one database. It lives in the extension's origin, opened only by the
 * background (DESIGN.md: a content script's IndexedDB would belong to riksdagen.se).
 */
export const DB_NAME = 'riksref';

/** One looked-up reference: what the API said, and when. Errors are never stored. */
export interface DocumentRecord {
  /** Canonical reference id. */
  id: string;
  status: 'found' | 'not-found';
  /** Present when status is `found`. */
  meta?: DocumentMeta;
  /** When the API gave this answer, epoch ms: freshness counts from here. */
  storedAt: number;
  /** When a page last asked for it, epoch ms: eviction drops the least recently used. */
  lastUsedAt: number;
  /** Approximate bytes, for the options page's "how much space". */
  size: number;
}

/** Whether data.riksdagen.se could be reached lately, for the options page's status line. */
export interface ServiceStatusRecord {
  key: 'api';
  lastSuccessAt?: number;
  lastFailureAt?: number;
  lastFailureReason?: string;
}

/** A saved highlight (lib/highlights): written only by the background, through typed messages. */
export type HighlightRecord = Highlight;

/**
 * Every schema version, in order. Declared once and never edited after it has shipped: a change
 * is a new version with its upgrade (and a test that opens the previous version's data). Exported
 * so that migration tests can write a database exactly as an older version did.
 */
export const SCHEMA = {
  1: {
    documents: 'id, lastUsedAt',
    serviceStatus: 'key',
  },
  // Version 2 (issue 7): the reader's highlights. Indexed by dok_id (a page asks for its own),
  // url, and updated (the side panel lists the latest first). Nothing to migrate: the table is new
  // and the metadata cache is carried over untouched.
  2: {
    documents: 'id, lastUsedAt',
    serviceStatus: 'key',
    highlights: 'id, dokId, url, updated',
  },
} as const;

export class RiksrefDatabase extends Dexie {
  documents!: EntityTable<DocumentRecord, 'id'>;
  serviceStatus!: EntityTable<ServiceStatusRecord, 'key'>;
  highlights!: EntityTable<HighlightRecord, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA[1]);
    this.version(2).stores(SCHEMA[2]);
  }
}
