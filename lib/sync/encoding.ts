import * as z from 'zod/mini';
import { COLORS, highlightSchema, type Highlight } from '../highlights/highlight.ts';
import { CONTEXT_CHARS } from '../page/anchoring/describe.ts';
import { PAGE_KINDS, type PageKind } from '../page/kinds.ts';

/*
 * How highlights look in the browser's sync area: one item per document (more when a document's
 * highlights pass the 8 KB an item may hold), positional arrays instead of named fields, the
 * document's title and address written once, times in base 36. Version 1 of the format: every
 * key starts `h1:`, so a later format can sit beside it and neither reads the other's items.
 *
 *   key    h1:<chunk>:<DOK_ID>                          h1:0:H612523
 *   value  { h: [entry…], k: kind, t: title, u: url, x: [tombstone…] }   (h, x omitted when empty;
 *          k, t, u only with h)
 *   entry  [id, created, updated − created, colour, start, exact, prefix, suffix, note?, extra?]
 *   extra  { e: end, k: kind, t: title, u: url }, each only where the highlight differs from the
 *          item's k, t, u, or its end is not start + exact.length
 *   tomb   [id, deleted at]
 *
 * What is left out: `orphan` and `unsynced` (what this device found, not what the reader made),
 * and the quote's context beyond what re-anchoring needs (syncContextChars).
 */

export const KEY_PREFIX = 'h1:';

/** A deletion made on some device, kept so that every other device deletes too. */
export interface Tombstone {
  id: string;
  dokId: string;
  /** Epoch ms: a version of the highlight updated later than this survives it. */
  at: number;
}

/** The fields an item writes once for the highlights in it. */
export interface DocHeader {
  k: PageKind;
  t: string;
  u: string;
}

export type Entry = (string | number | Record<string, string | number>)[];
export type TombstoneEntry = [string, string];

export interface DocItem {
  h?: Entry[];
  k?: PageKind;
  t?: string;
  u?: string;
  x?: TombstoneEntry[];
}

export function itemKey(dokId: string, chunk: number): string {
  return `${KEY_PREFIX}${chunk}:${dokId}`;
}

export function parseItemKey(key: string): { dokId: string; chunk: number } | null {
  const match = /^h1:(\d{1,3}):(.{1,100})$/s.exec(key);
  return match ? { chunk: Number(match[1]), dokId: match[2]! } : null;
}

// --- ids: our UUIDs in 22 characters instead of 36 -----------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const PACKED_UUID = /^[A-Za-z0-9_-]{22}$/;

/**
 * Ids the extension made (crypto.randomUUID) as their 128 bits in base 64 (22 characters);
 * any other id (an import from another tool) as itself after "=", which base 64 never writes.
 * Saves 14 bytes on every highlight and every deletion.
 */
export function packId(id: string): string {
  if (!UUID.test(id)) return `=${id}`;
  let n = BigInt(`0x${id.replaceAll('-', '')}`);
  let out = '';
  for (let i = 0; i < 22; i++) {
    out = ALPHABET[Number(n & 63n)]! + out;
    n >>= 6n;
  }
  return out;
}

