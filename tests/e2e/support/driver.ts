/*
 * The few things the shared scenarios (tests/e2e/shared) do to a browser, so that each is written
 * once and run in Chromium (Playwright over CDP) and in Firefox (Puppeteer over WebDriver BiDi).
 * Functions passed to `evaluate` and `waitFor` run in the page, so they must not close over
 * anything: pass what they need as `arg`.
 */

export interface Tab {
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Resolves once `fn(arg)` is truthy in the page; throws after `timeout` ms. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeout?: number): Promise<void>;
  /** Moves the pointer onto the element, as a reader's mouse would. */
  hover(selector: string): Promise<void>;
  /** Clicks the element; `shadowHost` when it lives in that element's open shadow root. */
  click(selector: string, shadowHost?: string): Promise<void>;
  focus(selector: string): Promise<void>;
  /** A key as the keyboard sends it: 'Tab', 'Escape', 'Enter'. */
  press(key: string): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  readonly name: 'chromium' | 'firefox';
  /** A new tab at `url` on one of riksdagen.se's hosts, once it has loaded. */
  open(url: string): Promise<Tab>;
  /** One of the extension's own pages (`sidepanel.html?tab=3`) in a new tab. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Tab>;
  close(): Promise<void>;
}

export type DriverFactory = () => Promise<Driver>;
