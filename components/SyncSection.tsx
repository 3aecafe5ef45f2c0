import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime, formatNumber, plural, t } from '@/lib/i18n';
import { useLoaded } from './use-loaded';
import type { SyncStatusView } from '@/lib/sync/messages';

export type { SyncStatusView } from '@/lib/sync/messages';

/** What the section needs from the background; the options page passes the real messages. */
export interface SyncApi {
  getStatus(): Promise<SyncStatusView>;
  setEnabled(enabled: boolean, removeData: boolean): Promise<SyncStatusView>;
}

/**
 * "Synk: 34 av 100 kB". Kilobytes of 1 024 bytes, as the browsers count the quota (102 400
 * bytes is their "100 KB"); one decimal below ten, so that a few highlights do not show as 0.
 */
export function formatUsage(used: number, quota: number): string {
  const kb = used / 1024;
  return t('sync_usage', formatNumber(kb < 10 ? Math.round(kb * 10) / 10 : Math.round(kb)), formatNumber(Math.round(quota / 1024)));
}

const TROUBLE = { rate: 'sync_troubleRate', quota: 'sync_troubleQuota', storage: 'sync_troubleStorage' } as const;

/** "97 markeringar synkas. Senast synkat 2026-12-01 14:05." */
function syncedLine(count: number, at: number | undefined): string {
  const synced = plural('sync_synced', count);
  return at === undefined ? synced : `${synced} ${t('sync_lastSynced', formatDateTime(at))}`;
}

/**
 * Options page, section "Synk": highlights through the browser's own sync, on or off (off asks
 * whether to take our data out of the sync area), how much of the quota is used, and what stays
 * on this computer and why.
 */
export function SyncSection({ api }: { api: SyncApi }) {
  const ids = { heading: useId(), question: useId() };
  const { state, set: setStatus } = useLoaded(useCallback(() => api.getStatus(), [api]));
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const firstChoice = useRef<HTMLButtonElement>(null);
  const toggle = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (asking) firstChoice.current?.focus();
  }, [asking]);

  async function change(enabled: boolean, removeData: boolean, done: string) {
    setBusy(true);
    setAsking(false);
    setMessage('');
    try {
      setStatus(await api.setEnabled(enabled, removeData));
      setMessage(done);
    } catch (error) {
      setMessage(t('options_notSaved', errorMessage(error)));
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    setAsking(false);
    toggle.current?.focus();
  }

  const status = state.phase === 'ready' ? state.value : undefined;
  const unavailable = status !== undefined && !status.available;
  const left = status ? status.unsynced.note + status.unsynced.quote + status.unsynced.quota : 0;

  return (
    <section aria-labelledby={ids.heading} aria-busy={state.phase === 'loading' || busy}>
      <h2 id={ids.heading}>{t('sync_heading')}</h2>
      <p>{t('sync_intro')}</p>
      {state.phase === 'failed' && (
        <p role="alert">
          {t('sync_readFailed', state.error)}
        </p>
      )}
      {unavailable && <p data-field="unavailable">{t('sync_unavailable')}</p>}
      <label>
        <input
          ref={toggle}
          type="checkbox"
          data-setting="sync"
          checked={status ? status.enabled : true}
          disabled={!status || unavailable || busy}
          onChange={(e) => {
            if (e.currentTarget.checked) void change(true, false, t('sync_doneOn'));
            else {
              e.currentTarget.checked = true; // stays on until the reader has answered
              setAsking(true);
            }
          }}
        />{' '}
        {t('sync_toggle')}
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
          <p id={ids.question}>{t('sync_question')}</p>
          <button type="button" ref={firstChoice} data-action="sync-off-remove" onClick={() => void change(false, true, t('sync_doneOffRemoved'))}>
            {t('sync_offRemove')}
          </button>{' '}
          <button type="button" data-action="sync-off-keep" onClick={() => void change(false, false, t('sync_doneOffKept'))}>
            {t('sync_offKeep')}
          </button>{' '}
          <button type="button" data-action="sync-off-cancel" onClick={cancel}>
            {t('cancel')}
          </button>
        </div>
      )}

      {status && status.available && (
        <>
          <p data-field="usage">{formatUsage(status.usedBytes, status.quotaBytes)}</p>
          <p data-field="synced">{status.enabled ? syncedLine(status.synced, status.lastSyncAt) : t('sync_off')}</p>
          {status.error && (
            <p class="problem" data-field="sync-error">
              {t(TROUBLE[status.error.kind], status.error.kind === 'storage' ? (status.error.detail ?? '') : '')}
            </p>
          )}
        </>
      )}

      <h3>{t('sync_localHeading')}</h3>
      <ul data-field="local-only">
        {status?.enabled && left > 0 && (
          <>
            {status.unsynced.note > 0 && <li>{t('sync_tooLongNote', plural('highlights', status.unsynced.note))}</li>}
            {status.unsynced.quote > 0 && <li>{t('sync_tooLongQuote', plural('highlights', status.unsynced.quote))}</li>}
            {status.unsynced.quota > 0 && <li>{t('sync_overQuota', plural('highlights', status.unsynced.quota))}</li>}
          </>
        )}
        <li>{t('sync_localUnsynced')}</li>
        <li>{t('sync_localCache')}</li>
        <li>{t('sync_localFound')}</li>
      </ul>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
