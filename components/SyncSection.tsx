import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/error-message';
import type { ResponseOf } from '@/lib/messages/protocol';

export type SyncStatusView = ResponseOf<'getSyncStatus'>;

/** What the section needs from the background; the options page passes the real messages. */
export interface SyncApi {
  getStatus(): Promise<SyncStatusView>;
  setEnabled(enabled: boolean, removeData: boolean): Promise<SyncStatusView>;
}

const numbers = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const times = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short' });

/**
 * "Synk: 34 av 100 kB". Kilobytes of 1 024 bytes, as the browsers count the quota (102 400
 * bytes is their "100 KB"); one decimal below ten, so that a few highlights do not show as 0.
 */
export function formatUsage(used: number, quota: number): string {
  const kb = used / 1024;
  return `Synk: ${kb < 10 ? numbers.format(Math.round(kb * 10) / 10) : numbers.format(Math.round(kb))} av ${numbers.format(Math.round(quota / 1024))} kB`;
}

const plural = (n: number) => (n === 1 ? '1 markering' : `${numbers.format(n)} markeringar`);

const TROUBLE: Record<NonNullable<SyncStatusView['error']>['kind'], string> = {
  rate: 'Webbläsaren tar inte emot fler ändringar just nu. Riksref försöker igen om en minut.',
  quota: 'Webbläsarens synkutrymme räckte inte. Riksref försöker igen om en minut.',
  storage: 'Synken misslyckades',
};

type State = { phase: 'loading' } | { phase: 'ready'; status: SyncStatusView } | { phase: 'failed'; error: string };

/**
 * Options page, section "Synk": highlights through the browser's own sync, on or off (off asks
 * whether to take our data out of the sync area), how much of the quota is used, and what stays
 * on this computer and why.
 */
export function SyncSection({ api }: { api: SyncApi }) {
  const ids = { heading: useId(), question: useId() };
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const firstChoice = useRef<HTMLButtonElement>(null);
  const toggle = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      setState({ phase: 'ready', status: await api.getStatus() });
    } catch (error) {
      setState({ phase: 'failed', error: errorMessage(error) });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (asking) firstChoice.current?.focus();
  }, [asking]);

  async function change(enabled: boolean, removeData: boolean, done: string) {
    setBusy(true);
    setAsking(false);
    setMessage('');
    try {
      setState({ phase: 'ready', status: await api.setEnabled(enabled, removeData) });
      setMessage(done);
    } catch (error) {
      setMessage(`Inställningen kunde inte sparas: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    setAsking(false);
    toggle.current?.focus();
  }

  const status = state.phase === 'ready' ? state.status : undefined;
  const unavailable = status !== undefined && !status.available;
  const left = status ? status.unsynced.note + status.unsynced.quote + status.unsynced.quota : 0;

  return (
    <section aria-labelledby={ids.heading} aria-busy={state.phase === 'loading' || busy}>
      <h2 id={ids.heading}>Synk</h2>
      <p>
        Markeringarna följer med till dina andra datorer genom webbläsarens egen synkronisering (Chrome-synk eller
        Firefox-konto) när du är inloggad i webbläsaren och synkar tillägg. Riksref har ingen egen server och inget konto.
        Utan inloggning stannar markeringarna i den här webbläsaren.
      </p>
      {state.phase === 'failed' && <p role="alert">Synken kunde inte läsas: {state.error}</p>}
      {unavailable && <p data-field="unavailable">Den här webbläsaren har ingen synk för tillägg. Markeringarna finns bara på den här datorn.</p>}
      <label>
        <input
          ref={toggle}
          type="checkbox"
          data-setting="sync"
          checked={status ? status.enabled : true}
          disabled={!status || unavailable || busy}
          onChange={(e) => {
            if (e.currentTarget.checked) void change(true, false, 'Synken är på.');
            else {
              e.currentTarget.checked = true; // stays on until the reader has answered
              setAsking(true);
            }
          }}
        />{' '}
        Synka markeringar mellan datorer (på från början; gäller alla datorer med samma webbläsarkonto)
      </label>

      {asking && (
        <div
          role="group"
          aria-labelledby={ids.question}
          data-field="confirm-off"
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <p id={ids.question}>
            Stänga av synken? Vill du också ta bort Riksrefs markeringar ur webbläsarens synk? På varje dator finns de kvar
            där de redan finns.
          </p>
          <button type="button" ref={firstChoice} data-action="sync-off-remove" onClick={() => void change(false, true, 'Synken är av. Markeringarna är borttagna ur webbläsarens synk.')}>
            Stäng av och ta bort ur synken
          </button>{' '}
          <button type="button" data-action="sync-off-keep" onClick={() => void change(false, false, 'Synken är av. Det som redan synkats ligger kvar i webbläsarens synk.')}>
            Stäng av, låt ligga kvar
          </button>{' '}
          <button type="button" data-action="sync-off-cancel" onClick={cancel}>
            Avbryt
          </button>
        </div>
      )}

      {status && status.available && (
        <>
          <p data-field="usage">{formatUsage(status.usedBytes, status.quotaBytes)}</p>
          {status.enabled ? (
            <p data-field="synced">
              {plural(status.synced)} synkas.{status.lastSyncAt !== undefined && ` Senast synkat ${times.format(status.lastSyncAt)}.`}
            </p>
          ) : (
            <p data-field="synced">Synken är av: markeringarna finns bara på den här datorn.</p>
          )}
          {status.error && (
            <p class="problem" data-field="sync-error">
              {status.error.kind === 'storage' ? `${TROUBLE.storage}: ${status.error.detail}` : TROUBLE[status.error.kind]}
            </p>
          )}
        </>
      )}

      <h3>Det här stannar på den här datorn</h3>
      <ul data-field="local-only">
        {status?.enabled && left > 0 && (
          <>
            {status.unsynced.note > 0 && <li>{plural(status.unsynced.note)} med för lång anteckning: webbläsaren synkar högst 8 kB per markering.</li>}
            {status.unsynced.quote > 0 && <li>{plural(status.unsynced.quote)} med för lång markerad text: webbläsaren synkar högst 8 kB per markering.</li>}
            {status.unsynced.quota > 0 && (
              <li>{plural(status.unsynced.quota)} som inte får plats: webbläsarens synkutrymme är 100 kB. De äldsta synkas först; ta bort gamla markeringar för att ge plats.</li>
            )}
          </>
        )}
        <li>Markeringar som inte synkas finns kvar här, märkta ”Synkas inte” i sidopanelen, och kommer med när du exporterar.</li>
        <li>Cachen med uppgifter om dokument och lagtexter: den hämtas på nytt när den behövs.</li>
        <li>Om en markering hittas på sidan: varje dator ser efter själv.</li>
      </ul>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
