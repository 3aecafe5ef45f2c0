import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cardExtras } from '@/entrypoints/content/card-extras';
import type { FeatureScope } from '@/entrypoints/content/feature';
import { readingHistory } from '@/entrypoints/content/features/reading-history';
import { PageReferences } from '@/entrypoints/content/page-references';
import { MESSAGES } from '@/lib/messages/protocol';
import type { DetectedPage, LinkedReference } from '@/lib/page';
import * as z from 'zod/mini';

// What the content script sends the background, message by message.
const sent = vi.hoisted(() => ({ calls: [] as [string, unknown][], answer: (() => Promise.resolve({})) as (name: string, payload: unknown) => Promise<unknown> }));
vi.mock('@/lib/messages/send', () => ({
  send: vi.fn((name: string, payload: unknown) => {
    sent.calls.push([name, payload]);
    return sent.answer(name, payload);
  }),
}));

function linked(...ids: string[]): Map<string, LinkedReference> {
  return new Map(ids.map((id, i) => [String(i), { id, kind: id.split(':')[0] as LinkedReference['kind'], anchors: [] }]));
}

let abort: AbortController;
let stop: (() => void) | void;
let references: PageReferences;

beforeEach(async () => {
  vi.useFakeTimers();
  sent.calls = [];
  sent.answer = () => Promise.resolve({ recorded: true });
  abort = new AbortController();
  references = new PageReferences();
  document.title = 'Lärarutbildning på språklig grund Betänkande 2023/24:UbU5 - Riksdagen';
  document.body.innerHTML = '<main><h1> Lärarutbildning på språklig grund</h1><p>Text</p></main>';
  const page: DetectedPage = {
    kind: 'bet',
    dokId: 'HB01UbU5',
    region: document.querySelector('main')!,
    confirmed: true,
    date: '2023-11-30',
    heading: 'Utbildningsutskottets betänkande 2023/24:UbU5',
  };
  const scope: FeatureScope = {
    page,
    ctx: { setTimeout: (handler: () => void, ms?: number) => window.setTimeout(handler, ms) } as unknown as FeatureScope['ctx'],
    signal: abort.signal,
    quietly: (write) => write(),
    onRegionChange: () => {},
    references,
  };
  stop = await readingHistory.start(scope);
});
afterEach(() => {
  abort.abort();
  if (typeof stop === 'function') stop();
  vi.useRealTimers();
});

describe('the reading history feature', () => {
  test('once linking has been quiet a moment: one message with what the page is and what it cites', () => {
    references.setLinked(linked('prop:2023/24:20'));
    vi.advanceTimersByTime(1000);
    references.setLinked(linked('prop:2023/24:20', 'sou:2018:65', 'prop:2023/24:20'));
    vi.advanceTimersByTime(1000);
    expect(sent.calls).toEqual([]);
    vi.advanceTimersByTime(600);
    expect(sent.calls.map(([name]) => name)).toEqual(['recordReading']);
    // What leaves the page is what the protocol's schema lets through (the page's region does not).
    expect(z.parse(MESSAGES.recordReading.request, sent.calls[0]![1])).toEqual({
      dokId: 'HB01UbU5',
      kind: 'bet',
      heading: 'Utbildningsutskottets betänkande 2023/24:UbU5',
      title: ' Lärarutbildning på språklig grund',
      date: '2023-11-30',
      // The test page's own address (happy-dom's); on riksdagen.se the document's.
      url: location.href,
      refs: ['prop:2023/24:20', 'sou:2018:65'],
    });
  });

  test('the same references again say nothing; changed ones are told', () => {
    references.setLinked(linked('prop:2023/24:20'));
    vi.advanceTimersByTime(2000);
    references.setMetadata([['prop:2023/24:20', { status: 'loading' }]]);
    vi.advanceTimersByTime(2000);
    expect(sent.calls).toHaveLength(1);
    references.setLinked(linked('prop:2023/24:20', 'mot:2023/24:1544'));
    vi.advanceTimersByTime(2000);
    expect(sent.calls).toHaveLength(2);
    expect((sent.calls[1]![1] as { refs: string[] }).refs).toEqual(['prop:2023/24:20', 'mot:2023/24:1544']);
    // None at all (linking turned off): told too, and the background keeps nothing (messages-trail.test.ts).
    references.setLinked(new Map());
    vi.advanceTimersByTime(2000);
    expect(sent.calls).toHaveLength(3);
    expect((sent.calls[2]![1] as { refs: string[] }).refs).toEqual([]);
  });

  test('stopped before it settles: nothing is sent', () => {
    references.setLinked(linked('prop:2023/24:20'));
    if (typeof stop === 'function') stop();
    stop = undefined;
    vi.advanceTimersByTime(5000);
    expect(sent.calls).toEqual([]);
  });
});

describe('the cards’ trails on a page (card-extras.ts)', () => {
  const FOUND = { status: 'found' as const, meta: { id: 'prop:2023/24:20', dokId: 'HB0320', kind: 'prop' as const, label: 'prop. 2023/24:20', title: 'T', url: 'https://www.riksdagen.se/', fetchedAt: 1 } };

  test('asked once per document, when its metadata has come; the answer is kept and the card told', async () => {
    vi.useRealTimers();
    const onChange = vi.fn();
    const extras = cardExtras('HB01UbU5', onChange);
    sent.answer = async () => ({ trail: [{ field: 'decision', text: 'Riksdagen: bifall' }] });
    expect(extras.of('prop:2023/24:20', { status: 'loading' })).toBeUndefined();
    expect(extras.of('prop:2023/24:20', { status: 'unavailable', reason: 'timeout' })).toBeUndefined();
    expect(extras.of('sfs:2009:400#K10P2', { ...FOUND, meta: { ...FOUND.meta, id: 'sfs:2009:400#K10P2', kind: 'sfs' } })).toBeUndefined();
    expect(sent.calls).toEqual([]);
    expect(extras.of('prop:2023/24:20', FOUND)).toBe('loading');
    expect(extras.of('prop:2023/24:20', FOUND)).toBe('loading');
    expect(sent.calls).toEqual([['getTrail', { id: 'prop:2023/24:20', dokId: 'HB0320', exclude: 'HB01UbU5' }]]);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(extras.of('prop:2023/24:20', FOUND)).toEqual({ trail: [{ field: 'decision', text: 'Riksdagen: bifall' }] });
    // A document not in the open data is asked about too (who cites it), without a dok_id.
    extras.of('sou:2099:1', { status: 'not-found' });
    expect(sent.calls[1]).toEqual(['getTrail', { id: 'sou:2099:1', dokId: undefined, exclude: 'HB01UbU5' }]);
  });

  test('a background that cannot be reached: the trail failed, with a retry that asks again', async () => {
    vi.useRealTimers();
    const onChange = vi.fn();
    const extras = cardExtras('HB01UbU5', onChange);
    sent.answer = () => Promise.reject(new Error('Extension context invalidated.'));
    extras.of('prop:2023/24:20', FOUND);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(extras.of('prop:2023/24:20', FOUND)).toEqual({ failed: 'network' });
    sent.answer = async () => ({});
    extras.retry('prop:2023/24:20');
    // Forgotten, and the card told: rendering again asks again.
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(extras.of('prop:2023/24:20', FOUND)).toBe('loading');
    await vi.waitFor(() => expect(extras.of('prop:2023/24:20', FOUND)).toEqual({}));
    expect(sent.calls).toHaveLength(2);
  });
});
