import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FirstScreen } from '@/lib/db/live-highlights';
import { HighlightCollection } from '@/lib/highlights/collection';
import type { Highlight } from '@/lib/highlights/highlight';
import type { ImportAnswer, ImportStep } from '@/lib/messages/import-port';
import type { ResponseOf } from '@/lib/messages/protocol';
import { HighlightList, type ExportFormat } from './HighlightList';
import { HIGHLIGHT_LIST_CSS } from './highlight-styles';
import { errorMessage } from '@/lib/error-message';
import { t, uiLocale, type MessageKey } from '@/lib/i18n';

/** How "Visa" went: shown on the page, not found there, no tab to show it in, or no answer in time. */
export type OpenResult = 'shown' | 'not-anchored' | 'no-tab' | 'timeout';

/** What the tab needs from the extension; the side panel passes the real database and messages. */
export interface HighlightsApi {
  /** Every saved highlight, now and after every change anywhere; returns the way to stop. */
  watch(onList: (highlights: Highlight[]) => void, onError: (error: unknown) => void): () => void;
  /** What the first screen shows, read without waiting for every highlight (a few hundred ms at 10 000). */
  firstScreen(dokId: string | undefined): Promise<FirstScreen>;
  /** The dok_id of the document in the current tab, undefined when it shows none. */
  currentDokId(): Promise<string | undefined>;
  /** Calls back when the current tab switched or navigated. */
  subscribeTab(onChange: () => void): () => void;
  /** Scrolls to it and flashes it, first opening its document in the tab when the tab shows another. */
  open(highlight: Highlight): Promise<OpenResult>;
  saveNote(highlight: Highlight, note: string): Promise<ResponseOf<'updateHighlight'>['outcome']>;
  remove(highlight: Highlight): Promise<Highlight | null>;
  restore(highlight: Highlight): Promise<ResponseOf<'restoreHighlight'>>;
  /**
   * Every highlight as a file, handed to the browser as a download; `onProgress` while the
   * documents' references are asked for (Markdown) and after each piece written.
   */
  exportFile(format: ExportFormat, onProgress: (step: ExportStep) => void): Promise<{ filename: string; count: number }>;
  /** Imports a file, all or nothing, telling each step (reading, checking, saving) as it goes. */
  importFile(file: File, onStep: (step: ImportStep) => void): Promise<ImportAnswer>;
}

/** How far an export has come: asking for the documents' references (Markdown), then writing. */
export interface ExportStep {
  phase: 'references' | 'writing';
  done: number;
  total: number;
}

type State = { phase: 'loading' } | { phase: 'ready'; collection: HighlightCollection } | { phase: 'failed'; error: string };

/**
 * `1 markering`, `10000 markeringar`: the language's plural form, digits as the figures beside it
 * (progress, added, replaced) are written, not grouped as i18n's plural() writes them.
 */
const highlights = (n: number) => t(new Intl.PluralRules(uiLocale()).select(n) === 'one' ? 'highlights_one' : 'highlights_other', n);

/** What the progress bar says, for each step of an import and for an export. */
const PROGRESS_LABELS: Record<ImportStep['phase'] | ExportStep['phase'], (done: number, total: number) => string> = {
  reading: (done, total) => t('progress_reading', total > 0 ? Math.floor((100 * done) / total) : 100),
  checking: (done, total) => t('progress_checking', done, total),
  saving: (done, total) => t('progress_saving', done, total),
  references: () => t('progress_references'),
  writing: (done, total) => t('progress_writing', done, total),
};

