import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import { HighlightPopover } from '@/components/HighlightPopover';
import { pageHighlightCss, PANEL_CSS } from '@/components/highlight-styles';
import { SelectionToolbar } from '@/components/SelectionToolbar';
import type { Highlight, HighlightColor } from '@/lib/highlights/highlight';
import { createTabMessageHandler, listen } from '@/lib/messages/handle';
import { parseTabCommand } from '@/lib/messages/tab-commands';
import { send } from '@/lib/messages/send';
import { anchorAll, anchorSelectors, describeRange, TextIndex, type Selectors, type TextAnchor } from '@/lib/page/anchoring';
import { HighlightPainter } from '@/lib/page/highlight-paint';
import { selectionInRegion } from '@/lib/page/selection';
import type { Feature, FeatureScope } from '../feature';
import { follow } from '../follow';
import { listenUntil } from '../listen-until';
import { placeBeside, visibleViewport, type Beside } from '../placement';
import { Timer } from '../timer';
import { createShadowUi } from '../shadow-ui';
import { errorMessage } from '@/lib/error-message';
import { t } from '@/lib/i18n';

/**
 * The reader's highlights on a document page: select text → a toolbar saves it in a colour or
 * with a note; saved highlights (by dok_id, so riksdagen.se and data.riksdagen.se share them) are
 * anchored and painted on every visit, and painted again when they change elsewhere (the side
 * panel, another tab); a click in one opens a popover to edit, recolour or delete it. From the
 * keyboard: select with Shift+arrows and the toolbar appears; the keyboard command (Alt+Shift+H
 * unless changed in the browser) moves focus into it, or, with the caret in a saved highlight,
 * opens that highlight's popover. The background stores everything; this feature only
 * describes, anchors and paints.
 */
export const highlights: Feature = {
  name: 'highlights',
  runsOn: () => true,
  start: (scope) => startHighlights(scope),
};

const DEFAULT_COLOR: HighlightColor = 'yellow';
// Linking splits text nodes in chunks after we start; once it pauses, ranges are rebuilt from
// the stored selectors (cheap: position checks against one text) so paint follows the text.
const REANCHOR_AFTER_MS = 150;
// A keyboard selection grows one key press at a time: offer the toolbar once it rests.
const SELECTION_SETTLES_MS = 300;
// Changes come in bursts (an import, a quick "Ångra"): one read of the page's highlights for each.
const REFRESH_AFTER_MS = 50;

type Panel =
  | { kind: 'none' }
  | { kind: 'toolbar'; selectors: Selectors; range: Range; error?: string; retry?: Highlight }
  | { kind: 'popover'; highlight: Highlight; range: Range; deleted?: boolean; error?: string };

