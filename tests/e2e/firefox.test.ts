import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIREFOX_EXTENSION_UUID, firefoxDriver, type FirefoxDriver } from './support/firefox-driver.ts';
import { URLS } from './support/sites.ts';

/*
 * What only Firefox does differently (the rest runs in both browsers: shared/scenarios.test.ts):
 * a Manifest V3 add-on's host permissions are optional there, and the side panel is a sidebar.
 */

const HOSTS = ['https://www.riksdagen.se/*', 'https://riksdagen.se/*', 'https://data.riksdagen.se/*'];

let driver: FirefoxDriver;
beforeAll(async () => {
  driver = await firefoxDriver();
});
afterAll(async () => {
  await driver?.close();
});

/**
 * Whether the newest tab's content script answers the side panel's question (getPageReferences).
 * By its id: without host permissions the extension may not read the tab's address.
 */
const askNewestTab = async () => {
  const api = (globalThis as any).browser;
  const tabs = (await api.tabs.query({})) as { id: number }[];
  const newest = Math.max(...tabs.map((t) => t.id));
  return api.tabs.sendMessage(newest, { riksref: 1, name: 'getPageReferences', payload: {} }).then(
    (reply: any) => reply?.ok === true,
    () => false,
  );
};
const allowButton = () => !!document.querySelector('[data-section="host-access"] [data-action="allow-hosts"]');
const linked = (n: number) => document.querySelectorAll('a[data-riksref][title]').length === n;

describe('Firefox', () => {
  test('the toolbar button’s sidebar is the side panel’s page', async () => {
    const options = await driver.openExtensionPage('options.html');
    const panel = await options.evaluate(() => (globalThis as any).browser.sidebarAction.getPanel({}));
    expect(panel).toBe(`moz-extension://${FIREFOX_EXTENSION_UUID}/sidepanel.html`);
    await options.close();
  });

  test('access to riksdagen.se withdrawn: nothing is linked, the options page says so; "Tillåt" asks for it, and the page is linked again', async () => {
    const options = await driver.openExtensionPage('options.html');
    // Granted when the add-on was installed (Firefox asks at install since 127): no section.
    expect(await options.evaluate((origins) => (globalThis as any).browser.permissions.contains({ origins }), HOSTS)).toBe(true);
    expect(await options.evaluate(allowButton)).toBe(false);

    // The reader withdraws it (about:addons → Riksref → Behörigheter does the same).
    await options.evaluate((origins) => (globalThis as any).browser.permissions.remove({ origins }), HOSTS);
    await options.waitFor(allowButton, undefined, 5_000);
    expect(await options.evaluate(() => document.querySelector('[data-section="host-access"]')!.textContent)).toContain(
      'Riksref får inte läsa sidor på riksdagen.se',
    );
    const page = await driver.open(URLS.answer);
    // The content script never came: the tab answers nobody, and nothing is linked.
    expect(await options.evaluate(askNewestTab)).toBe(false);
    expect(await page.evaluate(() => document.querySelectorAll('a[data-riksref]').length)).toBe(0);

    // A real click (a user gesture, as permissions.request requires); Firefox's own question is
    // answered yes by the profile (extensions.webextOptionalPermissionPrompts, firefox-driver.ts).
    await options.click('[data-action="allow-hosts"]');
    await options.waitFor(
      (text) => document.querySelector('[data-field="host-access-status"]')?.textContent === text,
      'Riksref får nu läsa riksdagen.se. Ladda om sidor som redan är öppna.',
      5_000,
    );
    expect(await options.evaluate(allowButton)).toBe(false);
    expect(await options.evaluate((origins) => (globalThis as any).browser.permissions.contains({ origins }), HOSTS)).toBe(true);

    await page.reload();
    await page.waitFor(linked, 4, 15_000);
    expect(await options.evaluate(askNewestTab)).toBe(true);
    await page.close();
    await options.close();
  });
});