const OPEN_MESSAGES = {
  shown: 'open_shown',
  'not-anchored': 'open_notAnchored',
  'no-tab': 'open_noTab',
  timeout: 'open_timeout',
} as const satisfies Record<OpenResult, MessageKey>;

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
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [first, setFirst] = useState<FirstScreen | undefined>(undefined);
  /** The last list arranged: the next one takes the search texts of unchanged highlights from it. */
  const arranged = useRef<HighlightCollection | undefined>(undefined);
  const asked = useRef(0);

  // The whole list is read once the first screen is on its way: read together, the small read
  // would wait behind the large one.
  const [firstAsked, setFirstAsked] = useState(false);
  useEffect(() => {
    if (!firstAsked) return;
    let lists = 0;
    let stopped = false;
    const stop = api.watch(
      (highlights) => {
        // Arranged a slice at a time; a newer list overtakes one still being arranged.
        const mine = ++lists;
        void HighlightCollection.build(highlights, arranged.current).then((collection) => {
          if (stopped || mine !== lists) return;
          arranged.current = collection;
          setState({ phase: 'ready', collection });
          setFirst(undefined); // the whole list from now on, even while a retry reads it again
        });
      },
      (error) => setState({ phase: 'failed', error: errorMessage(error) }),
    );
    return () => {
      stopped = true;
      stop();
    };
  }, [api, attempt, firstAsked]);

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

  // Until every highlight is read, the first screen: this page's highlights and the latest
  // changed documents', read on their own (lib/db/live-highlights.ts, readFirstScreen).
  const listed = state.phase === 'ready';
  useEffect(() => {
    if (listed || page === undefined) return;
    let current = true;
    api
      .firstScreen(page.dokId)
      .then(
        (screen) => current && setFirst(screen),
        () => {}, // the whole list follows, or its error
      )
      .finally(() => setFirstAsked(true));
    return () => {
      current = false;
    };
  }, [api, page, listed]);

  /** Runs an action and puts its outcome (or its failure) in the status line. */
  const report = async (action: () => Promise<string>, failure: MessageKey) => {
    try {
      setStatus(await action());
    } catch (error) {
      setStatus(t(failure, errorMessage(error)));
    }
  };

  if (state.phase === 'failed') {
    return (
      <div class="highlights-tab" data-phase="failed" role="alert">
        <p class="empty">{t('highlights_readFailed', state.error)}</p>
        <button
          type="button"
          data-action="retry"
          onClick={() => {
            setState({ phase: 'loading' });
            setAttempt((n) => n + 1);
          }}
        >
          {t('retry')}
        </button>
      </div>
    );
  }
  const partial = state.phase === 'loading' && page !== undefined && first?.dokId === page.dokId?.toUpperCase() ? first : undefined;
  const firstCollection = useMemo(() => first && new HighlightCollection(first.highlights), [first]);
  if ((state.phase === 'loading' && !partial) || page === undefined) {
    return (
      <div class="highlights-tab" data-phase="loading">
        <style>{HIGHLIGHT_LIST_CSS}</style>
        <p class="empty" role="status">
          {t('highlights_loading')}
        </p>
      </div>
    );
  }

  return (
    <div class="highlights-tab" data-phase={state.phase === 'ready' ? 'ready' : 'first-screen'}>
      <style>{HIGHLIGHT_LIST_CSS}</style>
      <HighlightList
        collection={state.phase === 'ready' ? state.collection : firstCollection!}
        partial={state.phase === 'ready' ? undefined : { groups: partial!.groups }}
        currentDokId={page.dokId}
        status={status}
        progress={progress}
        onOpen={(h) => {
          if (h.dokId !== page.dokId) setStatus(t('open_opening'));
          void report(async () => t(OPEN_MESSAGES[await api.open(h)]), 'open_failed');
        }}
        onSaveNote={(h, note) =>
          void report(async () => {
            const outcome = await api.saveNote(h, note);
            if (!outcome) return t('highlight_gone');
            return outcome.saved ? t('note_saved') : outcome.error;
          }, 'note_saveFailed')
        }
        onDelete={(h) =>
          void report(async () => {
            await api.remove(h);
            return ''; // the list itself says so, beside its "Ångra"
          }, 'highlight_deleteFailed')
        }
        onUndo={(h) =>
          void report(async () => {
            const outcome = await api.restore(h);
            return outcome.saved ? t('highlight_restored') : outcome.error;
          }, 'highlight_restoreFailed')
        }
        onExport={(format) =>
          void report(async () => {
            setStatus('');
            try {
              const file = await api.exportFile(format, ({ phase, done, total }) => setProgress({ label: PROGRESS_LABELS[phase](done, total), done, total }));
              return t('highlights_exported', highlights(file.count), file.filename);
            } finally {
              setProgress(undefined);
            }
          }, 'export_failed')
        }
        onImport={(file) => {
          setStatus(t('import_working', file.name));
          void report(async () => {
            try {
              const answer = await api.importFile(file, ({ phase, done, total }) => setProgress({ label: PROGRESS_LABELS[phase](done, total), done, total }));
              if (!answer.imported) return t('import_failed', answer.error);
              const total = answer.added + answer.replaced;
              return t('import_done', highlights(total), answer.added, answer.replaced);
            } finally {
              setProgress(undefined);
            }
          }, 'import_failed');
        }}
      />
    </div>
  );
}
