import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ReferenceExport } from '@/components/ReferenceExport';
import { ReferencesTab, type PageReferencesApi } from '@/components/ReferencesTab';
import type { PageReference } from '@/lib/messages/protocol';

afterEach(cleanup);

/* The side panel's export of the page's references (the file itself: tests/unit/cite.test.ts). */

const REFS: PageReference[] = [
  { id: 'sou:2018:65', kind: 'sou', label: 'SOU 2018:65', title: 'Informationsutbyte vid samverkan mot terrorism', state: 'found', count: 3 },
  { id: 'dir:2017:75', kind: 'dir', label: 'dir. 2017:75', state: 'unavailable', count: 1 },
];
const PAGE_URL = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/_H612523';

function api(page: { url: string; references: PageReference[] } | null): PageReferencesApi {
  return { load: async () => page, reveal: async () => ({ occurrence: 0, count: 1 }), subscribe: () => () => {} };
}

const status = () => document.querySelector('[data-field="export-status"]')!.textContent;

describe('ReferenceExport', () => {
  test('a labelled group of one button per format; a click makes that file and says where it went', async () => {
    const onExport = vi.fn(async () => ({ filename: 'riksref-referenser-H612523-2026-12-01.bib', count: 2 }));
    render(<ReferenceExport onExport={onExport} />);
    const group = screen.getByRole('group', { name: 'Exportera referenserna till Zotero, EndNote m.fl.' });
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['RIS', 'BibTeX', 'CSL-JSON']);
    fireEvent.click(screen.getByRole('button', { name: 'BibTeX' }));
    expect(onExport).toHaveBeenCalledWith('bibtex');
    await waitFor(() => expect(status()).toBe('Exporterade 2 referenser till riksref-referenser-H612523-2026-12-01.bib.'));
  });

  test('while a file is being made the buttons wait; a failure says why', async () => {
    let fail!: (error: Error) => void;
    render(<ReferenceExport onExport={() => new Promise((_, reject) => (fail = reject))} />);
    fireEvent.click(screen.getByRole('button', { name: 'RIS' }));
    await waitFor(() => expect(status()).toBe('Exporterar …'));
    expect(screen.getAllByRole('button').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    fail(new Error('bakgrunden svarar inte'));
    await waitFor(() => expect(status()).toBe('Exporten misslyckades: bakgrunden svarar inte'));
    expect(screen.getAllByRole('button').some((b) => (b as HTMLButtonElement).disabled)).toBe(false);
  });

  test('one reference: singular', async () => {
    render(<ReferenceExport onExport={async () => ({ filename: 'a.ris', count: 1 })} />);
    fireEvent.click(screen.getByRole('button', { name: 'RIS' }));
    await waitFor(() => expect(status()).toBe('Exporterade 1 referens till a.ris.'));
  });
});

describe('ReferencesTab with the export', () => {
  test('the export gets the page (its address and every reference, in the page’s order)', async () => {
    const exportReferences = vi.fn(async () => ({ filename: 'x.json', count: 2 }));
    render(<ReferencesTab api={api({ url: PAGE_URL, references: REFS })} exportReferences={exportReferences} />);
    fireEvent.click(await screen.findByRole('button', { name: 'CSL-JSON' }));
    expect(exportReferences).toHaveBeenCalledWith(expect.objectContaining({ url: PAGE_URL, references: REFS }), 'csl-json');
  });

  test('nothing to export: no page, or a page citing nothing', async () => {
    const exportReferences = vi.fn();
    const { unmount } = render(<ReferencesTab api={api(null)} exportReferences={exportReferences} />);
    await screen.findByText(/Öppna ett dokument i den här fliken/);
    expect(screen.queryByRole('group')).toBeNull();
    unmount();
    render(<ReferencesTab api={api({ url: PAGE_URL, references: [] })} exportReferences={exportReferences} />);
    await screen.findByText(/hänvisar inte till några andra dokument/);
    expect(screen.queryByRole('group')).toBeNull();
  });
});
