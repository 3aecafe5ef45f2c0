import { h, render } from 'preact';
import { describeCard, RefCard } from '@/components/RefCard';
import { REF_CARD_CSS } from '@/components/ref-card-style';
import type { CitationFormat } from '@/lib/cite/formats';
import { send } from '@/lib/messages/send';
import { ATTR_ID, ATTR_REF } from '@/lib/page';
import type { LawTextSite } from '@/lib/refs/labels';
import { linkSettings } from '@/lib/settings';
import { cardExtras } from '../card-extras';
import { lineToStandBy, outOfView } from '../card-line';
import { follow } from '../follow';
import { listenUntil } from '../listen-until';
import type { Feature } from '../feature';
import { Timer } from '../timer';
import { placeBeside, visibleViewport, type Beside } from '../placement';
import { createShadowUi, type ShadowUi } from '../shadow-ui';

/*
 * One card per page, in an open shadow root at the end of <body>: the page's styles cannot reach
 * it, its styles cannot reach the page (the links' own CSS stays in links.css, injected by the
 * manifest; the card's CSS is a string given to the shadow root only). A handful of listeners,
 * delegated on the document region and the card; everything dies with the feature's signal.
 */

/** Long enough that a pointer passing over a link on its way elsewhere opens nothing. */
const HOVER_INTENT_MS = 300;
/** Time to travel from the link into the card (and across the gap between them) before it closes. */
const CLOSE_GRACE_MS = 250;
const DESCRIPTION_ID = 'riksref-card-description';
const REFERENCE = `a[${ATTR_ID}]`;
/** The card's Tab stops in document order: its actions, and a law's text (a scroll region, tabindex 0). */
const TABBABLE = 'a[href], button:not([disabled]), [tabindex="0"]';
/** Below the reference from its start, above when the room below is short; inside the viewport. */
const CARD_PLACE: Beside = { side: 'bottom', align: 'start', gap: 6, sidePadding: 8, edgePadding: 8 };

type OpenedBy = 'pointer' | 'focus' | 'touch';

interface OpenCard {
  anchor: HTMLAnchorElement;
  key: string;
  id: string;
  by: OpenedBy;
  /** The page's own values, put back on close. */
  title: string | null;
  describedBy: string | null;
  stopUpdates: () => void;
}

/**
 * "Kopiera hänvisning": the background formats the citation (the formatters stay out of the
 * content script), the page's clipboard takes it. A Swedish reference is copied without the line
 * break that ends it in a file.
 */
async function copyCitation(id: string, format: CitationFormat): Promise<void> {
  const { text } = await send('formatCitations', { ids: [id], format });
  await navigator.clipboard.writeText(format === 'swedish' ? text.trim() : text);
}

