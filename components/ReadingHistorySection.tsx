import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/error-message';
import { formatNumber, plural, t } from '@/lib/i18n';
import { formatBytes } from './CacheSection';

/** What the section needs: the setting (storage.local) and the history (the background's database). */
export interface ReadingHistoryApi {
  getEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
  getStats(): Promise<{ count: number; approxBytes: number }>;
  clear(): Promise<{ removed: number }>;
}

type Stats = { count: number; approxBytes: number };

/** Options page, section "Läshistorik": on or off (on by default), its size, and a way to empty it. */
export function ReadingHistorySection({ api }: { api: ReadingHistoryApi }) {
  const headingId = useId();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const load = useCallback(async () => {
    try {
      setStats(await api.getStats());
      setProblem('');
    } catch (error) {
      setProblem(t('history_readFailed', errorMessage(error)));
    }
  }, [api]);

  useEffect(() => {
    void api.getEnabled().then(setEnabled, () => setEnabled(true));
    void load();
  }, [api, load]);

  async function toggle(on: boolean) {
    const previous = enabled;
    setEnabled(on);
    try {
      await api.setEnabled(on);
      setMessage(on ? t('history_savedOn') : t('history_savedOff'));
    } catch (error) {
      setEnabled(previous);
      setMessage(t('options_notSaved', errorMessage(error)));
    }
  }

  async function clear() {
    setBusy(true);
    setMessage('');
    try {
      const { removed } = await api.clear();
      setMessage(plural('history_cleared', removed));
      await load();
    } catch (error) {
      setMessage(t('history_clearFailed', errorMessage(error)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} aria-busy={enabled === null || stats === null || busy}>
      <h2 id={headingId}>{t('history_heading')}</h2>
      <p>{t('history_explain')}</p>
      <label>
        <input
          type="checkbox"
          data-setting="reading-history"
          checked={enabled ?? true}
          disabled={enabled === null}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />{' '}
        {t('history_toggle')}
      </label>
      <p>{t('history_byDefault')}</p>
      {problem ? (
        <p role="alert">{problem}</p>
      ) : (
        <dl>
          <dt>{t('history_count')}</dt>
          <dd data-field="reading-count">{stats ? formatNumber(stats.count) : '…'}</dd>
          <dt>{t('size')}</dt>
          <dd data-field="reading-size">{stats ? formatBytes(stats.approxBytes) : '…'}</dd>
        </dl>
      )}
      <button type="button" data-action="clear-reading-history" onClick={() => void clear()} disabled={busy || stats === null}>
        {t('history_clear')}
      </button>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
