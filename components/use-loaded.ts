import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/error-message';

/** What an options section knows of its subject: asking, the answer, or why there is none. */
export type Loaded<T> = { phase: 'loading' } | { phase: 'ready'; value: T } | { phase: 'failed'; error: string };

/**
 * Asks `get` when the component mounts (and whenever `reload` is called), and keeps the answer or
 * the reason it failed. `set` puts in an answer got another way (the reply to a change).
 */
export function useLoaded<T>(get: () => Promise<T>) {
  const [state, setState] = useState<Loaded<T>>({ phase: 'loading' });
  const reload = useCallback(async () => {
    try {
      setState({ phase: 'ready', value: await get() });
    } catch (error) {
      setState({ phase: 'failed', error: errorMessage(error) });
    }
  }, [get]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const set = useCallback((value: T) => setState({ phase: 'ready', value }), []);
  return { state, reload, set };
}
