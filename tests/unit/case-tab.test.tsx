import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CaseTab, type CaseApi } from '@/components/CaseTab';
import type { CaseAnswer } from '@/lib/history/messages';

/** An IntersectionObserver the test drives: `show()` puts every observed element on screen. */
let observers: { callback: IntersectionObserverCallback; elements: Element[] }[] = [];
function show() {
  act(() => {
    for (const o of observers) o.callback(o.elements.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), {} as IntersectionObserver);
  });
}

beforeEach(() => {
  observers = [];
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      private entry: { callback: IntersectionObserverCallback; elements: Element[] };
      constructor(callback: IntersectionObserverCallback) {
        this.entry = { callback, elements: [] };
        observers.push(this.entry);
      }
      observe(el: Element) {
        this.entry.elements.push(el);
      }
      disconnect() {
        observers = observers.filter((o) => o !== this.entry);
      }
    },
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const BET: CaseAnswer & { dokId: string } = {
  dokId: 'HB01UbU5',
  label: 'bet. 2023/24:UbU5',
  title: 'Lärarutbildning på språklig grund',
  trail: [
    {
      field: 'treats',
      text: 'Behandlar',
      links: [
        { label: 'prop. 2023/24:20', url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/_HB0320' },
        { label: 'mot. 2023/24:1544', url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/motion/_HB021544' },
        { label: 'mot. 2023/24:1602', url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/motion/_HB021602' },
      ],
    },
    { field: 'decision', text: 'Riksdagen: bifall till utskottets förslag (2 punkter, 1 efter omröstning)' },
  ],
  citedBy: {
    field: 'cited-by',
    text: 'Du har läst 2 dokument som hänvisar hit:',
    links: [
      { label: 'Svar på fråga 2018/19:523', url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/_H612523', title: 'Säpos lista' },
      { label: 'Ett dokument utan beteckning', url: 'https://data.riksdagen.se/dokument/HX9999.html' },
    ],
  },
};

function fakeApi(answers: ((CaseAnswer & { dokId: string }) | null | Error)[]) {
  const queue = [...answers];
  const listeners = new Set<() => void>();
  const api: CaseApi & { load: ReturnType<typeof vi.fn> } = {
    load: vi.fn(async () => {
      const next = queue.length > 1 ? queue.shift()! : queue[0]!;
      if (next instanceof Error) throw next;
      return next;
    }),
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
  return { api, changed: () => act(() => listeners.forEach((l) => l())) };
}

describe('side panel: Ärendet', () => {
  test('asks for nothing until the reader opens it', async () => {
    const { api } = fakeApi([BET]);
    render(<CaseTab api={api} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(api.load).not.toHaveBeenCalled();
    expect(document.querySelector('.case-tab')!.getAttribute('data-phase')).toBe('waiting');
    show();
    await waitFor(() => expect(document.querySelector('.case-tab')!.getAttribute('data-phase')).toBe('ready'));
    expect(api.load).toHaveBeenCalledTimes(1);
  });

  test('the document, its whole trail, and every document read that cites it', async () => {
    const { api } = fakeApi([BET]);
    render(<CaseTab api={api} />);
    show();
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Ärendets gång' })).toBeTruthy());
    expect(document.querySelector('[data-field="document"]')!.textContent).toBe('bet. 2023/24:UbU5 Lärarutbildning på språklig grund');
    expect(document.querySelector('[data-field="treats"]')!.textContent).toBe('Behandlar prop. 2023/24:20, mot. 2023/24:1544, mot. 2023/24:1602');
    expect(screen.getByRole('link', { name: 'mot. 2023/24:1602' }).getAttribute('href')).toBe('https://www.riksdagen.se/sv/dokument-och-lagar/dokument/motion/_HB021602');
    expect(screen.getByRole('heading', { level: 2, name: 'Citeras i' })).toBeTruthy();
    expect(document.querySelector('[data-field="cited-by-count"]')!.textContent).toBe('Du har läst 2 dokument som hänvisar hit:');
    expect([...document.querySelectorAll('[data-field="cited-by"] li')].map((li) => li.textContent)).toEqual([
      'Svar på fråga 2018/19:523 Säpos lista',
      'Ett dokument utan beteckning',
    ]);
  });

  test('a trail that could not be had says why and offers "Försök igen"; what cites it still shows', async () => {
    const { api } = fakeApi([{ ...BET, trail: undefined, failed: 'rate-limited' }, BET]);
    render(<CaseTab api={api} />);
    show();
    await waitFor(() => expect(document.querySelector('[data-trail="failed"]')).not.toBeNull());
    expect(document.querySelector('[data-trail="failed"]')!.textContent).toBe(
      'Ärendets gång kunde inte hämtas. Riksdagens öppna data bad oss vänta en stund. Försök igen',
    );
    expect(document.querySelector('[data-field="cited-by"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    await waitFor(() => expect(document.querySelector('[data-field="treats"]')).not.toBeNull());
    expect(api.load).toHaveBeenCalledTimes(2);
  });

  test('nothing known, nobody citing: said plainly', async () => {
    const { api } = fakeApi([{ dokId: 'HDB312', label: 'SOU 2025:12', title: 'En utredning', trail: [] }]);
    render(<CaseTab api={api} />);
    show();
    await waitFor(() => expect(screen.getByText('Riksdagens öppna data säger inget om ärendets gång för det här dokumentet.')).toBeTruthy());
    expect(screen.getByText('Inget dokument som du har läst med Riksref hänvisar hit.')).toBeTruthy();
  });

  test('no document page in the tab, a failure, and a new page when the tab changes', async () => {
    const { api, changed } = fakeApi([null, new Error('ingen kontakt'), BET]);
    render(<CaseTab api={api} />);
    show();
    await waitFor(() => expect(document.querySelector('.case-tab')!.getAttribute('data-phase')).toBe('no-page'));
    expect(screen.getByText(/Öppna ett dokument på riksdagen.se/)).toBeTruthy();
    changed();
    await waitFor(() => expect(screen.getByText('Ärendet kunde inte läsas: ingen kontakt')).toBeTruthy());
    changed();
    await waitFor(() => expect(document.querySelector('.case-tab')!.getAttribute('data-phase')).toBe('ready'));
  });
});
