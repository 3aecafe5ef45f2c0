import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CardExtras } from '@/components/CardTrail';
import { describeCard, RefCard, type CardState } from '@/components/RefCard';
import type { TrailAnswer } from '@/lib/messages/protocol';

afterEach(cleanup);

const BET_URL = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/_HB01UbU5';
const PROP: CardState = {
  status: 'found',
  meta: {
    id: 'prop:2023/24:20',
    dokId: 'HB0320',
    kind: 'prop',
    label: 'prop. 2023/24:20',
    title: 'På språklig grund',
    date: '2023-10-03',
    organ: 'Utbildningsdepartementet',
    status: 'Utskottsberedning 2023/24:UbU5 Riksdagsbeslut (1 förslag): 1 bifall',
    url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/_HB0320',
    fetchedAt: 1,
  },
};
const TRAIL: NonNullable<TrailAnswer['trail']> = [
  { field: 'treated-in', text: 'Behandlad i', links: [{ label: 'bet. 2023/24:UbU5', url: BET_URL, title: 'Lärarutbildning på språklig grund' }] },
  { field: 'decision', text: 'Riksdagen: bifall' },
  { field: 'decided', text: 'Beslutad 2023-12-13' },
  { field: 'motions', text: '2 följdmotioner' },
  { field: 'matter-status', text: 'Ärendet är avslutat' },
];
const ready = (answer: TrailAnswer): CardExtras => answer;
/** The card's terms (as its facts), for what the part adds. */
const terms = () => [...document.querySelectorAll('.extras dt')].map((dt) => dt.textContent);

const field = (name: string) => document.querySelector(`[data-field="${name}"]`)?.textContent;
/** `loading` while the trail is asked for, `failed` when it could not be had, else `ready`. */
const trailState = () => {
  const part = document.querySelector<HTMLElement>('.extras');
  if (!part) return undefined;
  if (part.getAttribute('aria-busy') === 'true') return 'loading';
  return part.querySelector('.problem') ? 'failed' : 'ready';
};

