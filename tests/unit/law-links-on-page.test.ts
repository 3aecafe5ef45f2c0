import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FeatureScope } from '@/entrypoints/content/feature';
import { linkReferences } from '@/entrypoints/content/features/link-references';
import { referenceMetadata } from '@/entrypoints/content/features/reference-metadata';
import { PageReferences } from '@/entrypoints/content/page-references';
import type { DetectedPage, LinkedReference } from '@/lib/page';
import type { LookupResult } from '@/lib/messages';
import { DEFAULT_LINK_SETTINGS, linkSettings } from '@/lib/settings';

// The background's answer, by id; the content script's one batched lookup goes here.
const answers = vi.hoisted(() => ({ results: {} as Record<string, unknown> }));
vi.mock('@/lib/messages', () => ({
  send: vi.fn(async (_name: string, { ids }: { ids: string[] }) => ({
    results: Object.fromEntries(ids.map((id) => [id, answers.results[id] ?? { status: 'not-found' }])),
  })),
}));

const OSL_PAGE = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/offentlighets-och-sekretesslag-2009400_sfs-2009-400/';
const SOU_PAGE = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/statens-offentliga-utredningar/_H6B365';

function found(id: string, kind: 'sfs' | 'sou', url: string): LookupResult {
  return { status: 'found', meta: { id, dokId: 'x', kind, label: id, title: 'Titel', url, fetchedAt: 1 } };
}

let abort: AbortController;
let cleanups: Array<() => void>;

function scopeFor(region: Element, references: PageReferences): FeatureScope {
  return {
    page: { kind: 'bet', dokId: 'H901JuU12', region, confirmed: true } as DetectedPage,
    ctx: { setTimeout: (handler: () => void, ms?: number) => window.setTimeout(handler, ms) } as unknown as FeatureScope['ctx'],
    signal: abort.signal,
    quietly: (write) => write(),
    onRegionChange: () => {},
    references,
  };
}

async function start(feature: typeof linkReferences, scope: FeatureScope) {
  const cleanup = await feature.start(scope);
  if (typeof cleanup === 'function') cleanups.push(cleanup);
}

beforeEach(() => {
  fakeBrowser.reset();
  abort = new AbortController();
  cleanups = [];
  answers.results = {};
  document.body.innerHTML = '';
});

afterEach(() => {
  abort.abort();
  cleanups.forEach((cleanup) => cleanup());
});

