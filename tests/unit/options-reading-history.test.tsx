import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ReadingHistorySection, type ReadingHistoryApi } from '@/components/ReadingHistorySection';
import { DEFAULT_READING_HISTORY, parseReadingHistorySettings } from '@/lib/history/settings';

afterEach(cleanup);

function fakeApi(overrides: Partial<ReadingHistoryApi> = {}) {
  let count = 12;
  const api = {
    getEnabled: vi.fn(async () => true),
    setEnabled: vi.fn(async () => {}),
    getStats: vi.fn(async () => ({ count, approxBytes: count * 1000 })),
    clear: vi.fn(async () => {
      const removed = count;
      count = 0;
      return { removed };
    }),
    ...overrides,
  };
  return api;
}

const section = () => screen.getByRole('region', { name: 'Läshistorik' });
const checkbox = () => screen.getByRole('checkbox', { name: 'Spara läshistorik' }) as HTMLInputElement;

describe('options page: Läshistorik', () => {
  test('says what is kept, that it never leaves the machine, that it is on by default; its size', async () => {
    render(<ReadingHistorySection api={fakeApi()} />);
    expect(section().textContent).toContain('finns bara på den här datorn och skickas aldrig någonstans');
    expect(section().textContent).toContain('Läshistoriken är påslagen från början.');
    await waitFor(() => expect(section().querySelector('[data-field="reading-count"]')!.textContent).toBe('12'));
    expect(section().querySelector('[data-field="reading-size"]')!.textContent).toBe('12 kB');
    expect(checkbox().checked).toBe(true);
  });

  test('turning it off is saved and said; a failure to save puts the box back', async () => {
    const api = fakeApi();
    render(<ReadingHistorySection api={api} />);
    await waitFor(() => expect(checkbox().disabled).toBe(false));
    fireEvent.click(checkbox());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Sparat. Inga nya sidor sparas i läshistoriken.'));
    expect(api.setEnabled).toHaveBeenCalledWith(false);
    expect(checkbox().checked).toBe(false);

    vi.mocked(api.setEnabled).mockRejectedValueOnce(new Error('storage full'));
    fireEvent.click(checkbox());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Inställningen kunde inte sparas: storage full'));
    expect(checkbox().checked).toBe(false);
  });

  test('"Töm läshistoriken" empties it and shows the new size', async () => {
    const api = fakeApi();
    render(<ReadingHistorySection api={api} />);
    const button = screen.getByRole('button', { name: 'Töm läshistoriken' }) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Läshistoriken är tömd (12 dokument borttagna).'));
    await waitFor(() => expect(section().querySelector('[data-field="reading-count"]')!.textContent).toBe('0'));
    expect(api.clear).toHaveBeenCalledTimes(1);
  });

  test('a history that cannot be read, or emptied, says so', async () => {
    render(<ReadingHistorySection api={fakeApi({ getStats: async () => Promise.reject(new Error('databasen är låst')) })} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Läshistoriken kunde inte läsas: databasen är låst'));
    cleanup();
    render(<ReadingHistorySection api={fakeApi({ clear: async () => Promise.reject(new Error('nej')) })} />);
    const button = screen.getByRole('button', { name: 'Töm läshistoriken' }) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Läshistoriken kunde inte tömmas: nej'));
  });

  test('the stored setting: anything unreadable means the default, which is on', () => {
    expect(DEFAULT_READING_HISTORY).toEqual({ enabled: true });
    expect(parseReadingHistorySettings(undefined)).toEqual({ enabled: true });
    expect(parseReadingHistorySettings({ enabled: 'no' })).toEqual({ enabled: true });
    expect(parseReadingHistorySettings({ enabled: false, extra: 1 })).toEqual({ enabled: false });
  });
});