async function startHighlights({ page, ctx, signal, quietly, onRegionChange, references }: FeatureScope) {
  const painter = new HighlightPainter(document, { write: quietly, css: pageHighlightCss() });

  let saved: Highlight[] = [];
  /** Where each highlight was found in the region's text (by id); missing ones are orphans. */
  let found = new Map<string, TextAnchor>();
  let ranges = new Map<string, Range>();
  let reported = false;
  let panel: Panel = { kind: 'none' };
  let stopFloating: (() => void) | undefined;
  /** Where the keyboard was before the keyboard command took focus into our panel: it goes back there. */
  let returnFocus: Element | null = null;

  const ui = createShadowUi(ctx, {
    name: 'riksref-highlights',
    // Outside <body>: never inside the document region, never read as the page's text.
    parent: () => document.documentElement,
    css: `${PANEL_CSS}\n.rr-float { position: fixed; top: 0; left: 0; z-index: 2147483647; }`,
    isolateEvents: ['keydown', 'keyup', 'keypress', 'mouseup'],
    onMount(container, _shadow, host) {
      host.setAttribute('data-riksref-ui', 'highlights');
      // Keep the page's selection when a toolbar button is pressed.
      container.addEventListener('mousedown', (event) => {
        if (!(event.target as Element).closest('textarea, input')) event.preventDefault();
      });
    },
    onRemove() {
      render(null, ui.uiContainer);
    },
  });
  if (signal.aborted) return;
  // On the page only once there is a toolbar or popover to show: a host with its styles costs
  // the page a restyle, and most page views never select anything.
  let mounted = false;
  const mountOnce = () => {
    if (mounted) return;
    mounted = true;
    quietly(() => ui.mount());
  };

  // --- anchoring and painting ---------------------------------------------------------------

  /** Bumped by every pass: a later whole-text search of an older pass stops. */
  let generation = 0;
  /** The fuzzy search's next step, one highlight per task (see reanchor). */
  let searchStep = () => {};
  const searchTimer = new Timer(signal, () => searchStep());

  /**
   * Anchors every saved highlight against the region's text as it is now, and paints. Two
   * passes (lib/page/anchoring/anchor.ts): the cheap steps for all at once, painted at once;
   * then, for each highlight still missing, the whole-text fuzzy search as its own task, so that
   * a page with orphans never blocks the reader for their sake.
   */
  function reanchor() {
    if (signal.aborted) return;
    const pass = ++generation;
    if (saved.length === 0) {
      // Most pages have no highlights: no text to read, nothing to paint.
      painter.clear();
      found = new Map();
      ranges = new Map();
      quietly(() => {
        document.documentElement.dataset.riksrefHighlights = '0';
      });
      return;
    }
    const began = performance.now();
    painter.clear(); // the fallback's wrappers must go before the text is read again
    const firstIndex = TextIndex.build(page.region);
    const text = firstIndex.text;
    const anchors = anchorAll(text, saved.map((s) => s.selectors), { wholeText: false });
    found = new Map();
    const missing: Highlight[] = [];
    saved.forEach((highlight, i) => {
      const anchor = anchors[i];
      if (anchor) found.set(highlight.id, anchor);
      else missing.push(highlight);
    });
    repaint(firstIndex);
    // Measured for `npm run bench` (bench/anchoring.ts): the first pass, text to paint.
    const methods: Record<string, number> = {};
    for (const anchor of anchors) methods[anchor?.method ?? 'later'] = (methods[anchor?.method ?? 'later'] ?? 0) + 1;
    performance.measure('riksref:anchor', { start: began, detail: { highlights: saved.length, methods } });

    const searchNext = () => {
      if (signal.aborted || pass !== generation) return;
      const highlight = missing.shift();
      if (!highlight) return finish();
      const anchor = anchorSelectors(text, highlight.selectors, 0, { wholeText: true });
      if (anchor) {
        found.set(highlight.id, anchor);
        repaint();
      }
      searchTimer.start(0);
    };
    searchStep = searchNext;
    const finish = () => {
      quietly(() => {
        document.documentElement.dataset.riksrefHighlights = String(ranges.size);
      });
      // Tell the background which are orphans now, once per visit, only if that changed.
      const orphans = saved.filter((s) => !found.has(s.id)).map((s) => s.id);
      if (!reported && saved.some((s) => (s.orphan ?? false) !== orphans.includes(s.id))) {
        reported = true;
        const anchored = saved.filter((s) => found.has(s.id)).map((s) => s.id);
        send('reportAnchoring', { dokId: page.dokId, found: anchored, orphans }).catch(() => {});
      }
    };
    searchNext();
  }

  /**
   * Ranges from the anchored text offsets, over the DOM as it is now, painted. Offsets outlive
   * DOM changes that keep the text (our links, the fallback's wrappers); Ranges do not.
   */
  function repaint(fresh?: TextIndex) {
    painter.clear();
    // An index just built over an unpainted region is still true; otherwise read the DOM again.
    const index = fresh ?? TextIndex.build(page.region);
    ranges = new Map();
    for (const highlight of saved) {
      const anchor = found.get(highlight.id);
      const range = anchor && index.rangeOf(anchor.start, anchor.end);
      if (range) ranges.set(highlight.id, range);
    }
    painter.paint(saved.filter((s) => ranges.has(s.id)).map((s) => ({ id: s.id, color: s.color, range: ranges.get(s.id)! })));
  }

  const reanchorTimer = new Timer(signal, () => reanchor());
  const reanchorSoon = () => reanchorTimer.start(REANCHOR_AFTER_MS);

  async function load() {
    try {
      saved = (await send('listHighlights', { dokId: page.dokId })).highlights;
    } catch (error) {
      console.warn('[Riksref] could not load highlights', error);
      return;
    }
    reanchor();
  }

  /**
   * The page's highlights changed somewhere (the side panel, another tab, or this page itself):
   * read them again, and repaint only if they differ from what is painted — a change made here
   * is already on screen.
   */
  let refreshes = 0;
  async function refresh() {
    // Saves in several tabs at once bring overlapping refreshes: only the latest one asked counts.
    const mine = ++refreshes;
    let latest: Highlight[];
    try {
      latest = (await send('listHighlights', { dokId: page.dokId })).highlights;
    } catch (error) {
      console.warn('[Riksref] could not reload highlights', error);
      return;
    }
    if (signal.aborted || mine !== refreshes || paintKey(latest) === paintKey(saved)) return;
    saved = latest;
    reanchor();
    const open = panel;
    if (open.kind === 'popover' && !open.deleted) {
      // The popover shows the highlight as it is now, or goes if it was deleted elsewhere.
      const current = saved.find((s) => s.id === open.highlight.id);
      if (!current) show({ kind: 'none' });
      else show({ ...open, highlight: current, range: ranges.get(current.id) ?? open.range });
    }
  }

  const refreshTimer = new Timer(signal, () => void refresh());
  const refreshSoon = () => refreshTimer.start(REFRESH_AFTER_MS);

  // --- the panel (toolbar or popover) -------------------------------------------------------

  function show(next: Panel) {
    panel = next;
    stopFloating?.();
    stopFloating = undefined;
    if (next.kind === 'none') {
      const hadFocus = document.activeElement === ui.shadowHost;
      render(null, ui.uiContainer);
      if (hadFocus) giveFocusBack();
      return;
    }
    const content =
      next.kind === 'toolbar'
        ? h(SelectionToolbar, {
            onHighlight: (color) => void create(next, color, ''),
            onNote: (note) => void create(next, DEFAULT_COLOR, note),
            onClose: () => show({ kind: 'none' }),
            error: next.error,
            onRetry: next.retry ? (note) => void retry(next, note) : undefined,
            onCopy: next.retry ? (note) => copy(next.retry!, note) : undefined,
          })
        : h(HighlightPopover, {
            highlight: next.highlight,
            deleted: next.deleted,
            error: next.error,
            onSaveNote: (note) => void update(next, { note }),
            onChangeColor: (color) => void update(next, { color }),
            onDelete: () => void remove(next),
            onUndo: () => void undo(next),
            onClose: () => show({ kind: 'none' }),
          });
    mountOnce();
    render(h('div', { class: 'rr-float' }, content), ui.uiContainer);
    const floating = ui.uiContainer.firstElementChild as HTMLElement;
    const range = next.range;
    const beside: Beside = { side: next.kind === 'toolbar' ? 'top' : 'bottom', align: 'center', gap: 8, sidePadding: 0, edgePadding: 8 };
    stopFloating = follow([range.startContainer.parentElement ?? page.region, floating], () => {
      const { width, height } = floating.getBoundingClientRect();
      const { x, y } = placeBeside(range.getBoundingClientRect(), { width, height }, visibleViewport(), beside);
      floating.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  }

  function draft(selectors: Selectors, color: HighlightColor, note: string): Highlight {
    const now = Date.now();
    return {
      id: crypto.randomUUID(),
      dokId: page.dokId,
      kind: page.kind,
      url: location.href,
      title: documentTitle(),
      selectors,
      color,
      note,
      created: now,
      updated: now,
    };
  }

  async function store(highlight: Highlight, from: Extract<Panel, { kind: 'toolbar' }>) {
    let error: string;
    try {
      const outcome = await send('saveHighlight', { highlight });
      if (outcome.saved) {
        saved = [...saved.filter((s) => s.id !== highlight.id), outcome.highlight];
        if (panel === from || panel.kind === 'none') show({ kind: 'none' });
        // The saved passage is no longer "selected"; a selection the reader has made since is theirs.
        const selection = document.getSelection();
        if (selection && selection.rangeCount > 0 && sameRange(selection.getRangeAt(0), from.range)) selection.removeAllRanges();
        reanchor();
        return;
      }
      error = outcome.error;
    } catch (e) {
      error = t('highlight_saveFailed', errorMessage(e));
    }
    // Not saved: the highlight stays with the toolbar, to be tried again; nothing is lost.
    show({ ...from, error, retry: highlight });
  }

  const create = (from: Extract<Panel, { kind: 'toolbar' }>, color: HighlightColor, note: string) =>
    store(draft(from.selectors, color, note), from);
  // The note as the field holds it now: the reader may have gone on writing after the failure.
  const withNote = (h: Highlight, note: string | undefined) => (note === undefined ? h : { ...h, note });
  const retry = (from: Extract<Panel, { kind: 'toolbar' }>, note: string | undefined) =>
    from.retry ? store(withNote(from.retry, note), from) : undefined;
  /** What could not be saved, to the clipboard: the passage, then the note. */
  const copy = (unsaved: Highlight, note: string | undefined) => {
    const { selectors, note: text } = withNote(unsaved, note);
    return navigator.clipboard.writeText(text ? `${selectors.quote.exact}\n\n${text}` : selectors.quote.exact);
  };

  async function update(from: Extract<Panel, { kind: 'popover' }>, changes: { note?: string; color?: HighlightColor }) {
    try {
      const { outcome } = await send('updateHighlight', { id: from.highlight.id, changes });
      if (!outcome) return show({ ...from, error: t('highlight_gone') });
      if (!outcome.saved) return show({ ...from, error: outcome.error });
      saved = saved.map((s) => (s.id === outcome.highlight.id ? outcome.highlight : s));
      reanchor();
      show({ ...from, highlight: outcome.highlight, range: ranges.get(outcome.highlight.id) ?? from.range, error: undefined });
    } catch (e) {
      show({ ...from, error: t('highlight_changeFailed', errorMessage(e)) });
    }
  }

  async function remove(from: Extract<Panel, { kind: 'popover' }>) {
    try {
      const { deleted } = await send('deleteHighlight', { id: from.highlight.id });
      saved = saved.filter((s) => s.id !== from.highlight.id);
      reanchor();
      show({ ...from, highlight: deleted ?? from.highlight, deleted: true, error: undefined });
    } catch (e) {
      show({ ...from, error: t('highlight_deleteFailed', errorMessage(e)) });
    }
  }

  async function undo(from: Extract<Panel, { kind: 'popover' }>) {
    try {
      const outcome = await send('restoreHighlight', { highlight: from.highlight });
      if (!outcome.saved) return show({ ...from, error: outcome.error });
      saved = [...saved, outcome.highlight];
      reanchor();
      show({ kind: 'none' });
    } catch (e) {
      show({ ...from, error: t('highlight_restoreFailed', errorMessage(e)) });
    }
  }

  // --- the reader's actions -----------------------------------------------------------------

  /** The selection described, or null when it is not one we save. */
  function currentSelection(): { selectors: Selectors; range: Range } | null {
    const range = selectionInRegion(document.getSelection(), page.region);
    if (!range) return null;
    const selectors = describeRange(TextIndex.build(page.region), range);
    return selectors ? { selectors, range: range.cloneRange() } : null;
  }

  const offerToolbar = () => {
    if (panel.kind === 'toolbar' && panel.error) return; // a failed save waits for the reader
    const selection = currentSelection();
    if (selection) show({ kind: 'toolbar', ...selection });
    else if (panel.kind === 'toolbar') show({ kind: 'none' });
  };

  // After the mouse or keyboard finishes a selection (the selection is final only after the event).
  let mouseDown = false;
  // Listeners and timers end with this page's features (the site may navigate without a reload),
  // not only with the extension.
  const on = listenUntil(signal);
  const toolbarTimer = new Timer(signal, () => offerToolbar());
  on(document, 'mouseup', () => {
    mouseDown = false;
    toolbarTimer.start(0);
  });
  // Any other way of selecting (Shift+arrows, caret browsing, select-all, assistive technology):
  // once the selection rests. Not while the mouse is still dragging (mouseup offers then), and not
  // while focus is in our panel (typing a note moves the selection into its text field).
  const selectionTimer = new Timer(signal, () => {
    if (!mouseDown && document.activeElement !== ui.shadowHost) offerToolbar();
  });
  on(document, 'selectionchange', () => selectionTimer.start(SELECTION_SETTLES_MS));
  on(document, 'keyup', (event) => {
    if ((event as KeyboardEvent).shiftKey || (event as KeyboardEvent).key === 'Shift') toolbarTimer.start(0);
  });
  on(document, 'keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape' && panel.kind !== 'none') show({ kind: 'none' });
  });
  on(document, 'mousedown', (event) => {
    if (!(event.composedPath() as Node[]).includes(ui.shadowHost)) mouseDown = true;
    // A press anywhere else closes the panel (a click inside it never reaches the page as ours),
    // unless it holds a highlight that could not be saved: that waits for the reader's own choice.
    const unsaved = panel.kind === 'toolbar' && panel.retry;
    if (panel.kind !== 'none' && !unsaved && !(event.composedPath() as Node[]).includes(ui.shadowHost)) show({ kind: 'none' });
  });

  // A click in a highlighted passage opens its popover; links inside it keep working as links.
  on(page.region, 'click', (event) => {
    const click = event as MouseEvent;
    if (click.defaultPrevented || click.button !== 0 || (click.target as Element | null)?.closest?.('a[href]')) return;
    if (!document.getSelection()?.isCollapsed) return;
    const point = caretAt(click.clientX, click.clientY);
    const id = point && painter.hitTest(point.node, point.offset);
    const highlight = id ? saved.find((s) => s.id === id) : undefined;
    const range = id ? ranges.get(id) : undefined;
    if (highlight && range) show({ kind: 'popover', highlight, range });
  });

  // The context menu and the keyboard command, and changes made elsewhere (all through the background).
  const onMessage = (message: unknown) => {
    const command = parseTabCommand(message);
    if (!command) return undefined;
    switch (command.command) {
      case 'saveSelection': {
        const selection = currentSelection();
        if (selection) void create({ kind: 'toolbar', ...selection }, DEFAULT_COLOR, '');
        break;
      }
      case 'highlightFromKeyboard':
        fromKeyboard();
        break;
      case 'highlightsChanged':
        if (command.dokIds.includes(page.dokId)) refreshSoon();
        break;
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  // The side panel's "Visa". The answer names this page's document: right after the panel sent
  // the tab elsewhere, the page that answers may still be the one before.
  const unlisten = listen(
    browser.runtime.onMessage as Parameters<typeof listen>[0],
    createTabMessageHandler({
      showHighlight: async ({ id, dokId }) => ({
        dokId: page.dokId,
        shown: dokId.toUpperCase() === page.dokId && (await reveal(id)),
      }),
    }),
  );

  /** Scrolls to a highlight and flashes it; false when it is not painted here (an orphan). */
  async function reveal(id: string): Promise<boolean> {
    if (!ranges.has(id)) await load(); // saved in another tab since we loaded
    const range = ranges.get(id);
    if (!range) return false;
    const target = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    target?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    painter.flash(range);
    return true;
  }

  // --- the keyboard -------------------------------------------------------------------------

  /** The saved highlight that holds the caret, or the whole selection. */
  function highlightAtSelection(): { highlight: Highlight; range: Range } | null {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const at = selection.getRangeAt(0);
    if (!page.region.contains(at.startContainer)) return null;
    const id = painter.hitTest(at.startContainer, at.startOffset);
    const range = id ? ranges.get(id) : undefined;
    const highlight = id ? saved.find((s) => s.id === id) : undefined;
    if (!highlight || !range) return null;
    if (!at.collapsed && !range.isPointInRange(at.endContainer, at.endOffset)) return null; // a new selection reaching beyond it
    return { highlight, range };
  }

  /**
   * The keyboard command: the caret (or selection) in a saved highlight opens its popover, which
   * takes focus itself; a new selection gets the toolbar, with focus on its first colour. A
   * duplicate is never saved this way.
   */
  function fromKeyboard() {
    const focused = document.activeElement;
    const inside = highlightAtSelection();
    if (inside) {
      show({ kind: 'popover', ...inside });
    } else {
      const selection = currentSelection();
      if (!selection) return;
      if (!(panel.kind === 'toolbar' && panel.error)) show({ kind: 'toolbar', ...selection });
      ui.uiContainer.querySelector<HTMLElement>('button')?.focus();
    }
    if (focused !== ui.shadowHost) returnFocus = focused;
  }

  /** Back to where the keyboard was (the selection itself stays as it was). */
  function giveFocusBack() {
    const target = returnFocus;
    returnFocus = null;
    if (target instanceof HTMLElement && target.isConnected && target !== document.body) target.focus({ preventScroll: true });
    else (ui.shadow.activeElement as HTMLElement | null)?.blur();
  }

  // Text the page adds or changes, and our own linking as it goes, move ranges: anchor again.
  onRegionChange(() => reanchorSoon());
  const unsubscribe = references.subscribe(() => reanchorSoon());

  await load();

  return () => {
    unsubscribe();
    unlisten();
    browser.runtime.onMessage.removeListener(onMessage);
    stopFloating?.();
    for (const timer of [reanchorTimer, refreshTimer, selectionTimer, toolbarTimer, searchTimer]) timer.cancel();
    painter.dispose();
    ui.remove();
    delete document.documentElement.dataset.riksrefHighlights;
  };
}

/**
 * What of a page's highlights shows in its paint or popover: which, where, in which colour
 * (`updated` moves with every edit), and whether it syncs (the sync marks it later, in the background).
 */
function paintKey(highlights: readonly Highlight[]): string {
  return highlights
    .map((h) => `${h.id}\u0000${h.updated}\u0000${h.color}\u0000${h.unsynced}`)
    .sort()
    .join('\u0001');
}

/** The document's title as the page shows it: its main heading, else the page title. */
function documentTitle(): string {
  const heading = document.querySelector('main h1, h1')?.textContent?.replace(/\s+/g, ' ').trim();
  return (heading || document.title || '').slice(0, 1000);
}

/** The DOM point under the pointer (standard API first, WebKit's older one second). */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function sameRange(a: Range, b: Range): boolean {
  return a.compareBoundaryPoints(Range.START_TO_START, b) === 0 && a.compareBoundaryPoints(Range.END_TO_END, b) === 0;
}
