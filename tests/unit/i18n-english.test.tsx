import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { describeCard, RefCard, type CardState } from '@/components/RefCard';
import { useLanguage } from './i18n-fake';

// The same components in an English browser: our words in English, the documents' own (titles,
// kinds as the open data names them) as they are, dates as English writes them.

beforeEach(() => useLanguage('en'));
afterEach(cleanup);

type Meta = Extract<CardState, { status: 'found' }>['meta'];

const SOU: Meta = {
  id: 'sou:2018:65',
  dokId: 'H6B365',
  kind: 'sou',
  label: 'SOU 2018:65',
  title: 'Informationsutbyte vid samverkan mot terrorism',
  date: '2018-09-27',
  organ: 'Ju',
  organName: 'Justitiedepartementet',
  url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/statens-offentliga-utredningar/_H6B365',
  fetchedAt: Date.UTC(2025, 2, 3, 12),
};

const card = () => document.querySelector<HTMLElement>('.card')!;
const action = (name: string) => document.querySelector<HTMLElement>(`[data-action="${name}"]`);

describe('the document card in English', () => {
  test('words its facts and actions in English and leaves the document its own words', () => {
    render(<RefCard id="sou:2018:65" state={{ status: 'found', meta: SOU, stale: true }} />);
    expect(card().querySelector('.title')?.textContent).toBe('Informationsutbyte vid samverkan mot terrorism');
    expect([...card().querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['Date', 'Ministry']);
    expect(action('open')?.textContent).toBe('Open on riksdagen.se');
    expect(action('copy')?.textContent).toBe('Copy reference');
    expect(card().querySelector('[data-field="stale"]')?.textContent).toBe('Saved details from March 3, 2025. They may have changed since.');
  });

  test('says why it failed, in English', () => {
    render(<RefCard id="sou:2018:65" state={{ status: 'unavailable', reason: 'network' }} />);
    expect(card().querySelector('.problem')?.textContent).toBe('Could not fetch the details');
    expect(card().querySelector('.explain')?.textContent).toBe("No connection to the Riksdag's open data. Are you offline?");
    expect(action('retry')?.textContent).toBe('Try again');
    expect(describeCard('sou:2018:65', { status: 'loading' })).toMatch(/\. Fetching details …$/);
  });

  test('the copy menu and its note', async () => {
    render(<RefCard id="sou:2018:65" state={{ status: 'found', meta: SOU }} onCopy={() => {}} />);
    fireEvent.click(action('copy')!);
    expect(screen.getByRole('menu').getAttribute('aria-label')).toBe('Copy reference as');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Swedish reference' }));
    await waitFor(() => expect(card().querySelector('.copied')?.textContent).toBe('Copied: Swedish reference.'));
  });
});

describe('the law card in English', () => {
  test('a section that is not in the current wording', () => {
    const law: Meta = { ...SOU, id: 'sfs:2010:800', kind: 'sfs', label: 'SFS 2010:800', title: 'Skollag (2010:800)', law: { place: { state: 'missing', label: '10 kap. 2 §' } } } as Meta;
    render(<RefCard id="sfs:2010:800#K10P2" state={{ status: 'found', meta: law }} />);
    expect(card().querySelector('.kind')?.textContent).toBe('Provision');
    expect(card().querySelector('[data-field="missing"]')?.textContent).toBe("10 kap. 2 § is not in the law's current wording");
    expect(action('open-law')?.textContent).toBe('The whole law');
  });
});
