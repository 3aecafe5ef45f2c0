import * as z from 'zod/mini';
import { CITATION_FORMATS } from '../cite/formats.ts';
import { highlightChangesSchema, highlightSchema } from '../highlights/highlight.ts';
import { parseReferenceId } from '../refs/ids.ts';
import { REFERENCE_KINDS } from '../refs/types.ts';
import { lazyEntries } from './lazy-entries.ts';

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

export const unavailableReason = z.enum(['timeout', 'network', 'http', 'rate-limited', 'malformed']);

/** lib/riksdagen/types.ts, LawInfo: a law's text and the place an id cites in it. */
export const lawInfoSchema = z.object({
  sfs: z.string(),
  consolidatedThrough: optionalText,
  place: z.optional(
    z.object({
      anchor: z.string(),
      label: z.string(),
      state: z.enum(['found', 'missing', 'unavailable']),
      chapterTitle: optionalText,
      paragraphs: z.optional(z.array(z.string())),
      inForceFrom: optionalText,
      inForceUntil: optionalText,
      reason: z.optional(unavailableReason),
    }),
  ),
  repealed: z.optional(z.object({ on: optionalText, by: optionalText })),
});

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
  answer: z.optional(z.object({ dokId: z.string(), url: webUrl, date: optionalText, by: optionalText })),
  fetchedAt: z.number(),
  law: z.optional(lawInfoSchema),
});

