import { useEffect, useId, useState } from 'preact/hooks';
import { kindName, REFERENCE_KINDS, type ReferenceKind } from '@/lib/refs';
import type { LawTextSite } from '@/lib/refs/labels';
import type { LinkSettings } from '@/lib/settings';
import { errorMessage } from '@/lib/error-message';
import { t, type MessageKey } from '@/lib/i18n';

/** What the section needs; the options page passes the real settings storage. */
export interface LinkSettingsApi {
  get(): Promise<LinkSettings>;
  set(settings: LinkSettings): Promise<void>;
  /** Calls back when the settings change elsewhere (another options tab); returns the unsubscribe. */
  watch(callback: (settings: LinkSettings) => void): () => void;
}

// Grouped the way a reader thinks of them: the government's series, the riksdag's, law and EU.
const GROUPS: ReadonlyArray<[MessageKey, ReferenceKind[]]> = [
  ['links_government', ['prop', 'skr', 'sou', 'ds', 'dir']],
  ['links_riksdag', ['bet', 'rskr', 'mot', 'fr', 'ip']],
  ['links_lawAndEu', ['sfs', 'eu']],
];

/** A kind's name in this list, where it differs from the card's: `sfs` covers sections of laws too. */
const KIND_LABELS: Partial<Record<ReferenceKind, MessageKey>> = {
  sfs: 'links_sfs',
};

const LAW_SITES: ReadonlyArray<[LawTextSite, string]> = [
  ['riksdagen', 'riksdagen.se'],
  ['lagen.nu', 'lagen.nu'],
];

/** Options page, section "Länkar": linking on or off, which kinds of reference to link, and where law texts open. */
export function LinkSettingsSection({ api }: { api: LinkSettingsApi }) {
  const headingId = useId();
  const [settings, setSettings] = useState<LinkSettings | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    let live = true;
    api.get().then(
      (s) => live && setSettings(s),
      (error: unknown) => live && setMessage(t('links_readFailed', String(error))),
    );
    const unwatch = api.watch((s) => setSettings(s));
    return () => {
      live = false;
      unwatch();
    };
  }, [api]);

  async function save(next: LinkSettings) {
    const previous = settings;
    setSettings(next);
    try {
      await api.set(next);
      setMessage(t('links_saved'));
    } catch (error) {
      setSettings(previous);
      setMessage(t('options_notSaved', errorMessage(error)));
    }
  }

  const toggleKind = (kind: ReferenceKind, on: boolean) => {
    if (!settings) return;
    const off = new Set(settings.disabledKinds);
    if (on) off.delete(kind);
    else off.add(kind);
    void save({ ...settings, disabledKinds: REFERENCE_KINDS.filter((k) => off.has(k)) });
  };

  return (
    <section aria-labelledby={headingId} aria-busy={settings === null}>
      <h2 id={headingId}>{t('links_heading')}</h2>
      <label>
        <input
          type="checkbox"
          data-setting="enabled"
          checked={settings?.enabled ?? true}
          disabled={!settings}
          onChange={(e) => settings && void save({ ...settings, enabled: e.currentTarget.checked })}
        />{' '}
        {t('links_enabled')}
      </label>
      {GROUPS.map(([legend, kinds]) => (
        <fieldset key={legend} disabled={!settings || !settings.enabled}>
          <legend>{t(legend)}</legend>
          {kinds.map((kind) => (
            <label key={kind} class="kind">
              <input
                type="checkbox"
                data-setting={`kind:${kind}`}
                checked={!settings?.disabledKinds.includes(kind)}
                onChange={(e) => toggleKind(kind, e.currentTarget.checked)}
              />{' '}
              {KIND_LABELS[kind] ? t(KIND_LABELS[kind]) : kindName(kind)}
            </label>
          ))}
        </fieldset>
      ))}
      <fieldset disabled={!settings || !settings.enabled}>
        <legend>{t('links_lawSite')}</legend>
        {LAW_SITES.map(([site, name]) => (
          <label key={site} class="kind">
            <input
              type="radio"
              name={`${headingId}-law-site`}
              value={site}
              data-setting={`lawSite:${site}`}
              checked={(settings?.lawSite ?? 'riksdagen') === site}
              onChange={(e) => settings && e.currentTarget.checked && void save({ ...settings, lawSite: site })}
            />{' '}
            {name}
          </label>
        ))}
      </fieldset>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
