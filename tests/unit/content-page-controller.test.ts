import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Feature } from '@/entrypoints/content/feature';
import { runPage } from '@/entrypoints/content/page-controller';
import type { DetectedPage } from '@/lib/page';

// The page controller loads the features (and everything they import) only once a document page
// is found, and only once: on the site's other pages their set-up was most of what we cost.

const START_PAGE = 'https://www.riksdagen.se/sv/';
const DOCUMENT = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/ett-betankande_H601JuU99/';
const OTHER_DOCUMENT = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/en-proposition_H603123/';
const PROSE = '<main><h1>Justitieutskottets betänkande 2018/19:JuU99</h1><p>Text med SOU 2018:65 i.</p></main>';

let abort: AbortController;
let invalidated: Array<() => void>;
let loads: number;
let started: DetectedPage[];

const feature: Feature = {
  name: 'spy',
  runsOn: () => true,
  start: ({ page }) => {
    started.push(page);
  },
};

// WXT's context, as far as runPage uses it: `invalidate` is the extension going away.
const context = (signal: AbortSignal) =>
  ({
    signal,
    addEventListener: (target: EventTarget, type: string, handler: EventListener) =>
      target.addEventListener(type, handler, { signal }),
    onInvalidated: (handler: () => void) => invalidated.push(handler),
  }) as unknown as ContentScriptContext;

function invalidate(): void {
  abort.abort();
  for (const handler of invalidated.splice(0)) handler();
}

function go(url: string, body: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.body.innerHTML = body;
}

function run(load: () => Promise<readonly Feature[]> = async () => [feature]): void {
  runPage(context(abort.signal), () => {
    loads++;
    return load();
  });
}

// The settle wait (200 ms) and detection, with room for a slow machine.
const WAIT = { timeout: 3000 };

// What the script would have done by now, had it anything to do: detection runs in slices and
// the features start a few promise turns after it.
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  abort = new AbortController();
  invalidated = [];
  loads = 0;
  started = [];
});
// Each test's script goes away with it, so none of them acts on the next test's page.
afterEach(() => invalidate());

describe('runPage loads the features', () => {
  test('not on a page that is not a document', async () => {
    go(START_PAGE, PROSE);
    run();
    await settled();
    expect(loads).toBe(0);
    expect(started).toEqual([]);
  });

  test('on a document page, and starts them there', async () => {
    go(DOCUMENT, PROSE);
    run();
    await vi.waitFor(() => expect(started).toHaveLength(1), WAIT);
    expect(started[0]).toMatchObject({ kind: 'bet', dokId: 'H601JUU99' });
    expect(loads).toBe(1);
  });

  test('when the site navigates to a document, and not again for the next one', async () => {
    go(START_PAGE, PROSE);
    run();
    await settled();
    expect(loads).toBe(0);

    go(DOCUMENT, PROSE);
    window.dispatchEvent(new Event('wxt:locationchange'));
    await vi.waitFor(() => expect(started).toHaveLength(1), WAIT);

    go(OTHER_DOCUMENT, PROSE.replace('betänkande 2018/19:JuU99', 'proposition 2018/19:123'));
    window.dispatchEvent(new Event('wxt:locationchange'));
    await vi.waitFor(() => expect(started).toHaveLength(2), WAIT);
    expect(started[1]).toMatchObject({ kind: 'prop', dokId: 'H603123' });
    expect(loads).toBe(1);
  });

  test('and starts them only for the page still there when they have loaded', async () => {
    let loaded!: (features: readonly Feature[]) => void;
    go(DOCUMENT, PROSE);
    run(() => new Promise((resolve) => (loaded = resolve)));
    await vi.waitFor(() => expect(loads).toBe(1), WAIT);

    // The site moves on to another document before the features are there.
    go(OTHER_DOCUMENT, PROSE.replace('betänkande 2018/19:JuU99', 'proposition 2018/19:123'));
    window.dispatchEvent(new Event('wxt:locationchange'));
    await vi.waitFor(() => expect(document.documentElement.dataset.riksrefDokId).toBe('H603123'), WAIT);

    loaded([feature]);
    await settled();
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ kind: 'prop', dokId: 'H603123' });
    expect(loads).toBe(1);
  });
});

describe('runPage, when the extension goes away', () => {
  test('stops watching the page', async () => {
    // Which observers are watching: the script's own writes stop and resume its watching.
    const watching = new Set<MutationObserver>();
    const Native = window.MutationObserver;
    class Watched extends Native {
      override observe(target: Node, options?: MutationObserverInit): void {
        watching.add(this);
        super.observe(target, options);
      }
      override disconnect(): void {
        watching.delete(this);
        super.disconnect();
      }
    }
    window.MutationObserver = Watched;
    try {
      go(DOCUMENT, PROSE);
      run();
      await vi.waitFor(() => expect(started).toHaveLength(1), WAIT);
      expect(watching.size).toBe(1);

      invalidate();
      expect(watching.size).toBe(0);
    } finally {
      window.MutationObserver = Native;
    }
  });
});
