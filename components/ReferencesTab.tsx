import { formatNumber, t } from '@/lib/i18n';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PageReference } from '@/lib/messages/protocol';
import { ReferenceExport, type ExportCitationFormat } from './ReferenceExport';
import { ReferenceList, summarize } from './ReferenceList';
import { errorMessage } from '@/lib/error-message';

/** What the tab needs from the page in the current browser tab; the side panel passes the real messages. */
export interface PageReferencesApi {
  /** The page's references, or null when the tab shows no document page Riksref runs on. */
  load(): Promise<{ url: string; references: PageReference[] } | null>;
  /** Scrolls the page to occurrence `occurrence` (wraps) and says which one it showed. */
  reveal(id: string, occurrence: number): Promise<{ occurrence: number; count: number }>;
  /** Calls back when the tab navigated, switched, or its references changed. */
  subscribe(onChange: () => void): () => void;
}

type State =
  | { phase: 'loading' }
  | { phase: 'no-page' }
  | { phase: 'ready'; url: string; references: PageReference[] }
  | { phase: 'failed'; error: string };

/** The page's references as a file for reference managers (ReferenceExport.tsx); the side panel passes the real one. */
export type ExportReferences = (page: { url: string; references: PageReference[] }, format: ExportCitationFormat) => Promise<{ filename: string; count: number }>;

/** "Referenser": the list for the page in the current tab, kept up to date. */
export function ReferencesTab({ api, exportReferences }: { api: PageReferencesApi; exportReferences?: ExportReferences }) {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [message, setMessage] = useState('');
  // Which occurrence of each reference comes next; starts over on a new page.
  const next = useRef(new Map<string, number>());
  const url = useRef<string | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      const page = await api.load();
      if (!page) {
        url.current = undefined;
        setState({ phase: 'no-page' });
        return;
      }
      if (page.url !== url.current) {
        url.current = page.url;
        next.current = new Map();
        setMessage('');
      }
      setState({ phase: 'ready', ...page });
    } catch (error) {
      setState({ phase: 'failed', error: errorMessage(error) });
    }
  }, [api]);

  useEffect(() => {
    void load();
    return api.subscribe(() => void load());
  }, [api, load]);

  const reveal = async (id: string) => {
    try {
      const shown = await api.reveal(id, next.current.get(id) ?? 0);
      next.current.set(id, (shown.occurrence + 1) % Math.max(1, shown.count));
      setMessage(shown.count > 1 ? t('refs_showingOccurrence', formatNumber(shown.occurrence + 1), formatNumber(shown.count)) : t('refs_showingTheOccurrence'));
    } catch {
      setMessage(t('refs_gone'));
      void load();
    }
  };

  return (
    <div class="references-tab" data-phase={state.phase}>
      {state.phase === 'loading' && <p class="empty">{t('refs_loading')}</p>}
      {state.phase === 'no-page' && (
        <p class="empty">{t('refs_noPage')}</p>
      )}
      {state.phase === 'failed' && <p class="empty">{t('refs_failed', state.error)}</p>}
      {state.phase === 'ready' &&
        (state.references.length === 0 ? (
          <p class="empty">{t('refs_none')}</p>
        ) : (
          <>
            <p class="summary" data-field="summary">
              {summarize(state.references)}
            </p>
            {exportReferences && <ReferenceExport onExport={(format) => exportReferences(state, format)} />}
            <ReferenceList references={state.references} onReveal={(id) => void reveal(id)} />
          </>
        ))}
      <p class="status" role="status">
        {message}
      </p>
    </div>
  );
}
