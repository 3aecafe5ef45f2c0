import * as z from 'zod/mini';

/*
 * The few things the background asks of a page's content script (the other direction from the
 * protocol in protocol.ts): the keyboard command and the context-menu entry "Spara markering",
 * and the side panel's "show this highlight". Sent with tabs.sendMessage; a tab without our
 * content script simply does not answer.
 */

export const tabCommandSchema = z.discriminatedUnion('command', [
  /** Save the current selection as a highlight (default colour). */
  z.object({ riksrefTab: z.literal(1), command: z.literal('saveSelection') }),
  /** Scroll to a highlight and flash it. */
  z.object({ riksrefTab: z.literal(1), command: z.literal('showHighlight'), id: z.string() }),
]);

export type TabCommand = z.output<typeof tabCommandSchema>;

/** The command's manifest name (wxt.config.ts `commands`) and the context menu item's id. */
export const SAVE_SELECTION_COMMAND = 'save-selection';

export function parseTabCommand(message: unknown): TabCommand | null {
  const parsed = z.safeParse(tabCommandSchema, message);
  return parsed.success ? parsed.data : null;
}
