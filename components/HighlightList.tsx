import { Component } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { DocumentGroup, HighlightCollection } from '@/lib/highlights/collection';
import type { Highlight } from '@/lib/highlights/highlight';
import { t } from '@/lib/i18n';
import { SLICE_MS } from '@/lib/time-slices';
import { SyncMark } from './SyncMark';

export type ExportFormat = 'json' | 'markdown';

export interface HighlightListProps {
  /** Every saved highlight, arranged for showing and searching (the side panel keeps this live). */
  collection: HighlightCollection;
  /** The document open in the active tab, if it is one: its highlights make "Den här sidan". */
  currentDokId?: string;
  /** Scroll to it and flash it on the page (opening its document if need be). */
  onOpen: (highlight: Highlight) => void;
  onSaveNote: (highlight: Highlight, note: string) => void;
  onDelete: (highlight: Highlight) => void;
  onUndo: (highlight: Highlight) => void;
  onExport: (format: ExportFormat) => void;
  onImport: (file: File) => void;
  /** A result to announce (import done, export failed, …). */
  status?: string;
  /** An export or import under way: what it is doing, and how far it has come. */
  progress?: { label: string; done: number; total: number };
  initialTab?: 'page' | 'all';
  /**
   * Set while only the first screen is known (lib/db/live-highlights.ts, readFirstScreen): the
   * current document's highlights and the first `groups` groups of "Alla"; the rest comes later.
   */
  partial?: { groups: number };
}

/**
 * How many highlights are on screen at first, and how many more each time the reader nears the
 * end of the list: a panel of 10 000 renders what fits a screen or two, not 10 000 (issue 12).
 */
export const FIRST_SHOWN = 40;
export const MORE_SHOWN = 100;

const MAX_QUOTE_SHOWN = 280;
const shorten = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTE_SHOWN ? `${flat.slice(0, MAX_QUOTE_SHOWN - 1)}…` : flat;
};

/**
 * The reader's highlights: "Den här sidan" in document order, "Alla" grouped by document; search
 * in text and notes; edit a note; delete with "Ångra"; orphans marked; export and import. Takes
 * data and callbacks only: the side panel does the messaging.
 */
