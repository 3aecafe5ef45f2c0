import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { askedBy, describeCard, RefCard, type CardState } from '@/components/RefCard';
import { CARD_PALETTE, TEXT_PAIRS } from '@/components/ref-card-style';
import { fallbackUrl } from '@/lib/refs/labels';

afterEach(cleanup);

type Meta = Extract<CardState, { status: 'found' }>['meta'];

const SOU_META: Meta = {
  id: 'sou:2018:65',
  dokId: 'H6B365',
  kind: 'sou',
  label: 'SOU 2018:65',
  title: 'Informationsutbyte vid samverkan mot terrorism',
  subtitle: 'Betänkande av Utredningen om informationsutbyte vid samverkan mot terrorism',
  date: '2018-09-27',
  organ: 'Ju',
  organName: 'Justitiedepartementet',
  url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/statens-offentliga-utredningar/_H6B365',
  fullTextUrl: 'https://data.riksdagen.se/dokument/H6B365.html',
  pdfUrl: 'https://data.riksdagen.se/fil/H6B365',
  fetchedAt: Date.UTC(2025, 2, 3, 12),
};
const SOU: CardState = { status: 'found', meta: SOU_META };

const FRAGA: CardState = {
  status: 'found',
  meta: {
    id: 'fr:2018/19:523',
    dokId: 'H611523',
    kind: 'fr',
    label: 'fråga 2018/19:523',
    title: 'Säpos lista över kommuner som kan beröras av återvändare från IS',
    subtitle: 'av Roger Haddad (L)',
    date: '2019-04-03',
    status: 'Besvarad 2019-04-17',
    url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/skriftlig-fraga/_H611523',
    answer: {
      dokId: 'H612523',
      url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/_H612523',
      date: '2019-04-17',
      by: 'Mikael Damberg (S)',
    },
    fetchedAt: 1,
  },
};

const card = () => document.querySelector<HTMLElement>('.card')!;
const field = (name: string) => document.querySelector(`[data-field="${name}"]`)?.textContent;
const action = (name: string) => document.querySelector<HTMLElement>(`[data-action="${name}"]`);
/** What Tab visits inside the card, in order: links with href and enabled buttons, none taken out of the order. */
const tabStops = () =>
  [...card().querySelectorAll<HTMLElement>('a[href], button:not([disabled])')]
    .filter((el) => el.tabIndex >= 0)
    .map((el) => el.dataset.action);

