import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Highlight } from '@/lib/highlights/highlight';
import type { ResponseOf } from '@/lib/messages/protocol';
import { HighlightList, type ExportFormat } from './HighlightList';
import { HIGHLIGHT_LIST_CSS } from './highlight-styles';
import { errorMessage } from '@/lib/error-message';

/** How "Visa" went: shown on the page, not found there, no tab to show it in, or no answer in time. */
export type OpenResult = 'shown' | 'not-anchored' | 'no-tab' | 'timeout';

/** What the tab needs from the extension; the side panel passes the real database and messages. */
export interface HighlightsApi {
  /** Every saved highlight, now and after every change anywhere; returns the way to stop. */
  watch(onList: (highlights: Highlight[]) => void, onError: (error: unknown) => void): () => void;
  /** The dok_id of the document in the current tab, undefined when it shows none. */
  currentDokId(): Promise<string | undefined>;
  /** Calls back when the current tab switched or navigated. */
  subscribeTab(onChange: () => void): () => void;
  /** Scrolls to it and flashes it, first opening its document in the tab when the tab shows another. */
  open(highlight: Highlight): Promise<OpenResult>;
  saveNote(highlight: Highlight, note: string): Promise<ResponseOf<'updateHighlight'>['outcome']>;
  remove(highlight: Highlight): Promise<Highlight | null>;
  restore(highlight: Highlight): Promise<ResponseOf<'restoreHighlight'>>;
  /** Every highlight as a file, handed to the browser as a download. */
  exportFile(format: ExportFormat): Promise<{ filename: string; count: number }>;
  importFile(file: File): Promise<ResponseOf<'importHighlights'>>;
}

type State = { phase: 'loading' } | { phase: 'ready'; highlights: Highlight[] } | { phase: 'failed'; error: string };

const plural = (n: number) => (n === 1 ? '1 markering' : `${n} markeringar`);

const OPEN_MESSAGES: Record<OpenResult, string> = {
  shown: 'Visar markeringen på sidan.',
  'not-anchored': 'Markeringen hittades inte på sidan: texten kan ha ändrats.',
  'no-tab': 'Det finns ingen flik att visa markeringen i.',
  timeout: 'Sidan svarade inte i tid. Försök igen när den har laddats klart.',
};

/**
 * "Markeringar" in the side panel: the reader's highlights, kept live, with this page's first.
 * The list itself is components/HighlightList; this tab loads, follows the current tab, does what
 * the list asks through the api, and says how it went.
 */
export function HighlightsTab({ api }: { api: HighlightsApi }) {
  const [state, setState] = useState<State>({ phase: 'loading' });
  // undefined until asked once: the list opens on "Den här sidan" only if it knows the page.
  const [page, setPage] = useState<{ dokId: string | undefined } | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [attempt, setAttempt] = useState(0);
  const asked = useRef(0);

  useEffect(
    () =>
      api.watch(
        (highlights) => setState({ phase: 'ready', highlights }),
        (error) => setState({ phase: 'failed', error: errorMessage(error) }),
      ),
    [api, attempt],
  );

  const readPage = useCallback(async () => {
    const mine = ++asked.current;
    let dokId: string | undefined;
    try {
      dokId = await api.currentDokId();
    } catch {
      dokId = undefined; // a tab we may not look at shows no document of ours
    }
    // Only the latest answer counts: the reader may switch tabs faster than tabs answer.
    if (mine === asked.current) setPage({ dokId });
  }, [api]);

  useEffect(() => {
    void readPage();
    return api.subscribeTab(() => void readPage());
  }, [api, readPage]);

  /** Runs an action and puts its outcome (or its failure) in the status line. */
  const report = async (action: () => Promise<string>, failure: string) => {
    try {
      setStatus(await action());
    } catch (error) {
      setStatus(`${failure}: ${errorMessage(error)}`);
    }
  };

  if (state.phase === 'failed') {
    return (
      <div class="highlights-tab" data-phase="failed" role="alert">
        <p class="empty">Markeringarna kunde inte läsas: {state.error}</p>
        <button
          type="button"
          data-action="retry"
          onClick={() => {
            setState({ phase: 'loading' });
            setAttempt((n) => n + 1);
          }}
        >
          Försök igen
        </button>
      </div>
    );
  }
  if (state.phase === 'loading' || page === undefined) {
    return (
      <div class="highlights-tab" data-phase="loading">
        <style>{HIGHLIGHT_LIST_CSS}</style>
        <p class="empty" role="status">
          Läser markeringarna …
        </p>
      </div>
    );
  }

  return (
    <div class="highlights-tab" data-phase="ready">
      <style>{HIGHLIGHT_LIST_CSS}</style>
      <HighlightList
        highlights={state.highlights}
        currentDokId={page.dokId}
        status={status}
        onOpen={(h) => {
          if (h.dokId !== page.dokId) setStatus('Öppnar dokumentet …');
          void report(async () => OPEN_MESSAGES[await api.open(h)], 'Markeringen kunde inte visas');
        }}
        onSaveNote={(h, note) =>
          void report(async () => {
            const outcome = await api.saveNote(h, note);
            if (!outcome) return 'Markeringen finns inte längre.';
            return outcome.saved ? 'Anteckningen sparades.' : outcome.error;
          }, 'Anteckningen kunde inte sparas')
        }
        onDelete={(h) =>
          void report(async () => {
            await api.remove(h);
            return ''; // the list itself says so, beside its "Ångra"
          }, 'Markeringen kunde inte tas bort')
        }
        onUndo={(h) =>
          void report(async () => {
            const outcome = await api.restore(h);
            return outcome.saved ? 'Markeringen är tillbaka.' : outcome.error;
          }, 'Markeringen kunde inte återställas')
        }
        onExport={(format) =>
          void report(async () => {
            const file = await api.exportFile(format);
            return `Exporterade ${plural(file.count)} till ${file.filename}.`;
          }, 'Exporten misslyckades')
        }
        onImport={(file) => {
          setStatus(`Importerar ${file.name} …`);
          void report(async () => {
            const answer = await api.importFile(file);
            if (!answer.imported) return `Importen misslyckades: ${answer.error}`;
            const total = answer.added + answer.replaced;
            return `Importerade ${plural(total)}: ${answer.added} nya, ${answer.replaced} fanns redan och ersattes.`;
          }, 'Importen misslyckades');
        }}
      />
    </div>
  );
}
