import * as z from 'zod/mini';
import { dokId } from '../messages/protocol.ts';
import { senderFor } from '../messages/send.ts';
import { MAX_IMPORT_ENTRIES } from './web-annotation.ts';

/*
 * The side panel's own message about highlights (issue 12): it writes the Markdown export itself,
 * a slice at a time, and asks the background only for what needs the network, each document's
 * reference. A table of its own beside lib/messages' MESSAGES, as the sync's and the history's
 * are: the content script never sends it, so does not carry its schema.
 */

const highlightedDocument = z.object({ dokId, kind: z.string(), title: z.string(), url: z.string() });

export const HIGHLIGHT_PANEL_MESSAGES = {
  /**
   * Each document's reference by dok_id (lib/cite/documents.ts: its dokumentstatus, within one
   * request's time, else what its highlights know), for the Markdown export.
   */
  highlightReferences: {
    request: z.object({ documents: z.array(highlightedDocument).check(z.maxLength(MAX_IMPORT_ENTRIES)) }),
    response: z.object({ references: z.record(z.string(), z.string()) }),
  },
} as const;

export type HighlightPanelMessageName = keyof typeof HIGHLIGHT_PANEL_MESSAGES;

/** Sends one of them to the background and returns its checked answer (see lib/messages/send.ts). */
export const sendHighlightPanel = senderFor(HIGHLIGHT_PANEL_MESSAGES);