export const lookupResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('found'), meta: documentMetaSchema, stale: z.optional(z.literal(true)) }),
  z.object({ status: z.literal('not-found') }),
  z.object({
    status: z.literal('unavailable'),
    reason: unavailableReason,
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

/** lib/riksdagen/trail-lines.ts: a document a trail line names, and the line, worded in the background. */
export const trailLinkSchema = z.object({ label: z.string(), url: z.optional(webUrl), title: optionalText });
export const trailLineSchema = z.object({ field: z.string(), text: z.string(), links: z.optional(z.array(trailLinkSchema)), rest: optionalText });
/** What the card and the side panel are told of a document's trail and who cites it (issue 13). */
export const trailAnswerSchema = z.object({
  /** The trail's lines; absent when there is none to show. */
  trail: z.optional(z.array(trailLineSchema)),
  /** Why the trail could not be had (the card offers "Försök igen"). */
  failed: z.optional(unavailableReason),
  /** The reader's own reading history in a line, newest first; absent when nothing read cites it. */
  citedBy: z.optional(trailLineSchema),
});

const highlightId = z.string().check(z.minLength(1), z.maxLength(200));
export const dokId = z.string().check(z.minLength(1), z.maxLength(100));
const highlightList = z.object({ highlights: z.array(highlightSchema) });
/** A file for the reader to save (or, for one citation, to copy): its name, type, text and how many entries. */
const exportedFile = z.object({ filename: z.string(), mimeType: z.string(), text: z.string(), count: z.number() });

export const MESSAGES = lazyEntries({
  /** One batch per page: the unique ids it cites → what is known about each. */
  lookupReferences: () => ({
    request: z.object({ ids: z.array(referenceId).check(z.maxLength(MAX_IDS_PER_LOOKUP)) }),
    response: z.object({ results: z.record(z.string(), lookupResultSchema) }),
  }),
  /** Options page, section "Cache". */
  getCacheStats: () => ({
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
  }),
  /** Options page, "Töm cachen". */
  clearCache: () => ({
    request: empty,
    response: z.object({ removed: z.number() }),
  }),

  // Highlights (issue 7). Written only by the background; pages describe, the background stores.

  /** A new highlight from the page. A storage failure answers `saved: false` with the highlight. */
  saveHighlight: () => ({
    request: z.object({ highlight: highlightSchema }),
    response: saveOutcomeSchema,
  }),
  /** Edit a note or change the colour. `outcome` is null when the highlight no longer exists. */
  updateHighlight: () => ({
    request: z.object({ id: highlightId, changes: highlightChangesSchema }),
    response: z.object({ outcome: z.nullable(saveOutcomeSchema) }),
  }),
  /** Delete; answers with what was deleted, for "Ångra". */
  deleteHighlight: () => ({
    request: z.object({ id: highlightId }),
    response: z.object({ deleted: z.nullable(highlightSchema) }),
  }),
  /** "Ångra" after a delete: the highlight as it was, id and times included. */
  restoreHighlight: () => ({
    request: z.object({ highlight: highlightSchema }),
    response: saveOutcomeSchema,
  }),
  /** A page's highlights (by dok_id: riksdagen.se and data.riksdagen.se share them), in document order. */
  listHighlights: () => ({
    request: z.object({ dokId }),
    response: highlightList,
  }),
  /** Every highlight, latest changed first (side panel, "Alla"). */
  listAllHighlights: () => ({
    request: empty,
    response: highlightList,
  }),
  /** What a visit found: which of the page's highlights are orphans now. */
  reportAnchoring: () => ({
    request: z.object({ dokId, found: z.array(highlightId), orphans: z.array(highlightId) }),
    response: z.object({ changed: z.number() }),
  }),
  /**
   * An import file's parsed JSON, validated whole in the background: one invalid entry and
   * nothing changes (`imported: false` names the entry and the problem).
   */
  importHighlights: () => ({
    request: z.object({ file: z.unknown() }),
    response: z.discriminatedUnion('imported', [
      z.object({ imported: z.literal(true), added: z.number(), replaced: z.number() }),
      z.object({ imported: z.literal(false), error: z.string() }),
    ]),
  }),
  /**
   * A hover card's trail and who cites its document (issue 13): `dokId` once its metadata is
   * known, `exclude` the page the reader is on. (The side panel's "Ärendet" asks with getCase,
   * lib/history/messages.ts.)
   */
  getTrail: () => ({
    request: z.object({ id: referenceId, dokId: z.optional(dokId), exclude: z.optional(dokId) }),
    response: trailAnswerSchema,
  }),
  /** A page the reader has read and linked: kept in the reading history (if it is on), locally. */
  recordReading: () => ({
    request: z.object({
      dokId,
      kind: z.string(),
      heading: optionalText,
      title: z.string(),
      date: optionalText,
      url: webUrl,
      refs: z.array(referenceId).check(z.maxLength(MAX_IDS_PER_LOOKUP)),
    }),
    response: z.object({ recorded: z.boolean() }),
  }),
  /** Every highlight (or one document's) as a file to save. */
  exportHighlights: () => ({
    request: z.object({ format: z.enum(['json', 'markdown']), dokId: z.optional(dokId) }),
    response: exportedFile,
  }),

  /**
   * Citations (issue 14): the card's "Kopiera hänvisning" (one id) and the side panel's export
   * (the page's ids), formatted in the background with what is known of each document. `dokId`
   * is the citing document's, for the file's name.
   */
  formatCitations: () => ({
    request: z.object({
      ids: z.array(referenceId).check(z.minLength(1), z.maxLength(MAX_IDS_PER_LOOKUP)),
      format: z.enum(CITATION_FORMATS),
      dokId: z.optional(dokId),
    }),
    response: exportedFile,
  }),
});

/** A set of messages one receiver answers: name → request and response schemas. */
export type MessageTable = Record<string, { request: z.ZodMiniType; response: z.ZodMiniType }>;

/** How far a reference's metadata has come, as the side panel shows it. */
export const REFERENCE_STATES = ['loading', 'found', 'not-found', 'unavailable'] as const;

const pageReferenceSchema = z.object({
  id: referenceId,
  kind: z.enum(REFERENCE_KINDS),
  /** `SOU 2018:65`. */
  label: z.string(),
  /** The document's title, once the metadata is known. */
  title: optionalText,
  state: z.enum(REFERENCE_STATES),
  /** How many times the page cites it (a reference split over several elements counts once). */
  count: z.int().check(z.positive()),
});

/**
 * Side panel → the content script of one tab (browser.tabs.sendMessage). Answered only by a
 * content script running on a document page; anywhere else nobody answers, and the panel says so.
 */
export const TAB_MESSAGES = lazyEntries({
  /** Every document the page cites, in order of first appearance. */
  getPageReferences: () => ({
    request: empty,
    response: z.object({ url: z.string(), references: z.array(pageReferenceSchema) }),
  }),
  /** Scroll to and flash occurrence number `occurrence` (0-based, wraps) of a reference. */
  revealReference: () => ({
    request: z.object({ id: referenceId, occurrence: z.int().check(z.gte(0)) }),
    response: z.object({ occurrence: z.number(), count: z.number() }),
  }),
  /**
   * Scroll to a saved highlight and flash it (the side panel's "Visa", entrypoints/sidepanel/highlights-link.ts). The page answers with its
   * own dok_id, so a panel that has just sent the tab to another document can tell the page it
   * asked from the one it is waiting for; `shown` is false when the highlight is not anchored
   * there (an orphan, or not yet).
   */
  showHighlight: () => ({
    request: z.object({ id: highlightId, dokId }),
    response: z.object({ dokId: z.string(), shown: z.boolean() }),
  }),
});

export type TabMessageName = keyof typeof TAB_MESSAGES;
export type PageReference = z.output<typeof pageReferenceSchema>;

/**
 * Content script → any extension page that listens (runtime.sendMessage, fire and forget): the
 * page's references or their metadata changed, so a panel showing this tab should ask again.
 * A separate marker from `riksref`, so no message handler mistakes it for a request.
 */
export const pageEventSchema = z.object({
  riksrefEvent: z.literal(PROTOCOL_VERSION),
  name: z.literal('pageReferencesChanged'),
});

export type PageEvent = z.output<typeof pageEventSchema>;

export type MessageName = keyof typeof MESSAGES;
export type RequestOf<N extends MessageName> = z.input<(typeof MESSAGES)[N]['request']>;
export type ResponseOf<N extends MessageName> = z.output<(typeof MESSAGES)[N]['response']>;
export type LookupResult = z.output<typeof lookupResultSchema>;
export type TrailAnswer = z.output<typeof trailAnswerSchema>;

export const MESSAGE_NAMES = Object.keys(MESSAGES) as MessageName[];

/** What travels for a table of messages: `{ riksref: 1, name, payload }`. */
export function envelopeFor<N extends string>(names: readonly N[]) {
  return z.object({
    riksref: z.literal(PROTOCOL_VERSION),
    name: z.enum(names as unknown as [N, ...N[]]),
    payload: z.unknown(),
  });
}

export const envelopeSchema = envelopeFor(MESSAGE_NAMES);

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
