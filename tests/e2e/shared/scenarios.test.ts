import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chromiumDriver } from '../support/chromium-driver.ts';
import type { Driver, DriverFactory, Tab } from '../support/driver.ts';
import { firefoxDriver } from '../support/firefox-driver.ts';
import { selectInPage } from '../support/highlights.ts';
import { URLS } from '../support/sites.ts';

/*
 * The scenarios that matter most, written once and run in both browsers the extension ships
 * for: Chromium (Playwright, .output/chrome-mv3) and Firefox (Puppeteer over WebDriver BiDi,
 * .output/firefox-mv3). The Chromium-only files next door go deeper into each feature.
 */

const SOU = 'a[data-riksref="sou:2018:65"]';
const SKR = 'a[data-riksref="skr:2014/15:146"]';
const SENTENCE = 'Det finns också ett nära och ömsesidigt informationsutbyte mellan Polismyndigheten och Säkerhetspolisen.';

// --- what the scenarios ask of a page (run in the page: self-contained) -----------------------

const links = () =>
  [...document.querySelectorAll<HTMLAnchorElement>('a[data-riksref]')].map((a) => ({
    id: a.dataset.riksref,
    href: a.href,
    title: a.getAttribute('title'),
  }));
const allTitled = (n: number) => document.querySelectorAll('a[data-riksref][title]').length === n;
/** The card's text in its field `field` (its shadow root is open), or null when no card is shown. */
const cardText = (field: string) =>
  document.querySelector('riksref-card')?.shadowRoot?.querySelector(`.card ${field}`)?.textContent ?? null;