export const hoverCards: Feature = {
  name: 'hover-cards',
  runsOn: () => true,
  async start({ page, ctx, signal, quietly, references }) {
    const region = page.region;
    const on = listenUntil(signal);

    let ui: ShadowUi | null = null;
    let floating: HTMLElement | null = null;
    let description: HTMLElement | null = null;
    let open: OpenCard | null = null;
    /** The reference the pointer rests on, whose card opens when openTimer fires. */
    let intended: HTMLAnchorElement | null = null;
    const openTimer = new Timer(signal, () => {
      if (intended) void show(intended, 'pointer');
    });
    const closeTimer = new Timer(signal, () => close());
    /** The anchor we are focusing ourselves (Escape, Shift+Tab): its focus must not reopen the card. */
    let quietFocus: HTMLAnchorElement | null = null;
    let lastPointerType = '';
    let pointer: { x: number; y: number } | undefined;
    let pointerInCard = false;
    const extras = cardExtras(page.dokId, () => renderCard());
    // Where the law card's links lead: the reader's setting, followed while the card is open.
    let lawSite: LawTextSite = 'riksdagen';
    void linkSettings.get().then((settings) => {
      lawSite = settings.lawSite;
      renderCard();
    });
    const unwatchSettings = linkSettings.watch((settings) => {
      lawSite = settings.lawSite;
      renderCard();
    });

    const cancelOpen = () => openTimer.cancel();
    const cancelClose = () => closeTimer.cancel();
    const scheduleClose = () => closeTimer.start(CLOSE_GRACE_MS);

    const referenceIn = (target: EventTarget | null): HTMLAnchorElement | null => {
      const el = target instanceof Element ? target.closest<HTMLAnchorElement>(REFERENCE) : null;
      return el && region.contains(el) ? el : null;
    };
    const inCard = (target: EventTarget | null) => target instanceof Node && !!ui && (target === ui.shadowHost || ui.shadow.contains(target));

    /** The shadow root, made on first use: a page where nobody hovers gets no extra element. */
    let making: Promise<HTMLElement> | null = null;
    const ensureUi = (): Promise<HTMLElement> => (making ??= makeUi());
    const makeUi = async (): Promise<HTMLElement> => {
      ui = createShadowUi(ctx, {
        name: 'riksref-card',
        parent: () => document.body,
        css: REF_CARD_CSS,
        onMount: (container) => {
          // Placed in viewport coordinates (placement.ts), above the page's own layers.
          Object.assign(container.style, { position: 'fixed', top: '0', left: '0', zIndex: '2147483647' });
        },
      });
      quietly(() => ui!.mount());
      floating = ui.uiContainer;
      const shadow = ui.shadow;
      on<PointerEvent>(shadow, 'pointerover', () => {
        pointerInCard = true;
        cancelClose();
      });
      on<PointerEvent>(shadow, 'pointerout', (event) => {
        if (inCard(event.relatedTarget)) return;
        pointerInCard = false;
        if (open && open.by !== 'focus' && !referenceIn(event.relatedTarget)) scheduleClose();
      });
      on<FocusEvent>(shadow, 'focusout', (event) => {
        if (!open || inCard(event.relatedTarget) || event.relatedTarget === open.anchor) return;
        if (!pointerInCard) close();
      });
      on<KeyboardEvent>(shadow, 'keydown', (event) => tabInsideCard(event));
      return floating;
    };

    /** A retry button gives way to a placeholder at once: keyboard focus goes back to the reference, not to nowhere. */
    const keepingFocus = (retry: () => void) => () => {
      const hadFocus = inCard(document.activeElement);
      retry();
      if (hadFocus && open) focusQuietly(open.anchor);
    };

    const renderCard = () => {
      if (!floating) return;
      if (!open) {
        render(null, floating);
        return;
      }
      const { id } = open;
      const state = references.metadataOf(id);
      render(
        h(RefCard, {
          id,
          state,
          onRetry: keepingFocus(() => references.retry([id])),
          onCopy: (format: CitationFormat) => copyCitation(id, format),
          lawSite,
          documentDate: page.date,
          extras: extras.of(id, state),
          onRetryTrail: keepingFocus(() => extras.retry(id)),
        }),
        floating,
      );
      quietly(() => {
        if (description) description.textContent = describeCard(id, state);
      });
    };

    const place = () => {
      const current = open;
      if (!current || !floating) return;
      if (!current.anchor.isConnected) return close();
      // A reference that wraps over two lines: sit next to the line under the pointer.
      const line = lineToStandBy(Array.from(current.anchor.getClientRects()), current.by === 'pointer' ? pointer : undefined);
      // Scrolled out of sight: the card has nothing to stand next to.
      if (!line || outOfView(line, innerWidth, innerHeight)) return close();
      const { width, height } = floating.getBoundingClientRect();
      const { x, y } = placeBeside(line, { width, height }, visibleViewport(), CARD_PLACE);
      Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
    };

    const show = async (anchor: HTMLAnchorElement, by: OpenedBy) => {
      cancelOpen();
      cancelClose();
      const key = anchor.getAttribute(ATTR_REF) ?? '';
      const id = anchor.getAttribute(ATTR_ID) ?? '';
      if (open?.anchor === anchor) {
        // Hovered first, then focused: it now stays while focused, as a keyboard card does.
        if (by === 'focus') open.by = 'focus';
        return;
      }
      const container = await ensureUi();
      if (signal.aborted || !anchor.isConnected) return;
      // Another piece of the same reference, or another reference: one card, moved.
      if (open) detach(open);
      open = { anchor, key, id, by, title: anchor.getAttribute('title'), describedBy: anchor.getAttribute('aria-describedby'), stopUpdates: () => {} };
      attach(open);
      renderCard();
      // Re-placed on scroll, resize and changes of size around the reference. Placing it may
      // close it at once (its reference out of view): then nothing is left following.
      const card = open;
      const stop = follow([anchor, container], place);
      if (open === card) card.stopUpdates = stop;
      else stop();
    };

    /**
     * aria-describedby cannot point into a shadow root (ids do not resolve across the boundary),
     * so the card's gist is mirrored as text into one `hidden` element in the light DOM. A hidden
     * element still gives its text when referenced directly (accname 1.2, step 2A), so screen
     * readers announce it with the link but do not meet it a second time while reading the page.
     * (aria-description would avoid the element, but is ARIA 1.3 and not read everywhere yet.)
     */
    const attach = (card: OpenCard) => {
      quietly(() => {
        if (!description?.isConnected) {
          description = document.createElement('div');
          description.id = DESCRIPTION_ID;
          description.hidden = true;
          document.body.append(description);
        }
        card.anchor.setAttribute('aria-describedby', [card.describedBy, DESCRIPTION_ID].filter(Boolean).join(' '));
        // The native tooltip (the title the metadata feature sets) would cover the card.
        card.anchor.removeAttribute('title');
      });
    };

    const detach = (card: OpenCard) => {
      card.stopUpdates();
      quietly(() => {
        if (card.describedBy === null) card.anchor.removeAttribute('aria-describedby');
        else card.anchor.setAttribute('aria-describedby', card.describedBy);
        if (card.title !== null && !card.anchor.hasAttribute('title')) card.anchor.setAttribute('title', card.title);
      });
    };

    function close({ refocus = false } = {}) {
      cancelOpen();
      cancelClose();
      const current = open;
      if (!current) return;
      open = null;
      pointerInCard = false;
      detach(current);
      renderCard();
      if (refocus && current.anchor.isConnected) focusQuietly(current.anchor);
    }

    const focusQuietly = (anchor: HTMLAnchorElement) => {
      quietFocus = anchor;
      anchor.focus();
      quietFocus = null;
    };

    const tabbables = () => (floating ? [...floating.querySelectorAll<HTMLElement>(TABBABLE)] : []);

    /** Tab from the reference enters the card; Shift+Tab from its first action goes back. */
    let handledTab: KeyboardEvent | null = null;
    const tabIntoCard = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.shiftKey || !open || event === handledTab) return;
      if (document.activeElement !== open.anchor) return;
      const first = tabbables()[0];
      if (!first) return;
      event.preventDefault();
      first.focus();
    };

    /**
     * Tab inside the card. The card lives at the end of <body>, so the browser's own order would
     * leave the page here; instead Shift+Tab on the first action returns to the reference, and Tab
     * on the last one puts focus back on the reference without preventing the key, so the browser
     * carries on from there to whatever follows the reference in the page.
     */
    const tabInsideCard = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || !open) return;
      // The same event reaches the document next, where the reference now has focus: not again.
      handledTab = event;
      const stops = tabbables();
      const at = stops.indexOf(ui?.shadow.activeElement as HTMLElement);
      if (event.shiftKey && at === 0) {
        event.preventDefault();
        focusQuietly(open.anchor);
      } else if (!event.shiftKey && at === stops.length - 1) {
        focusQuietly(open.anchor);
      }
    };

    // Pointer: hover intent on references, a grace period on the way out.
    on<PointerEvent>(region, 'pointerover', (event) => {
      const anchor = referenceIn(event.target);
      if (!anchor || event.pointerType === 'touch') return;
      pointer = { x: event.clientX, y: event.clientY };
      if (open && open.key === anchor.getAttribute(ATTR_REF)) {
        cancelClose();
        if (open.anchor !== anchor && open.by === 'pointer') void show(anchor, 'pointer');
        return;
      }
      intended = anchor;
      openTimer.start(HOVER_INTENT_MS);
    });
    on<PointerEvent>(region, 'pointerout', (event) => {
      const anchor = referenceIn(event.target);
      if (!anchor || anchor.contains(event.relatedTarget as Node | null)) return;
      cancelOpen();
      if (open && open.by !== 'focus' && !inCard(event.relatedTarget)) scheduleClose();
    });

    // Keyboard: at once on focus; Escape closes and gives focus back to the reference.
    on<FocusEvent>(region, 'focusin', (event) => {
      const anchor = referenceIn(event.target);
      if (!anchor || anchor === quietFocus) return;
      // Only keyboard focus: a click or tap also focuses the link, and must not open the card early.
      if (anchor.matches(':focus-visible')) void show(anchor, 'focus');
    });
    on<FocusEvent>(region, 'focusout', (event) => {
      const anchor = referenceIn(event.target);
      if (!open || anchor !== open.anchor || inCard(event.relatedTarget)) return;
      if (open.by === 'focus' || event.relatedTarget) close();
    });
    on<KeyboardEvent>(document, 'keydown', (event) => {
      if (!open) return;
      if (event.key === 'Escape') close({ refocus: document.activeElement === open.anchor || inCard(document.activeElement) });
      else tabIntoCard(event);
    });

    // Touch: the first tap on a reference shows its card, a second tap on it follows the link.
    on<PointerEvent>(document, 'pointerdown', (event) => {
      lastPointerType = event.pointerType;
      if (!open) return;
      const target = event.composedPath()[0] ?? null;
      if (!inCard(target) && referenceIn(target)?.getAttribute(ATTR_REF) !== open.key) close();
    });
    on<MouseEvent>(region, 'click', (event) => {
      const anchor = referenceIn(event.target);
      if (!anchor || lastPointerType !== 'touch') return;
      if (open?.key === anchor.getAttribute(ATTR_REF)) return;
      event.preventDefault();
      void show(anchor, 'touch');
    });

    // New metadata for the open card (a lookup finished, a retry came back). The metadata gives
    // the link its title first: kept for when the card closes, off the link while it is open.
    const unsubscribe = references.subscribe(() => {
      if (!open) return;
      const title = open.anchor.getAttribute('title');
      if (title !== null) {
        open.title = title;
        quietly(() => open!.anchor.removeAttribute('title'));
      }
      renderCard();
    });

    return () => {
      unsubscribe();
      unwatchSettings();
      close();
      quietly(() => {
        ui?.remove();
        description?.remove();
      });
    };
  },
};
