import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { HighlightsTab, type ExportStep, type HighlightsApi } from '@/components/HighlightsTab';
import type { FirstScreen } from '@/lib/db/live-highlights';
import type { Highlight } from '@/lib/highlights/highlight';
import type { ImportAnswer, ImportStep } from '@/lib/messages/import-port';
import { makeHighlight } from './highlight-fixtures.ts';

afterEach(cleanup);

const quoted = (exact: string, start: number) => ({
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
});

const first = makeHighlight({ id: 'first', selectors: quoted('Första meningen om Säpo', 10), note: 'Citera', updated: 5 });
const second = makeHighlight({ id: 'second', selectors: quoted('Andra meningen om kommunerna', 300), color: 'green', updated: 7 });
const orphan = makeHighlight({ id: 'orphan', selectors: quoted('Text som inte finns längre', 900), orphan: true, updated: 1 });
const elsewhere = makeHighlight({
  id: 'elsewhere',
  dokId: 'H601KU21',
  title: 'Granskningsbetänkande',
  url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/granskning_H601KU21/',
  selectors: quoted('Om regeringens arbete', 40),
  updated: 9,
});

/** An api whose list, page and answers the test drives. */
function fakeApi(overrides: Partial<HighlightsApi> = {}) {
  let onList: ((hs: Highlight[]) => void) | undefined;
  let onError: ((error: unknown) => void) | undefined;
  let onTab: (() => void) | undefined;
  let dokId: string | undefined = 'H612523';
  const api: HighlightsApi = {
    watch: vi.fn((list, error) => {
      onList = list;
      onError = error;
      return () => {
        onList = undefined;
      };
    }),
    currentDokId: vi.fn(async () => dokId),
    // No first screen unless a test gives one: the whole list (watch) is what most tests are about.
    firstScreen: vi.fn(async () => Promise.reject(new Error('no first screen in this test'))),
    subscribeTab: vi.fn((listener) => {
      onTab = listener;
      return () => (onTab = undefined);
    }),
    open: vi.fn(async () => 'shown' as const),
    saveNote: vi.fn(async (h: Highlight, note: string) => ({ saved: true as const, highlight: { ...h, note } })),
    remove: vi.fn(async (h: Highlight) => h),
    restore: vi.fn(async (h: Highlight) => ({ saved: true as const, highlight: h })),
    exportFile: vi.fn(async () => ({ filename: 'riksref-markeringar-2025-05-02.json', count: 4 })),
    importFile: vi.fn(async () => ({ imported: true as const, added: 2, replaced: 1 })),
    ...overrides,
  };
  return {
    api,
    // The tab arranges a list a slice at a time (HighlightCollection.build): done within a task.
    list: (hs: Highlight[]) =>
      act(async () => {
        onList!(hs);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }),
    fail: (error: unknown) => act(() => onError!(error)),
    switchTo: async (next: string | undefined) => {
      dokId = next;
      await act(async () => onTab!());
    },
  };
}

const shownIds = () =>
  Array.from(document.querySelectorAll<HTMLElement>('[role="tabpanel"] [data-highlight-id]'), (li) => li.dataset.highlightId);
const status = () => document.querySelector('[data-field="status"]')!.textContent;
const item = (id: string) => document.querySelector<HTMLElement>(`[data-highlight-id="${id}"]`)!;

async function ready(hs: Highlight[] = [first, second, orphan, elsewhere], overrides: Partial<HighlightsApi> = {}) {
  const fake = fakeApi(overrides);
  render(<HighlightsTab api={fake.api} />);
  await waitFor(() => expect(fake.api.watch).toHaveBeenCalled());
  await fake.list(hs);
  await screen.findByRole('tab', { name: 'Den här sidan' });
  return fake;
}

