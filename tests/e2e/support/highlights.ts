import type { Page } from 'playwright-core';
import type { Session } from './browser.ts';

/*
 * What the highlight tests do to pages: select text as a reader would, read what CSS.highlights
 * paints, and talk to the background as an extension page does.
 */

/** A raw protocol message from an extension page (`from`), as the side panel would send it. */
export async function message(from: Page, name: string, payload: unknown): Promise<any> {
  const reply: any = await from.evaluate(
    async (m) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage(m);
    },
    { riksref: 1, name, payload },
  );
  if (!reply?.ok) throw new Error(`${name}: ${reply?.error}`);
  return reply.data;
}

/** An extension page (the options page) to talk to the background from, as the side panel does. */
export async function openExtensionPage(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  return page;
}

/**
 * Closes every tab but `keep`. A test that failed half-way may leave its tabs open; tabs are
 * found by address, so a stale one would stand in for the next test's.
 */
export async function closeTabsBut(session: Session, keep: Page): Promise<void> {
  for (const page of session.context.pages()) if (page !== keep) await page.close();
}

/** Deletes every highlight, so that a test starts with none. */
export async function deleteAllHighlights(from: Page): Promise<void> {
  for (const h of (await message(from, 'listAllHighlights', {})).highlights) await message(from, 'deleteHighlight', { id: h.id });
}

/** Opens a document page and waits until the highlights feature has anchored its highlights once. */
export async function openDocument(session: Session, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await waitForAnchoring(page);
  return page;
}

export async function waitForAnchoring(page: Page): Promise<void> {
  // The feature records the count once it has loaded and anchored the page's highlights.
  await page.waitForFunction(() => document.documentElement.dataset.riksrefHighlights !== undefined, null, { timeout: 15_000 });
}

/**
 * Runs in the page (self-contained, for evaluate in either driver): selects `wanted` in the
 * document as a reader would, ending with a mouseup. False when the text is not on the page.
 */
export function selectInPage(wanted: string): boolean {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const at = node.data.indexOf(wanted);
    if (at < 0) continue;
    // On screen, as a reader's selection is (the toolbar is placed beside it).
    node.parentElement!.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const rect = range.getBoundingClientRect();
    document.querySelector('main')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
    return true;
  }
  return false;
}

/** Selects `text` in the document as a reader would, ending with a mouseup. */
export async function selectText(page: Page, text: string): Promise<void> {
  if (!(await page.evaluate(selectInPage, text))) throw new Error(`not on the page: ${text}`);
}

/** Clicks inside a saved passage (a character of its 21st–40th), as a reader opens its popover. */
export async function clickInPassage(page: Page, passage: string): Promise<void> {
  const point = await page.evaluate((sentence) => {
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf(sentence.slice(20, 40));
      if (at < 0) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at + 5);
      range.setEnd(node, at + 6);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, passage);
  if (!point) throw new Error(`not on the page: ${passage}`);
  await page.mouse.click(point.x, point.y);
}

/** What CSS.highlights paints, by name: the text of each range. */
export const painted = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string[]> = {};
    (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((highlight, name) => {
      if (name.startsWith('riksref-')) out[name] = [...highlight].map((r) => r.toString());
    });
    return out;
  });

/** Waits until `count` ranges are painted (the flash not counted). */
export async function waitForPaint(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      let ranges = 0;
      (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((h, name) => {
        if (name.startsWith('riksref-') && name !== 'riksref-flash') ranges += h.size;
      });
      return ranges === n;
    },
    count,
    { timeout: 10_000 },
  );
}

export const toolbar = (page: Page) => page.locator('riksref-highlights [role="toolbar"]');

/** Saves the selection through the toolbar in a colour. */
export async function saveSelection(page: Page, text: string, color = 'yellow'): Promise<void> {
  await selectText(page, text);
  await page.locator(`riksref-highlights [data-action="highlight"][data-color="${color}"]`).click();
}

/** The browser's id for the tab showing `url` (the extension sees riksdagen.se tabs' addresses through its host permissions). */
export async function tabIdOf(session: Session, url: string): Promise<number> {
  const tabs = await session.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } } };
    return chrome.tabs.query({});
  });
  const tab = tabs.find((t) => t.url === url);
  if (!tab) throw new Error(`no tab shows ${url}: ${JSON.stringify(tabs)}`);
  return tab.id;
}

/** Sends a tab command to the page's content script as the background does (keyboard command, context menu). */
export async function tellTab(session: Session, url: string, command: object): Promise<void> {
  await session.serviceWorker.evaluate(
    async ({ url, command }) => {
      const { chrome } = globalThis as unknown as { chrome: any };
      const [tab] = await chrome.tabs.query({ url });
      await chrome.tabs.sendMessage(tab.id, command);
    },
    { url, command },
  );
}
