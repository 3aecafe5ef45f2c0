import Dexie, { type EntityTable } from 'dexie';
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

export class RiksrefDatabase extends Dexie {
  documents!: EntityTable<DocumentRecord, 'id'>;
  serviceStatus!: EntityTable<ServiceStatusRecord, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    // Every schema version is declared here, once, and never edited after it has shipped: a
    // change is a new version with its migration (and a test that opens the previous version's
    // data). Version 2 (highlights) comes with its issue.
    this.version(1).stores({
      documents: 'id, lastUsedAt',
      serviceStatus: 'key',
    });
  }
}
