import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { groupByKind, occurrences, ReferenceList } from '@/components/ReferenceList';
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