describe('the card’s trail', () => {
  test('while the trail comes: a placeholder below the facts, and the rest of the card as it is', () => {
    render(<RefCard id="prop:2023/24:20" state={PROP} extras="loading" />);
    expect(trailState()).toBe('loading');
    expect(document.querySelector('.extras .skeleton')).not.toBeNull();
    expect(screen.getByRole('heading', { name: 'På språklig grund' })).toBeTruthy();
    expect(field('status')).toBe(PROP.meta.status);
    expect(document.querySelector('[data-action="open"]')).not.toBeNull();
  });

  test('the lines as given, every document a link to its page; the status line gives way to them', () => {
    render(<RefCard id="prop:2023/24:20" state={PROP} extras={ready({ trail: TRAIL })} />);
    expect(trailState()).toBe('ready');
    expect(terms()).toEqual(['Ärendets gång']);
    expect([...document.querySelectorAll('.trail li')].map((li) => li.textContent)).toEqual([
      'Behandlad i bet. 2023/24:UbU5',
      'Riksdagen: bifall',
      'Beslutad 2023-12-13',
      '2 följdmotioner',
      'Ärendet är avslutat',
    ]);
    const bet = screen.getByRole('link', { name: 'bet. 2023/24:UbU5' });
    expect(bet.getAttribute('href')).toBe(BET_URL);
    expect(bet.getAttribute('title')).toBe('Lärarutbildning på språklig grund');
    expect(field('status')).toBeUndefined();
    expect(field('date')).toBe('2023-10-03');
  });

  test('a failure keeps the rest of the card, says so, and offers "Försök igen"', () => {
    const onRetryTrail = vi.fn();
    render(<RefCard id="prop:2023/24:20" state={PROP} extras={ready({ failed: 'timeout' })} onRetryTrail={onRetryTrail} />);
    expect(trailState()).toBe('failed');
    expect(document.querySelector('.extras .problem')!.textContent).toBe('Ärendets gång kunde inte hämtas Försök igen');
    expect(terms()).toEqual([]);
    expect(screen.getByRole('heading', { name: 'På språklig grund' })).toBeTruthy();
    expect(field('status')).toBe(PROP.meta.status);
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(onRetryTrail).toHaveBeenCalledTimes(1);
    // The metadata's own retry is not offered: the metadata is fine.
    expect(document.querySelector('[data-action="retry"]')).toBeNull();
  });

  test('no trail to show (an SOU, a document not in the open data): nothing at all', () => {
    render(<RefCard id="prop:2023/24:20" state={PROP} extras={ready({})} />);
    expect(trailState()).toBe('ready');
    expect(document.querySelector('.extras')!.textContent).toBe('');
    expect(field('status')).toBe(PROP.meta.status);
  });

  test('"Citeras i": how many documents read cite it, the newest five as links, and how many more', () => {
    const links = Array.from({ length: 5 }, (_, i) => ({ label: `bet. 2023/24:UbU${i + 1}`, url: `https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/_HB01UbU${i + 1}`, title: `Betänkande ${i + 1}` }));
    render(
      <RefCard
        id="prop:2023/24:20"
        state={PROP}
        extras={ready({ trail: TRAIL, citedBy: { field: 'cited-by', text: 'Du har läst 7 dokument som hänvisar hit:', links, rest: 'och 2 till' } })}
      />,
    );
    expect(terms()).toEqual(['Ärendets gång', 'Citeras i']);
    expect(field('cited-by')).toBe(
      'Du har läst 7 dokument som hänvisar hit: bet. 2023/24:UbU1, bet. 2023/24:UbU2, bet. 2023/24:UbU3, bet. 2023/24:UbU4, bet. 2023/24:UbU5 och 2 till',
    );
    expect(screen.getByRole('link', { name: 'bet. 2023/24:UbU3' }).getAttribute('href')).toBe('https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/_HB01UbU3');
  });

  test('also on a card whose document is not in the open data', () => {
    render(
      <RefCard
        id="sou:2099:1"
        state={{ status: 'not-found' }}
        extras={ready({
          citedBy: { field: 'cited-by', text: 'Du har läst 1 dokument som hänvisar hit:', links: [{ label: 'Svar på fråga 2018/19:523', url: 'https://data.riksdagen.se/dokument/H612523.html' }] },
        })}
      />,
    );
    expect(field('cited-by')).toBe('Du har läst 1 dokument som hänvisar hit: Svar på fråga 2018/19:523');
  });

  test('remote words stay text; a document without an address is named, not linked', () => {
    render(
      <RefCard
        id="prop:2023/24:20"
        state={PROP}
        extras={ready({ trail: [{ field: 'relation', text: '<b>hänvisning</b>:', links: [{ label: '<img src=x onerror=alert(1)>' }], rest: 'och <i>1</i> till' }] })}
      />,
    );
    expect(document.querySelector('.trail li')!.textContent).toBe('<b>hänvisning</b>: <img src=x onerror=alert(1)> och <i>1</i> till');
    expect(document.querySelector('.extras img, .extras b, .extras i')).toBeNull();
    // Named without an address: an <a> without href, which is text, not a link.
    expect(document.querySelector('.trail a')!.hasAttribute('href')).toBe(false);
    expect(screen.queryByRole('link', { name: '<img src=x onerror=alert(1)>' })).toBeNull();
  });

  test('nothing of it while the card itself is loading or failed, and none on a law card', () => {
    render(<RefCard id="prop:2023/24:20" state={{ status: 'loading' }} extras={ready({ trail: TRAIL })} />);
    expect(document.querySelector('.extras')).toBeNull();
    cleanup();
    render(<RefCard id="sfs:2009:400" state={{ status: 'loading' }} extras={ready({ trail: TRAIL })} />);
    expect(document.querySelector('.extras')).toBeNull();
  });

  test('the description for assistive technology is unchanged by it', () => {
    expect(describeCard('prop:2023/24:20', PROP)).toBe('Proposition, prop. 2023/24:20: På språklig grund. 2023-10-03. Utbildningsdepartementet.');
  });
});