export function HighlightList(props: HighlightListProps) {
  const [tab, setTab] = useState<'page' | 'all'>(props.initialTab ?? (props.currentDokId ? 'page' : 'all'));
  const [query, setQuery] = useState('');
  const [deleted, setDeleted] = useState<Highlight[]>([]);
  const ids = { search: useId(), page: useId(), all: useId(), panel: useId(), import: useId(), progress: useId() };
  const busy = props.progress !== undefined;
  const root = useRef<HTMLElement>(null);
  /**
   * Where focus goes once the list has changed: the "Ångra" of what was just deleted (its "Ta
   * bort" is gone), or the restored item's "Visa" once it is back. A keyboard reader's focus
   * never falls to the start of the page.
   */
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    const target = root.current?.querySelector<HTMLElement>(focusNext);
    if (!target) return; // not rendered yet (a restored item comes back with the live list)
    target.focus();
    setFocusNext(null);
  });

  const { collection } = props;
  useEffect(() => {
    // The search texts, a few milliseconds at a time once the list is on screen.
    let timer: ReturnType<typeof setTimeout>;
    const step = () => {
      if (!collection.prepare(performance.now() + SLICE_MS)) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [collection]);
  const matches = useMemo(() => collection.search(query), [collection, query]);
  const gone = useMemo(() => new Set(deleted.map((d) => d.id)), [deleted]);

  const keep = (h: Highlight) => (matches === null || matches.has(h.id)) && !gone.has(h.id);
  const onPage = useMemo(
    () => (props.currentDokId ? collection.forDocument(props.currentDokId).filter(keep) : []),
    [collection, matches, gone, props.currentDokId],
  );
  const groups = useMemo(() => {
    const known = props.partial ? collection.groups.slice(0, props.partial.groups) : collection.groups;
    const out: DocumentGroup[] = [];
    for (const group of known) {
      const highlights = matches === null && gone.size === 0 ? group.highlights : group.highlights.filter(keep);
      if (highlights.length > 0) out.push(highlights === group.highlights ? group : { ...group, highlights });
    }
    return out;
  }, [collection, matches, gone, props.partial]);
  const found = tab === 'page' ? onPage.length : groups.reduce((n, g) => n + g.highlights.length, 0);

  // How many are on screen: FIRST_SHOWN again whenever the view or the search changes.
  const view = `${tab}\u0000${query}`;
  const [shown, setShown] = useState({ view, count: FIRST_SHOWN });
  const limit = shown.view === view ? shown.count : FIRST_SHOWN;
  const showMore = () => setShown({ view, count: limit + MORE_SHOWN });
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Nearing the end of what is shown, show more (the "Visa fler" button does it from the keyboard).
    if (found <= limit || !end.current || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && showMore(), { rootMargin: '800px 0px' });
    observer.observe(end.current);
    return () => observer.disconnect();
  });

  function remove(h: Highlight) {
    setDeleted((d) => [h, ...d.filter((x) => x.id !== h.id)]);
    setFocusNext(`[data-deleted-id="${CSS.escape(h.id)}"] [data-action="undo"]`);
    props.onDelete(h);
  }
  function undo(h: Highlight) {
    setDeleted((d) => d.filter((x) => x.id !== h.id));
    setFocusNext(`[data-highlight-id="${CSS.escape(h.id)}"] [data-action="open"]`);
    props.onUndo(h);
  }
  /** The two views as ARIA tabs: one Tab stop, arrow keys (and Home/End) switch and move focus. */
  function onTabKey(event: KeyboardEvent) {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const next = event.key === 'Home' ? 'page' : event.key === 'End' ? 'all' : tab === 'page' ? 'all' : 'page';
    setTab(next);
    root.current?.querySelector<HTMLElement>(`[data-action="tab-${next}"]`)?.focus();
  }

  // The items' callbacks stay the same from render to render (they call whatever is current), so
  // that an item whose highlight did not change is not rendered again when the status line or an
  // import's progress bar changes.
  const current = useRef({ props, remove });
  current.current = { props, remove };
  const actions = useMemo(
    () => ({
      onOpen: (h: Highlight) => current.current.props.onOpen(h),
      onSaveNote: (h: Highlight, note: string) => current.current.props.onSaveNote(h, note),
      onDelete: (h: Highlight) => current.current.remove(h),
    }),
    [],
  );
  const item = (h: Highlight) => <Item key={h.id} highlight={h} {...actions} />;

  return (
    <section class="rr-list rr-root" aria-label={t('panel_highlights')} ref={root}>
      <div class="rr-tabs" role="tablist" aria-label={t('list_view')} onKeyDown={onTabKey}>
        <button type="button" role="tab" id={ids.page} aria-controls={ids.panel} aria-selected={tab === 'page'} tabIndex={tab === 'page' ? 0 : -1} data-action="tab-page" onClick={() => setTab('page')}>
          {t('list_thisPage')}
        </button>
        <button type="button" role="tab" id={ids.all} aria-controls={ids.panel} aria-selected={tab === 'all'} tabIndex={tab === 'all' ? 0 : -1} data-action="tab-all" onClick={() => setTab('all')}>
          {t('list_all')}
        </button>
      </div>

      <label for={ids.search}>{t('list_search')}</label>
      <input id={ids.search} class="rr-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />

      {deleted.length > 0 && (
        <ul class="rr-items" aria-label={t('list_deleted')}>
          {deleted.map((h) => (
            <li key={h.id} class="rr-item" data-deleted-id={h.id}>
              <span role="status">{t('list_deletedOne', shorten(h.selectors.quote.exact).slice(0, 60))}</span>{' '}
              <button type="button" data-action="undo" onClick={() => undo(h)}>
                {t('undo')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <div role="tabpanel" id={ids.panel} aria-labelledby={tab === 'page' ? ids.page : ids.all} data-query={query}>
        {tab === 'page' ? (
          !props.currentDokId ? (
            <p class="rr-muted">{t('list_noDocument')}</p>
          ) : onPage.length === 0 ? (
            <p class="rr-muted">
              {query ? t('list_pageNoMatch') : t('list_pageEmpty')}
            </p>
          ) : (
            <ul class="rr-items">{onPage.slice(0, limit).map(item)}</ul>
          )
        ) : groups.length === 0 ? (
          props.partial ? null : (
            <p class="rr-muted">{query ? t('list_noMatch') : t('list_empty')}</p>
          )
        ) : (
          firstOf(groups, limit).map((group) => (
            <section class="rr-group" key={group.dokId} data-dok-id={group.dokId}>
              <h3>{group.title}</h3>
              <ul class="rr-items">{group.highlights.map(item)}</ul>
            </section>
          ))
        )}
        {props.partial && tab === 'all' && (
          <p class="rr-muted" role="status">
            {t('list_readingAll')}
          </p>
        )}
        {found > limit && (
          <div class="rr-more" ref={end}>
            <span>{t('list_showing', limit, found)}</span>{' '}
            <button type="button" data-action="show-more" onClick={showMore}>
              {t('list_showMore')}
            </button>
          </div>
        )}
      </div>

      <div class="rr-tools">
        <button type="button" data-action="export-json" disabled={busy} onClick={() => props.onExport('json')}>
          {t('list_exportJson')}
        </button>
        <button type="button" data-action="export-markdown" disabled={busy} onClick={() => props.onExport('markdown')}>
          {t('list_exportMarkdown')}
        </button>
        <label for={ids.import}>{t('list_import')}</label>
        <input
          id={ids.import}
          type="file"
          accept=".json,application/json"
          data-action="import"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) props.onImport(file);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {props.progress && (
        <div class="rr-progress" data-field="progress">
          <label for={ids.progress}>{props.progress.label}</label>
          <progress id={ids.progress} max={props.progress.total || 1} value={props.progress.done} />
        </div>
      )}
      <p role="status" aria-live="polite" data-field="status">
        {props.status ?? ''}
      </p>
    </section>
  );
}

/** The groups cut after `limit` highlights (a group cut part-way shows its first ones). */
function firstOf(groups: readonly DocumentGroup[], limit: number): DocumentGroup[] {
  const out: DocumentGroup[] = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    out.push(group.highlights.length <= left ? group : { ...group, highlights: group.highlights.slice(0, left) });
    left -= group.highlights.length;
  }
  return out;
}

interface ItemProps {
  highlight: Highlight;
  onOpen: (h: Highlight) => void;
  onSaveNote: (h: Highlight, note: string) => void;
  onDelete: (h: Highlight) => void;
}

/** What an item shows of its highlight: the same for the same record read again. */
const shown = (h: Highlight) => [h.id, h.updated, h.color, h.note, h.orphan, h.unsynced, h.url, h.selectors.quote.exact];

/**
 * One highlight, rendered again only when what it shows changed — not when the whole list was read
 * again after a save elsewhere (new objects, same records). Its callbacks never change (see HighlightList).
 */
class Item extends Component<ItemProps> {
  override shouldComponentUpdate(next: ItemProps): boolean {
    const [a, b] = [shown(next.highlight), shown(this.props.highlight)];
    return a.some((value, i) => value !== b[i]);
  }
  override render() {
    return <ItemView {...this.props} />;
  }
}

function ItemView(props: ItemProps) {
  const h = props.highlight;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(h.note);
  const noteId = useId();
  return (
    <li class="rr-item" data-color={h.color} data-highlight-id={h.id} aria-label={t('list_item', t(`color_${h.color}`))}>
      <blockquote>{shorten(h.selectors.quote.exact)}</blockquote>
      {h.orphan && (
        <p class="rr-orphan" data-field="orphan">
          {t('list_orphan')}
        </p>
      )}
      <SyncMark reason={h.unsynced} />
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            props.onSaveNote(h, note);
            setEditing(false);
          }}
        >
          <label for={noteId}>{t('note')}</label>
          <textarea id={noteId} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          <div class="rr-row">
            <button type="submit" data-action="save-note">
              {t('save')}
            </button>
            <button type="button" data-action="cancel" onClick={() => (setNote(h.note), setEditing(false))}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        h.note && <p class="rr-note">{h.note}</p>
      )}
      <div class="rr-row">
        <button type="button" data-action="open" onClick={() => props.onOpen(h)}>
          {t('list_open')}
        </button>
        {!editing && (
          <button type="button" data-action="edit-note" onClick={() => (setNote(h.note), setEditing(true))}>
            {h.note ? t('list_editNote') : t('list_addNote')}
          </button>
        )}
        <button type="button" data-action="delete" onClick={() => props.onDelete(h)}>
          {t('delete')}
        </button>
      </div>
    </li>
  );
}