const noCard = () => !document.querySelector('riksref-card')?.shadowRoot?.querySelector('.card');
const focusedRef = () => (document.activeElement as HTMLElement | null)?.dataset.riksref ?? null;
const anchored = () => document.documentElement.dataset.riksrefHighlights !== undefined;
/** What CSS.highlights paints, by name: the text of each range. */
const painted = () => {
  const out: Record<string, string[]> = {};
  (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((highlight, name) => {
    if (name.startsWith('riksref-') && name !== 'riksref-flash') out[name] = [...highlight].map((r) => r.toString());
  });
  return out;
};
const paintedCount = (n: number) => {
  let ranges = 0;
  (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((h, name) => {
    if (name.startsWith('riksref-') && name !== 'riksref-flash') ranges += h.size;
  });
  return ranges === n;
};
const toolbarShown = () => !!document.querySelector('riksref-highlights')?.shadowRoot?.querySelector('[role="toolbar"]');

// --- what the scenarios ask of the extension (run in one of its pages) ------------------------

/** A message to the background, as the side panel sends it (`chrome` is Firefox's too). */
const send = async ({ name, payload }: { name: string; payload: unknown }) => {
  const reply = (await (globalThis as any).chrome.runtime.sendMessage({ riksref: 1, name, payload })) as any;
  if (!reply?.ok) throw new Error(`${name}: ${reply?.error}`);
  return reply.data;
};
const tabIdOf = async (url: string) => {
  const tabs = (await (globalThis as any).chrome.tabs.query({})) as { id: number; url?: string }[];
  return tabs.find((t) => t.url === url)?.id ?? null;
};
const reveals = () => [...document.querySelectorAll<HTMLElement>('[data-action="reveal"]')].map((b) => b.dataset.id);
const quotes = () =>
  [...document.querySelectorAll('[data-panel="highlights"] [role="tabpanel"] [data-highlight-id] blockquote')].map((q) => q.textContent);

const drivers: [string, DriverFactory][] = [
  ['Chromium', chromiumDriver],
  ['Firefox', () => firefoxDriver()],
];

describe.each(drivers)('in %s', (_, start) => {
  let driver: Driver;
  /** An extension page held open to talk to the background. */
  let extension: Tab;
  beforeAll(async () => {
    driver = await start();
    extension = await driver.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await driver?.close();
  });
  beforeEach(async () => {
    const { highlights } = await extension.evaluate(send, { name: 'listAllHighlights', payload: {} });
    for (const h of highlights) await extension.evaluate(send, { name: 'deleteHighlight', payload: { id: h.id } });
  });

  /** The answer page, once its four references are links with their documents' titles. */
  async function answerPage(): Promise<Tab> {
    const page = await driver.open(URLS.answer);
    await page.waitFor(allTitled, 4, 15_000);
    return page;
  }

  /** The side panel's page in a tab of its own, pinned to the tab showing `url` (current-tab.ts). */
  async function panelFor(url: string, view = ''): Promise<Tab> {
    const tabId = await extension.evaluate(tabIdOf, url);
    expect(tabId).not.toBeNull();
    return driver.openExtensionPage(`sidepanel.html?tab=${tabId}${view}`, { width: 400, height: 900 });
  }

  test('the answer page is detected; its references become links, then lead to their documents with titles', async () => {
    const page = await answerPage();
    const found = await page.evaluate(links);
    expect(found).toHaveLength(4);
    expect(new Set(found.map((l) => l.id))).toEqual(new Set(['sou:2018:65', 'dir:2017:75', 'skr:2014/15:146', 'fr:2018/19:523']));
    expect(found.find((l) => l.id === 'sou:2018:65')).toEqual({
      id: 'sou:2018:65',
      href: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/statens-offentliga-utredningar/_H6B365',
      title: 'SOU 2018:65: Informationsutbyte vid samverkan mot terrorism',
    });
    await page.close();
  });

  test('hover card: the pointer on a reference shows its card; focus shows one at once, Escape closes it, Tab moves on', async () => {
    const page = await answerPage();
    await page.hover(SOU);
    await page.waitFor(cardText, '.title', 2_000);
    expect(await page.evaluate(cardText, '.title')).toBe('Informationsutbyte vid samverkan mot terrorism');
    expect(await page.evaluate(cardText, '.kind')).toBe('Statens offentliga utredningar');

    await page.focus(SKR);
    await page.waitFor((label) => document.querySelector('riksref-card')?.shadowRoot?.querySelector('.card .label')?.textContent === label, 'skr. 2014/15:146', 2_000);
    await page.press('Escape');
    await page.waitFor(noCard, undefined, 2_000);
    expect(await page.evaluate(focusedRef)).toBe('skr:2014/15:146');
    await page.press('Tab');
    expect(await page.evaluate(focusedRef)).toBe('dir:2017:75');
    await page.waitFor((label) => document.querySelector('riksref-card')?.shadowRoot?.querySelector('.card .label')?.textContent === label, 'dir. 2017:75', 2_000);
    await page.close();
  });

  test('a highlight saved from the selection toolbar is painted, and found again after a reload', async () => {
    const page = await driver.open(URLS.answer);
    await page.waitFor(anchored, undefined, 15_000);
    expect(await page.evaluate(selectInPage, SENTENCE)).toBe(true);
    await page.waitFor(toolbarShown, undefined, 2_000);
    await page.click('[data-action="highlight"][data-color="green"]', 'riksref-highlights');
    await page.waitFor(paintedCount, 1, 5_000);
    expect(await page.evaluate(painted)).toEqual({ 'riksref-green': [SENTENCE] });

    await page.reload();
    await page.waitFor(anchored, undefined, 15_000);
    await page.waitFor(paintedCount, 1, 5_000);
    expect(await page.evaluate(painted)).toEqual({ 'riksref-green': [SENTENCE] });
    await page.close();
  });

  test('the sidebar / side panel: "Referenser" lists the page’s references, a click flashes one; "Markeringar" lists its highlight', async () => {
    const page = await answerPage();
    const panel = await panelFor(URLS.answer);
    await panel.waitFor(() => document.querySelectorAll('[data-action="reveal"]').length === 4, undefined, 10_000);
    expect(await panel.evaluate(reveals)).toEqual(['sou:2018:65', 'dir:2017:75', 'skr:2014/15:146', 'fr:2018/19:523']);
    await panel.click('[data-id="sou:2018:65"]');
    await page.waitFor(() => document.querySelector('a[data-riksref="sou:2018:65"]')?.hasAttribute('data-riksref-flash'), undefined, 2_000);
    await panel.close();

    await page.waitFor(anchored, undefined, 15_000);
    expect(await page.evaluate(selectInPage, SENTENCE)).toBe(true);
    await page.waitFor(toolbarShown, undefined, 2_000);
    await page.click('[data-action="highlight"][data-color="yellow"]', 'riksref-highlights');
    await page.waitFor(paintedCount, 1, 5_000);
    const highlights = await panelFor(URLS.answer, '&view=highlights');
    await highlights.waitFor(() => !!document.querySelector('[data-panel="highlights"] [data-phase="ready"]'), undefined, 10_000);
    await highlights.waitFor((n) => document.querySelectorAll('[data-panel="highlights"] [role="tabpanel"] [data-highlight-id]').length === n, 1, 5_000);
    expect(await highlights.evaluate(quotes)).toEqual([SENTENCE]);
    await highlights.close();
    await page.close();
  });
});
