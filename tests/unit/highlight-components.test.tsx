import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FIRST_SHOWN, HighlightList, MORE_SHOWN } from '@/components/HighlightList';
import { HighlightCollection, matchesSearch } from '@/lib/highlights/collection';
import { HighlightPopover } from '@/components/HighlightPopover';
import { SelectionToolbar } from '@/components/SelectionToolbar';
import { contrast, HIGHLIGHT_PALETTE, UI_PALETTE } from '@/components/highlight-palette';
import { HIGHLIGHT_LIST_CSS, pageHighlightCss, PANEL_CSS } from '@/components/highlight-styles';
import { COLORS, type Highlight } from '@/lib/highlights/highlight';
import { manyHighlights } from '../fixtures/highlights/many-highlights.ts';
import { makeHighlight } from './highlight-fixtures.ts';

afterEach(cleanup);

const quoted = (exact: string, start: number) => ({
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
});

describe('SelectionToolbar', () => {
  test('four colour buttons and "Anteckning", labelled in Swedish, with stable data-action', () => {
    const onHighlight = vi.fn();
    render(<SelectionToolbar onHighlight={onHighlight} onNote={vi.fn()} onClose={vi.fn()} />);
    const toolbar = screen.getByRole('toolbar', { name: /^Spara markering\./ });
    // The keys are in its name, for a reader who reaches it with the keyboard command.
    expect(toolbar.getAttribute('aria-label')).toBe('Spara markering. Alt+Skift+H flyttar hit från texten, piltangenterna väljer färg, Escape stänger.');
    expect(toolbar.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+H');
    const colours = toolbar.querySelectorAll<HTMLButtonElement>('[data-action="highlight"]');
    expect(Array.from(colours, (b) => [b.dataset.color, b.getAttribute('aria-label')])).toEqual([
      ['yellow', 'Markera gul'],
      ['green', 'Markera grön'],
      ['blue', 'Markera blå'],
      ['pink', 'Markera rosa'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Markera grön' }));
    expect(onHighlight).toHaveBeenCalledWith('green');
    expect(screen.getByRole('button', { name: 'Anteckning' }).dataset.action).toBe('note');
  });

  test('"Anteckning" opens a labelled note field that takes focus; Spara saves the note', () => {
    const onNote = vi.fn();
    render(<SelectionToolbar onHighlight={vi.fn()} onNote={onNote} onClose={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Anteckning' }));
    const field = screen.getByLabelText('Anteckning') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: 'Citera i rapporten' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    expect(onNote).toHaveBeenCalledWith('Citera i rapporten');
  });

  test('keyboard: arrows move between colours, Escape closes', () => {
    const onClose = vi.fn();
    render(<SelectionToolbar onHighlight={vi.fn()} onNote={vi.fn()} onClose={onClose} />);
    const yellow = screen.getByRole('button', { name: 'Markera gul' });
    yellow.focus();
    fireEvent.keyDown(yellow, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Markera grön' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Markera rosa' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });

  test('a failed save is shown as an alert with "Försök igen"', () => {
    const onRetry = vi.fn();
    render(<SelectionToolbar onHighlight={vi.fn()} onNote={vi.fn()} onClose={vi.fn()} error="Markeringen kunde inte sparas: fullt." onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('Markeringen kunde inte sparas: fullt.');
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(onRetry).toHaveBeenCalledWith(undefined);
  });

  test('a note that could not be saved stays in its field: retried as it is now, copied, or closed on purpose', async () => {
    const onNote = vi.fn();
    const onRetry = vi.fn();
    const onCopy = vi.fn(async () => {});
    const onClose = vi.fn();
    const props = { onHighlight: vi.fn(), onNote, onClose };
    const view = render(<SelectionToolbar {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Anteckning' }));
    fireEvent.input(screen.getByLabelText('Anteckning'), { target: { value: 'Citera i rapporten' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    expect(onNote).toHaveBeenCalledWith('Citera i rapporten');
    // The save failed (a full disk): the same toolbar, now with the reason.
    view.rerender(<SelectionToolbar {...props} error="Markeringen kunde inte sparas: webbläsaren har inte mer lagringsutrymme åt Riksref." onRetry={onRetry} onCopy={onCopy} />);
    expect((screen.getByLabelText('Anteckning') as HTMLTextAreaElement).value).toBe('Citera i rapporten');
    fireEvent.input(screen.getByLabelText('Anteckning'), { target: { value: 'Citera i rapporten, s. 4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(onRetry).toHaveBeenCalledWith('Citera i rapporten, s. 4');
    fireEvent.click(screen.getByRole('button', { name: 'Kopiera text och anteckning' }));
    expect(onCopy).toHaveBeenCalledWith('Citera i rapporten, s. 4');
    expect((await screen.findByRole('status')).textContent).toBe('Kopierat: klistra in texten och anteckningen där du vill spara dem.');
    onCopy.mockRejectedValueOnce(new Error('no clipboard'));
    fireEvent.click(screen.getByRole('button', { name: 'Kopiera text och anteckning' }));
    expect((await screen.findByText('Kunde inte kopiera. Markera texten och kopiera den själv.')).getAttribute('role')).toBe('status');
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Stäng' }));
    expect(onClose).toHaveBeenCalled();
  });
});

describe('HighlightPopover', () => {
  const h = makeHighlight({ note: 'Gammal', color: 'blue' });
  const props = () => ({ highlight: h, onSaveNote: vi.fn(), onChangeColor: vi.fn(), onDelete: vi.fn(), onUndo: vi.fn(), onClose: vi.fn() });

  test('edit the note, change the colour (the current one is pressed), delete', () => {
    const p = props();
    render(<HighlightPopover {...p} />);
    const note = screen.getByLabelText('Anteckning') as HTMLTextAreaElement;
    expect(note.value).toBe('Gammal');
    const save = screen.getByRole('button', { name: 'Spara anteckning' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.input(note, { target: { value: 'Ny' } });
    fireEvent.click(save);
    expect(p.onSaveNote).toHaveBeenCalledWith('Ny');
    expect(screen.getByRole('button', { name: 'Gör blå' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Gör rosa' }));
    expect(p.onChangeColor).toHaveBeenCalledWith('pink');
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort' }));
    expect(p.onDelete).toHaveBeenCalled();
  });

  test('once deleted it offers "Ångra", focused', () => {
    const p = props();
    render(<HighlightPopover {...p} deleted />);
    const undo = screen.getByRole('button', { name: 'Ångra' });
    expect(document.activeElement).toBe(undo);
    expect(undo.dataset.action).toBe('undo');
    fireEvent.click(undo);
    expect(p.onUndo).toHaveBeenCalled();
  });
});

/** HighlightList's props with every callback a mock, for `collection`. */
function listProps(collection: HighlightCollection, extra: Partial<Parameters<typeof HighlightList>[0]> = {}) {
  return {
    collection,
    onOpen: vi.fn(),
    onSaveNote: vi.fn(),
    onDelete: vi.fn(),
    onUndo: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
    ...extra,
  };
}

describe('HighlightList', () => {
  const a = makeHighlight({ id: 'a', selectors: quoted('Andra meningen om terrorism', 200), note: 'Viktig', updated: 3 });
  const b = makeHighlight({ id: 'b', selectors: quoted('Första meningen', 10), color: 'green', updated: 1 });
  const orphan = makeHighlight({ id: 'c', selectors: quoted('Borttagen text', 500), orphan: true, updated: 2 });
  const other = makeHighlight({ id: 'd', dokId: 'H601KU21', title: 'Betänkande KU21', selectors: quoted('Om grundlagen', 5), updated: 9 });
  const all: Highlight[] = [a, b, orphan, other];

  function setup(extra: Partial<Parameters<typeof HighlightList>[0]> = {}) {
    const props = listProps(new HighlightCollection(all), { currentDokId: 'H612523', ...extra });
    const view = render(<HighlightList {...props} />);
    return { props, view };
  }
  const shownIds = () => Array.from(document.querySelectorAll<HTMLElement>('[role="tabpanel"] [data-highlight-id]'), (li) => li.dataset.highlightId);

  test('"Den här sidan": this document only, in document order; orphans marked', () => {
    setup();
    expect(screen.getByRole('tab', { name: 'Den här sidan' }).getAttribute('aria-selected')).toBe('true');
    expect(shownIds()).toEqual(['b', 'a', 'c']);
    const marked = document.querySelector('[data-highlight-id="c"]')!;
    expect(within(marked as HTMLElement).getByText('Hittades inte på sidan')).toBeTruthy();
    expect(document.querySelector('[data-highlight-id="a"] [data-field="orphan"]')).toBeNull();
  });

  test('"Alla": grouped by document with its title, latest worked on first', () => {
    setup();
    fireEvent.click(screen.getByRole('tab', { name: 'Alla' }));
    const groups = Array.from(document.querySelectorAll('.rr-group'), (g) => [g.querySelector('h3')!.textContent, Array.from(g.querySelectorAll<HTMLElement>('[data-highlight-id]'), (li) => li.dataset.highlightId)]);
    expect(groups).toEqual([
      ['Betänkande KU21', ['d']],
      [a.title, ['b', 'a', 'c']],
    ]);
  });

  test('search in text and notes, case-insensitive', () => {
    setup();
    const search = screen.getByLabelText('Sök i markeringar och anteckningar');
    fireEvent.input(search, { target: { value: 'VIKTIG' } });
    expect(shownIds()).toEqual(['a']);
    fireEvent.input(search, { target: { value: 'första meningen' } });
    expect(shownIds()).toEqual(['b']);
    fireEvent.input(search, { target: { value: 'finns inte' } });
    expect(shownIds()).toEqual([]);
    expect(screen.getByText('Inga markeringar på sidan matchar sökningen.')).toBeTruthy();
    expect(matchesSearch(a, 'terrorism viktig')).toBe(true);
    expect(matchesSearch(a, 'terrorism budget')).toBe(false);
  });

  test('edit a note', () => {
    const { props } = setup();
    const item = document.querySelector<HTMLElement>('[data-highlight-id="a"]')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Redigera anteckning' }));
    fireEvent.input(within(item).getByLabelText('Anteckning'), { target: { value: 'Ändrad' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Spara' }));
    expect(props.onSaveNote).toHaveBeenCalledWith(a, 'Ändrad');
  });

  test('delete hides it at once and offers "Ångra"', () => {
    const { props } = setup();
    const item = document.querySelector<HTMLElement>('[data-highlight-id="b"]')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Ta bort' }));
    expect(props.onDelete).toHaveBeenCalledWith(b);
    expect(shownIds()).toEqual(['a', 'c']);
    fireEvent.click(screen.getByRole('button', { name: 'Ångra' }));
    expect(props.onUndo).toHaveBeenCalledWith(b);
    expect(shownIds()).toEqual(['b', 'a', 'c']);
  });

  test('open, export and import call back', () => {
    const { props } = setup({ status: 'Importerade 2 markeringar.' });
    fireEvent.click(within(document.querySelector<HTMLElement>('[data-highlight-id="a"]')!).getByRole('button', { name: 'Visa' }));
    expect(props.onOpen).toHaveBeenCalledWith(a);
    fireEvent.click(screen.getByRole('button', { name: 'Exportera JSON' }));
    fireEvent.click(screen.getByRole('button', { name: 'Exportera Markdown' }));
    expect(vi.mocked(props.onExport).mock.calls).toEqual([['json'], ['markdown']]);
    const input = screen.getByLabelText('Importera (JSON)') as HTMLInputElement;
    const file = new File(['[]'], 'markeringar.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    expect(props.onImport).toHaveBeenCalledWith(file);
    expect(document.querySelector('[data-field="status"]')!.textContent).toBe('Importerade 2 markeringar.');
  });

  test('a tab that shows no document: "Alla" is shown, and the page tab says why it is empty', () => {
    setup({ currentDokId: undefined });
    expect(screen.getByRole('tab', { name: 'Alla' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('tab', { name: 'Den här sidan' }));
    expect(screen.getByText('Fliken visar inget riksdagsdokument.')).toBeTruthy();
  });

  test('text from the page is rendered as text, never as markup', () => {
    setup({ collection: new HighlightCollection([makeHighlight({ id: 'x', selectors: quoted('<img src=x onerror=alert(1)>', 1), note: '<b>fet</b>' })]) });
    expect(document.querySelector('[role="tabpanel"] img, [role="tabpanel"] b')).toBeNull();
    expect(screen.getByText('<b>fet</b>')).toBeTruthy();
  });
});

describe('HighlightList at scale: only what fits is on screen', () => {
  const many = manyHighlights({ count: 1000, documents: 100 });
  const page = many[0]!.dokId;
  const props = (extra: Partial<Parameters<typeof HighlightList>[0]> = {}) => listProps(new HighlightCollection(many), extra);
  const shown = () => document.querySelectorAll('[role="tabpanel"] [data-highlight-id]').length;
  const more = () => screen.getByRole('button', { name: 'Visa fler' });

  test(`"Alla": the first ${FIRST_SHOWN}, in order, and "Visa fler" for the next ${MORE_SHOWN}; a new search starts again`, () => {
    render(<HighlightList {...props()} />);
    expect(shown()).toBe(FIRST_SHOWN);
    expect(screen.getByText(`Visar ${FIRST_SHOWN} av 1000.`)).toBeTruthy();
    // The first ones of the whole grouped list, a group cut part-way at the end.
    const expected = new HighlightCollection(many).groups.flatMap((g) => g.highlights.map((h) => h.id)).slice(0, FIRST_SHOWN);
    expect(Array.from(document.querySelectorAll<HTMLElement>('[role="tabpanel"] [data-highlight-id]'), (li) => li.dataset.highlightId)).toEqual(expected);
    fireEvent.click(more());
    expect(shown()).toBe(FIRST_SHOWN + MORE_SHOWN);
    expect(screen.getByText(`Visar ${FIRST_SHOWN + MORE_SHOWN} av 1000.`)).toBeTruthy();

    const search = screen.getByLabelText('Sök i markeringar och anteckningar');
    fireEvent.input(search, { target: { value: 'och' } });
    const matching = many.filter((h) => matchesSearch(h, 'och')).length;
    expect(matching).toBeGreaterThan(FIRST_SHOWN);
    expect(shown()).toBe(FIRST_SHOWN);
    expect(screen.getByText(`Visar ${FIRST_SHOWN} av ${matching}.`)).toBeTruthy();
    expect(document.querySelector('[role="tabpanel"]')!.getAttribute('data-query')).toBe('och');
    fireEvent.input(search, { target: { value: 'finns inte alls' } });
    expect(screen.queryByRole('button', { name: 'Visa fler' })).toBeNull();
  });

  test('"Den här sidan" is all this document\'s, when they fit', () => {
    render(<HighlightList {...props({ currentDokId: page })} />);
    expect(shown()).toBe(10);
    expect(screen.queryByRole('button', { name: 'Visa fler' })).toBeNull();
  });

  test('the first screen only: the groups known to be complete, and a word that the rest is coming', () => {
    const first = many.filter((h) => h.dokId === page || h.dokId === many[1]!.dokId);
    render(<HighlightList {...props({ collection: new HighlightCollection(first), partial: { groups: 1 }, initialTab: 'all' })} />);
    expect(document.querySelectorAll('.rr-group')).toHaveLength(1);
    expect(screen.getByText('Läser alla markeringar …')).toBeTruthy();
  });

  test('an export or import under way: a labelled progress bar, and no second one can start', () => {
    render(<HighlightList {...props({ progress: { label: 'Sparar … 2000 av 5000', done: 2000, total: 5000 } })} />);
    const bar = screen.getByLabelText('Sparar … 2000 av 5000') as HTMLProgressElement;
    expect(bar.tagName).toBe('PROGRESS');
    expect([bar.value, bar.max]).toEqual([2000, 5000]);
    expect((screen.getByRole('button', { name: 'Exportera JSON' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Exportera Markdown' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText('Importera (JSON)') as HTMLInputElement).disabled).toBe(true);
  });
});

describe('colours meet WCAG AA (4.5:1) in light and dark mode', () => {
  test.each(['light', 'dark'] as const)('%s: every highlight colour, and the panels', (scheme) => {
    for (const color of COLORS) {
      const { background, text } = HIGHLIGHT_PALETTE[scheme][color];
      expect(contrast(background, text), `${scheme} ${color}`).toBeGreaterThanOrEqual(4.5);
    }
    const ui = UI_PALETTE[scheme];
    for (const fg of [ui.text, ui.muted, ui.accent, ui.danger]) expect(contrast(ui.surface, fg), `${scheme} ${fg}`).toBeGreaterThanOrEqual(4.5);
    // Borders and focus rings: 3:1 (non-text contrast).
    expect(contrast(ui.surface, ui.border)).toBeGreaterThanOrEqual(3);
  });

  test('contrast() is the WCAG formula', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  test('the stylesheets carry a dark-mode block, and the page sheet selects only our highlights', () => {
    for (const css of [PANEL_CSS, HIGHLIGHT_LIST_CSS, pageHighlightCss()]) expect(css).toContain('@media (prefers-color-scheme: dark)');
    const selectors = pageHighlightCss()
      .replace(/@media[^{]*\{/g, '')
      .split('}')
      .map((rule) => rule.split('{')[0]!.trim())
      .filter(Boolean)
      .flatMap((s) => s.split(',').map((x) => x.trim()));
    for (const selector of selectors) expect(selector).toMatch(/^(::highlight\(riksref-[a-z]+\)|riksref-highlight(\[[^\]]+\])*)$/);
  });
});
