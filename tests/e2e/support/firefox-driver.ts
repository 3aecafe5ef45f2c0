import { createServer } from 'node:https';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Driver, Tab } from './driver.ts';
import { riksdagenData, riksdagenSite } from './sites.ts';
import { testCertificate } from './tls.ts';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'riksref@riksref.se'; // wxt.config.ts, browser_specific_settings
// Firefox gives each add-on a random moz-extension:// host; the pref below fixes ours, so that
// the tests can open its pages (the sidebar's sidepanel.html, options.html) by address.
export const FIREFOX_EXTENSION_UUID = '6b1c4f0e-2d3a-4e5b-8c7d-9e0f1a2b3c4d';
const HOSTS = ['www.riksdagen.se', 'riksdagen.se', 'data.riksdagen.se'];

export interface FirefoxOptions {
  /** Firefox's own question when an add-on asks for a permission (permissions.request). */
  permissionPrompts?: boolean;
}

export interface FirefoxDriver extends Driver {
  browser: Browser;
}

/**
 * The shared scenarios' driver for Firefox: Debian's firefox-esr over WebDriver BiDi (Puppeteer),
 * the built `.output/firefox-mv3` installed as a temporary add-on. Firefox has no switch like
 * Chromium's --host-resolver-rules that maps a host to a port: `network.dns.localDomains` resolves
 * riksdagen.se's hosts to 127.0.0.1 on their real port, so ONE server on port 443 (root, as in CI)
 * plays all three, told apart by the Host header. Only one such test file may run at a time.
 */
export async function firefoxDriver(options: FirefoxOptions = {}): Promise<FirefoxDriver> {
  const server = createServer(testCertificate(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const handler = host === 'data.riksdagen.se' ? riksdagenData : riksdagenSite;
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EACCES' ? new Error('The Firefox tests serve riksdagen.se on port 443: run them as root (CI does).') : error),
    );
    server.listen(443, '127.0.0.1', () => done());
  });
  const stopServer = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });

  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // The servers' certificate is a throwaway self-signed one (tls.ts).
      acceptInsecureCerts: true,
      // Firefox 140 lacks the BiDi command Puppeteer's setViewport sends: size the window instead.
      defaultViewport: null,
      // Firefox 153.8 lets WebDriver open no moz-extension:// page (the options page, the sidebar's)
      // unless told it may reach beyond the web; the add-on itself is tested exactly as before.
      args: ['--width=1280', '--height=900', '--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.dns.localDomains': HOSTS.join(','),
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: FIREFOX_EXTENSION_UUID }),
        // Off: the question is answered yes, as a reader who clicks "Tillåt" would. The add-on must
        // still ask (permissions.request, from a click on its options page) for anything to change.
        'extensions.webextOptionalPermissionPrompts': options.permissionPrompts ?? false,
        'intl.accept_languages': 'sv-SE,sv',
        // Firefox's own language, which picks the extension's (public/_locales): Swedish, from
        // Debian's language pack firefox-esr-l10n-sv-se (.ci/run).
        'intl.locale.requested': 'sv-SE',
      },
    });
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser?.close().catch(() => {});
    await stopServer();
    throw error;
  }
  const b = browser;

  const newPage = () => b.newPage();
  return {
    name: 'firefox',
    browser: b,
    async open(url) {
      const page = await newPage();
      await page.goto(url, { waitUntil: 'load' });
      return tabOf(page);
    },
    // Every tab is the window's size: the side panel's page is just wider than in a sidebar.
    async openExtensionPage(path) {
      const page = await newPage();
      // Puppeteer's goto never hears that a moz-extension:// page has loaded (it waits out its
      // timeout), so navigate through BiDi itself, which answers once the page is complete.
      const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<void> } };
      await frame.browsingContext.navigate(`moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`, 'complete');
      return tabOf(page);
    },
    async close() {
      await b.close().catch(() => {});
      await stopServer();
    },
  };
}

function tabOf(page: Page): Tab {
  const tab: Tab = {
    evaluate: (fn, arg) => page.evaluate(fn as any, arg) as any,
    // Puppeteer's waitForFunction compiles the function with Function(), which an extension page's
    // CSP forbids; so ask the page, plainly, until it says yes. A reload in between destroys the
    // realm being asked: that answer is "not yet".
    async waitFor(fn, arg, timeout = 10_000) {
      const deadline = Date.now() + timeout;
      let last: unknown;
      for (;;) {
        try {
          if (await page.evaluate(fn as any, arg)) return;
        } catch (error) {
          last = error;
        }
        if (Date.now() > deadline) throw new Error(`waited ${timeout} ms in vain for ${fn.toString().slice(0, 200)}`, { cause: last });
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    hover: (selector) => page.hover(selector),
    // Puppeteer's `>>>` reaches into open shadow roots.
    click: (selector, shadowHost) => page.click(shadowHost ? `${shadowHost} >>> ${selector}` : selector),
    focus: (selector) => page.focus(selector),
    press: (key) => page.keyboard.press(key as any),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    close: () => page.close(),
  };
  return tab;
}
