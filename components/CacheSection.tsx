import { useCallback, useId, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime, formatNumber, plural, t, type MessageKey } from '@/lib/i18n';
import { useLoaded } from './use-loaded';

/** What the section needs from the background; the options page passes the real messages. */
export interface CacheApi {
  getStats(): Promise<CacheStatsView>;
  clear(): Promise<{ removed: number }>;
}

export interface CacheStatsView {
  count: number;
  approxBytes: number;
  service: { lastSuccessAt?: number; lastFailureAt?: number; lastFailureReason?: string };
}

/** `0 byte`, `850 byte`, `12,3 kB`, `4,5 MB` (decimal units, the language's decimal sign). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return plural('bytes', bytes);
  if (bytes < 1_000_000) return `${formatNumber(bytes / 1000)} kB`;
  return `${formatNumber(bytes / 1_000_000)} MB`;
}

const REASONS: Readonly<Record<string, MessageKey>> = {
  timeout: 'cache_reason_timeout',
  network: 'cache_reason_network',
  http: 'cache_reason_http',
  'rate-limited': 'cache_reason_rateLimited',
  malformed: 'cache_reason_malformed',
};

/** The status line, or null while the service answers as it should. */
export function serviceProblem(service: CacheStatsView['service']): string | null {
  const { lastFailureAt, lastSuccessAt, lastFailureReason } = service;
  if (lastFailureAt === undefined || (lastSuccessAt !== undefined && lastSuccessAt >= lastFailureAt)) return null;
  const key = lastFailureReason && Object.hasOwn(REASONS, lastFailureReason) ? REASONS[lastFailureReason] : undefined;
  const reason = key ? t(key) : lastFailureReason;
  const at = formatDateTime(lastFailureAt);
  return reason ? t('cache_serviceProblemWhy', at, reason) : t('cache_serviceProblem', at);
}

/** Options page, section "Cache": what is cached, how much space, and a way to empty it. */
export function CacheSection({ api }: { api: CacheApi }) {
  const headingId = useId();
  const { state, reload: load } = useLoaded(useCallback(() => api.getStats(), [api]));
  const [clearing, setClearing] = useState(false);
  const [message, setMessage] = useState('');

  async function clear() {
    setClearing(true);
    setMessage('');
    try {
      await api.clear();
      setMessage(t('cache_cleared'));
      await load();
    } catch (error) {
      setMessage(t('cache_clearFailed', errorMessage(error)));
    } finally {
      setClearing(false);
    }
  }

  const stats = state.phase === 'ready' ? state.value : undefined;
  const problem = stats ? serviceProblem(stats.service) : null;

  return (
    <section aria-labelledby={headingId} aria-busy={state.phase === 'loading' || clearing}>
      <h2 id={headingId}>{t('cache_heading')}</h2>
      <p>{t('cache_intro')}</p>
      {state.phase === 'failed' ? (
        <p role="alert">{t('cache_readFailed', state.error)}</p>
      ) : (
        <dl>
          <dt>{t('cache_count')}</dt>
          <dd data-field="count">{stats ? formatNumber(stats.count) : '…'}</dd>
          <dt>{t('size')}</dt>
          <dd data-field="size">{stats ? formatBytes(stats.approxBytes) : '…'}</dd>
        </dl>
      )}
      {problem && (
        <p data-field="service" class="problem">
          {problem}
        </p>
      )}
      <button type="button" data-action="clear-cache" onClick={clear} disabled={clearing || state.phase === 'loading'}>
        {t('cache_clear')}
      </button>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
