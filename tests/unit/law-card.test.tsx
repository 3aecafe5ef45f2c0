import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { mayPredateWording } from '@/components/LawCard';
import { describeCard, RefCard, type CardState } from '@/components/RefCard';
import { LAW_TEXT_MAX_HEIGHT_PX, REF_CARD_CSS } from '@/components/ref-card-style';

afterEach(cleanup);

type Meta = Extract<CardState, { status: 'found' }>['meta'];

const OSL_URL = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/offentlighets-och-sekretesslag-2009400_sfs-2009-400/';

// 26 kap. 1 § OSL, two stycken, as the background answers for `sfs:2009:400#K26P1`.
const PLACE_META: Meta = {
  id: 'sfs:2009:400#K26P1',
  dokId: 'sfs-2009-400',
  kind: 'sfs',
  label: 'SFS 2009:400',
  title: 'Offentlighets- och sekretesslag (2009:400)',
  date: '2009-05-28',
  url: `${OSL_URL}#K26P1`,
  fetchedAt: Date.UTC(2026, 2, 3, 12),
  law: {
    sfs: '2009:400',
    consolidatedThrough: 't.o.m. SFS 2026:120',
    place: {
      anchor: 'K26P1',
      label: '26 kap. 1 §',
      state: 'found',
      chapterTitle: 'Sekretess till skydd för enskild inom socialtjänsten',
      paragraphs: [
        'Sekretess gäller inom socialtjänsten för uppgift om en enskilds personliga förhållanden, om det inte står klart att uppgiften kan röjas utan att den enskilde eller någon närstående till denne lider men.',
        'Med socialtjänst avses även verksamhet enligt den särskilda lagstiftningen om vård av unga och av missbrukare.',
      ],
    },
  },
};
const FOUND: CardState = { status: 'found', meta: PLACE_META };

function withPlace(place: Partial<NonNullable<NonNullable<Meta['law']>['place']>>, meta: Partial<Meta> = {}): CardState {
  const law = meta.law ?? PLACE_META.law!;
  return { status: 'found', meta: { ...PLACE_META, ...meta, law: { ...law, place: { ...PLACE_META.law!.place!, ...place } } } };
}

const WHOLE_LAW: CardState = {
  status: 'found',
  meta: { ...PLACE_META, id: 'sfs:2009:400', url: OSL_URL, law: { sfs: '2009:400', consolidatedThrough: 't.o.m. SFS 2026:120' } },
};

const card = () => document.querySelector<HTMLElement>('.card')!;
const field = (name: string) => document.querySelector<HTMLElement>(`[data-field="${name}"]`);
const action = (name: string) => document.querySelector<HTMLElement>(`[data-action="${name}"]`);
/** What Tab visits inside the card, in order (the hover card feature's own list of stops). */
const tabStops = () =>
  [...card().querySelectorAll<HTMLElement>('a[href], button:not([disabled]), [tabindex="0"]')].map(
    (el) => el.dataset.action ?? el.dataset.field,
  );

