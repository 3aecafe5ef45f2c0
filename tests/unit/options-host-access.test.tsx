import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { HostAccessSection, type HostAccessApi } from '@/components/HostAccessSection';

afterEach(cleanup);

function fakeApi(has: boolean, overrides: Partial<HostAccessApi> = {}) {
  const listeners = new Set<() => void>();
  const state = { has };
  const api = {
    has: vi.fn(async () => state.has),
    request: vi.fn(async () => (state.has = true)),
    onChange: vi.fn((l: () => void) => (listeners.add(l), () => listeners.delete(l))),
    ...overrides,
  };
  /** The reader changes it elsewhere (about:addons). */
  const change = (now: boolean) => {
    state.has = now;
    for (const l of listeners) l();
  };
  return { api, change };
}

const allow = () => screen.queryByRole('button', { name: 'Tillåt Riksref på riksdagen.se' });

describe('options page: access to riksdagen.se', () => {
  test('says nothing when Riksref has access', async () => {
    const { api } = fakeApi(true);
    const { container } = render(<HostAccessSection api={api} />);
    await waitFor(() => expect(api.has).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });

  test('without access: says what is missing; the button asks the browser, then says to reload open pages', async () => {
    const { api } = fakeApi(false);
    render(<HostAccessSection api={api} />);
    await waitFor(() => expect(allow()).not.toBeNull());
    expect(screen.getByRole('region', { name: 'Åtkomst till riksdagen.se' }).textContent).toContain('inga hänvisningar blir länkar');
    fireEvent.click(allow()!);
    expect(api.request).toHaveBeenCalledTimes(1);
    await screen.findByText('Riksref får nu läsa riksdagen.se. Ladda om sidor som redan är öppna.');
    expect(allow()).toBeNull();
  });

  test('a refusal is said, and the button stays', async () => {
    const { api } = fakeApi(false, { request: vi.fn(async () => false) });
    render(<HostAccessSection api={api} />);
    await waitFor(() => expect(allow()).not.toBeNull());
    fireEvent.click(allow()!);
    await screen.findByText(/Åtkomsten gavs inte/);
    expect(allow()).not.toBeNull();
  });

  test('follows a change made elsewhere', async () => {
    const { api, change } = fakeApi(true);
    render(<HostAccessSection api={api} />);
    await waitFor(() => expect(api.onChange).toHaveBeenCalled());
    change(false);
    await waitFor(() => expect(allow()).not.toBeNull());
    change(true);
    await waitFor(() => expect(allow()).toBeNull());
  });
});
