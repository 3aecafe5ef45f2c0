import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fallbackUrl } from '../../lib/refs/index.ts';
import { launch, type Session } from './support/browser.ts';
import { dataApi, URLS } from './support/sites.ts';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});
afterEach(() => {
  dataApi.fault = 'none';
});

async function open(url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Waits until the content script has linked the whole region. */
async function linked(page: Page) {
  await page.waitForFunction(() => document.documentElement.dataset.riksrefLinking === 'done', null, { timeout: 20_000 });
}

const linksOn = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('a[data-riksref]'), (a) => ({
      id: a.dataset.riksref!,
      text: a.textContent,
      href: a.href,
    })),
  );

/** The document's text as served, before any script or extension touched it. */
const servedText = (page: Page, selector: string) =>
  page.evaluate(async (sel) => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, 'text/html').querySelector(sel)?.textContent;
  }, selector);

describe('linking references in Chromium with the built extension', () => {
  test('the answer page gets exactly its four references, each with a working fallback link', async () => {
    // With the API down, every link keeps its fallback address: that is what must work alone.
    dataApi.fault = 'status-500';
    const page = await open(URLS.answer);
    await linked(page);
    const links = await linksOn(page);
    expect(links.map((l) => l.id)).toEqual(['fr:2018/19:523', 'skr:2014/15:146', 'dir:2017:75', 'sou:2018:65']);
    for (const link of links) expect(link.href).toBe(fallbackUrl(link.id));
    expect(await page.evaluate(() => document.documentElement.dataset.riksrefCount)).toBe('4');
    // Only inside the document text: the header's "SOU 2018:65" and the search box stay plain.
    expect(await page.locator('header a[data-riksref], nav a[data-riksref]').count()).toBe(0);
    expect(await page.locator('input[name=q]').inputValue()).toBe('prop. 2017/18:1');
    // The page's text is unchanged.
    expect(await page.evaluate(() => document.querySelector('main')!.textContent)).toBe(await servedText(page, 'main'));
    await page.close();
  });

  test('once metadata is known, links lead to the document page and carry its title', async () => {
    const page = await open(URLS.answer);
    await page.waitForFunction(() => document.querySelector('a[data-riksref="sou:2018:65"]')?.getAttribute('title'), null, {
      timeout: 10_000,
    });
    const sou = page.locator('a[data-riksref="sou:2018:65"]');
    expect(await sou.getAttribute('title')).toBe('SOU 2018:65: Informationsutbyte vid samverkan mot terrorism');
    expect(await sou.getAttribute('href')).toMatch(
      /^https:\/\/www\.riksdagen\.se\/sv\/dokument-och-lagar\/dokument\/statens-offentliga-utredningar\/_/,
    );
    await page.close();
  });

  test('the plain data.riksdagen.se page is linked too', async () => {
    const page = await open(URLS.dataAnswer);
    await linked(page);
    expect((await linksOn(page)).map((l) => l.id)).toEqual(['fr:2018/19:523', 'skr:2014/15:146', 'dir:2017:75', 'sou:2018:65']);
    await page.close();
  });

  test('text the page adds a second after load gets linked', async () => {
    const page = await open(URLS.dynamic);
    await linked(page);
    await page.waitForSelector('#late a[data-riksref="dir:2017:127"]', { timeout: 10_000 });
    expect(await page.locator('#late a[data-riksref]').evaluateAll((as) => as.map((a) => a.getAttribute('data-riksref')))).toEqual([
      'dir:2017:127',
      'prop:2017/18:1',
    ]);
    const ids = new Set((await linksOn(page)).map((l) => l.id));
    expect(ids.has('sou:2018:65')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset.riksrefCount)).toBe(String(ids.size));
    await page.close();
  });

  test('navigation inside the site without a reload is followed', async () => {
    const page = await open(URLS.dynamic);
    await linked(page);
    await page.click('#next');
    await page.waitForFunction(() => document.documentElement.dataset.riksrefPage === 'prop', null, { timeout: 10_000 });
    await page.waitForSelector('#prop-body a[data-riksref="sou:2019:49"]', { timeout: 10_000 });
    expect(page.url()).toBe(URLS.dynamicNext);
    expect(await page.evaluate(() => document.documentElement.dataset.riksrefDokId)).toBe('H6031');
    // The new document's references, and none of the old one's.
    const ids = (await linksOn(page)).map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['sou:2019:49', 'dir:2017:127']));
    expect(ids).not.toContain('sou:2018:65');
    // The old document's features are gone with it, their listeners too: one of ours on the
    // document for selections, as on a page loaded afresh.
    const cdp = await session.context.newCDPSession(page);
    const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    await cdp.send('Runtime.enable');
    // The content script's isolated world: its listeners are listed only from there.
    const ours = worlds.find((w) => w.auxData?.type === 'isolated' && w.origin.startsWith('chrome-extension://'));
    expect(ours).toBeDefined();
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document', contextId: ours!.id });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    expect(listeners.filter((l) => l.type === 'selectionchange')).toHaveLength(1);
    await page.close();
  });

  test('a page full of traps keeps every trap untouched', async () => {
    const page = await open(URLS.traps);
    await linked(page);
    const traps = ['#other-link', '#form', '#code', '#pre', '#editable', '#url', '#script', '#noscript', '#time'];
    const now = await page.evaluate((ids) => ids.map((id) => document.querySelector(id)!.outerHTML), traps);
    const served = await page.evaluate(async (ids) => {
      const html = await (await fetch(location.href)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return ids.map((id) => doc.querySelector(id)!.outerHTML);
    }, traps);
    expect(now).toEqual(served);
    expect(await page.locator('#input').inputValue()).toBe('SOU 2018:65');
    // The plain paragraph is linked; the page's own link to a betänkande is tagged, its href kept.
    expect((await linksOn(page)).map((l) => l.id)).toEqual(['sou:2018:65', 'prop:2017/18:232', 'bet:2018/19:JuU12']);
    expect(await page.locator('#own-link').getAttribute('href')).toBe('/sv/dokument-och-lagar/dokument/betankande/_H601JuU12');
    await page.close();
  });

  test('the ~1 MB document is linked whole', async () => {
    const page = await open(URLS.long);
    await linked(page);
    const count = await page.locator('a[data-riksref]').count();
    expect(count).toBeGreaterThan(5000);
    expect(await page.evaluate(() => document.querySelector('main')!.textContent)).toBe(await servedText(page, 'main'));
    await page.close();
  });

  test('a 10 MB document is linked whole: every paragraph as fully as its first copy near the top', async () => {
    const page = await open(URLS.huge);
    await page.waitForFunction(() => document.documentElement.dataset.riksrefLinking === 'done', null, { timeout: 50_000 });
    // The page repeats a few paragraphs for 10 MB: each copy must carry as many links as the first.
    const copies = await page.evaluate(() => {
      const byText = new Map<string, number[]>();
      for (const p of document.querySelectorAll('main p')) {
        const refs = new Set(Array.from(p.querySelectorAll('a[data-riksref-ref]'), (a) => a.getAttribute('data-riksref-ref'))).size;
        const key = p.textContent!;
        byText.set(key, [...(byText.get(key) ?? []), refs]);
      }
      return Array.from(byText.values(), (counts) => ({ first: counts[0]!, copies: counts.length, short: counts.filter((n) => n !== counts[0]).length }));
    });
    expect(copies.reduce((n, c) => n + c.copies, 0)).toBeGreaterThan(10_000);
    expect(copies.some((c) => c.first > 0)).toBe(true);
    expect(copies.map((c) => c.short)).toEqual(copies.map(() => 0));
    expect(await page.evaluate(() => document.querySelector('main')!.textContent!.length)).toBeGreaterThan(9_500_000);
    await page.close();
  });

  test('the start page is still untouched', async () => {
    const page = await open(URLS.start);
    await page.waitForTimeout(500);
    expect(await page.locator('a[data-riksref]').count()).toBe(0);
    await page.close();
  });
});

