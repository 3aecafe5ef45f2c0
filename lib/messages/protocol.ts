import * as z from 'zod/mini';
import { highlightChangesSchema, highlightSchema } from '../highlights/highlight.ts';
import { parseReferenceId } from '../refs/ids.ts';
import { REFERENCE_KINDS } from '../refs/types.ts';

/*
 * The message protocol between the extension's pages/content script and the background: one
 * schema per message for what is sent and one for what comes back. `send` checks both ends of a
 * conversation, `handle` checks what arrives, so neither side trusts the other blindly.
 */

/** Bumped when a message changes incompatibly (pages and background update together, but a
 * content script from before an update may linger in an open tab). */
export const PROTOCOL_VERSION = 1;

/** A page cites a few hundred documents at most; far more is a bug, not a page. */
export const MAX_IDS_PER_LOOKUP = 2000;

const referenceId = z.string().check(
  z.refine((id) => parseReferenceId(id) !== null, { error: 'not a canonical reference id' }),
);

const webUrl = z.string().check(z.refine((u) => /^https?:\/\//.test(u), { error: 'not an http(s) URL' }));
const optionalText = z.optional(z.string());

export const documentMetaSchema = z.object({
  id: referenceId,
  dokId: z.string(),
  kind: z.enum(REFERENCE_KINDS),
  label: z.string(),
  title: z.string(),
  subtitle: optionalText,
  date: optionalText,
  organ: optionalText,
  organName: optionalText,
  status: optionalText,
  summary: optionalText,
  url: webUrl,
  fullTextUrl: z.optional(webUrl),
  pdfUrl: z.optional(webUrl),
  answer: z.optional(z.object({ dokId: z.string(), url: webUrl, date: optionalText })),
  fetchedAt: z.number(),
});

export const lookupResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('found'), meta: documentMetaSchema, stale: z.optional(z.literal(true)) }),
  z.object({ status: z.literal('not-found') }),
  z.object({
    status: z.literal('unavailable'),
    reason: z.enum(['timeout', 'network', 'http', 'rate-limited', 'malformed']),
    /** Epoch milliseconds before which asking again is pointless. */
    retryAfter: z.optional(z.number()),
  }),
]);

const empty = z.object({});

/** A highlight could not be stored: the reader's message, and the highlight itself, not lost. */
export const saveOutcomeSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), highlight: highlightSchema }),
  z.object({ saved: z.literal(false), error: z.string(), highlight: highlightSchema }),
]);

const highlightId = z.string().check(z.minLength(1), z.maxLength(200));
const dokId = z.string().check(z.minLength(1), z.maxLength(100));
const highlightList = z.object({ highlights: z.array(highlightSchema) });

export const MESSAGES = {
  /** One batch per page: the unique ids it cites → what is known about each. */
  lookupReferences: {
    request: z.object({ ids: z.array(referenceId).check(z.maxLength(MAX_IDS_PER_LOOKUP)) }),
    response: z.object({ results: z.record(z.string(), lookupResultSchema) }),
  },
  /** Options page, section "Cache". */
  getCacheStats: {
    request: empty,
    response: z.object({
      count: z.number(),
      approxBytes: z.number(),
      service: z.object({
        lastSuccessAt: z.optional(z.number()),
        lastFailureAt: z.optional(z.number()),
        lastFailureReason: optionalText,
      }),
    }),
  },
  /** Options page, "Töm cachen". */
  clearCache: {
    request: empty,
    response: z.object({ removed: z.number() }),
  },

  // Highlights (issue 7). Written only by the background; pages describe, the background stores.

  /** A new highlight from the page. A storage failure answers `saved: false` with the highlight. */
  saveHighlight: {
    request: z.object({ highlight: highlightSchema }),
    response: saveOutcomeSchema,
  },
  /** Edit a note or change the colour. `outcome` is null when the highlight no longer exists. */
  updateHighlight: {
    request: z.object({ id: highlightId, changes: highlightChangesSchema }),
    response: z.object({ outcome: z.nullable(saveOutcomeSchema) }),
  },
  /** Delete; answers with what was deleted, for "Ångra". */
  deleteHighlight: {
    request: z.object({ id: highlightId }),
    response: z.object({ deleted: z.nullable(highlightSchema) }),
  },
  /** "Ångra" after a delete: the highlight as it was, id and times included. */
  restoreHighlight: {
    request: z.object({ highlight: highlightSchema }),
    response: saveOutcomeSchema,
  },
  /** A page's highlights (by dok_id: riksdagen.se and data.riksdagen.se share them), in document order. */
  listHighlights: {
    request: z.object({ dokId }),
    response: highlightList,
  },
  /** Every highlight, latest changed first (side panel, "Alla"). */
  listAllHighlights: {
    request: empty,
    response: highlightList,
  },
  /** What a visit found: which of the page's highlights are orphans now. */
  reportAnchoring: {
    request: z.object({ dokId, found: z.array(highlightId), orphans: z.array(highlightId) }),
    response: z.object({ changed: z.number() }),
  },
  /**
   * An import file's parsed JSON, validated whole in the background: one invalid entry and
   * nothing changes (`imported: false` names the entry and the problem).
   */
  importHighlights: {
    request: z.object({ file: z.unknown() }),
    response: z.discriminatedUnion('imported', [
      z.object({ imported: z.literal(true), added: z.number(), replaced: z.number() }),
      z.object({ imported: z.literal(false), error: z.string() }),
    ]),
  },
  /** Every highlight (or one document's) as a file to save. */
  exportHighlights: {
    request: z.object({ format: z.enum(['json', 'markdown']), dokId: z.optional(dokId) }),
    response: z.object({ filename: z.string(), mimeType: z.string(), text: z.string(), count: z.number() }),
  },
} as const;

export type MessageName = keyof typeof MESSAGES;
export type RequestOf<N extends MessageName> = z.input<(typeof MESSAGES)[N]['request']>;
export type ResponseOf<N extends MessageName> = z.output<(typeof MESSAGES)[N]['response']>;
export type LookupResult = z.output<typeof lookupResultSchema>;

export const MESSAGE_NAMES = Object.keys(MESSAGES) as MessageName[];

/** What travels: `{ riksref: 1, name, payload }`. */
export const envelopeSchema = z.object({
  riksref: z.literal(PROTOCOL_VERSION),
  name: z.enum(MESSAGE_NAMES as [MessageName, ...MessageName[]]),
  payload: z.unknown(),
});

/** What comes back: the handler's data, or a readable error. */
export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export type Reply = z.output<typeof replySchema>;

/** `ids.3: not a canonical reference id; …` */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(message)'}: ${issue.message || issue.code}`)
    .join('; ');
}
