import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/error-message';
import { formatBytes } from './CacheSection';

/** What the section needs: the setting (storage.local) and the history (the background's database). */
export interface ReadingHistoryApi {
  getEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
  getStats(): Promise<{ count: number; approxBytes: number }>;
  clear(): Promise<{ removed: number }>;
}

const numbers = new Intl.NumberFormat('sv-SE');

const TEXT = {
  heading: 'Läshistorik',
  explain:
    'Riksref minns de dokument du läser på riksdagen.se: beteckning, titel, datum, adress och vilka dokument de hänvisar till. ' +
    'Då kan kortet över ett dokument visa vilka av dem som hänvisar hit (”Citeras i”). ' +
    'Läshistoriken finns bara på den här datorn och skickas aldrig någonstans.',
  toggle: 'Spara läshistorik',
  byDefault: 'Läshistoriken är påslagen från början. Stänger du av den sparas inga nya sidor; det som redan finns ligger kvar tills du tömmer den.',
  count: 'Lästa dokument',
  size: 'Ungefärligt utrymme',
  clear: 'Töm läshistoriken',
  cleared: (n: number) => `Läshistoriken är tömd (${numbers.format(n)} dokument borttagna).`,
  savedOn: 'Sparat. Sidor du läser från och med nu kommer med i läshistoriken.',
  savedOff: 'Sparat. Inga nya sidor sparas i läshistoriken.',
  notSaved: 'Inställningen kunde inte sparas:',
  notRead: 'Läshistoriken kunde inte läsas:',
  notCleared: 'Läshistoriken kunde inte tömmas:',
} as const;

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
      setProblem(`${TEXT.notRead} ${errorMessage(error)}`);
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
      setMessage(on ? TEXT.savedOn : TEXT.savedOff);
    } catch (error) {
      setEnabled(previous);
      setMessage(`${TEXT.notSaved} ${errorMessage(error)}`);
    }
  }

  async function clear() {
    setBusy(true);
    setMessage('');
    try {
      const { removed } = await api.clear();
      setMessage(TEXT.cleared(removed));
      await load();
    } catch (error) {
      setMessage(`${TEXT.notCleared} ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} aria-busy={enabled === null || stats === null || busy}>
      <h2 id={headingId}>{TEXT.heading}</h2>
      <p>{TEXT.explain}</p>
      <label>
        <input
          type="checkbox"
          data-setting="reading-history"
          checked={enabled ?? true}
          disabled={enabled === null}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />{' '}
        {TEXT.toggle}
      </label>
      <p>{TEXT.byDefault}</p>
      {problem ? (
        <p role="alert">{problem}</p>
      ) : (
        <dl>
          <dt>{TEXT.count}</dt>
          <dd data-field="reading-count">{stats ? numbers.format(stats.count) : '…'}</dd>
          <dt>{TEXT.size}</dt>
          <dd data-field="reading-size">{stats ? formatBytes(stats.approxBytes) : '…'}</dd>
        </dl>
      )}
      <button type="button" data-action="clear-reading-history" onClick={() => void clear()} disabled={busy || stats === null}>
        {TEXT.clear}
      </button>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
