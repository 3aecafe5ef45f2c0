import * as z from 'zod/mini';
import { dokId, trailAnswerSchema } from '../messages/protocol.ts';
import { senderFor } from '../messages/send.ts';

/*
 * The side panel's and the options page's messages about a document's case and the reading
 * history (issue 13). A table of their own beside lib/messages' MESSAGES, as the sync's are
 * (lib/sync/messages.ts): the content script checks every message of MESSAGES it sends and so
 * carries all their schemas, and it sends none of these. The background answers them with
 * createTableHandler (lib/messages/handle.ts).
 */

export const HISTORY_MESSAGES = {
  /**
   * "Ärendet": the document on the page (`dokId` as its address writes it), named, with its whole
   * trail (every document on every line) and every document read that cites it.
   */
  getCase: {
    request: z.object({ dokId }),
    response: z.extend(trailAnswerSchema, { label: z.optional(z.string()), title: z.optional(z.string()) }),
  },
  /** Options page, "Läshistorik": how many documents, how much space. */
  getReadingHistoryStats: {
    request: z.object({}),
    response: z.object({ count: z.number(), approxBytes: z.number() }),
  },
  /** Options page, "Töm läshistoriken". */
  clearReadingHistory: {
    request: z.object({}),
    response: z.object({ removed: z.number() }),
  },
} as const;

export type HistoryMessageName = keyof typeof HISTORY_MESSAGES;
export type CaseAnswer = z.output<(typeof HISTORY_MESSAGES)['getCase']['response']>;

/** Sends one of them to the background and returns its checked answer (see lib/messages/send.ts). */
export const sendHistory = senderFor(HISTORY_MESSAGES);
