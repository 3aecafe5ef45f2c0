import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CacheSection, formatBytes } from '@/components/CacheSection';
import { HighlightList } from '@/components/HighlightList';
import { HighlightPopover } from '@/components/HighlightPopover';
import { HighlightCollection } from '@/lib/highlights/collection';
import { parseImport, toAnnotation } from '@/lib/highlights/web-annotation';
import { exportMarkdown } from '@/lib/highlights/markdown';
import { storageErrorMessage } from '@/lib/db/storage-errors';
import { SelectionToolbar } from '@/components/SelectionToolbar';
import { ReadingHistorySection } from '@/components/ReadingHistorySection';
import { describeCard, RefCard, type CardState } from '@/components/RefCard';
import { ReferenceList, summarize } from '@/components/ReferenceList';
import type { PageReference } from '@/lib/messages/protocol';
import type { TrailFacts } from '@/lib/riksdagen/trail';
import { citedByLine, trailLines } from '@/lib/riksdagen/trail-lines';
import { formatUsage, SyncSection, type SyncStatusView } from '@/components/SyncSection';
import { makeHighlight } from './highlight-fixtures.ts';
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

describe('the options page in English', () => {
  test('numbers and sizes as English writes them', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(12_345)).toBe('12.3 kB');
    expect(formatUsage(700, 102_400)).toBe('Sync: 0.7 of 100 kB');
  });

  test('the cache section', async () => {
    const api = { getStats: async () => ({ count: 1234, approxBytes: 45_600, service: {} }), clear: async () => ({ removed: 1234 }) };
    render(<CacheSection api={api} />);
    await waitFor(() => expect(document.querySelector('[data-field="count"]')?.textContent).toBe('1,234'));
    expect(screen.getByRole('heading').textContent).toBe('Cache');
    expect(screen.getByText('Saved documents')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Empty the cache' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The cache is empty.'));
  });

  test('the sync section, with English plurals (one highlight is, two are)', async () => {
    const status: SyncStatusView = {
      available: true,
      enabled: true,
      usedBytes: 34_900,
      quotaBytes: 102_400,
      synced: 1,
      unsynced: { note: 1, quote: 0, quota: 3 },
    } as SyncStatusView;
    render(<SyncSection api={{ getStatus: async () => status, setEnabled: async () => status }} />);
    await waitFor(() => expect(document.querySelector('[data-field="synced"]')?.textContent).toBe('1 highlight is synced.'));
    expect(screen.getByRole('checkbox', { name: /^Sync highlights between computers/ })).toBeTruthy();
    const localOnly = document.querySelector('[data-field="local-only"]')!.textContent;
    expect(localOnly).toContain('1 highlight with too long a note');
    expect(localOnly).toContain('3 highlights that do not fit');
  });

  test('the reading history, one document removed', async () => {
    const api = { getEnabled: async () => true, setEnabled: async () => {}, getStats: async () => ({ count: 1, approxBytes: 900 }), clear: async () => ({ removed: 1 }) };
    render(<ReadingHistorySection api={api} />);
    await waitFor(() => expect(document.querySelector('[data-field="reading-size"]')?.textContent).toBe('900 bytes'));
    fireEvent.click(screen.getByRole('button', { name: 'Empty the reading history' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The reading history is empty (1 document removed).'));
  });
});

describe('the selection toolbar and the popover in English', () => {
  test('the toolbar names its colours and actions in English', () => {
    render(<SelectionToolbar onHighlight={() => {}} onNote={() => {}} onClose={() => {}} error="x" onRetry={() => {}} />);
    expect(screen.getByRole('toolbar').getAttribute('aria-label')).toMatch(/^Save highlight\. Alt\+Shift\+H/);
    expect(screen.getByRole('button', { name: 'Highlight yellow' })).toBeTruthy();
    expect(screen.getByRole('group').getAttribute('aria-label')).toBe('Colour');
    fireEvent.click(screen.getByRole('button', { name: 'Note' }));
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  test('the popover, with its sync mark, and after a delete', () => {
    const props = { onSaveNote: () => {}, onChangeColor: () => {}, onDelete: () => {}, onUndo: () => {}, onClose: () => {} };
    const { rerender } = render(<HighlightPopover highlight={makeHighlight({ unsynced: 'quota' })} {...props} />);
    expect(screen.getByRole('dialog').getAttribute('aria-label')).toBe('Highlight');
    expect(screen.getByRole('button', { name: 'Make pink' })).toBeTruthy();
    expect(document.querySelector('[data-field="unsynced"]')?.textContent).toBe("Not synced: the browser's sync space is full. It is only on this computer.");
    rerender(<HighlightPopover highlight={makeHighlight()} {...props} deleted />);
    expect(screen.getByRole('status').textContent).toBe('The highlight was deleted.');
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
  });
});

describe('the side panel\'s references in English', () => {
  const ref = (id: string, kind: PageReference['kind'], count: number, state: PageReference['state'] = 'found'): PageReference =>
    ({ id, kind, label: id, count, state, ...(state === 'found' && { title: `Titel ${id}` }) }) as PageReference;

  test('the summary counts in English, a law once however many places', () => {
    expect(summarize([ref('sou:2018:65', 'sou', 1)])).toBe('1 document that the page refers to');
    expect(summarize([ref('sou:2018:65', 'sou', 1), ref('prop:2017/18:1', 'prop', 2), ref('sfs:2009:400#K26P1', 'sfs', 1), ref('sfs:2009:400#K26P2', 'sfs', 1)])).toBe(
      '2 documents and 1 law that the page refers to',
    );
  });

  test('the list: occurrences, a title still coming, the laws and a whole law', () => {
    render(<ReferenceList references={[ref('sou:2018:65', 'sou', 2), ref('prop:2017/18:1', 'prop', 1, 'loading'), ref('sfs:2009:400', 'sfs', 1)]} onReveal={() => {}} />);
    const text = document.body.textContent ?? '';
    expect(text).toContain('2 occurrences');
    expect(text).toContain('1 occurrence');
    expect(text).toContain('Fetching title …');
    expect(screen.getAllByRole('heading').map((h) => h.textContent)).toContain('Laws (1)');
    expect(text).toContain('The whole law');
  });
});

describe('the trail in English', () => {
  const doc = (n: number) => ({ label: `mot. 2023/24:${n}`, doktyp: 'mot' });
  const facts: TrailFacts = {
    dokId: 'HB0320',
    doktyp: 'prop',
    title: 'Lärarutbildning',
    url: 'https://www.riksdagen.se/',
    treatedIn: [{ label: 'bet. 2023/24:UbU5', doktyp: 'bet' }],
    treats: [],
    followUpMotions: [doc(1), doc(2)],
    otherRelations: [],
    proposals: [{ number: '1', chamber: 'Bifall' }],
    points: [],
    statusText: 'Ärendet är avslutat',
    decidedOn: '2023-12-13',
    open: false,
  };

  test("our words in English, the chamber's and the data's own as they are", () => {
    expect(trailLines(facts).map((line) => line.text)).toEqual(['Dealt with in', 'The Riksdag: bifall', 'Decided 2023-12-13', '2 follow-up motions', 'Ärendet är avslutat']);
  });

  test('who cites it: one document, and more than the card names', () => {
    expect(citedByLine(1, [{ label: 'SOU 2018:65' }])?.text).toBe('You have read 1 document that refers here:');
    expect(citedByLine(7, [{ label: 'SOU 2018:65' }])).toMatchObject({ text: 'You have read 7 documents that refer here:', rest: 'and 6 more' });
  });
});

describe("the side panel's highlights in English", () => {
  const callbacks = { onOpen: () => {}, onSaveNote: () => {}, onDelete: () => {}, onUndo: () => {}, onExport: () => {}, onImport: () => {} };

  test('the empty list: its tabs, search, tools and what to do first', () => {
    render(<HighlightList collection={new HighlightCollection([])} {...callbacks} />);
    expect(screen.getByRole('region', { name: 'Highlights' })).toBeTruthy();
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['This page', 'All']);
    expect(screen.getByLabelText('Search highlights and notes')).toBeTruthy();
    expect(document.querySelector('.rr-muted')?.textContent).toBe('No highlights yet. Select text in a document on riksdagen.se to save it.');
    expect([action('export-json'), action('export-markdown')].map((b) => b?.textContent)).toEqual(['Export JSON', 'Export Markdown']);
    expect(screen.getByLabelText('Import (JSON)')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'This page' }));
    expect(document.querySelector('.rr-muted')?.textContent).toBe('The tab shows no Riksdag document.');
  });

  test('one highlight: named by its colour in English, its own words as they are', () => {
    const h = makeHighlight({ color: 'green', note: 'Citera i rapporten', orphan: true });
    render(<HighlightList collection={new HighlightCollection([h])} {...callbacks} currentDokId={h.dokId} />);
    const item = screen.getByRole('listitem', { name: 'Green highlight' });
    expect(item.querySelector('blockquote')?.textContent).toBe(h.selectors.quote.exact);
    expect(item.querySelector('.rr-note')?.textContent).toBe('Citera i rapporten');
    expect(item.querySelector('[data-field="orphan"]')?.textContent).toBe('Not found on the page');
    expect([...item.querySelectorAll('.rr-row button')].map((b) => b.textContent)).toEqual(['Show', 'Edit note', 'Delete']);
    fireEvent.click(action('edit-note')!);
    expect(screen.getByLabelText('Note')).toBeTruthy();
    expect([action('save-note'), action('cancel')].map((b) => b?.textContent)).toEqual(['Save', 'Cancel']);
    fireEvent.input(screen.getByLabelText('Search highlights and notes'), { target: { value: 'zzzz' } });
    expect(document.querySelector('.rr-muted')?.textContent).toBe('No highlights on this page match the search.');
  });
});

