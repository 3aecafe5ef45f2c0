import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { LinkSettingsSection, type LinkSettingsApi } from '@/components/LinkSettingsSection';
import { DEFAULT_LINK_SETTINGS, enabledKinds, parseLinkSettings, type LinkSettings } from '@/lib/settings';

afterEach(cleanup);

function fakeApi(initial: LinkSettings, set: LinkSettingsApi['set'] = async () => {}) {
  let watcher: ((s: LinkSettings) => void) | null = null;
  const api = {
    get: vi.fn(async () => initial),
    set: vi.fn(set),
    watch: vi.fn((cb: (s: LinkSettings) => void) => {
      watcher = cb;
      return () => (watcher = null);
    }),
    push: (s: LinkSettings) => watcher?.(s),
  };
  return api;
}

describe('options page: Länkar', () => {
  test('turning a kind off saves it, with the others left on', async () => {
    const api = fakeApi(DEFAULT_LINK_SETTINGS);
    render(<LinkSettingsSection api={api} />);
    const sou = await screen.findByRole('checkbox', { name: 'Statens offentliga utredningar' });
    await waitFor(() => expect((sou as HTMLInputElement).checked).toBe(true));
    fireEvent.click(sou);
    await waitFor(() => expect(api.set).toHaveBeenCalledWith({ enabled: true, disabledKinds: ['sou'] }));
    expect((sou as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('status').textContent).toMatch(/Sparat/);
  });

  test('turning linking off disables the kind choices', async () => {
    const api = fakeApi(DEFAULT_LINK_SETTINGS);
    render(<LinkSettingsSection api={api} />);
    const all = await screen.findByRole('checkbox', { name: /Gör hänvisningar till länkar/ });
    await waitFor(() => expect((all as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(all);
    await waitFor(() => expect(api.set).toHaveBeenCalledWith({ enabled: false, disabledKinds: [] }));
    for (const group of screen.getAllByRole('group')) expect((group as HTMLFieldSetElement).disabled).toBe(true);
  });

  test('a change made elsewhere shows at once', async () => {
    const api = fakeApi(DEFAULT_LINK_SETTINGS);
    render(<LinkSettingsSection api={api} />);
    const eu = await screen.findByRole('checkbox', { name: 'EU-rättsakt' });
    await waitFor(() => expect((eu as HTMLInputElement).checked).toBe(true));
    api.push({ enabled: true, disabledKinds: ['eu'] });
    await waitFor(() => expect((eu as HTMLInputElement).checked).toBe(false));
  });

  test('a failed save puts the box back and says why', async () => {
    const api = fakeApi(DEFAULT_LINK_SETTINGS, async () => {
      throw new Error('kvoten är full');
    });
    render(<LinkSettingsSection api={api} />);
    const prop = await screen.findByRole('checkbox', { name: 'Proposition' });
    await waitFor(() => expect((prop as HTMLInputElement).checked).toBe(true));
    fireEvent.click(prop);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/kunde inte sparas: kvoten är full/));
    expect((prop as HTMLInputElement).checked).toBe(true);
  });
});

describe('lib/settings', () => {
  test('a damaged or foreign stored value falls back to the defaults', () => {
    expect(parseLinkSettings(undefined)).toEqual(DEFAULT_LINK_SETTINGS);
    expect(parseLinkSettings('yes')).toEqual(DEFAULT_LINK_SETTINGS);
    expect(parseLinkSettings({ enabled: 'no' })).toEqual(DEFAULT_LINK_SETTINGS);
  });

  test('unknown kinds are dropped, known ones kept', () => {
    expect(parseLinkSettings({ enabled: false, disabledKinds: ['sou', 'xyz'] })).toEqual({ enabled: false, disabledKinds: ['sou'] });
  });

  test('enabledKinds is every kind but the disabled ones', () => {
    const kinds = enabledKinds({ enabled: true, disabledKinds: ['sou', 'eu'] });
    expect(kinds.has('sou')).toBe(false);
    expect(kinds.has('eu')).toBe(false);
    expect(kinds.has('prop')).toBe(true);
    expect(kinds.size).toBe(10);
  });
});
