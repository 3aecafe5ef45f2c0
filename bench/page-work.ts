import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { MARK_JS_STAMP, ONE_WORD_STAMP, PLAIN_LINKER_STAMP } from './trace.ts';

/*
 * What the browser benchmarks and diagnoses do to a page: load it and wait for Riksref to link
 * it, or put mark.js on it. Without Playwright's waitForFunction, which first evaluates
 * Playwright's own injected script in the page: 6.5 ms in a trace, which the traced comparison
 * counted as Riksref's. page.evaluate in the page's own world costs a fraction of a millisecond,
 * and the page-alone runs evaluate too (when they settle).
 */

const MARK_JS_SOURCE = readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8');
const POLL_MS = 50;

/**
 * What mark.js wraps in the traced comparison: every number of the form yyyy:n or yyyy/yy:n,
 * about as many spans as we link.
 */
export const NUMBER_PATTERN = String.raw`\b\d{4}(?:\/\d{2,4})?:[A-Za-zÅÄÖåäö]{0,5}\d+`;

/**
 * Where the control links lead, the number appended (`/sv/dokument-och-lagar/dokument/2018%3A65`):
 * one address per number, as ours have; mark.js's links and the plain linker's alike.
 */
const CONTROL_HREF = '/sv/dokument-och-lagar/dokument/';

/** Resolves when Riksref says the page is linked to its end; throws after `timeoutMs`. */
export async function linkingDone(page: Page, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluate(() => document.documentElement.dataset.riksrefLinking === 'done'))) {
    if (Date.now() > until) throw new Error(`the page was not linked within ${timeoutMs} ms`);
    await page.waitForTimeout(POLL_MS);
  }
}

/**
 * Loads `url` and waits until Riksref has linked it to its end (unless `linked` is false: a page
 * it leaves alone) and the network is quiet, the metadata's answers included.
 */
export async function loadLinked(page: Page, url: string, linked = true): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  if (linked) await linkingDone(page);
  await page.waitForLoadState('networkidle');
}

/** After the work is done: two frames and a pause, the same for every page, so its paint is in the trace. */
const SETTLE_MS = 400;

export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    (ms) => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, ms)))),
    SETTLE_MS,
  );
}

/**
 * mark.js's markRegExp over the document text, in one task, in the page's own world: `<mark>`
 * around every match, or (`asLinks`) `<a href>` links, the control for what being a link costs a
 * page whoever makes it. The time it took, and how many it wrapped.
 */
export async function markNumbers(page: Page, options: { pattern?: string; asLinks?: boolean } = {}): Promise<{ ms: number; marks: number }> {
  await page.evaluate(MARK_JS_SOURCE);
  return page.evaluate(
    ({ pattern, asLinks, stamp, href }) => {
      const Mark = (window as unknown as { Mark: new (el: Element) => { markRegExp(re: RegExp, opts: object): void } }).Mark;
      const options = asLinks
        ? {
            acrossElements: false,
            element: 'a',
            each: (a: HTMLAnchorElement) => a.setAttribute('href', href + encodeURIComponent(a.textContent ?? '')),
          }
        : { acrossElements: false };
      // Where mark.js's work begins in a trace (trace.ts, markJsStarts).
      console.timeStamp(stamp);
      const t0 = performance.now();
      new Mark(document.querySelector('.document-body')!).markRegExp(new RegExp(pattern, 'g'), options);
      return { ms: performance.now() - t0, marks: document.querySelectorAll('[data-markjs]').length };
    },
    { pattern: options.pattern ?? NUMBER_PATTERN, asLinks: options.asLinks ?? false, stamp: MARK_JS_STAMP, href: CONTROL_HREF },
  );
}

/** The frame the plain linker sizes its chunks for: under a long task, with room for a slower one. */
export const PLAIN_LINKER_FRAME_MS = 40;

/**
 * The least that linking costs a page when no frame may go over 50 ms, whoever links: the simplest
 * linker there is (mark.js's numbers, found by one regular expression in each text node and
 * wrapped in an `<a href>` as mark.js wraps them, nothing recognised, no style of its own) run on
 * the page's blocks a chunk a frame. Each chunk is sized, from how long the frame after the last
 * one took, to fill a frame of about `frameMs` with its script, style, layout and paint; the first
 * is a tenth of a typical 1 MB page. With `frameMs` Infinity it links the whole page in one task,
 * as mark.js does: the difference between the two is what keeping frames short costs. Returns
 * the links made and the frames.
 */
export async function linkNumbersInFrames(page: Page, frameMs = PLAIN_LINKER_FRAME_MS): Promise<{ links: number; frames: number }> {
  return page.evaluate(
    async ({ pattern, frameMs, stamp, href }) => {
      const blocks = [...document.querySelector('.document-body')!.children];
      const numbers = new RegExp(pattern, 'g');
      const linkBlock = (block: Element) => {
        const texts: Text[] = [];
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
        let links = 0;
        for (let rest of texts) {
          const text = rest.data;
          let consumed = 0;
          numbers.lastIndex = 0;
          for (let m = numbers.exec(text); m; m = numbers.exec(text)) {
            const number = rest.splitText(m.index - consumed);
            rest = number.splitText(m[0].length);
            consumed = m.index + m[0].length;
            const a = document.createElement('a');
            a.setAttribute('href', href + encodeURIComponent(m[0]));
            number.before(a);
            a.append(number);
            links++;
          }
        }
        return links;
      };
      // After the frame that follows: requestAnimationFrame runs before it is drawn, the timer after.
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      // Where the linker's work begins in a trace (trace.ts, plainLinkerStarts).
      console.timeStamp(stamp);
      let links = 0;
      let frames = 0;
      let chars = frameMs === Infinity ? Infinity : 100_000;
      for (let next = 0; next < blocks.length; ) {
        const began = performance.now();
        let done = 0;
        while (next < blocks.length && done < chars) {
          done += blocks[next]!.textContent!.length;
          links += linkBlock(blocks[next++]!);
        }
        await nextFrame();
        frames++;
        // The next chunk as large as the last one's frame says fits, at most twice as large.
        chars = Math.max(10_000, Math.min(2 * chars, (done * frameMs) / Math.max(1, performance.now() - began)));
      }
      return { links, frames };
    },
    { pattern: NUMBER_PATTERN, frameMs, stamp: PLAIN_LINKER_STAMP, href: CONTROL_HREF },
  );
}

/**
 * The least any change costs a long page: one word of its text wrapped in a `<span>` (as one of
 * our links wraps a reference), at each of `places` (fractions of the way through the page's
 * long text nodes), a frame apart. No script of ours runs: what follows each wrap is the page's
 * own style, layout and paint, the floor of every frame that follows a change to this page.
 * Returns the number of words wrapped.
 */
export async function wrapOneWordPerFrame(page: Page, places: readonly number[]): Promise<number> {
  return page.evaluate(
    async ({ places, stamp }) => {
      const long: Text[] = [];
      const walker = document.createTreeWalker(document.querySelector('.document-body')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).length > 200) long.push(node as Text);
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      // Where the changes begin in a trace (trace.ts, oneWordStarts).
      console.timeStamp(stamp);
      let wrapped = 0;
      for (const place of places) {
        const node = long[Math.min(long.length - 1, Math.floor(long.length * place))];
        if (!node) break;
        const word = node.splitText(20);
        word.splitText(10);
        const span = document.createElement('span');
        word.before(span);
        span.append(word);
        wrapped++;
        await frame();
      }
      return wrapped;
    },
    { places, stamp: ONE_WORD_STAMP },
  );
}
