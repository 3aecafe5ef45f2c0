import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { byDocumentOrder, COLOR_LABELS, type Highlight } from '@/lib/highlights/highlight';
import { groupByDocument } from '@/lib/highlights/markdown';
import { SyncMark } from './SyncMark';

export type ExportFormat = 'json' | 'markdown';

export interface HighlightListProps {
  /** Every saved highlight (the side panel keeps this live). */
  highlights: readonly Highlight[];
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
  initialTab?: 'page' | 'all';
}

const MAX_QUOTE_SHOWN = 280;
const shorten = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTE_SHOWN ? `${flat.slice(0, MAX_QUOTE_SHOWN - 1)}…` : flat;
};
const fold = (text: string) => text.toLocaleLowerCase('sv').replace(/\s+/g, ' ');

/** Does the highlight's text or note contain every word of the query? */
export function matchesSearch(highlight: Highlight, query: string): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${fold(highlight.selectors.quote.exact)} ${fold(highlight.note)} ${fold(highlight.title)}`;
  return words.every((w) => haystack.includes(w));
}

/**
 * The reader's highlights: "Den här sidan" in document order, "Alla" grouped by document; search
 * in text and notes; edit a note; delete with "Ångra"; orphans marked; export and import. Takes
 * data and callbacks only: the side panel does the messaging.
 */
export function HighlightList(props: HighlightListProps) {
  const [tab, setTab] = useState<'page' | 'all'>(props.initialTab ?? (props.currentDokId ? 'page' : 'all'));
  const [query, setQuery] = useState('');
  const [deleted, setDeleted] = useState<Highlight[]>([]);
  const ids = { search: useId(), page: useId(), all: useId(), panel: useId(), import: useId() };
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

  const visible = useMemo(
    () => props.highlights.filter((h) => matchesSearch(h, query) && !deleted.some((d) => d.id === h.id)),
    [props.highlights, query, deleted],
  );
  const onPage = useMemo(
    () => (props.currentDokId ? visible.filter((h) => h.dokId === props.currentDokId?.toUpperCase()).sort(byDocumentOrder) : []),
    [visible, props.currentDokId],
  );

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

  const item = (h: Highlight) => (
    <Item key={h.id} highlight={h} onOpen={props.onOpen} onSaveNote={props.onSaveNote} onDelete={remove} />
  );

  return (
    <section class="rr-list rr-root" aria-label="Markeringar" ref={root}>
      <div class="rr-tabs" role="tablist" aria-label="Visa" onKeyDown={onTabKey}>
        <button type="button" role="tab" id={ids.page} aria-controls={ids.panel} aria-selected={tab === 'page'} tabIndex={tab === 'page' ? 0 : -1} data-action="tab-page" onClick={() => setTab('page')}>
          Den här sidan
        </button>
        <button type="button" role="tab" id={ids.all} aria-controls={ids.panel} aria-selected={tab === 'all'} tabIndex={tab === 'all' ? 0 : -1} data-action="tab-all" onClick={() => setTab('all')}>
          Alla
        </button>
      </div>

      <label for={ids.search}>Sök i markeringar och anteckningar</label>
      <input id={ids.search} class="rr-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />

      {deleted.length > 0 && (
        <ul class="rr-items" aria-label="Borttagna">
          {deleted.map((h) => (
            <li key={h.id} class="rr-item" data-deleted-id={h.id}>
              <span role="status">Markeringen ”{shorten(h.selectors.quote.exact).slice(0, 60)}” togs bort.</span>{' '}
              <button type="button" data-action="undo" onClick={() => undo(h)}>
                Ångra
              </button>
            </li>
          ))}
        </ul>
      )}

      <div role="tabpanel" id={ids.panel} aria-labelledby={tab === 'page' ? ids.page : ids.all}>
        {tab === 'page' ? (
          !props.currentDokId ? (
            <p class="rr-muted">Fliken visar inget riksdagsdokument.</p>
          ) : onPage.length === 0 ? (
            <p class="rr-muted">
              {query ? 'Inga markeringar på sidan matchar sökningen.' : 'Inga markeringar på den här sidan än. Markera text i dokumentet för att spara.'}
            </p>
          ) : (
            <ul class="rr-items">{onPage.map(item)}</ul>
          )
        ) : visible.length === 0 ? (
          <p class="rr-muted">{query ? 'Inga markeringar matchar sökningen.' : 'Inga markeringar än. Markera text i ett dokument på riksdagen.se för att spara.'}</p>
        ) : (
          groupByDocument(visible).map((group) => (
            <section class="rr-group" key={group.dokId} data-dok-id={group.dokId}>
              <h3>{group.title}</h3>
              <ul class="rr-items">{group.highlights.map(item)}</ul>
            </section>
          ))
        )}
      </div>

      <div class="rr-tools">
        <button type="button" data-action="export-json" onClick={() => props.onExport('json')}>
          Exportera JSON
        </button>
        <button type="button" data-action="export-markdown" onClick={() => props.onExport('markdown')}>
          Exportera Markdown
        </button>
        <label for={ids.import}>Importera (JSON)</label>
        <input
          id={ids.import}
          type="file"
          accept=".json,application/json"
          data-action="import"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) props.onImport(file);
            e.currentTarget.value = '';
          }}
        />
      </div>
      <p role="status" aria-live="polite" data-field="status">
        {props.status ?? ''}
      </p>
    </section>
  );
}

function Item(props: {
  highlight: Highlight;
  onOpen: (h: Highlight) => void;
  onSaveNote: (h: Highlight, note: string) => void;
  onDelete: (h: Highlight) => void;
}) {
  const h = props.highlight;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(h.note);
  const noteId = useId();
  return (
    <li class="rr-item" data-color={h.color} data-highlight-id={h.id} aria-label={`${COLOR_LABELS[h.color]} markering`}>
      <blockquote>{shorten(h.selectors.quote.exact)}</blockquote>
      {h.orphan && (
        <p class="rr-orphan" data-field="orphan">
          Hittades inte på sidan
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
          <label for={noteId}>Anteckning</label>
          <textarea id={noteId} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          <div class="rr-row">
            <button type="submit" data-action="save-note">
              Spara
            </button>
            <button type="button" data-action="cancel" onClick={() => (setNote(h.note), setEditing(false))}>
              Avbryt
            </button>
          </div>
        </form>
      ) : (
        h.note && <p class="rr-note">{h.note}</p>
      )}
      <div class="rr-row">
        <button type="button" data-action="open" onClick={() => props.onOpen(h)}>
          Visa
        </button>
        {!editing && (
          <button type="button" data-action="edit-note" onClick={() => (setNote(h.note), setEditing(true))}>
            {h.note ? 'Redigera anteckning' : 'Lägg till anteckning'}
          </button>
        )}
        <button type="button" data-action="delete" onClick={() => props.onDelete(h)}>
          Ta bort
        </button>
      </div>
    </li>
  );
}
