import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FeatureScope } from '@/entrypoints/content/feature';
import { referenceMetadata } from '@/entrypoints/content/features/reference-metadata';
import { PageReferences } from '@/entrypoints/content/page-references';
import type { DetectedPage, LinkedReference } from '@/lib/page';

const sent = vi.hoisted(() => ({ lookups: [] as string[][] }));
vi.mock('@/lib/messages', () => ({
  send: vi.fn(async (_name: string, { ids }: { ids: string[] }) => {
    sent.lookups.push(ids);
    return { results: Object.fromEntries(ids.map((id) => [id, { status: 'not-found' }])) };
  }),
}));

let abort: AbortController;
let cleanup: (() => void) | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  fakeBrowser.reset();
  abort = new AbortController();
  sent.lookups = [];
  document.body.innerHTML = '<main><p>SOU 2018:65 och prop. 2017/18:1</p></main>';
});

afterEach(() => {
  abort.abort();
  cleanup?.();
  vi.useRealTimers();
});

function linked(...ids: string[]): Map<string, LinkedReference> {
  return new Map(ids.map((id, i) => [String(i), { id, kind: id.split(':')[0] as LinkedReference['kind'], anchors: [] }]));
}

async function startWith(references: PageReferences) {
  const scope: FeatureScope = {
    page: { kind: 'bet', dokId: 'H901JuU12', region: document.querySelector('main')!, confirmed: true } as DetectedPage,
    ctx: { setTimeout: (handler: () => void, ms?: number) => window.setTimeout(handler, ms) } as unknown as FeatureScope['ctx'],
    signal: abort.signal,
    quietly: (write) => write(),
    onRegionChange: () => {},
    references,
  };
  const result = await referenceMetadata.start(scope);
  if (typeof result === 'function') cleanup = result;
}

describe('the metadata lookup of a page', () => {
  test('waits while a long page is linked chunk by chunk, and goes at once, in one batch, when it is done', async () => {
    const references = new PageReferences();
    await startWith(references);
    references.setLinked(linked('sou:2018:65'), false);
    await vi.advanceTimersByTimeAsync(200);
    references.setLinked(linked('sou:2018:65', 'prop:2017/18:1'), false);
    await vi.advanceTimersByTimeAsync(200);
    // Still chunks to come: nothing asked yet, although the first links are 400 ms old.
    expect(sent.lookups).toEqual([]);
    references.setLinked(linked('sou:2018:65', 'prop:2017/18:1'), true);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.lookups).toEqual([['sou:2018:65', 'prop:2017/18:1']]);
  });

  test('chunks that stop coming still end in a lookup, after the gathering pause', async () => {
    const references = new PageReferences();
    await startWith(references);
    references.setLinked(linked('sou:2018:65'), false);
    await vi.advanceTimersByTimeAsync(249);
    expect(sent.lookups).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.lookups).toEqual([['sou:2018:65']]);
  });
});
