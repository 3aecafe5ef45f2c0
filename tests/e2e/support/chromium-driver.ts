import type { Page } from 'playwright-core';
import { launch } from './browser.ts';
import type { Driver, Tab } from './driver.ts';

/** The shared scenarios' driver for Chromium: Playwright, the built `.output/chrome-mv3`. */
export async function chromiumDriver(): Promise<Driver> {
  const session = await launch();
  return {
    name: 'chromium',
    async open(url) {
      const page = await session.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return tabOf(page);
    },
    async openExtensionPage(path, viewport) {
      const page = await session.context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`chrome-extension://${session.extensionId}/${path}`);
      return tabOf(page);
    },
    close: () => session.close(),
  };
}

function tabOf(page: Page): Tab {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as any, arg) as any,
    async waitFor(fn, arg, timeout = 10_000) {
      await page.waitForFunction(fn as any, arg, { timeout });
    },
    // Playwright's CSS engine pierces open shadow roots: a descendant selector reaches inside.
    hover: (selector) => page.hover(selector),
    click: (selector, shadowHost) => page.locator(shadowHost ? `${shadowHost} ${selector}` : selector).click(),
    focus: (selector) => page.focus(selector),
    press: (key) => page.keyboard.press(key),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    close: () => page.close(),
  };
}