describe('HighlightsTab: states', () => {
  test('loading until both the highlights and the current page are known', async () => {
    let answer: (dokId: string | undefined) => void = () => {};
    const fake = fakeApi({ currentDokId: () => new Promise((resolve) => (answer = resolve)) });
    render(<HighlightsTab api={fake.api} />);
    expect(screen.getByRole('status').textContent).toBe('Läser markeringarna …');
    // Still loading: the list must not open on "Alla" only because the page is not known yet.
    await act(async () => new Promise((r) => setTimeout(r, 10)));
    expect(document.querySelector('[data-phase]')!.getAttribute('data-phase')).toBe('loading');
    await act(async () => answer('H612523'));
    await waitFor(() => expect(fake.api.watch).toHaveBeenCalled());
    expect(document.querySelector('[data-phase]')!.getAttribute('data-phase')).toBe('loading');
    await fake.list([first]);
    expect(screen.getByRole('tab', { name: 'Den här sidan' }).getAttribute('aria-selected')).toBe('true');
    expect(shownIds()).toEqual(['first']);
  });

  test('this page first, in document order, orphans marked; "Alla" grouped by document with its title', async () => {
    await ready();
    expect(shownIds()).toEqual(['first', 'second', 'orphan']);
    expect(within(item('orphan')).getByText('Hittades inte på sidan')).toBeTruthy();
    expect(item('first').querySelector('[data-field="orphan"]')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Alla' }));
    const groups = Array.from(document.querySelectorAll('.rr-group'), (g) => [
      g.querySelector('h3')!.textContent,
      Array.from(g.querySelectorAll<HTMLElement>('[data-highlight-id]'), (li) => li.dataset.highlightId),
    ]);
    expect(groups).toEqual([
      ['Granskningsbetänkande', ['elsewhere']],
      [first.title, ['first', 'second', 'orphan']],
    ]);
  });

  test('empty: says how to make one', async () => {
    await ready([]);
    expect(screen.getByText('Inga markeringar på den här sidan än. Markera text i dokumentet för att spara.')).toBeTruthy();
  });

  test('a failed read is an alert with the reason; "Försök igen" watches again', async () => {
    const fake = await ready();
    await fake.fail(new Error('Databasen är blockerad av en annan version.'));
    expect(screen.getByRole('alert').textContent).toContain('Markeringarna kunde inte läsas: Databasen är blockerad av en annan version.');
    expect(shownIds()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    await waitFor(() => expect(fake.api.watch).toHaveBeenCalledTimes(2));
    await fake.list([first]);
    expect(shownIds()).toEqual(['first']);
  });

  test('live: a highlight saved or deleted anywhere appears or goes at once', async () => {
    const fake = await ready([first]);
    await fake.list([second, first]);
    expect(shownIds()).toEqual(['first', 'second']);
    await fake.list([second]);
    expect(shownIds()).toEqual(['second']);
  });

  test('follows the tab: another document, then a page that is none', async () => {
    const fake = await ready();
    await fake.switchTo('H601KU21');
    expect(shownIds()).toEqual(['elsewhere']);
    await fake.switchTo(undefined);
    expect(screen.getByText('Fliken visar inget riksdagsdokument.')).toBeTruthy();
  });
});

describe('HighlightsTab: what the reader does', () => {
  test('search filters text and notes', async () => {
    await ready();
    const search = screen.getByRole('searchbox', { name: 'Sök i markeringar och anteckningar' });
    fireEvent.input(search, { target: { value: 'citera' } });
    expect(shownIds()).toEqual(['first']);
    fireEvent.input(search, { target: { value: 'kommunerna' } });
    expect(shownIds()).toEqual(['second']);
    fireEvent.input(search, { target: { value: 'regeringens' } });
    expect(shownIds()).toEqual([]);
    fireEvent.click(screen.getByRole('tab', { name: 'Alla' }));
    expect(shownIds()).toEqual(['elsewhere']);
  });

  test('"Visa" on this page, on another document, and when it is not found', async () => {
    let finish: (r: 'shown') => void = () => {};
    const open = vi.fn<HighlightsApi['open']>(async () => 'shown');
    await ready(undefined, { open });
    fireEvent.click(within(item('first')).getByRole('button', { name: 'Visa' }));
    await waitFor(() => expect(status()).toBe('Visar markeringen på sidan.'));
    expect(open).toHaveBeenCalledWith(first);

    open.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    fireEvent.click(screen.getByRole('tab', { name: 'Alla' }));
    fireEvent.click(within(item('elsewhere')).getByRole('button', { name: 'Visa' }));
    expect(status()).toBe('Öppnar dokumentet …');
    await act(async () => finish('shown'));
    await waitFor(() => expect(status()).toBe('Visar markeringen på sidan.'));

    open.mockResolvedValueOnce('not-anchored');
    fireEvent.click(within(item('orphan')).getByRole('button', { name: 'Visa' }));
    await waitFor(() => expect(status()).toBe('Markeringen hittades inte på sidan: texten kan ha ändrats.'));
    open.mockRejectedValueOnce(new Error('fliken stängdes'));
    fireEvent.click(within(item('orphan')).getByRole('button', { name: 'Visa' }));
    await waitFor(() => expect(status()).toBe('Markeringen kunde inte visas: fliken stängdes'));
  });

  test('edit a note: saved, or the reason it was not', async () => {
    const fake = await ready();
    fireEvent.click(within(item('first')).getByRole('button', { name: 'Redigera anteckning' }));
    fireEvent.input(within(item('first')).getByLabelText('Anteckning'), { target: { value: 'Ny anteckning' } });
    fireEvent.click(within(item('first')).getByRole('button', { name: 'Spara' }));
    expect(fake.api.saveNote).toHaveBeenCalledWith(first, 'Ny anteckning');
    await waitFor(() => expect(status()).toBe('Anteckningen sparades.'));

    vi.mocked(fake.api.saveNote).mockResolvedValueOnce({ saved: false, error: 'Det finns inte tillräckligt med lagringsutrymme.', highlight: first });
    fireEvent.click(within(item('first')).getByRole('button', { name: 'Redigera anteckning' }));
    fireEvent.click(within(item('first')).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(status()).toBe('Det finns inte tillräckligt med lagringsutrymme.'));
    vi.mocked(fake.api.saveNote).mockResolvedValueOnce(null);
    fireEvent.click(within(item('first')).getByRole('button', { name: 'Redigera anteckning' }));
    fireEvent.click(within(item('first')).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(status()).toBe('Markeringen finns inte längre.'));
  });

  test('delete, then "Ångra": focus goes to "Ångra", then back to the restored highlight', async () => {
    const fake = await ready();
    fireEvent.click(within(item('second')).getByRole('button', { name: 'Ta bort' }));
    expect(fake.api.remove).toHaveBeenCalledWith(second);
    await fake.list([first, orphan, elsewhere]); // the database without it
    const undo = screen.getByRole('button', { name: 'Ångra' });
    expect(document.activeElement).toBe(undo);
    expect(shownIds()).toEqual(['first', 'orphan']);

    fireEvent.click(undo);
    expect(fake.api.restore).toHaveBeenCalledWith(second);
    await waitFor(() => expect(status()).toBe('Markeringen är tillbaka.'));
    await fake.list([first, second, orphan, elsewhere]);
    expect(shownIds()).toEqual(['first', 'second', 'orphan']);
    expect(document.activeElement).toBe(within(item('second')).getByRole('button', { name: 'Visa' }));
  });

  test('a delete that fails says so', async () => {
    await ready(undefined, { remove: vi.fn(async () => Promise.reject(new Error('databasen svarar inte'))) });
    fireEvent.click(within(item('first')).getByRole('button', { name: 'Ta bort' }));
    await waitFor(() => expect(status()).toBe('Markeringen kunde inte tas bort: databasen svarar inte'));
  });

  test('export says what was saved; import says what came in, or which entry was wrong', async () => {
    const fake = await ready();
    fireEvent.click(screen.getByRole('button', { name: 'Exportera Markdown' }));
    expect(fake.api.exportFile).toHaveBeenCalledWith('markdown', expect.any(Function));
    await waitFor(() => expect(status()).toBe('Exporterade 4 markeringar till riksref-markeringar-2025-05-02.json.'));

    const input = screen.getByLabelText('Importera (JSON)') as HTMLInputElement;
    const file = new File(['[]'], 'markeringar.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    expect(fake.api.importFile).toHaveBeenCalledWith(file, expect.any(Function));
    await waitFor(() => expect(status()).toBe('Importerade 3 markeringar: 2 nya, 1 fanns redan och ersattes.'));

    vi.mocked(fake.api.importFile).mockResolvedValueOnce({
      imported: false,
      error: 'Post 3 (index 2) är ogiltig: riksref.color: ogiltigt värde. Ingenting importerades.',
    });
    fireEvent.change(input);
    await waitFor(() =>
      expect(status()).toBe('Importen misslyckades: Post 3 (index 2) är ogiltig: riksref.color: ogiltigt värde. Ingenting importerades.'),
    );
  });
});

describe('HighlightsTab: a large collection (issue 12)', () => {
  test('the first screen shows before the whole list is read; the whole list is asked for once it is on its way', async () => {
    let answerFirst: (screen: FirstScreen) => void = () => {};
    const fake = fakeApi({ firstScreen: vi.fn(() => new Promise<FirstScreen>((resolve) => (answerFirst = resolve))) });
    render(<HighlightsTab api={fake.api} />);
    await waitFor(() => expect(fake.api.firstScreen).toHaveBeenCalledWith('H612523'));
    // Not before: read together, the small read would wait behind the large one.
    expect(fake.api.watch).not.toHaveBeenCalled();
    await act(async () => answerFirst({ highlights: [first, second, orphan], groups: 1, dokId: 'H612523' }));
    expect(document.querySelector('[data-phase]')!.getAttribute('data-phase')).toBe('first-screen');
    expect(shownIds()).toEqual(['first', 'second', 'orphan']);
    await waitFor(() => expect(fake.api.watch).toHaveBeenCalled());

    await fake.list([first, second, orphan, elsewhere]);
    expect(document.querySelector('[data-phase]')!.getAttribute('data-phase')).toBe('ready');
    fireEvent.click(screen.getByRole('tab', { name: 'Alla' }));
    expect(shownIds()).toEqual(['elsewhere', 'first', 'second', 'orphan']);
  });

  test('a first screen for another page than the one now shown is not used; a failed one still lets the list come', async () => {
    const fake = fakeApi({ firstScreen: vi.fn(async () => ({ highlights: [elsewhere], groups: 1, dokId: 'H601KU21' })) });
    render(<HighlightsTab api={fake.api} />);
    await waitFor(() => expect(fake.api.watch).toHaveBeenCalled());
    expect(document.querySelector('[data-phase]')!.getAttribute('data-phase')).toBe('loading');

    const failing = fakeApi({ firstScreen: vi.fn(async () => Promise.reject(new Error('blockerad'))) });
    cleanup();
    render(<HighlightsTab api={failing.api} />);
    await waitFor(() => expect(failing.api.watch).toHaveBeenCalled());
    await failing.list([first]);
    expect(shownIds()).toEqual(['first']);
  });

  test('export and import show their progress, then the outcome; the bar goes when done', async () => {
    let exported: (file: { filename: string; count: number }) => void = () => {};
    let onExport: (step: ExportStep) => void = () => {};
    const fake = await ready(undefined, {
      exportFile: vi.fn((_format: string, progress: (step: ExportStep) => void) => {
        onExport = progress;
        return new Promise<{ filename: string; count: number }>((resolve) => (exported = resolve));
      }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Exportera JSON' }));
    await act(async () => onExport({ phase: 'references', done: 0, total: 10000 }));
    expect(screen.getByLabelText('Exporterar … hämtar dokumentens hänvisningar')).toBeTruthy();
    await act(async () => onExport({ phase: 'writing', done: 4000, total: 10000 }));
    expect(screen.getByLabelText('Exporterar … 4000 av 10000')).toBeTruthy();
    await act(async () => exported({ filename: 'riksref-markeringar.json', count: 10000 }));
    await waitFor(() => expect(status()).toBe('Exporterade 10000 markeringar till riksref-markeringar.json.'));
    expect(document.querySelector('[data-field="progress"]')).toBeNull();

    let imported: (answer: ImportAnswer) => void = () => {};
    let onStep: (step: ImportStep) => void = () => {};
    vi.mocked(fake.api.importFile).mockImplementationOnce((_file, step) => {
      onStep = step;
      return new Promise((resolve) => (imported = resolve));
    });
    const input = screen.getByLabelText('Importera (JSON)') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['[]'], 'stor.json')], configurable: true });
    fireEvent.change(input);
    expect(status()).toBe('Importerar stor.json …');
    for (const [step, label] of [
      [{ phase: 'reading', done: 5_000_000, total: 20_000_000 }, 'Läser filen … 25 %'],
      [{ phase: 'checking', done: 40_000, total: 100_000 }, 'Kontrollerar posterna … 40000 av 100000'],
      [{ phase: 'saving', done: 98_000, total: 100_000 }, 'Sparar … 98000 av 100000'],
    ] as const) {
      await act(async () => onStep(step));
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    await act(async () => imported({ imported: true, added: 100_000, replaced: 0 }));
    await waitFor(() => expect(status()).toBe('Importerade 100000 markeringar: 100000 nya, 0 fanns redan och ersattes.'));
    expect(document.querySelector('[data-field="progress"]')).toBeNull();
  });
});

describe('HighlightsTab: keyboard', () => {
  test('the two views are one Tab stop; arrow keys, Home and End switch them', async () => {
    await ready();
    const page = screen.getByRole('tab', { name: 'Den här sidan' });
    const all = screen.getByRole('tab', { name: 'Alla' });
    expect([page.tabIndex, all.tabIndex]).toEqual([0, -1]);
    page.focus();
    fireEvent.keyDown(page, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(all);
    expect(all.getAttribute('aria-selected')).toBe('true');
    expect([page.tabIndex, all.tabIndex]).toEqual([-1, 0]);
    expect(shownIds()).toContain('elsewhere');
    fireEvent.keyDown(all, { key: 'Home' });
    expect(document.activeElement).toBe(page);
    expect(shownIds()).toEqual(['first', 'second', 'orphan']);
    fireEvent.keyDown(page, { key: 'End' });
    expect(document.activeElement).toBe(all);
    fireEvent.keyDown(all, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(page);
  });

  test('every control is a labelled button or field', async () => {
    await ready();
    for (const button of screen.getAllByRole('button')) expect(button.textContent!.trim() || button.getAttribute('aria-label')).toBeTruthy();
    expect(screen.getByLabelText('Importera (JSON)').tagName).toBe('INPUT');
    expect(screen.getByRole('searchbox').id).toBe(screen.getByText('Sök i markeringar och anteckningar').getAttribute('for'));
  });
});