export function unpackId(packed: string): string | null {
  if (packed.startsWith('=')) return packed.length > 1 ? packed.slice(1) : null;
  if (!PACKED_UUID.test(packed)) return null;
  let n = 0n;
  for (const c of packed) n = (n << 6n) | BigInt(ALPHABET.indexOf(c));
  if (n >> 128n) return null; // 22 characters hold 132 bits; a UUID has 128
  const hex = n.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// --- addresses: the common beginnings as one digit ------------------------------------------

/**
 * The beginnings of document addresses (shared/riksdagen.md), written as their index. Part of
 * the format: entries are only ever added at the end. A stored address that starts with a digit
 * is one of these; any other starts with "http".
 */
const URL_PREFIXES = [
  'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/',
  'https://data.riksdagen.se/dokument/',
  'https://www.riksdagen.se/sv/dokument-lagar/dokument/',
  'https://riksdagen.se/sv/dokument-och-lagar/dokument/',
] as const;

export function packUrl(url: string): string {
  const i = URL_PREFIXES.findIndex((prefix) => url.startsWith(prefix));
  return i < 0 ? url : `${i}${url.slice(URL_PREFIXES[i]!.length)}`;
}

export function unpackUrl(packed: string): string | null {
  if (packed.startsWith('http')) return packed;
  const prefix = URL_PREFIXES[Number(packed[0])];
  return /^\d/.test(packed) && prefix ? prefix + packed.slice(1) : null;
}

// --- times ----------------------------------------------------------------------------------

const time36 = (ms: number) => ms.toString(36);

function parseTime36(text: unknown): number | null {
  if (typeof text !== 'string' || !/^-?[0-9a-z]{1,11}$/.test(text)) return null;
  const n = parseInt(text, 36);
  return Number.isSafeInteger(n) ? n : null;
}

// --- entries --------------------------------------------------------------------------------

/**
 * How many characters of the quote's context (each side) the sync copy keeps. Context tells
 * apart the occurrences of a quote that recurs in a document, and confirms a quote found at a
 * shifted offset; anchoring compares it from the quote outwards, so a shorter context is the
 * same evidence, only less of it. A short quote ("Regeringen", "terrorism") recurs by chance
 * and keeps all the page gave it (CONTEXT_CHARS, 32); a sentence-long quote recurs only where the
 * document repeats a passage, and there the first characters beside it (the end of the sentence
 * before, the start of the one after) already differ or, where they do not, position decides.
 * A typical highlight is a sentence of about 200 characters: 48 bytes saved on each, a tenth of
 * its cost. tests/unit/sync-anchoring.test.ts anchors the sync copies against changed texts.
 */
export function syncContextChars(quoteLength: number): number {
  return quoteLength >= 100 ? 8 : quoteLength >= 40 ? 16 : CONTEXT_CHARS;
}

export function headerOf(h: Highlight): DocHeader {
  return { k: h.kind, t: h.title, u: packUrl(h.url) };
}

const lastChars = (text: string, n: number) => (text.length > n ? text.slice(text.length - n) : text);

/** One highlight as an entry of an item whose header is `header`. */
export function encodeEntry(h: Highlight, header: DocHeader): Entry {
  const { quote, position } = h.selectors;
  const extra: Record<string, string | number> = {};
  if (position.end !== position.start + quote.exact.length) extra.e = position.end;
  if (h.kind !== header.k) extra.k = h.kind;
  if (h.title !== header.t) extra.t = h.title;
  const url = packUrl(h.url);
  if (url !== header.u) extra.u = url;
  const entry: Entry = [
    packId(h.id),
    time36(h.created),
    time36(h.updated - h.created),
    COLORS.indexOf(h.color),
    position.start,
    quote.exact,
    lastChars(quote.prefix, syncContextChars(quote.exact.length)),
    quote.suffix.slice(0, syncContextChars(quote.exact.length)),
  ];
  const hasExtra = Object.keys(extra).length > 0;
  if (h.note || hasExtra) entry.push(h.note);
  if (hasExtra) entry.push(extra);
  return entry;
}

export function encodeTombstone(t: Tombstone): TombstoneEntry {
  return [packId(t.id), time36(t.at)];
}

/**
 * One highlight as every device would encode it on its own: the tie-break between two versions
 * with the same update time, so that every device picks the same one.
 */
export function canonicalForm(h: Highlight): string {
  return JSON.stringify([h.dokId, encodeEntry(h, { k: 'other', t: '\u0000', u: '\u0000' })]);
}

/** An item: keys in alphabetical order, as the browser hands them back. */
export function buildItem(header: DocHeader | undefined, entries: Entry[], tombstones: TombstoneEntry[]): DocItem {
  const item: DocItem = {};
  if (entries.length > 0 && header) Object.assign(item, { h: entries, k: header.k, t: header.t, u: header.u });
  if (tombstones.length > 0) item.x = tombstones;
  return item;
}

// --- reading the area -----------------------------------------------------------------------

export interface DecodedArea {
  highlights: Highlight[];
  tombstones: Tombstone[];
  /** Keys of ours (`h1:`), readable or not: what we may replace or remove. */
  ourKeys: string[];
  /** Everything else in the area (the reader's settings, a later format): counted, never touched. */
  otherItems: Record<string, unknown>;
  /** What could not be read, in English for the console: one line per item or entry. */
  warnings: string[];
}

const itemSchema = z.object({
  h: z.optional(z.array(z.unknown())),
  k: z.optional(z.enum(PAGE_KINDS)),
  t: z.optional(z.string()),
  u: z.optional(z.string()),
  x: z.optional(z.array(z.unknown())),
});

const extraSchema = z.object({
  e: z.optional(z.number()),
  k: z.optional(z.enum(PAGE_KINDS)),
  t: z.optional(z.string()),
  u: z.optional(z.string()),
});

function decodeEntry(raw: unknown, dokId: string, header: DocHeader): Highlight | string {
  if (!Array.isArray(raw) || raw.length < 8 || raw.length > 10) return 'not an entry';
  const [pid, created36, delta36, color, start, exact, prefix, suffix, note = '', rawExtra = {}] = raw as unknown[];
  const id = typeof pid === 'string' ? unpackId(pid) : null;
  if (!id) return 'bad id';
  const created = parseTime36(created36);
  const delta = parseTime36(delta36);
  if (created === null || delta === null) return `${id}: bad time`;
  const extra = z.safeParse(extraSchema, rawExtra);
  if (!extra.success) return `${id}: bad extra fields`;
  const url = unpackUrl(extra.data.u ?? header.u);
  if (url === null) return `${id}: bad address`;
  const candidate = {
    id,
    dokId,
    kind: extra.data.k ?? header.k,
    url,
    title: extra.data.t ?? header.t,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
      position: {
        type: 'TextPositionSelector',
        start,
        end: extra.data.e ?? (typeof start === 'number' && typeof exact === 'string' ? start + exact.length : -1),
      },
    },
    color: typeof color === 'number' ? COLORS[color] : undefined,
    note,
    created,
    updated: created + delta,
  };
  // The same schema as the database and imports: what passes here passes everywhere.
  const checked = z.safeParse(highlightSchema, candidate);
  return checked.success ? checked.data : `${id}: ${checked.error.issues.map((i) => i.path.join('.')).join(', ')} invalid`;
}

