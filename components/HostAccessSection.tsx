import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/error-message';

/** What the section needs: whether Riksref may read riksdagen.se, and the browser's own question. */
export interface HostAccessApi {
  has(): Promise<boolean>;
  /** Must call the browser at once, inside the click (permissions.request needs the reader's gesture). */
  request(): Promise<boolean>;
  /** Calls `listener` when the reader grants or withdraws access elsewhere (about:addons); returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

const TEXT = {
  heading: 'Åtkomst till riksdagen.se',
  missing:
    'Riksref får inte läsa sidor på riksdagen.se, så inga hänvisningar blir länkar och inga kort visas. ' +
    'Firefox låter dig bestämma det själv: tillåt Riksref här (eller under about:addons → Riksref → Behörigheter).',
  allow: 'Tillåt Riksref på riksdagen.se',
  granted: 'Riksref får nu läsa riksdagen.se. Ladda om sidor som redan är öppna.',
  refused: 'Åtkomsten gavs inte. Riksref gör ingenting på riksdagen.se förrän du tillåter det.',
  failed: 'Åtkomsten kunde inte begäras:',
} as const;

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
        setStatus(granted ? TEXT.granted : TEXT.refused);
        if (granted) setHas(true);
      },
      (error: unknown) => setStatus(`${TEXT.failed} ${errorMessage(error)}`),
    );
  };

  // Granted in this visit: keep the section for its "reload open pages" line.
  if (has !== false && !status) return null;
  return (
    <section aria-labelledby="host-access-heading" data-section="host-access">
      <h2 id="host-access-heading">{TEXT.heading}</h2>
      {has === false && (
        <>
          <p>{TEXT.missing}</p>
          <button type="button" data-action="allow-hosts" onClick={allow}>
            {TEXT.allow}
          </button>
        </>
      )}
      <p role="status" data-field="host-access-status">
        {status}
      </p>
    </section>
  );
}
