import Dexie, { type EntityTable } from 'dexie';
import type { Highlight } from '../highlights/highlight.ts';
import type { LawText } from '../riksdagen/law-text.ts';
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

/**
 * One law (issue 11), whatever a page cites in it: its metadata and its text taken apart into
 * sections and chapter headings (lib/riksdagen/law-text.ts). Never the HTML, never an error.
 */
export interface LawRecord {
  /** The law's id, without a place: `sfs:2009:400`. */
  id: string;
  status: 'found' | 'not-found';
  /** When found: the law as a whole (title, `law.consolidatedThrough`, url). */
  meta?: DocumentMeta;
  /** When found: the text's sections and chapter headings. */
  text?: LawText;
  storedAt: number;
  lastUsedAt: number;
  /** Approximate bytes (a law's text is 0.1–1 MB); indexed, so the total is read without the texts. */
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
  // Version 3 (issue 11): law texts, one record per law for every place a page cites in it.
  // lastUsedAt for eviction as documents; size and status so the options page can sum the bytes
  // and count the laws from the indexes alone, without reading every text. Nothing to migrate: the table is new, and cached
  // `sfs:` documents in `documents` are left to age out (laws are now answered from `laws`).
  3: {
    documents: 'id, lastUsedAt',
    serviceStatus: 'key',
    highlights: 'id, dokId, url, updated',
    laws: 'id, lastUsedAt, size, status',
  },
} as const;

export class RiksrefDatabase extends Dexie {
  documents!: EntityTable<DocumentRecord, 'id'>;
  serviceStatus!: EntityTable<ServiceStatusRecord, 'key'>;
  highlights!: EntityTable<HighlightRecord, 'id'>;
  laws!: EntityTable<LawRecord, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA[1]);
    this.version(2).stores(SCHEMA[2]);
    this.version(3).stores(SCHEMA[3]);
  }
}
