import * as z from 'zod/mini';

/*
 * What the background tells a page's content script (the other direction from the protocol in
 * protocol.ts): the context-menu entry "Spara markering", the keyboard command, and that stored
 * highlights changed. Sent with tabs.sendMessage, fire and forget; a tab without our content
 * script simply does not answer.
 */

export const tabCommandSchema = z.discriminatedUnion('command', [
  /** Save the current selection as a highlight (default colour): the context menu. */
  z.object({ riksrefTab: z.literal(1), command: z.literal('saveSelection') }),
  /**
   * The keyboard command (Alt+Shift+H unless the reader changed it): with the caret or selection
   * in a saved highlight, open its popover; with a new selection, move focus into the toolbar.
   */
  z.object({ riksrefTab: z.literal(1), command: z.literal('highlightFromKeyboard') }),
  /**
   * Highlights of these documents were saved, edited, deleted or imported somewhere (the side
   * panel, another tab): a page showing one of them reads its highlights again and repaints.
   */
  z.object({
    riksrefTab: z.literal(1),
    command: z.literal('highlightsChanged'),
    dokIds: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(10_000)),
  }),
]);

export type TabCommand = z.output<typeof tabCommandSchema>;

/** The context menu item's id. */
export const SAVE_SELECTION_COMMAND = 'save-selection';
/** The keyboard command's manifest name (wxt.config.ts `commands`). */
export const KEYBOARD_COMMAND = 'highlight-from-keyboard';

export function parseTabCommand(message: unknown): TabCommand | null {
  const parsed = z.safeParse(tabCommandSchema, message);
  return parsed.success ? parsed.data : null;
}
