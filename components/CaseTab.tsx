import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/error-message';
import type { CaseAnswer } from '@/lib/history/messages';
import { t } from '@/lib/i18n';
import { reasonText } from './card-parts';
import { DocLink, TrailLines } from './CardTrail';

/** What the tab needs: the document on the page in the current browser tab, with its whole trail and every document read that cites it. */
export interface CaseApi {
  /** Null when the tab shows no riksdagen document page. */
  load(): Promise<(CaseAnswer & { dokId: string }) | null>;
  /** Calls back when the tab navigated or switched. */
  subscribe(onChange: () => void): () => void;
}

type State =
  | { phase: 'waiting' }
  | { phase: 'no-page' }
  | { phase: 'ready'; view: CaseAnswer & { dokId: string } }
  | { phase: 'failed'; error: string };

/**
 * True once the element has been on screen: the tab asks for the document's trail (a request to
 * the open data) only when the reader opens "Ärendet", not whenever the panel opens. Without
 * IntersectionObserver it counts as seen at once.
 */
function useSeen(ref: { current: Element | null }): boolean {
  const [seen, setSeen] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (seen || !ref.current) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [seen, ref]);
  return seen;
}

/** "Ärendet": the trail of the document on the page, and the documents the reader has read that cite it. */
export function CaseTab({ api }: { api: CaseApi }) {
  const root = useRef<HTMLDivElement>(null);
  const seen = useSeen(root);
  const [state, setState] = useState<State>({ phase: 'waiting' });

  const load = useCallback(async () => {
    try {
      const view = await api.load();
      setState(view ? { phase: 'ready', view } : { phase: 'no-page' });
    } catch (error) {
      setState({ phase: 'failed', error: errorMessage(error) });
    }
  }, [api]);

  useEffect(() => {
    if (!seen) return;
    void load();
    return api.subscribe(() => void load());
  }, [api, load, seen]);

  const view = state.phase === 'ready' ? state.view : undefined;
  return (
    <div class="case-tab" ref={root} data-phase={state.phase}>
      {state.phase === 'waiting' && <p class="empty">{t('case_loading')}</p>}
      {state.phase === 'no-page' && <p class="empty">{t('case_noPage')}</p>}
      {state.phase === 'failed' && (
        <p class="empty">
          {t('case_failed', state.error)}
        </p>
      )}
      {view && (
        <>
          {view.title && (
            <p class="case-document" data-field="document">
              {view.label && <strong>{view.label} </strong>}
              {view.title}
            </p>
          )}
          <h2>{t('trail_heading')}</h2>
          {view.failed ? (
            <p class="problem" data-trail="failed">
              {t('trail_failed')}. {reasonText(view.failed)}{' '}
              <button type="button" data-action="retry-trail" onClick={() => void load()}>
                {t('retry')}
              </button>
            </p>
          ) : view.trail?.length ? (
            <TrailLines lines={view.trail} />
          ) : (
            <p class="empty">{t('case_noTrail')}</p>
          )}
          <h2>{t('trail_citedBy')}</h2>
          {view.citedBy ? (
            <>
              <p data-field="cited-by-count">{view.citedBy.text}</p>
              <ul class="cited-by" data-field="cited-by">
                {view.citedBy.links?.map((link) => (
                  <li>
                    <DocLink link={link} />
                    {link.title && <span class="cited-title"> {link.title}</span>}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p class="empty">{t('case_notCited')}</p>
          )}
        </>
      )}
    </div>
  );
}
