import Dexie, { type EntityTable } from 'dexie';
import type { Highlight } from '../highlights/highlight.ts';
import type { LawText } from '../riksdagen/law-text.ts';
import type { TrailFacts } from '../riksdagen/trail.ts';
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

/**
 * One document's trail (issue 13), by its dok_id: the facts taken from its dokumentstatus
 * (lib/riksdagen/trail.ts), never its HTML, never an error. Cached like documents, for less time
 * while the matter is open (lib/db/trails.ts).
 */
export interface TrailRecord {
  /** The document's dok_id (`HB0320`). */
  id: string;
  status: 'found' | 'not-found';
  /** Present when status is `found`. */
  facts?: TrailFacts;
  storedAt: number;
  lastUsedAt: number;
  size: number;
}

/**
 * A document page the reader has read with Riksref on (issue 13): what it is and the documents it
 * cites, so that a card can say "you have read N documents that cite this one". Kept on this
 * machine only, one record per document: reading it again updates it.
 */
export interface ReadingRecord {
  /** The page's document (`HB01UbU5`); data.riksdagen.se and www.riksdagen.se share it. */
  dokId: string;
  /** The page's kind (lib/page/kinds.ts). */
  kind: string;
  /** Its canonical reference id (`bet:2023/24:UbU5`), when its heading names it. */
  id?: string;
  /** How it is cited (`bet. 2023/24:UbU5`, `Svar på fråga 2018/19:523`), when `id` is known. */
  label?: string;
  title: string;
  /** `YYYY-MM-DD`, the document's own date as the page shows it. */
  date?: string;
  /** Where it was read, last time. */
  url: string;
  /** The canonical ids it links, each once (a law's places reduced to the law). */
  refs: string[];
  /** When it was last read, epoch ms: the newest come first, the oldest go first. */
  readAt: number;
  /** Approximate bytes, for the options page. */
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
  // Version 4 (issue 13): each document's trail, by dok_id, evicted as documents are; and the
  // reader's reading history, one record per document page, found by what it cites (`*refs`, a
  // multi-entry index: "which pages I have read cite sou:2018:65") and ordered by when it was read.
  // Nothing to migrate: both tables are new, and every other table is carried over untouched.
  4: {
    documents: 'id, lastUsedAt',
    serviceStatus: 'key',
    highlights: 'id, dokId, url, updated',
    laws: 'id, lastUsedAt, size, status',
    trails: 'id, lastUsedAt',
    readings: 'dokId, readAt, *refs',
  },
} as const;

export class RiksrefDatabase extends Dexie {
  documents!: EntityTable<DocumentRecord, 'id'>;
  serviceStatus!: EntityTable<ServiceStatusRecord, 'key'>;
  highlights!: EntityTable<HighlightRecord, 'id'>;
  laws!: EntityTable<LawRecord, 'id'>;
  trails!: EntityTable<TrailRecord, 'id'>;
  readings!: EntityTable<ReadingRecord, 'dokId'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA[1]);
    this.version(2).stores(SCHEMA[2]);
    this.version(3).stores(SCHEMA[3]);
    this.version(4).stores(SCHEMA[4]);
  }
}
