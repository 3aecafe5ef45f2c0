import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CacheSection, formatBytes, serviceProblem, type CacheApi, type CacheStatsView } from '@/components/CacheSection';

afterEach(cleanup);

function fakeApi(stats: CacheStatsView[], clear: CacheApi['clear'] = async () => ({ removed: stats[0]!.count })): CacheApi & {
  getStats: ReturnType<typeof vi.fn>;
} {
  const queue = [...stats];
  return {
    getStats: vi.fn(async () => (queue.length > 1 ? queue.shift()! : queue[0]!)),
    clear: vi.fn(clear),
  };
}

const FULL: CacheStatsView = { count: 1234, approxBytes: 45_600, service: { lastSuccessAt: 10 } };
const EMPTY: CacheStatsView = { count: 0, approxBytes: 0, service: { lastSuccessAt: 10 } };

describe('options page: Cache', () => {
  test('a labelled section shows the number of documents and the space they take', async () => {
    render(<CacheSection api={fakeApi([FULL])} />);
    const section = screen.getByRole('region', { name: 'Cache' });
    await waitFor(() => expect(section.querySelector('[data-field="count"]')!.textContent).toBe('1\u00a0234'));
    expect(section.querySelector('[data-field="size"]')!.textContent).toBe('45,6 kB');
    expect(screen.queryByText(/kunde inte nås/)).toBeNull();
  });

  test('"Töm cachen" is a keyboard-reachable button that empties the cache and says so', async () => {
    const api = fakeApi([FULL, EMPTY]);
    render(<CacheSection api={api} />);
    const button = screen.getByRole('button', { name: 'Töm cachen' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Cachen är tömd.'));
    expect(api.clear).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(document.querySelector('[data-field="count"]')!.textContent).toBe('0'));
    expect(document.querySelector('[data-field="size"]')!.textContent).toBe('0 byte');
  });

  test('a failed clear is reported, not swallowed', async () => {
    render(<CacheSection api={fakeApi([FULL], async () => Promise.reject(new Error('låst')))} />);
    const button = screen.getByRole('button', { name: 'Töm cachen' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Cachen kunde inte tömmas: låst'));
  });

  test('a status line when the service could not be reached since the last success', async () => {
    const failed: CacheStatsView = {
      count: 2,
      approxBytes: 900,
      service: { lastSuccessAt: Date.UTC(2025, 0, 1), lastFailureAt: Date.UTC(2025, 0, 2, 9, 30), lastFailureReason: 'timeout' },
    };
    render(<CacheSection api={fakeApi([failed])} />);
    const line = await screen.findByText(/Riksdagens öppna data kunde inte nås/);
    expect(line.textContent).toMatch(/inget svar inom tidsgränsen/);
  });

  test('the cache cannot be read: an alert says why', async () => {
    render(<CacheSection api={{ getStats: async () => Promise.reject(new Error('ingen bakgrund')), clear: vi.fn() }} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Cachen kunde inte läsas: ingen bakgrund');
  });
});

describe('formatting', () => {
  test('bytes in Swedish', () => {
    expect(formatBytes(0)).toBe('0 byte');
    expect(formatBytes(999)).toBe('999 byte');
    expect(formatBytes(12_345)).toBe('12,3 kB');
    expect(formatBytes(4_500_000)).toBe('4,5 MB');
  });

  test('no status line while the last contact succeeded; unknown reasons shown raw', () => {
    expect(serviceProblem({})).toBeNull();
    expect(serviceProblem({ lastFailureAt: 5, lastSuccessAt: 6 })).toBeNull();
    expect(serviceProblem({ lastFailureAt: 7, lastSuccessAt: 6, lastFailureReason: 'teapot' })).toMatch(/\(teapot\)/);
  });
});
