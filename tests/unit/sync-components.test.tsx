import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { HighlightList } from '@/components/HighlightList';
import { HighlightPopover } from '@/components/HighlightPopover';
import { HighlightCollection } from '@/lib/highlights/collection';
import { formatUsage, SyncSection, type SyncApi, type SyncStatusView } from '@/components/SyncSection';
import { makeHighlight } from './highlight-fixtures.ts';

afterEach(cleanup);

describe('"Synkas inte" beside a highlight', () => {
  const synced = makeHighlight({ id: 'a' });
  const longNote = makeHighlight({ id: 'b', note: 'x'.repeat(9_000), unsynced: 'note', selectors: { ...synced.selectors, position: { type: 'TextPositionSelector', start: 5, end: 6 } } });
  const full = makeHighlight({ id: 'c', unsynced: 'quota', selectors: { ...synced.selectors, position: { type: 'TextPositionSelector', start: 9, end: 10 } } });

  test('in the side panel list: the reason for each one that stays here, nothing for one that syncs', () => {
    render(
      <HighlightList collection={new HighlightCollection([synced, longNote, full])} currentDokId="H612523" onOpen={vi.fn()} onSaveNote={vi.fn()} onDelete={vi.fn()} onUndo={vi.fn()} onExport={vi.fn()} onImport={vi.fn()} />,
    );
    const mark = (id: string) => document.querySelector(`[data-highlight-id="${id}"] [data-field="unsynced"]`)?.textContent;
    expect(mark('a')).toBeUndefined();
    expect(mark('b')).toBe('Synkas inte: anteckningen är för lång för webbläsarens synk. Den finns bara på den här datorn.');
    expect(mark('c')).toBe('Synkas inte: webbläsarens synkutrymme är fullt. Den finns bara på den här datorn.');
  });

  test('in the popover on the page', () => {
    const props = { onSaveNote: vi.fn(), onChangeColor: vi.fn(), onDelete: vi.fn(), onUndo: vi.fn(), onClose: vi.fn() };
    const { rerender } = render(<HighlightPopover highlight={makeHighlight({ unsynced: 'quote' })} {...props} />);
    expect(within(screen.getByRole('dialog')).getByText(/^Synkas inte: den markerade texten är för lång/)).toBeTruthy();
    rerender(<HighlightPopover highlight={makeHighlight()} {...props} />);
    expect(screen.queryByText(/Synkas inte/)).toBeNull();
  });
});

const STATUS: SyncStatusView = {
  available: true,
  enabled: true,
  usedBytes: 34_900,
  quotaBytes: 102_400,
  synced: 97,
  unsynced: { note: 1, quote: 0, quota: 3 },
  lastSyncAt: Date.UTC(2025, 4, 2, 10, 15),
};

function fakeApi(initial: SyncStatusView = STATUS) {
  let current = initial;
  const api = {
    getStatus: vi.fn(async () => current),
    setEnabled: vi.fn(async (enabled: boolean, removeData: boolean) => {
      current = { ...current, enabled, synced: enabled ? current.synced : 0, usedBytes: removeData ? 120 : current.usedBytes };
      return current;
    }),
  } satisfies SyncApi;
  return api;
}

