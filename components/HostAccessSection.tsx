import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/error-message';
import { t } from '@/lib/i18n';

/** What the section needs: whether Riksref may read riksdagen.se, and the browser's own question. */
export interface HostAccessApi {
  has(): Promise<boolean>;
  /** Must call the browser at once, inside the click (permissions.request needs the reader's gesture). */
  request(): Promise<boolean>;
  /** Calls `listener` when the reader grants or withdraws access elsewhere (about:addons); returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

/**
 * Options page: shown only when Riksref lacks access to riksdagen.se (Firefox lets the reader
 * withhold a Manifest V3 add-on's host permissions), with the button that asks for it.
 */
export function HostAccessSection({ api }: { api: HostAccessApi }) {
  const [has, setHas] = useState<boolean | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const check = () => void api.has().then(setHas, () => setHas(false));
    check();
    return api.onChange(check);
  }, [api]);

  const allow = () => {
    api.request().then(
      (granted) => {
        setStatus(granted ? t('hosts_granted') : t('hosts_refused'));
        if (granted) setHas(true);
      },
      (error: unknown) => setStatus(t('hosts_failed', errorMessage(error))),
    );
  };

  // Granted in this visit: keep the section for its "reload open pages" line.
  if (has !== false && !status) return null;
  return (
    <section aria-labelledby="host-access-heading" data-section="host-access">
      <h2 id="host-access-heading">{t('hosts_heading')}</h2>
      {has === false && (
        <>
          <p>{t('hosts_missing')}</p>
          <button type="button" data-action="allow-hosts" onClick={allow}>
            {t('hosts_allow')}
          </button>
        </>
      )}
      <p role="status" data-field="host-access-status">
        {status}
      </p>
    </section>
  );
}
