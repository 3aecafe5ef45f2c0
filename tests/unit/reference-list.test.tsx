import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { groupByLaw } from '@/components/LawGroup';
import { groupByKind, occurrences, ReferenceList, summarize } from '@/components/ReferenceList';
import { ReferencesTab, type PageReferencesApi } from '@/components/ReferencesTab';
import type { PageReference } from '@/lib/messages/protocol';

afterEach(cleanup);

// The answer page's references, in page order (fråga first), with metadata in every state.
const REFS: PageReference[] = [
  { id: 'fr:2018/19:523', kind: 'fr', label: 'fråga 2018/19:523', title: 'Säpos lista över kommuner', state: 'found', count: 1 },
  { id: 'skr:2014/15:146', kind: 'skr', label: 'skr. 2014/15:146', state: 'loading', count: 1 },
  { id: 'dir:2017:75', kind: 'dir', label: 'dir. 2017:75', state: 'unavailable', count: 1 },
  { id: 'sou:2018:65', kind: 'sou', label: 'SOU 2018:65', title: 'Informationsutbyte vid samverkan mot terrorism', state: 'found', count: 3 },
  { id: 'sou:2099:1', kind: 'sou', label: 'SOU 2099:1', state: 'not-found', count: 2 },
];

const items = () => [...document.querySelectorAll<HTMLButtonElement>('[data-action="reveal"]')];
const ids = () => items().map((b) => b.dataset.id);
const tabStop = () => items().filter((b) => b.tabIndex === 0).map((b) => b.dataset.id);

describe('ReferenceList', () => {
  test('groups by kind, with Swedish names, in a fixed order of kinds and the page order within', () => {
    render(<ReferenceList references={REFS} onReveal={() => {}} />);
    const headings = screen.getAllByRole('heading').map((h) => h.textContent);
    expect(headings).toEqual([
      'Statens offentliga utredningar (2)',
      'Kommittédirektiv (1)',
      'Regeringens skrivelse (1)',
      'Skriftlig fråga (1)',
    ]);
    expect(ids()).toEqual(['sou:2018:65', 'sou:2099:1', 'dir:2017:75', 'skr:2014/15:146', 'fr:2018/19:523']);
    expect(groupByKind(REFS).map((g) => g.kind)).toEqual(['sou', 'dir', 'skr', 'fr']);
  });

  test('each item names the document, its title once known, and how often the page cites it', () => {
    render(<ReferenceList references={REFS} onReveal={() => {}} />);
    expect(screen.getByRole('button', { name: 'SOU 2018:65 Informationsutbyte vid samverkan mot terrorism 3 förekomster' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'skr. 2014/15:146 Hämtar titel … 1 förekomst' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'dir. 2017:75 Titeln kunde inte hämtas 1 förekomst' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'SOU 2099:1 Finns inte i Riksdagens öppna data 2 förekomster' })).toBeTruthy();
    expect(occurrences(1)).toBe('1 förekomst');
    expect(occurrences(12)).toBe('12 förekomster');
  });

  test('a click reveals the reference', () => {
    const onReveal = vi.fn();
    render(<ReferenceList references={REFS} onReveal={onReveal} />);
    fireEvent.click(screen.getByRole('button', { name: /^dir\. 2017:75/ }));
    expect(onReveal).toHaveBeenCalledWith('dir:2017:75');
  });

  test('keyboard: one Tab stop; arrows, Home and End move focus; the stop follows focus', () => {
    render(<ReferenceList references={REFS} onReveal={() => {}} />);
    expect(tabStop()).toEqual(['sou:2018:65']);
    items()[0]!.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect((document.activeElement as HTMLElement).dataset.id).toBe('sou:2099:1');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect((document.activeElement as HTMLElement).dataset.id).toBe('dir:2017:75');
    expect(tabStop()).toEqual(['dir:2017:75']);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect((document.activeElement as HTMLElement).dataset.id).toBe('fr:2018/19:523');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect((document.activeElement as HTMLElement).dataset.id).toBe('fr:2018/19:523');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect((document.activeElement as HTMLElement).dataset.id).toBe('sou:2018:65');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect((document.activeElement as HTMLElement).dataset.id).toBe('sou:2018:65');
    expect(tabStop()).toEqual(['sou:2018:65']);
  });

  test('the Tab stop falls back to the first item when its reference leaves the page', () => {
    const { rerender } = render(<ReferenceList references={REFS} onReveal={() => {}} />);
    act(() => items()[2]!.focus());
    expect(tabStop()).toEqual(['dir:2017:75']);
    rerender(<ReferenceList references={REFS.filter((r) => r.id !== 'dir:2017:75')} onReveal={() => {}} />);
    expect(tabStop()).toEqual(['sou:2018:65']);
  });

  test('titles with markup stay text', () => {
    render(<ReferenceList references={[{ ...REFS[3]!, title: '<img src=x onerror=alert(1)>Titel' }]} onReveal={() => {}} />);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.ref-title')!.textContent).toBe('<img src=x onerror=alert(1)>Titel');
  });
});