describe('options page: Synk', () => {
  test('"Synk: 34 av 100 kB" in the browser’s kilobytes; small amounts keep a decimal', () => {
    expect(formatUsage(34_900, 102_400)).toBe('Synk: 34 av 100 kB');
    expect(formatUsage(700, 102_400)).toBe('Synk: 0,7 av 100 kB');
    expect(formatUsage(0, 102_400)).toBe('Synk: 0 av 100 kB');
  });

  test('on by default, the quota used, and what stays on this computer and why', async () => {
    render(<SyncSection api={fakeApi()} />);
    const section = screen.getByRole('region', { name: 'Synk' });
    const toggle = within(section).getByRole('checkbox', { name: /Synka markeringar mellan datorer \(på från början/ }) as HTMLInputElement;
    await waitFor(() => expect(section.querySelector('[data-field="usage"]')?.textContent).toBe('Synk: 34 av 100 kB'));
    expect(toggle.checked).toBe(true);
    expect(section.querySelector('[data-field="synced"]')!.textContent).toMatch(/^97 markeringar synkas\. Senast synkat /);
    const localOnly = section.querySelector('[data-field="local-only"]')!.textContent!;
    expect(localOnly).toMatch(/1 markering med för lång anteckning: webbläsaren synkar högst 8 kB per markering\./);
    expect(localOnly).toMatch(/3 markeringar som inte får plats: webbläsarens synkutrymme är 100 kB\./);
    expect(localOnly).not.toMatch(/för lång markerad text/);
    expect(localOnly).toMatch(/kommer med när du exporterar/);
  });

  test('turning it off asks whether to remove our data from the sync area; Avbryt changes nothing', async () => {
    const api = fakeApi();
    render(<SyncSection api={api} />);
    const toggle = (await screen.findByRole('checkbox', { name: /Synka markeringar/ })) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));

    fireEvent.click(toggle);
    const question = screen.getByRole('group', { name: /Stänga av synken\? Vill du också ta bort Riksrefs markeringar ur webbläsarens synk\?/ });
    expect(toggle.checked).toBe(true); // still on until answered
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Stäng av och ta bort ur synken' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(api.setEnabled).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(toggle);

    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole('button', { name: 'Stäng av och ta bort ur synken' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Synken är av. Markeringarna är borttagna ur webbläsarens synk.'));
    expect(api.setEnabled).toHaveBeenCalledWith(false, true);
    expect(toggle.checked).toBe(false);
    expect(document.querySelector('[data-field="synced"]')!.textContent).toBe('Synken är av: markeringarna finns bara på den här datorn.');
    expect(document.querySelector('[data-field="usage"]')!.textContent).toBe('Synk: 0,1 av 100 kB');

    // On again: at once, no question.
    fireEvent.click(toggle);
    await waitFor(() => expect(api.setEnabled).toHaveBeenLastCalledWith(true, false));
    await waitFor(() => expect(toggle.checked).toBe(true));
  });

  test('"Stäng av, låt ligga kvar" turns it off without removing; Escape is Avbryt', async () => {
    const api = fakeApi();
    render(<SyncSection api={api} />);
    const toggle = (await screen.findByRole('checkbox', { name: /Synka markeringar/ })) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    fireEvent.click(toggle);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Stäng av, låt ligga kvar' }), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole('button', { name: 'Stäng av, låt ligga kvar' }));
    await waitFor(() => expect(api.setEnabled).toHaveBeenCalledWith(false, false));
  });

  test('trouble is said plainly: a browser without sync, a refused write, a failed read', async () => {
    render(<SyncSection api={fakeApi({ ...STATUS, available: false, enabled: false })} />);
    expect((await screen.findByText(/Den här webbläsaren har ingen synk för tillägg/)).textContent).toMatch(/finns bara på den här datorn/);
    expect((screen.getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
    cleanup();

    render(<SyncSection api={fakeApi({ ...STATUS, error: { kind: 'rate', detail: 'MAX_WRITE_OPERATIONS_PER_MINUTE', at: 1 } })} />);
    expect(await screen.findByText('Webbläsaren tar inte emot fler ändringar just nu. Riksref försöker igen om en minut.')).toBeTruthy();
    cleanup();

    render(<SyncSection api={{ getStatus: () => Promise.reject(new Error('ingen bakgrund')), setEnabled: vi.fn() }} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Synken kunde inte läsas: ingen bakgrund');
  });

  test('a failed change is reported and the setting stays as it was', async () => {
    const api = { ...fakeApi(), setEnabled: vi.fn(() => Promise.reject(new Error('låst'))) };
    render(<SyncSection api={api} />);
    const toggle = (await screen.findByRole('checkbox', { name: /Synka markeringar/ })) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole('button', { name: 'Stäng av och ta bort ur synken' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Inställningen kunde inte sparas: låst'));
    expect(toggle.checked).toBe(true);
  });
});