describe('law card: a section that was found', () => {
  test('the title as the open data gives it, the place, its chapter, how far the text is consolidated', () => {
    render(<RefCard id="sfs:2009:400#K26P1" state={FOUND} />);
    expect(card().dataset.state).toBe('found');
    expect(card().dataset.place).toBe('found');
    expect(card().dataset.kind).toBe('sfs');
    expect(card().querySelector('.kind')!.textContent).toBe('Lagrum');
    expect(card().querySelector('.label')!.textContent).toBe('SFS 2009:400');
    expect(screen.getByRole('region', { name: 'Offentlighets- och sekretesslag (2009:400)' })).toBe(card());
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Offentlighets- och sekretesslag (2009:400)');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('26 kap. 1 §');
    expect(field('chapter')!.textContent).toBe('Sekretess till skydd för enskild inom socialtjänsten');
    expect(field('consolidated')!.textContent).toBe('t.o.m. SFS 2026:120');
    expect(screen.getByText('Ändrad')).toBeTruthy();
  });

  test('every stycke is its own paragraph, in order, in a labelled region of its own', () => {
    render(<RefCard id="sfs:2009:400#K26P1" state={FOUND} />);
    const text = screen.getByRole('region', { name: 'Lagtext, 26 kap. 1 §' });
    expect(text).toBe(field('law-text'));
    expect([...text.querySelectorAll('p')].map((p) => p.textContent)).toEqual(PLACE_META.law!.place!.paragraphs);
  });

  test('a long text scrolls inside the card and is reachable by keyboard, before the actions', () => {
    const long = Array.from({ length: 12 }, (_, i) => `${i + 1}. ${'Lång punkt i paragrafen. '.repeat(8)}`);
    render(<RefCard id="sfs:2009:400#K26P1" state={withPlace({ paragraphs: long })} />);
    expect(field('law-text')!.querySelectorAll('p')).toHaveLength(12);
    expect(field('law-text')!.tabIndex).toBe(0);
    expect(tabStops()).toEqual(['law-text', 'open-place', 'open-law', 'copy']);
    // The cap and the scroll are the card's CSS (happy-dom does not lay out, so read the rule).
    const rule = /\.law-text \{([^}]*)\}/.exec(REF_CARD_CSS)![1]!;
    expect(rule).toContain(`max-height: min(${LAW_TEXT_MAX_HEIGHT_PX}px, 40vh)`);
    expect(rule).toContain('overflow-y: auto');
  });

  test('markup in the law text stays text', () => {
    render(
      <RefCard
        id="sfs:2009:400#K26P1"
        state={withPlace({ paragraphs: ['<img src=x onerror=alert(1)>Sekretess <b>gäller</b>'], chapterTitle: '<i>Rubrik</i>' })}
      />,
    );
    expect(card().querySelector('img, b, i')).toBeNull();
    expect(field('law-text')!.textContent).toBe('<img src=x onerror=alert(1)>Sekretess <b>gäller</b>');
    expect(field('chapter')!.textContent).toBe('<i>Rubrik</i>');
  });

  test('"Öppna paragrafen" opens the place, "Hela lagen" the law, on riksdagen.se by default', () => {
    render(<RefCard id="sfs:2009:400#K26P1" state={FOUND} />);
    expect(action('open-place')!.textContent).toBe('Öppna paragrafen');
    expect(action('open-place')!.getAttribute('href')).toBe(`${OSL_URL}#K26P1`);
    expect(action('open-law')!.textContent).toBe('Hela lagen');
    expect(action('open-law')!.getAttribute('href')).toBe(OSL_URL);
    expect(action('retry')).toBeNull();
  });

  test('the place is the fragment even when the open data gives the law’s address without it', () => {
    render(<RefCard id="sfs:2009:400#K26P1" state={withPlace({}, { url: OSL_URL })} />);
    expect(action('open-place')!.getAttribute('href')).toBe(`${OSL_URL}#K26P1`);
  });

  test('with lagen.nu chosen, both links go to lagen.nu whatever the open data’s address', () => {
    render(<RefCard id="sfs:2009:400#K26P1" state={FOUND} lawSite="lagen.nu" />);
    expect(action('open-place')!.getAttribute('href')).toBe('https://lagen.nu/2009:400#K26P1');
    expect(action('open-law')!.getAttribute('href')).toBe('https://lagen.nu/2009:400');
  });

  test('"Kopiera hänvisning" offers the formats (the Swedish one cites the law as running text does, lib/cite)', async () => {
    const onCopy = vi.fn(async () => {});
    render(<RefCard id="sfs:2009:400#K26P1" state={FOUND} onCopy={onCopy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Kopiera hänvisning' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Svensk hänvisning' }));
    expect(onCopy).toHaveBeenCalledWith('swedish');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Kopierat: Svensk hänvisning.'));
  });

  test('a chapter alone: "Öppna kapitlet"', () => {
    const state = withPlace({ anchor: 'K26', label: '26 kap.' }, { id: 'sfs:2009:400#K26', url: `${OSL_URL}#K26` });
    render(<RefCard id="sfs:2009:400#K26" state={state} />);
    expect(action('open-place')!.textContent).toBe('Öppna kapitlet');
    expect(action('open-place')!.getAttribute('href')).toBe(`${OSL_URL}#K26`);
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('26 kap.');
  });
});

describe('law card: the note on the current wording', () => {
  const note = () => field('current-wording');

  test('shown when the page’s document is older than the consolidated text', () => {
    render(<RefCard id="sfs:2009:400#K26P1" state={FOUND} documentDate="2019-05-02" />);
    expect(note()!.textContent).toBe(
      'Detta är paragrafens nuvarande lydelse. Den kan skilja sig från lydelsen när dokumentet skrevs (2019-05-02).',
    );
  });

  test('not shown for a document newer than the last amendment, nor without a document date', () => {
    const older = withPlace({}, { law: { ...PLACE_META.law!, consolidatedThrough: 't.o.m. SFS 2018:1200' } });
    render(<RefCard id="sfs:2009:400#K26P1" state={older} documentDate="2019-05-02" />);
    expect(field('consolidated')!.textContent).toBe('t.o.m. SFS 2018:1200');
    expect(note()).toBeNull();
    cleanup();
    render(<RefCard id="sfs:2009:400#K26P1" state={FOUND} />);
    expect(note()).toBeNull();
  });

  test('not shown where no section text is shown', () => {
    render(<RefCard id="sfs:2009:400#K26P1" state={withPlace({ state: 'missing', paragraphs: undefined })} documentDate="2019-05-02" />);
    expect(note()).toBeNull();
    cleanup();
    render(<RefCard id="sfs:2009:400" state={WHOLE_LAW} documentDate="2019-05-02" />);
    expect(note()).toBeNull();
  });

  test('mayPredateWording compares the document’s year with the amending SFS number’s year', () => {
    expect(mayPredateWording('2019-05-02', 't.o.m. SFS 2026:120')).toBe(true);
    // The same year cannot be told apart (the number says when it was issued, not in force): shown.
    expect(mayPredateWording('2026-11-30', 't.o.m. SFS 2026:120')).toBe(true);
    expect(mayPredateWording('2027-01-10', 't.o.m. SFS 2026:120')).toBe(false);
    expect(mayPredateWording(undefined, 't.o.m. SFS 2026:120')).toBe(false);
    expect(mayPredateWording('2019-05-02', undefined)).toBe(false);
    expect(mayPredateWording('maj 2019', 't.o.m. SFS 2026:120')).toBe(false);
  });
});

