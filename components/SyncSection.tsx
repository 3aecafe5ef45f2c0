import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/error-message';
import type { SyncStatusView } from '@/lib/sync/messages';

export type { SyncStatusView } from '@/lib/sync/messages';

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

// Every word of the section, in one place (for the _locales pass to come).
const WORDS = {
  heading: 'Synk',
  intro:
    'Markeringarna följer med till dina andra datorer genom webbläsarens egen synkronisering (Chrome-synk eller Firefox-konto) när du är inloggad i webbläsaren och synkar tillägg. Riksref har ingen egen server och inget konto. Utan inloggning stannar markeringarna i den här webbläsaren.',
  readFailed: 'Synken kunde inte läsas: ',
  unavailable: 'Den här webbläsaren har ingen synk för tillägg. Markeringarna finns bara på den här datorn.',
  toggle: 'Synka markeringar mellan datorer (på från början; gäller alla datorer med samma webbläsarkonto)',
  question:
    'Stänga av synken? Vill du också ta bort Riksrefs markeringar ur webbläsarens synk? På varje dator finns de kvar där de redan finns.',
  offRemove: 'Stäng av och ta bort ur synken',
  offKeep: 'Stäng av, låt ligga kvar',
  cancel: 'Avbryt',
  doneOn: 'Synken är på.',
  doneOffRemoved: 'Synken är av. Markeringarna är borttagna ur webbläsarens synk.',
  doneOffKept: 'Synken är av. Det som redan synkats ligger kvar i webbläsarens synk.',
  saveFailed: 'Inställningen kunde inte sparas: ',
  synced: (n: number, at?: number) => `${plural(n)} synkas.${at === undefined ? '' : ` Senast synkat ${times.format(at)}.`}`,
  off: 'Synken är av: markeringarna finns bara på den här datorn.',
  trouble: {
    rate: 'Webbläsaren tar inte emot fler ändringar just nu. Riksref försöker igen om en minut.',
    quota: 'Webbläsarens synkutrymme räckte inte. Riksref försöker igen om en minut.',
    storage: 'Synken misslyckades: ',
  },
  localHeading: 'Det här stannar på den här datorn',
  tooLongNote: (n: number) => `${plural(n)} med för lång anteckning: webbläsaren synkar högst 8 kB per markering.`,
  tooLongQuote: (n: number) => `${plural(n)} med för lång markerad text: webbläsaren synkar högst 8 kB per markering.`,
  overQuota: (n: number) =>
    `${plural(n)} som inte får plats: webbläsarens synkutrymme är 100 kB. De äldsta synkas först; ta bort gamla markeringar för att ge plats.`,
  alwaysLocal: [
    'Markeringar som inte synkas finns kvar här, märkta ”Synkas inte” i sidopanelen, och kommer med när du exporterar.',
    'Cachen med uppgifter om dokument och lagtexter: den hämtas på nytt när den behövs.',
    'Om en markering hittas på sidan: varje dator ser efter själv.',
  ],
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
      setMessage(WORDS.saveFailed + errorMessage(error));
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
      <h2 id={ids.heading}>{WORDS.heading}</h2>
      <p>{WORDS.intro}</p>
      {state.phase === 'failed' && (
        <p role="alert">
          {WORDS.readFailed}
          {state.error}
        </p>
      )}
      {unavailable && <p data-field="unavailable">{WORDS.unavailable}</p>}
      <label>
        <input
          ref={toggle}
          type="checkbox"
          data-setting="sync"
          checked={status ? status.enabled : true}
          disabled={!status || unavailable || busy}
          onChange={(e) => {
            if (e.currentTarget.checked) void change(true, false, WORDS.doneOn);
            else {
              e.currentTarget.checked = true; // stays on until the reader has answered
              setAsking(true);
            }
          }}
        />{' '}
        {WORDS.toggle}
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
          <p id={ids.question}>{WORDS.question}</p>
          <button type="button" ref={firstChoice} data-action="sync-off-remove" onClick={() => void change(false, true, WORDS.doneOffRemoved)}>
            {WORDS.offRemove}
          </button>{' '}
          <button type="button" data-action="sync-off-keep" onClick={() => void change(false, false, WORDS.doneOffKept)}>
            {WORDS.offKeep}
          </button>{' '}
          <button type="button" data-action="sync-off-cancel" onClick={cancel}>
            {WORDS.cancel}
          </button>
        </div>
      )}

      {status && status.available && (
        <>
          <p data-field="usage">{formatUsage(status.usedBytes, status.quotaBytes)}</p>
          <p data-field="synced">{status.enabled ? WORDS.synced(status.synced, status.lastSyncAt) : WORDS.off}</p>
          {status.error && (
            <p class="problem" data-field="sync-error">
              {WORDS.trouble[status.error.kind]}
              {status.error.kind === 'storage' && status.error.detail}
            </p>
          )}
        </>
      )}

      <h3>{WORDS.localHeading}</h3>
      <ul data-field="local-only">
        {status?.enabled && left > 0 && (
          <>
            {status.unsynced.note > 0 && <li>{WORDS.tooLongNote(status.unsynced.note)}</li>}
            {status.unsynced.quote > 0 && <li>{WORDS.tooLongQuote(status.unsynced.quote)}</li>}
            {status.unsynced.quota > 0 && <li>{WORDS.overQuota(status.unsynced.quota)}</li>}
          </>
        )}
        {WORDS.alwaysLocal.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