describe('RefCard: a document that was found', () => {
  test('shows kind, label, title, subtitle, date and the department in words', () => {
    render(<RefCard id="sou:2018:65" state={SOU} />);
    expect(card().dataset.state).toBe('found');
    expect(card().querySelector('.kind')!.textContent).toBe('Statens offentliga utredningar');
    expect(card().querySelector('.label')!.textContent).toBe('SOU 2018:65');
    expect(screen.getByRole('heading', { name: 'Informationsutbyte vid samverkan mot terrorism' })).toBeTruthy();
    expect(screen.getByText('Betänkande av Utredningen om informationsutbyte vid samverkan mot terrorism')).toBeTruthy();
    expect(field('date')).toBe('2018-09-27');
    expect(field('organ')).toBe('Justitiedepartementet');
    expect(screen.getByText('Departement')).toBeTruthy();
    // The card is a region named by its title.
    expect(screen.getByRole('region', { name: 'Informationsutbyte vid samverkan mot terrorism' })).toBe(card());
  });

  test('its actions lead to the document, its full text and its PDF, in Tab order, then copy', () => {
    render(<RefCard id="sou:2018:65" state={SOU} />);
    expect(action('open')!.getAttribute('href')).toBe(SOU_META.url);
    expect(action('open')!.textContent).toBe('Öppna på riksdagen.se');
    expect(action('full-text')!.getAttribute('href')).toBe('https://data.riksdagen.se/dokument/H6B365.html');
    expect(action('full-text')!.textContent).toBe('Fulltext');
    expect(action('pdf')!.getAttribute('href')).toBe('https://data.riksdagen.se/fil/H6B365');
    expect(tabStops()).toEqual(['open', 'full-text', 'pdf', 'copy']);
    expect(action('retry')).toBeNull();
  });

  test('no PDF and no full text: no such actions', () => {
    const meta = { ...SOU_META };
    delete meta.pdfUrl;
    delete meta.fullTextUrl;
    render(<RefCard id="sou:2018:65" state={{ status: 'found', meta }} />);
    expect(tabStops()).toEqual(['open', 'copy']);
  });

  test('"Kopiera hänvisning" offers the formats and hands the one picked to the caller, then says it is done', async () => {
    const onCopy = vi.fn(async () => {});
    render(<RefCard id="sou:2018:65" state={SOU} onCopy={onCopy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Kopiera hänvisning' }));
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Svensk hänvisning', 'RIS (Zotero, EndNote)', 'BibTeX', 'CSL-JSON']);
    fireEvent.click(screen.getByRole('menuitem', { name: 'BibTeX' }));
    expect(onCopy).toHaveBeenCalledWith('bibtex');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Kopierat: BibTeX.'));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  test('a copy that fails says so instead of pretending', async () => {
    render(<RefCard id="sou:2018:65" state={SOU} onCopy={() => Promise.reject(new Error('denied'))} />);
    fireEvent.click(action('copy')!);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Svensk hänvisning' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Kunde inte kopiera hänvisningen. Försök igen.'));
  });

  test('a question names who asked and who answered, instead of the bare "av …" subtitle', () => {
    render(<RefCard id="fr:2018/19:523" state={FRAGA} />);
    expect(card().querySelector('.kind')!.textContent).toBe('Skriftlig fråga');
    expect(field('asked-by')).toBe('Roger Haddad (L)');
    expect(field('answered-by')).toBe('Mikael Damberg (S)');
    expect(field('status')).toBe('Besvarad 2019-04-17');
    expect(screen.queryByText('av Roger Haddad (L)')).toBeNull();
  });

  test('a committee is named as one; an unknown code is shown as it is', () => {
    const bet = {
      ...SOU_META,
      id: 'bet:2018/19:JuU12',
      kind: 'bet' as const,
      label: 'bet. 2018/19:JuU12',
      organ: 'JuU',
      organName: 'Justitieutskottet',
    };
    render(<RefCard id={bet.id} state={{ status: 'found', meta: bet }} />);
    expect(screen.getByText('Utskott')).toBeTruthy();
    expect(field('organ')).toBe('Justitieutskottet');
    cleanup();
    const odd = { ...bet, organ: 'XyZ' };
    delete (odd as { organName?: string }).organName;
    render(<RefCard id={bet.id} state={{ status: 'found', meta: odd }} />);
    expect(field('organ')).toBe('XyZ');
  });

  test('stale data is shown, with the date it was saved', () => {
    render(<RefCard id="sou:2018:65" state={{ ...SOU, stale: true } as CardState} />);
    expect(card().dataset.stale).toBe('true');
    expect(field('stale')).toBe('Sparade uppgifter från 3 mars 2025. De kan ha ändrats sedan dess.');
    cleanup();
    render(<RefCard id="sou:2018:65" state={SOU} />);
    expect(field('stale')).toBeUndefined();
  });

  test('remote text with markup is shown as text, never parsed', () => {
    const meta = { ...SOU_META, title: '<img src=x onerror=alert(1)>Motion', subtitle: '<b>fet</b>' };
    render(<RefCard id="sou:2018:65" state={{ status: 'found', meta }} />);
    expect(card().querySelector('img, b')).toBeNull();
    expect(card().querySelector('.title')!.textContent).toBe('<img src=x onerror=alert(1)>Motion');
  });
});

describe('RefCard: while loading', () => {
  test('a skeleton under the kind and label it already knows from the id, and nothing to click', () => {
    render(<RefCard id="dir:2017:75" state={{ status: 'loading' }} />);
    expect(card().dataset.state).toBe('loading');
    expect(card().getAttribute('aria-busy')).toBe('true');
    expect(card().querySelector('.kind')!.textContent).toBe('Kommittédirektiv');
    expect(card().querySelector('.label')!.textContent).toBe('dir. 2017:75');
    expect(card().querySelectorAll('.skeleton').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByRole('heading').textContent).toBe('dir. 2017:75: hämtar uppgifter …');
    expect(tabStops()).toEqual([]);
  });

  test('undefined state counts as loading', () => {
    render(<RefCard id="dir:2017:75" state={undefined} />);
    expect(card().dataset.state).toBe('loading');
  });
});