describe('law card: a section not in the current text', () => {
  test('says so, and links the whole law only', () => {
    render(<RefCard id="sfs:2009:400#K26P1" state={withPlace({ state: 'missing', paragraphs: undefined, chapterTitle: undefined })} />);
    expect(card().dataset.state).toBe('found');
    expect(card().dataset.place).toBe('missing');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Offentlighets- och sekretesslag (2009:400)');
    expect(field('missing')!.textContent).toBe('26 kap. 1 § finns inte i lagens nuvarande lydelse');
    expect(screen.getByText(/kan ha upphävts eller fått ett nytt nummer/)).toBeTruthy();
    expect(field('law-text')).toBeNull();
    expect(action('open-place')).toBeNull();
    expect(action('open-law')!.getAttribute('href')).toBe(OSL_URL);
    expect(tabStops()).toEqual(['open-law', 'copy']);
  });
});

describe('law card: the section’s text could not be had', () => {
  test('the law is shown, the text is not, and "Försök igen" asks again', () => {
    const onRetry = vi.fn();
    const state = withPlace({ state: 'unavailable', paragraphs: undefined, reason: 'timeout' });
    render(<RefCard id="sfs:2009:400#K26P1" state={state} onRetry={onRetry} />);
    expect(card().dataset.place).toBe('unavailable');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Offentlighets- och sekretesslag (2009:400)');
    expect(field('text-unavailable')!.textContent).toBe('Paragrafens text kunde inte hämtas');
    expect(screen.getByText('Riksdagens öppna data svarade inte i tid.')).toBeTruthy();
    expect(tabStops()).toEqual(['retry', 'open-place', 'open-law', 'copy']);
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('law card: the law is not in the open data, or the service failed, or it is loading', () => {
  test('not found: says so in the law’s words; the links still try the chosen site', () => {
    render(<RefCard id="sfs:2009:400#K26P1" state={{ status: 'not-found' }} lawSite="lagen.nu" />);
    expect(card().dataset.state).toBe('not-found');
    expect(screen.getByText('Lagen hittades inte i Riksdagens öppna data')).toBeTruthy();
    expect(screen.getByText('Länkarna försöker ändå öppna den på lagen.nu.')).toBeTruthy();
    // Without the open data's title, the table's name for the law.
    expect(screen.getByRole('heading').textContent).toBe('26 kap. 1 § offentlighets- och sekretesslagen (2009:400)');
    expect(action('open-place')!.getAttribute('href')).toBe('https://lagen.nu/2009:400#K26P1');
    expect(action('open-law')!.getAttribute('href')).toBe('https://lagen.nu/2009:400');
    expect(action('retry')).toBeNull();
  });

  test('not found, a law the table does not know: its number', () => {
    render(<RefCard id="sfs:2031:5#P3" state={{ status: 'not-found' }} />);
    expect(screen.getByRole('heading').textContent).toBe('3 § SFS 2031:5');
    expect(action('open-place')!.getAttribute('href')).toBe(
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/_sfs-2031-5/#P3',
    );
  });

  test('unavailable: why, "Försök igen" first, then the links and copy', () => {
    const onRetry = vi.fn();
    render(<RefCard id="sfs:2009:400#K26P1" state={{ status: 'unavailable', reason: 'network' }} onRetry={onRetry} />);
    expect(card().dataset.state).toBe('unavailable');
    expect(screen.getByText('Kunde inte hämta uppgifter')).toBeTruthy();
    expect(screen.getByText(/Är du offline\?/)).toBeTruthy();
    expect(tabStops()).toEqual(['retry', 'open-place', 'open-law', 'copy']);
    fireEvent.click(action('retry')!);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  test('loading: a skeleton under what the id already says, and nothing to click', () => {
    render(<RefCard id="sfs:2009:400#K26P1" state={{ status: 'loading' }} />);
    expect(card().dataset.state).toBe('loading');
    expect(card().getAttribute('aria-busy')).toBe('true');
    expect(card().querySelector('.kind')!.textContent).toBe('Lagrum');
    expect(card().querySelectorAll('.skeleton').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByRole('heading').textContent).toBe('26 kap. 1 § offentlighets- och sekretesslagen (2009:400): hämtar uppgifter …');
    expect(tabStops()).toEqual([]);
  });
});

describe('law card: a law as a whole', () => {
  test('title, SFS number, consolidation and one link to the law', async () => {
    const onCopy = vi.fn();
    render(<RefCard id="sfs:2009:400" state={WHOLE_LAW} onCopy={onCopy} />);
    expect(card().querySelector('.kind')!.textContent).toBe('Svensk författningssamling');
    expect(card().dataset.place).toBeUndefined();
    expect(screen.getByRole('heading').textContent).toBe('Offentlighets- och sekretesslag (2009:400)');
    expect(field('sfs')!.textContent).toBe('2009:400');
    expect(field('consolidated')!.textContent).toBe('t.o.m. SFS 2026:120');
    expect(field('law-text')).toBeNull();
    expect(action('open-law')!.textContent).toBe('Öppna lagen');
    expect(action('open-law')!.getAttribute('href')).toBe(OSL_URL);
    expect(tabStops()).toEqual(['open-law', 'copy']);
    fireEvent.click(action('copy')!);
    fireEvent.click(screen.getByRole('menuitem', { name: 'CSL-JSON' }));
    expect(onCopy).toHaveBeenCalledWith('csl-json');
  });

  test('on lagen.nu when chosen', () => {
    render(<RefCard id="sfs:2009:400" state={WHOLE_LAW} lawSite="lagen.nu" />);
    expect(action('open-law')!.getAttribute('href')).toBe('https://lagen.nu/2009:400');
  });
});

describe('law card: one card, moved between a document and a law', () => {
  test('the card for a law replaces the document card and back', () => {
    const { rerender } = render(<RefCard id="sou:2099:1" state={{ status: 'not-found' }} />);
    expect(screen.getByText('Dokumentet hittades inte i Riksdagens öppna data')).toBeTruthy();
    rerender(<RefCard id="sfs:2009:400#K26P1" state={FOUND} />);
    expect(card().dataset.kind).toBe('sfs');
    expect(field('law-text')).not.toBeNull();
    rerender(<RefCard id="sou:2099:1" state={{ status: 'not-found' }} />);
    expect(field('law-text')).toBeNull();
    expect(action('open')!.textContent).toBe('Sök på riksdagen.se');
  });
});

describe('describeCard for laws', () => {
  test('a section: the law, the place and the start of its words', () => {
    expect(describeCard('sfs:2009:400#K26P1', FOUND)).toBe(
      'Lagrum, 26 kap. 1 § SFS 2009:400: Offentlighets- och sekretesslag (2009:400). Sekretess gäller inom socialtjänsten för uppgift om en enskilds personliga förhållanden, om det inte står klart att uppgiften kan röjas utan att den enskilde eller någon närstående till denne lider men. Med socialtjänst avses även … Ändrad t.o.m. SFS 2026:120.',
    );
  });

  test('every other state', () => {
    expect(describeCard('sfs:2009:400#K26P1', { status: 'loading' })).toBe('Lagrum, 26 kap. 1 § SFS 2009:400. Hämtar uppgifter …');
    expect(describeCard('sfs:2009:400#K26P1', { status: 'not-found' })).toBe(
      'Lagrum, 26 kap. 1 § SFS 2009:400. Lagen hittades inte i Riksdagens öppna data.',
    );
    expect(describeCard('sfs:2009:400#K26P1', { status: 'unavailable', reason: 'http' })).toBe(
      'Lagrum, 26 kap. 1 § SFS 2009:400. Kunde inte hämta uppgifter.',
    );
    expect(describeCard('sfs:2009:400#K26P1', withPlace({ state: 'missing', paragraphs: undefined }))).toBe(
      'Lagrum, 26 kap. 1 § SFS 2009:400: Offentlighets- och sekretesslag (2009:400). 26 kap. 1 § finns inte i lagens nuvarande lydelse. Ändrad t.o.m. SFS 2026:120.',
    );
    expect(describeCard('sfs:2009:400#K26P1', withPlace({ state: 'unavailable', paragraphs: undefined }))).toMatch(
      /Paragrafens text kunde inte hämtas\. /,
    );
    expect(describeCard('sfs:2009:400', WHOLE_LAW)).toBe(
      'Svensk författningssamling, SFS 2009:400: Offentlighets- och sekretesslag (2009:400). Ändrad t.o.m. SFS 2026:120.',
    );
  });
});