describe('law links on the page follow the reader’s choice of site', () => {
  const PAGE = '<p>Enligt lagen (1998:204) och SOU 2018:65 gäller detta.</p>';
  const href = (id: string) => document.querySelector<HTMLAnchorElement>(`a[data-riksref="${id}"]`)?.getAttribute('href');

  test('new links: lagen.nu when chosen, riksdagen.se by default; other kinds unaffected', async () => {
    document.body.innerHTML = `<main>${PAGE}</main>`;
    await linkSettings.set({ ...DEFAULT_LINK_SETTINGS, lawSite: 'lagen.nu' });
    await start(linkReferences, scopeFor(document.querySelector('main')!, new PageReferences()));
    await vi.waitFor(() => expect(href('sfs:1998:204')).toBe('https://lagen.nu/1998:204'));
    expect(href('sou:2018:65')).toMatch(/^https:\/\/www\.riksdagen\.se\/sv\/sok\//);

    await linkSettings.set({ ...DEFAULT_LINK_SETTINGS, lawSite: 'riksdagen' });
    await vi.waitFor(() =>
      expect(href('sfs:1998:204')).toBe('https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/_sfs-1998-204/'),
    );
  });

  /** A place in a law and a document, linked by hand (the recognizer of places is another room). */
  function linkByHand(references: PageReferences) {
    document.body.innerHTML =
      '<main><p><a data-riksref="sfs:2009:400#K10P2" href="https://lagen.nu/2009:400#K10P2">10 kap. 2 § OSL</a> och ' +
      '<a data-riksref="sou:2018:65" href="https://www.riksdagen.se/sv/sok/">SOU 2018:65</a></p></main>';
    const anchor = (id: string) => document.querySelector<HTMLAnchorElement>(`a[data-riksref="${id}"]`)!;
    const linked = new Map<string, LinkedReference>([
      ['1', { id: 'sfs:2009:400#K10P2', kind: 'sfs', anchors: [anchor('sfs:2009:400#K10P2')] }],
      ['2', { id: 'sou:2018:65', kind: 'sou', anchors: [anchor('sou:2018:65')] }],
    ]);
    answers.results = {
      'sfs:2009:400#K10P2': found('sfs:2009:400#K10P2', 'sfs', `${OSL_PAGE}#K10P2`),
      'sou:2018:65': found('sou:2018:65', 'sou', SOU_PAGE),
    };
    return linked;
  }

  test('when metadata arrives, a lagen.nu reader’s law link stays on lagen.nu; documents go to their page', async () => {
    await linkSettings.set({ ...DEFAULT_LINK_SETTINGS, lawSite: 'lagen.nu' });
    const references = new PageReferences();
    const linked = linkByHand(references);
    await start(referenceMetadata, scopeFor(document.querySelector('main')!, references));
    references.setLinked(linked);
    await vi.waitFor(() => expect(href('sou:2018:65')).toBe(SOU_PAGE), { timeout: 2000 });
    expect(href('sfs:2009:400#K10P2')).toBe('https://lagen.nu/2009:400#K10P2');
  });

  test('every link to a found document gets its page and title, however often the page cites it; each place in a law its own; the rest keep theirs', async () => {
    document.body.innerHTML =
      '<main><p><a data-riksref="sou:2018:65" href="https://www.riksdagen.se/sv/sok/?a">SOU 2018:65</a>, ' +
      '<a data-riksref="prop:2017/18:1" href="https://www.riksdagen.se/sv/sok/?b">prop. 2017/18:1</a>, ' +
      '<a data-riksref="sou:2018:65" href="https://www.riksdagen.se/sv/sok/?c">SOU 2018:65</a>, ' +
      '<a data-riksref="sfs:2009:400#K10P2" href="https://lagen.nu/2009:400#K10P2">10 kap. 2 § OSL</a> och ' +
      '<a data-riksref="sfs:2009:400#K2P1" href="https://lagen.nu/2009:400#K2P1">2 kap. 1 § OSL</a></p></main>';
    const [first, prop, again, chapter10, chapter2] = Array.from(document.querySelectorAll<HTMLAnchorElement>('a'));
    const references = new PageReferences();
    answers.results = {
      'sou:2018:65': found('sou:2018:65', 'sou', SOU_PAGE),
      // The open data's address of the law as a whole, for both places.
      'sfs:2009:400#K10P2': found('sfs:2009:400#K10P2', 'sfs', OSL_PAGE),
      'sfs:2009:400#K2P1': found('sfs:2009:400#K2P1', 'sfs', OSL_PAGE),
    };
    await start(referenceMetadata, scopeFor(document.querySelector('main')!, references));
    references.setLinked(
      new Map<string, LinkedReference>([
        ['1', { id: 'sou:2018:65', kind: 'sou', anchors: [first!] }],
        ['2', { id: 'prop:2017/18:1', kind: 'prop', anchors: [prop!] }],
        ['3', { id: 'sou:2018:65', kind: 'sou', anchors: [again!] }],
        ['4', { id: 'sfs:2009:400#K10P2', kind: 'sfs', anchors: [chapter10!] }],
        ['5', { id: 'sfs:2009:400#K2P1', kind: 'sfs', anchors: [chapter2!] }],
      ]),
    );
    await vi.waitFor(() => expect(chapter2!.getAttribute('href')).toBe(`${OSL_PAGE}#K2P1`), { timeout: 2000 });
    expect(chapter10!.getAttribute('href')).toBe(`${OSL_PAGE}#K10P2`);
    expect([first!.getAttribute('href'), again!.getAttribute('href')]).toEqual([SOU_PAGE, SOU_PAGE]);
    expect([first!.title, again!.title]).toEqual(['sou:2018:65: Titel', 'sou:2018:65: Titel']);
    expect(prop!.getAttribute('href')).toBe('https://www.riksdagen.se/sv/sok/?b');
    expect(prop!.hasAttribute('title')).toBe(false);
  });

  test('a riksdagen.se reader’s law link goes to the law’s own page at the place; a change of mind follows', async () => {
    const references = new PageReferences();
    const linked = linkByHand(references);
    await start(referenceMetadata, scopeFor(document.querySelector('main')!, references));
    references.setLinked(linked);
    await vi.waitFor(() => expect(href('sfs:2009:400#K10P2')).toBe(`${OSL_PAGE}#K10P2`), { timeout: 2000 });

    await linkSettings.set({ ...DEFAULT_LINK_SETTINGS, lawSite: 'lagen.nu' });
    await vi.waitFor(() => expect(href('sfs:2009:400#K10P2')).toBe('https://lagen.nu/2009:400#K10P2'));
    expect(href('sou:2018:65')).toBe(SOU_PAGE);
  });
});