describe('metadata for the links, through the background', () => {
  const listRequests = () => session.data.requests.filter((r) => r.startsWith('/dokumentlista')).length;

  test('40 references to 12 documents: at most 12 lookups on the first visit, none on a reload', async () => {
    const before = listRequests();
    const page = await open(URLS.manyReferences);
    await linked(page);
    expect(await page.locator('a[data-riksref]').count()).toBe(40);
    expect(await page.evaluate(() => document.documentElement.dataset.riksrefCount)).toBe('12');
    // Metadata has arrived when the found documents' links carry their titles.
    await page.waitForFunction(() => document.querySelectorAll('a[data-riksref][title]').length >= 30, null, { timeout: 15_000 });
    await page.waitForTimeout(500);
    const firstVisit = listRequests() - before;
    expect(firstVisit).toBeGreaterThan(0);
    expect(firstVisit).toBeLessThanOrEqual(12);

    await page.reload({ waitUntil: 'load' });
    await linked(page);
    await page.waitForFunction(() => document.querySelectorAll('a[data-riksref][title]').length >= 30, null, { timeout: 15_000 });
    await page.waitForTimeout(500);
    expect(listRequests() - before).toBe(firstVisit);
    await page.close();
  });

  test('a title with markup in it is text, never markup', async () => {
    const page = await open(URLS.manyReferences);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.waitForFunction(() => document.querySelector('a[data-riksref="mot:2018/19:123"]')?.getAttribute('title'), null, {
      timeout: 15_000,
    });
    expect(await page.locator('a[data-riksref="mot:2018/19:123"]').first().getAttribute('title')).toBe(
      'mot. 2018/19:123: Motion med <img src=x onerror=alert(1)> i rubriken',
    );
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.close();
  });

  test('with the API failing, the page still gets its fallback links and nothing throws', async () => {
    dataApi.fault = 'status-500';
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(URLS.traps, { waitUntil: 'load' });
    await linked(page);
    await page.waitForTimeout(1000);
    // Documents already in the cache are upgraded from it; every other link keeps its fallback.
    const links = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>('a[data-riksref]:not([data-riksref-existing]):not([title])'), (a) => ({
        id: a.dataset.riksref!,
        href: a.href,
      })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.href).toBe(fallbackUrl(link.id));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('settings apply to open tabs without a reload', () => {
  const setSettings = (value: unknown) =>
    session.serviceWorker.evaluate(async (v) => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { sync: { set(items: object): Promise<void> } } } };
      await chrome.storage.sync.set({ linkSettings: v });
    }, value);

  afterEach(async () => {
    await setSettings({ enabled: true, disabledKinds: [] });
  });

  test('turning a kind off unlinks it; turning linking off restores the page exactly; on again links again', async () => {
    const page = await open(URLS.answer);
    await linked(page);
    const served = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      return new DOMParser().parseFromString(html, 'text/html').querySelector('.document-body')!.innerHTML;
    });

    await setSettings({ enabled: true, disabledKinds: ['sou'] });
    await page.waitForFunction(() => !document.querySelector('a[data-riksref^="sou:"]') && document.documentElement.dataset.riksrefCount === '3');
    expect((await linksOn(page)).map((l) => l.id)).toEqual(['fr:2018/19:523', 'skr:2014/15:146', 'dir:2017:75']);

    await setSettings({ enabled: false, disabledKinds: ['sou'] });
    await page.waitForFunction(() => !document.querySelector('a[data-riksref]'));
    expect(await page.evaluate(() => document.querySelector('.document-body')!.innerHTML)).toBe(served);

    await setSettings({ enabled: true, disabledKinds: [] });
    await page.waitForFunction(() => document.documentElement.dataset.riksrefCount === '4');
    expect((await linksOn(page)).map((l) => l.id)).toEqual(['fr:2018/19:523', 'skr:2014/15:146', 'dir:2017:75', 'sou:2018:65']);
    await page.close();
  });
});