/**
 * Reads everything in the sync area. An item of ours that cannot be read, or an entry in it, is
 * skipped with a warning; the rest of the item still counts. Never throws.
 */
export function decodeArea(items: Readonly<Record<string, unknown>>): DecodedArea {
  const out: DecodedArea = { highlights: [], tombstones: [], ourKeys: [], otherItems: {}, warnings: [] };
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(KEY_PREFIX)) {
      out.otherItems[key] = value;
      continue;
    }
    out.ourKeys.push(key);
    const where = parseItemKey(key);
    const item = z.safeParse(itemSchema, value);
    if (!where || !item.success) {
      out.warnings.push(`sync item ${key} is not a Riksref item; ignored`);
      continue;
    }
    const { h = [], k, t, u, x = [] } = item.data;
    if (h.length > 0) {
      if (k === undefined || t === undefined || u === undefined) {
        out.warnings.push(`sync item ${key} has highlights but no document fields; ignored`);
      } else {
        for (const raw of h) {
          const decoded = decodeEntry(raw, where.dokId, { k, t, u });
          if (typeof decoded === 'string') out.warnings.push(`sync item ${key}: entry ignored (${decoded})`);
          else out.highlights.push(decoded);
        }
      }
    }
    for (const raw of x) {
      const id = Array.isArray(raw) && typeof raw[0] === 'string' ? unpackId(raw[0]) : null;
      const at = Array.isArray(raw) ? parseTime36(raw[1]) : null;
      if (id === null || at === null || at < 0) out.warnings.push(`sync item ${key}: deletion ignored (unreadable)`);
      else out.tombstones.push({ id, dokId: where.dokId, at });
    }
  }
  return out;
}