describe('errors from the background in English', () => {
  test('a full disk, and a database error in its own words', () => {
    const full = Object.assign(new Error('x'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    expect(storageErrorMessage(full)).toBe(
      'The highlight could not be saved: the browser has no more storage space for Riksref. Free some space (for example Empty the cache under Settings) and try again.',
    );
    expect(storageErrorMessage(new Error('disk on fire'), 'highlight_deleteFailed')).toBe('The highlight could not be deleted: disk on fire.');
  });

  test('an import names the entry and the field in English, zod included', () => {
    const good = toAnnotation(makeHighlight());
    expect(parseImport([])).toEqual({ ok: false, error: 'The file contains no highlights.' });
    expect(parseImport([good, { ...good, target: { ...good.target, selector: [] } }])).toEqual({
      ok: false,
      error: 'Entry 2 (index 1) is invalid: target.selector: lacks a TextQuoteSelector. Nothing was imported.',
    });
    expect(parseImport([good, good])).toEqual({
      ok: false,
      error: `Entry 2 (index 1) is invalid: id ${makeHighlight().id} already occurs earlier in the file. Nothing was imported.`,
    });
    const bad = parseImport([{ ...good, created: 'igår' }]);
    expect(bad.ok === false && bad.error).toBe('Entry 1 (index 0) is invalid: created: not a date (ISO 8601). Nothing was imported.');
    const wrongType = parseImport([{ ...good, type: 'Note' }]);
    expect(wrongType.ok === false && wrongType.error).toMatch(/^Entry 1 \(index 0\) is invalid: .*[Ii]nvalid input.*\. Nothing was imported\.$/);
  });
});

describe('the Markdown export in English', () => {
  test('our headings and labels in English, dates as English writes them, the document its own words', () => {
    const h = makeHighlight({ color: 'blue', note: 'Min anteckning', orphan: true, created: Date.UTC(2025, 3, 17, 12) });
    const md = exportMarkdown([h], Date.UTC(2025, 4, 1, 12), new Map([[h.dokId, 'Fråga 2017/18:1234']]));
    expect(md).toBe(
      [
        '# Highlights from Riksref',
        '',
        'Exported 5/1/25.',
        '',
        `## ${h.title} (${h.dokId})`,
        '',
        `<${h.url}>`,
        '',
        'Reference: Fråga 2017/18:1234',
        '',
        `> ${h.selectors.quote.exact}`,
        '',
        '*Blue highlight, 4/17/25 – not found on the page last time*',
        '',
        'Min anteckning',
        '',
      ].join('\n'),
    );
  });
});
