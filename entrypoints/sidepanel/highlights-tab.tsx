/*
 * ─── Place for the highlights (issue 7) ───────────────────────────────────────────────────────
 * The side panel's second tab, "Markeringar". The highlights work replaces this placeholder with
 * its HighlightList (components/HighlightList); main.tsx mounts whatever this module exports, so
 * nothing else in the panel needs to change.
 */
export function HighlightsTab() {
  return (
    <p class="empty" data-placeholder="highlights">
      Här kommer dina markeringar att visas.
    </p>
  );
}