describe('RefCard: when the document is not in the open data', () => {
  test('says so and offers the fallback link', () => {
    render(<RefCard id="sou:2099:1" state={{ status: 'not-found' }} />);
    expect(card().dataset.state).toBe('not-found');
    expect(screen.getByText('Dokumentet hittades inte i Riksdagens öppna data')).toBeTruthy();
    expect(action('open')!.getAttribute('href')).toBe(fallbackUrl('sou:2099:1'));
    expect(action('open')!.textContent).toBe('Sök på riksdagen.se');
    expect(tabStops()).toEqual(['open', 'copy']);
  });

  test('an EU act leads to EUR-Lex', () => {
    render(<RefCard id="eu:reg:2016/679" state={{ status: 'not-found' }} />);
    expect(card().querySelector('.label')!.textContent).toBe('förordning (EU) 2016/679');
    expect(action('open')!.getAttribute('href')).toBe('https://eur-lex.europa.eu/eli/reg/2016/679/oj');
    expect(action('open')!.textContent).toBe('Öppna i EUR-Lex');
  });
});

describe('RefCard: when the service cannot be reached', () => {
  test('says so, why, and offers "Försök igen" first', () => {
    const onRetry = vi.fn();
    render(<RefCard id="skr:2014/15:146" state={{ status: 'unavailable', reason: 'network' }} onRetry={onRetry} />);
    expect(card().dataset.state).toBe('unavailable');
    expect(screen.getByText('Kunde inte hämta uppgifter')).toBeTruthy();
    expect(screen.getByText(/Är du offline\?/)).toBeTruthy();
    expect(tabStops()).toEqual(['retry', 'open', 'copy']);
    const retry = screen.getByRole('button', { name: 'Försök igen' });
    retry.focus();
    expect(document.activeElement).toBe(retry);
    fireEvent.click(retry);
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(action('open')!.getAttribute('href')).toBe(fallbackUrl('skr:2014/15:146'));
  });

  test('copying still works without metadata (the background cites it by its designation)', () => {
    const onCopy = vi.fn();
    render(<RefCard id="skr:2014/15:146" state={{ status: 'unavailable', reason: 'http' }} onCopy={onCopy} />);
    fireEvent.click(action('copy')!);
    fireEvent.click(screen.getByRole('menuitem', { name: 'RIS (Zotero, EndNote)' }));
    expect(onCopy).toHaveBeenCalledWith('ris');
  });
});

describe('card text helpers', () => {
  test('askedBy reads "av X (Y)" only for questions and interpellations', () => {
    expect(askedBy('fr', 'av Roger Haddad (L)')).toBe('Roger Haddad (L)');
    expect(askedBy('ip', ' av Exempel Exempelsson (L) ')).toBe('Exempel Exempelsson (L)');
    expect(askedBy('sou', 'av Utredningen')).toBeUndefined();
    expect(askedBy('fr', 'Besvarad av Mikael Damberg (S)')).toBeUndefined();
    expect(askedBy('fr', undefined)).toBeUndefined();
  });

  test('describeCard gives assistive technology the gist of every state', () => {
    expect(describeCard('sou:2018:65', SOU)).toBe(
      'Statens offentliga utredningar, SOU 2018:65: Informationsutbyte vid samverkan mot terrorism. 2018-09-27. Justitiedepartementet.',
    );
    expect(describeCard('sou:2018:65', { status: 'loading' })).toBe('Statens offentliga utredningar, SOU 2018:65. Hämtar uppgifter …');
    expect(describeCard('sou:2099:1', { status: 'not-found' })).toMatch(/hittades inte/);
    expect(describeCard('sou:2018:65', { status: 'unavailable', reason: 'timeout' })).toMatch(/Kunde inte hämta uppgifter/);
  });
});

describe('card colours meet WCAG AA (4.5:1) in light and dark', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };

  test('the contrast function itself', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  test('every background that text sits on is among the checked pairs (the law text’s too)', () => {
    const backgrounds = Object.keys(CARD_PALETTE.light).filter((name) => /background$/i.test(name));
    expect(backgrounds).toContain('quoteBackground');
    for (const bg of backgrounds) expect(TEXT_PAIRS.some(([, b]) => b === bg)).toBe(true);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test.each(TEXT_PAIRS)(`${scheme}: %s on %s`, (fg, bg) => {
      expect(contrast(CARD_PALETTE[scheme][fg], CARD_PALETTE[scheme][bg])).toBeGreaterThanOrEqual(4.5);
    });
  }
});
