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
    await waitFor(() => expect(api.set).toHaveBeenCalledWith({ enabled: true, disabledKinds: ['sou'], lawSite: 'riksdagen' }));
    expect((sou as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('status').textContent).toMatch(/Sparat/);
  });

  test('turning linking off disables the kind choices', async () => {
    const api = fakeApi(DEFAULT_LINK_SETTINGS);
    render(<LinkSettingsSection api={api} />);
    const all = await screen.findByRole('checkbox', { name: /Gör hänvisningar till länkar/ });
    await waitFor(() => expect((all as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(all);
    await waitFor(() => expect(api.set).toHaveBeenCalledWith({ enabled: false, disabledKinds: [], lawSite: 'riksdagen' }));
    for (const group of screen.getAllByRole('group')) expect((group as HTMLFieldSetElement).disabled).toBe(true);
  });

  test('a change made elsewhere shows at once', async () => {
    const api = fakeApi(DEFAULT_LINK_SETTINGS);
    render(<LinkSettingsSection api={api} />);
    const eu = await screen.findByRole('checkbox', { name: 'EU-rättsakt' });
    await waitFor(() => expect((eu as HTMLInputElement).checked).toBe(true));
    api.push({ enabled: true, disabledKinds: ['eu'], lawSite: 'riksdagen' });
    await waitFor(() => expect((eu as HTMLInputElement).checked).toBe(false));
  });

  test('laws are listed as "Lagrum och SFS-nummer" and can be switched off', async () => {
    const api = fakeApi(DEFAULT_LINK_SETTINGS);
    render(<LinkSettingsSection api={api} />);
    const sfs = await screen.findByRole('checkbox', { name: 'Lagrum och SFS-nummer' });
    expect((sfs as HTMLInputElement).dataset.setting).toBe('kind:sfs');
    await waitFor(() => expect((sfs as HTMLInputElement).checked).toBe(true));
    fireEvent.click(sfs);
    await waitFor(() => expect(api.set).toHaveBeenCalledWith({ enabled: true, disabledKinds: ['sfs'], lawSite: 'riksdagen' }));
  });

  test('"Öppna lagtext på": riksdagen.se by default; choosing lagen.nu saves it and keeps the rest', async () => {
    const api = fakeApi({ enabled: true, disabledKinds: ['eu'], lawSite: 'riksdagen' });
    render(<LinkSettingsSection api={api} />);
    const group = await screen.findByRole('group', { name: 'Öppna lagtext på' });
    const riksdagen = screen.getByRole('radio', { name: 'riksdagen.se' }) as HTMLInputElement;
    const lagenNu = screen.getByRole('radio', { name: 'lagen.nu' }) as HTMLInputElement;
    expect(group.contains(riksdagen) && group.contains(lagenNu)).toBe(true);
    await waitFor(() => expect(riksdagen.checked).toBe(true));
    expect(lagenNu.checked).toBe(false);
    // One choice: both radios share a name, so arrow keys move between them.
    expect(riksdagen.name).toBe(lagenNu.name);
    fireEvent.click(lagenNu);
    await waitFor(() => expect(api.set).toHaveBeenCalledWith({ enabled: true, disabledKinds: ['eu'], lawSite: 'lagen.nu' }));
    expect(lagenNu.checked).toBe(true);
    expect(riksdagen.checked).toBe(false);
  });

  test('a stored lagen.nu shows as chosen, and a change made elsewhere shows at once', async () => {
    const api = fakeApi({ enabled: true, disabledKinds: [], lawSite: 'lagen.nu' });
    render(<LinkSettingsSection api={api} />);
    const lagenNu = (await screen.findByRole('radio', { name: 'lagen.nu' })) as HTMLInputElement;
    await waitFor(() => expect(lagenNu.checked).toBe(true));
    api.push({ enabled: true, disabledKinds: [], lawSite: 'riksdagen' });
    await waitFor(() => expect((screen.getByRole('radio', { name: 'riksdagen.se' }) as HTMLInputElement).checked).toBe(true));
    expect(lagenNu.checked).toBe(false);
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
    expect(parseLinkSettings({ enabled: false, disabledKinds: ['sou', 'xyz'] })).toEqual({
      enabled: false,
      disabledKinds: ['sou'],
      lawSite: 'riksdagen',
    });
  });

  test('lawSite: read when stored, riksdagen.se when absent (values stored before it) or unknown', () => {
    expect(parseLinkSettings({ enabled: true, disabledKinds: [], lawSite: 'lagen.nu' }).lawSite).toBe('lagen.nu');
    expect(parseLinkSettings({ enabled: true, disabledKinds: [], lawSite: 'riksdagen' }).lawSite).toBe('riksdagen');
    expect(parseLinkSettings({ enabled: true, disabledKinds: ['eu'] })).toEqual({ enabled: true, disabledKinds: ['eu'], lawSite: 'riksdagen' });
    // A site from a newer version, or a damaged value, costs only this setting, not the others.
    expect(parseLinkSettings({ enabled: false, disabledKinds: ['sou'], lawSite: 'eur-lex' })).toEqual({
      enabled: false,
      disabledKinds: ['sou'],
      lawSite: 'riksdagen',
    });
    expect(parseLinkSettings({ enabled: false, disabledKinds: [], lawSite: 42 }).lawSite).toBe('riksdagen');
    expect(DEFAULT_LINK_SETTINGS.lawSite).toBe('riksdagen');
  });

  test('enabledKinds is every kind but the disabled ones', () => {
    const kinds = enabledKinds({ enabled: true, disabledKinds: ['sou', 'eu'], lawSite: 'riksdagen' });
    expect(kinds.has('sou')).toBe(false);
    expect(kinds.has('eu')).toBe(false);
    expect(kinds.has('prop')).toBe(true);
    expect(kinds.size).toBe(10);
  });
});
