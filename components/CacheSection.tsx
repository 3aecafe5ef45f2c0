import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/error-message';

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

const numbers = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const times = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short' });

/** `0 byte`, `850 byte`, `12,3 kB`, `4,5 MB` (decimal units, Swedish decimal comma). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${numbers.format(bytes)} byte`;
  if (bytes < 1_000_000) return `${numbers.format(bytes / 1000)} kB`;
  return `${numbers.format(bytes / 1_000_000)} MB`;
}

const REASONS: Readonly<Record<string, string>> = {
  timeout: 'inget svar inom tidsgränsen',
  network: 'nätverksfel',
  http: 'fel hos tjänsten',
  'rate-limited': 'för många förfrågningar, tjänsten bad oss vänta',
  malformed: 'tjänsten gav ett oväntat svar',
};

/** The status line, or null while the service answers as it should. */
export function serviceProblem(service: CacheStatsView['service']): string | null {
  const { lastFailureAt, lastSuccessAt, lastFailureReason } = service;
  if (lastFailureAt === undefined || (lastSuccessAt !== undefined && lastSuccessAt >= lastFailureAt)) return null;
  const reason = lastFailureReason ? REASONS[lastFailureReason] ?? lastFailureReason : undefined;
  return `Riksdagens öppna data kunde inte nås ${times.format(lastFailureAt)}${reason ? ` (${reason})` : ''}. Länkarna fungerar ändå; uppgifterna hämtas nästa gång.`;
}

type State =
  | { phase: 'loading' }
  | { phase: 'ready'; stats: CacheStatsView }
  | { phase: 'failed'; error: string };

/** Options page, section "Cache": what is cached, how much space, and a way to empty it. */
export function CacheSection({ api }: { api: CacheApi }) {
  const headingId = useId();
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [clearing, setClearing] = useState(false);
  const [message, setMessage] = useState('');

  const load = useCallback(async () => {
    try {
      setState({ phase: 'ready', stats: await api.getStats() });
    } catch (error) {
      setState({ phase: 'failed', error: errorMessage(error) });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  async function clear() {
    setClearing(true);
    setMessage('');
    try {
      await api.clear();
      setMessage('Cachen är tömd.');
      await load();
    } catch (error) {
      setMessage(`Cachen kunde inte tömmas: ${errorMessage(error)}`);
    } finally {
      setClearing(false);
    }
  }

  const stats = state.phase === 'ready' ? state.stats : undefined;
  const problem = stats ? serviceProblem(stats.service) : null;

  return (
    <section aria-labelledby={headingId} aria-busy={state.phase === 'loading' || clearing}>
      <h2 id={headingId}>Cache</h2>
      <p>Uppgifter om dokument som sidorna hänvisar till sparas på din dator, så att de visas direkt nästa gång.</p>
      {state.phase === 'failed' ? (
        <p role="alert">Cachen kunde inte läsas: {state.error}</p>
      ) : (
        <dl>
          <dt>Sparade dokument</dt>
          <dd data-field="count">{stats ? numbers.format(stats.count) : '…'}</dd>
          <dt>Ungefärligt utrymme</dt>
          <dd data-field="size">{stats ? formatBytes(stats.approxBytes) : '…'}</dd>
        </dl>
      )}
      {problem && (
        <p data-field="service" class="problem">
          {problem}
        </p>
      )}
      <button type="button" data-action="clear-cache" onClick={clear} disabled={clearing || state.phase === 'loading'}>
        Töm cachen
      </button>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