function fakeApi(pages: Array<{ url: string; references: PageReference[] } | null>) {
  const queue = [...pages];
  let listener: (() => void) | undefined;
  const api = {
    load: vi.fn(async () => (queue.length > 1 ? queue.shift()! : queue[0]!)),
    reveal: vi.fn(async (id: string, occurrence: number) => {
      const count = REFS.find((r) => r.id === id)!.count;
      return { occurrence: occurrence % count, count };
    }),
    subscribe: vi.fn((onChange: () => void) => {
      listener = onChange;
      return () => (listener = undefined);
    }),
    change: () => act(() => listener?.()),
  };
  return api satisfies PageReferencesApi;
}

describe('ReferencesTab', () => {
  test('lists the page’s references and counts the documents', async () => {
    render(<ReferencesTab api={fakeApi([{ url: 'a', references: REFS }])} />);
    await waitFor(() => expect(ids()).toHaveLength(5));
    expect(document.querySelector('[data-field="summary"]')!.textContent).toBe('5 dokument som sidan hänvisar till');
  });

  test('each click shows the next occurrence, wrapping, and says which', async () => {
    const api = fakeApi([{ url: 'a', references: REFS }]);
    render(<ReferencesTab api={api} />);
    const sou = await screen.findByRole('button', { name: /^SOU 2018:65/ });
    for (const expected of [0, 1, 2, 0]) {
      fireEvent.click(sou);
      await waitFor(() => expect(api.reveal).toHaveBeenLastCalledWith('sou:2018:65', expected));
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Visar förekomst ${expected + 1} av 3.`));
    }
  });

  test('follows the tab: a change reloads, a new page starts the occurrences over', async () => {
    const api = fakeApi([
      { url: 'a', references: REFS },
      { url: 'b', references: REFS.slice(3) },
    ]);
    render(<ReferencesTab api={api} />);
    const sou = await screen.findByRole('button', { name: /^SOU 2018:65/ });
    fireEvent.click(sou);
    await waitFor(() => expect(api.reveal).toHaveBeenLastCalledWith('sou:2018:65', 0));
    api.change();
    await waitFor(() => expect(ids()).toEqual(['sou:2018:65', 'sou:2099:1']));
    fireEvent.click(screen.getByRole('button', { name: /^SOU 2018:65/ }));
    await waitFor(() => expect(api.reveal).toHaveBeenLastCalledWith('sou:2018:65', 0));
  });

  test('a tab without a document page says what the panel is for', async () => {
    render(<ReferencesTab api={fakeApi([null])} />);
    await waitFor(() => expect(screen.getByText(/Öppna ett dokument i den här fliken/)).toBeTruthy());
    expect(items()).toHaveLength(0);
  });

  test('a page citing nothing says so', async () => {
    render(<ReferencesTab api={fakeApi([{ url: 'a', references: [] }])} />);
    await waitFor(() => expect(screen.getByText(/hänvisar inte till några andra dokument/)).toBeTruthy());
  });

  test('unsubscribes when it goes away', async () => {
    const unsubscribe = vi.fn();
    const api = { ...fakeApi([null]), subscribe: vi.fn(() => unsubscribe) };
    const { unmount } = render(<ReferencesTab api={api} />);
    await waitFor(() => expect(api.subscribe).toHaveBeenCalled());
    unmount();
    expect(unsubscribe).toHaveBeenCalled();
  });
});

// A betänkande citing two documents and places in three laws, in page order.
const OSL = 'Offentlighets- och sekretesslag (2009:400)';
const LAW_REFS: PageReference[] = [
  { id: 'sfs:2009:400#K26P1', kind: 'sfs', label: '26 kap. 1 § SFS 2009:400', title: OSL, state: 'found', count: 1 },
  { id: 'sou:2018:65', kind: 'sou', label: 'SOU 2018:65', title: 'Informationsutbyte vid samverkan mot terrorism', state: 'found', count: 1 },
  { id: 'sfs:1962:700#K4P9c', kind: 'sfs', label: '4 kap. 9 c § SFS 1962:700', state: 'loading', count: 1 },
  { id: 'sfs:2009:400#K10P2', kind: 'sfs', label: '10 kap. 2 § SFS 2009:400', title: OSL, state: 'found', count: 2 },
  { id: 'prop:2017/18:1', kind: 'prop', label: 'prop. 2017/18:1', state: 'loading', count: 1 },
  { id: 'sfs:2009:400', kind: 'sfs', label: 'SFS 2009:400', title: OSL, state: 'found', count: 1 },
  { id: 'sfs:1962:700#K4P9', kind: 'sfs', label: '4 kap. 9 § SFS 1962:700', state: 'loading', count: 3 },
  { id: 'sfs:2031:5#P3', kind: 'sfs', label: '3 § SFS 2031:5', state: 'not-found', count: 1 },
];

const lawGroup = () => document.querySelector<HTMLElement>('.law-group')!;
const lawIds = () => [...lawGroup().querySelectorAll<HTMLElement>('.law')].map((el) => el.dataset.law);
const placesOf = (lawId: string) =>
  [...lawGroup().querySelectorAll<HTMLElement>(`.law[data-law="${lawId}"] [data-action="reveal"]`)].map((b) => b.dataset.id);

describe('ReferenceList: Lagar', () => {
  test('one group "Lagar" counting laws, in the place of SFS among the kinds', () => {
    render(<ReferenceList references={LAW_REFS} onReveal={() => {}} />);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Statens offentliga utredningar (1)', 'Lagar (3)', 'Proposition (1)']);
    expect(screen.getByRole('region', { name: 'Lagar (3)' })).toBe(lawGroup());
  });

  test('laws in the order the page first cites them; places in the law’s order, the whole law first', () => {
    render(<ReferenceList references={LAW_REFS} onReveal={() => {}} />);
    expect(lawIds()).toEqual(['sfs:2009:400', 'sfs:1962:700', 'sfs:2031:5']);
    expect(placesOf('sfs:2009:400')).toEqual(['sfs:2009:400', 'sfs:2009:400#K10P2', 'sfs:2009:400#K26P1']);
    expect(placesOf('sfs:1962:700')).toEqual(['sfs:1962:700#K4P9', 'sfs:1962:700#K4P9c']);
    expect(placesOf('sfs:2031:5')).toEqual(['sfs:2031:5#P3']);
    // Every entry says how often the page cites it, in a stable attribute as well as in words.
    expect(items().map((b) => Number(b.dataset.count))).toEqual([1, 1, 2, 1, 3, 1, 1, 1]);
  });

  test('each law by its abbreviation (or the open data’s title, else its number), with its places', () => {
    render(<ReferenceList references={LAW_REFS} onReveal={() => {}} />);
    const text = (lawId: string) => lawGroup().querySelector(`.law[data-law="${lawId}"] .law-name`)!.textContent;
    expect(text('sfs:2009:400')).toBe(`OSL ${OSL}`);
    expect(text('sfs:1962:700')).toBe('BrB Hämtar titel …');
    expect(text('sfs:2031:5')).toBe('SFS 2031:5 Finns inte i Riksdagens öppna data');
    const visible = (lawId: string) =>
      [...lawGroup().querySelectorAll(`.law[data-law="${lawId}"] .place-label`)].map((el) => el.textContent).join(', ');
    expect(`OSL: ${visible('sfs:2009:400')}`).toBe('OSL: Hela lagen, 10 kap. 2 §, 26 kap. 1 §');
    expect(visible('sfs:1962:700')).toBe('4 kap. 9 §, 4 kap. 9 c §');
  });

  test('every place is a labelled button in a list named by its law', () => {
    render(<ReferenceList references={LAW_REFS} onReveal={() => {}} />);
    const osl = screen.getByRole('list', { name: `OSL ${OSL}` });
    expect(osl.contains(screen.getByRole('button', { name: '10 kap. 2 § OSL, 2 förekomster' }))).toBe(true);
    expect(osl.contains(screen.getByRole('button', { name: 'Hela lagen, OSL, 1 förekomst' }))).toBe(true);
    expect(screen.getByRole('button', { name: '4 kap. 9 § BrB, 3 förekomster' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '3 § SFS 2031:5, 1 förekomst' })).toBeTruthy();
  });

  test('a click reveals that place', () => {
    const onReveal = vi.fn();
    render(<ReferenceList references={LAW_REFS} onReveal={onReveal} />);
    fireEvent.click(screen.getByRole('button', { name: /^26 kap\. 1 § OSL/ }));
    expect(onReveal).toHaveBeenCalledWith('sfs:2009:400#K26P1');
  });

  test('keyboard: the one Tab stop moves through the places as shown, with the other groups', () => {
    render(<ReferenceList references={LAW_REFS} onReveal={() => {}} />);
    expect(tabStop()).toEqual(['sou:2018:65']);
    items()[0]!.focus();
    const focused = () => (document.activeElement as HTMLElement).dataset.id;
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(focused()).toBe('sfs:2009:400');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(focused()).toBe('sfs:2009:400#K10P2');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(focused()).toBe('sfs:1962:700#K4P9');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(focused()).toBe('sfs:2009:400#K26P1');
    expect(tabStop()).toEqual(['sfs:2009:400#K26P1']);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(focused()).toBe('prop:2017/18:1');
  });

  test('groupByLaw orders places as the law does: 8 kap. before 8 a kap., a chapter before its sections, 9 § before 9 a §', () => {
    const ref = (id: string): PageReference => ({ id, kind: 'sfs', label: id, state: 'loading', count: 1 });
    const ids = ['sfs:1962:700#K8aP1', 'sfs:1962:700#K10P2', 'sfs:1962:700#K8P2', 'sfs:1962:700#K10', 'sfs:1962:700#K2P9a', 'sfs:1962:700#K2P9'];
    expect(groupByLaw(ids.map(ref))[0]!.items.map((r) => r.id)).toEqual([
      'sfs:1962:700#K2P9',
      'sfs:1962:700#K2P9a',
      'sfs:1962:700#K8P2',
      'sfs:1962:700#K8aP1',
      'sfs:1962:700#K10',
      'sfs:1962:700#K10P2',
    ]);
    expect(groupByLaw(['sfs:1998:204#P10', 'sfs:1998:204#P3'].map(ref))[0]!.items.map((r) => r.id)).toEqual(['sfs:1998:204#P3', 'sfs:1998:204#P10']);
  });

  test('the summary counts documents and laws', () => {
    expect(summarize(LAW_REFS)).toBe('2 dokument och 3 lagar som sidan hänvisar till');
    expect(summarize(LAW_REFS.filter((r) => r.id.startsWith('sfs:2009:400')))).toBe('1 lag som sidan hänvisar till');
    expect(summarize(REFS)).toBe('5 dokument som sidan hänvisar till');
  });
});

describe('ReferencesTab: Lagar', () => {
  test('each click on a place shows its next occurrence, and says which', async () => {
    const api = {
      load: vi.fn(async () => ({ url: 'a', references: LAW_REFS })),
      reveal: vi.fn(async (id: string, occurrence: number) => {
        const count = LAW_REFS.find((r) => r.id === id)!.count;
        return { occurrence: occurrence % count, count };
      }),
      subscribe: vi.fn(() => () => {}),
    } satisfies PageReferencesApi;
    render(<ReferencesTab api={api} />);
    const place = await screen.findByRole('button', { name: /^10 kap\. 2 § OSL/ });
    expect(document.querySelector('[data-field="summary"]')!.textContent).toBe('2 dokument och 3 lagar som sidan hänvisar till');
    for (const expected of [0, 1, 0]) {
      fireEvent.click(place);
      await waitFor(() => expect(api.reveal).toHaveBeenLastCalledWith('sfs:2009:400#K10P2', expected));
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Visar förekomst ${expected + 1} av 2.`));
    }
    fireEvent.click(screen.getByRole('button', { name: /^Hela lagen, OSL/ }));
    await waitFor(() => expect(api.reveal).toHaveBeenLastCalledWith('sfs:2009:400', 0));
  });
});
