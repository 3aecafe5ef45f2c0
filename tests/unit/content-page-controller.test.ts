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
let loads: number;
let started: DetectedPage[];

const feature: Feature = {
  name: 'spy',
  runsOn: () => true,
  start: ({ page }) => {
    started.push(page);
  },
};

const context = (signal: AbortSignal) =>
  ({
    signal,
    addEventListener: (target: EventTarget, type: string, handler: EventListener) =>
      target.addEventListener(type, handler, { signal }),
    onInvalidated: () => {},
  }) as unknown as ContentScriptContext;

function go(url: string, body: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.body.innerHTML = body;
}

function run(): void {
  runPage(context(abort.signal), async () => {
    loads++;
    return [feature];
  });
}

// What the script would have done by now, had it anything to do: detection runs in slices and
// the features start a few promise turns after it.
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  abort = new AbortController();
  loads = 0;
  started = [];
});
afterEach(() => abort.abort());

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
    await vi.waitFor(() => expect(started).toHaveLength(1));
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
    await vi.waitFor(() => expect(started).toHaveLength(1));

    go(OTHER_DOCUMENT, PROSE.replace('betänkande 2018/19:JuU99', 'proposition 2018/19:123'));
    window.dispatchEvent(new Event('wxt:locationchange'));
    await vi.waitFor(() => expect(started).toHaveLength(2));
    expect(started[1]).toMatchObject({ kind: 'prop', dokId: 'H603123' });
    expect(loads).toBe(1);
  });
});
