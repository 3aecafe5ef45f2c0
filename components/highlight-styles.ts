import { COLORS } from '@/lib/highlights/highlight';
import { HIGHLIGHT_PALETTE, UI_PALETTE } from './highlight-palette.ts';

/*
 * Styles as strings, injected where they belong: the panels' styles into their own shadow root
 * (or the side panel's document), so nothing leaks into riksdagen.se; and the paint of saved
 * highlights into the page, where `::highlight()` must be declared — that sheet selects only
 * `::highlight(riksref-…)` and our own `<riksref-highlight>` elements, never the page's.
 */

/** The `CSS.highlights` name of a colour. */
export const highlightName = (color: string) => `riksref-${color}`;

function paint(selector: (color: string) => string, scheme: 'light' | 'dark'): string {
  return COLORS.map((c) => {
    const { background, text } = HIGHLIGHT_PALETTE[scheme][c];
    return `${selector(c)} { background-color: ${background}; color: ${text}; }`;
  }).join('\n');
}

/** For the page: paints saved highlights, by Custom Highlight name or fallback element. */
export function pageHighlightCss(): string {
  const both = (c: string) => `::highlight(${highlightName(c)}), riksref-highlight[data-color="${c}"]`;
  return `${paint(both, 'light')}
riksref-highlight { cursor: pointer; }
riksref-highlight[data-flash], ::highlight(riksref-flash) { outline: 3px solid ${UI_PALETTE.light.accent}; background-color: #ffd54a; color: #1a1a1a; }
@media (prefers-color-scheme: dark) {
${paint(both, 'dark')}
}`;
}

const vars = (p: (typeof UI_PALETTE)['light' | 'dark']) =>
  `--rr-surface: ${p.surface}; --rr-text: ${p.text}; --rr-muted: ${p.muted}; --rr-accent: ${p.accent}; --rr-danger: ${p.danger}; --rr-border: ${p.border};`;

const swatches = (scheme: 'light' | 'dark') =>
  COLORS.map((c) => `.rr-swatch[data-color="${c}"] { background: ${HIGHLIGHT_PALETTE[scheme][c].background}; color: ${HIGHLIGHT_PALETTE[scheme][c].text}; }`).join('\n');

/** Shared by the toolbar, the popover and the list. */
export const PANEL_CSS = `
:host { all: initial; }
:host, .rr-root { ${vars(UI_PALETTE.light)} }
.rr-panel, .rr-list { font: 14px/1.4 system-ui, sans-serif; color: var(--rr-text); background: var(--rr-surface); }
.rr-panel { border: 1px solid var(--rr-border); border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.2); padding: 6px; max-width: 22rem; }
.rr-row { display: flex; gap: 4px; align-items: center; flex-wrap: wrap; }
button, input, textarea { font: inherit; color: inherit; }
button { background: var(--rr-surface); border: 1px solid var(--rr-border); border-radius: 6px; padding: 4px 8px; cursor: pointer; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid var(--rr-accent); outline-offset: 1px; }
.rr-swatch { width: 28px; height: 28px; padding: 0; border-radius: 50%; }
.rr-swatch[aria-pressed="true"] { box-shadow: 0 0 0 2px var(--rr-surface), 0 0 0 4px var(--rr-text); }
textarea { display: block; width: 100%; box-sizing: border-box; min-height: 4rem; background: var(--rr-surface); border: 1px solid var(--rr-border); border-radius: 6px; padding: 4px; resize: vertical; }
label { display: block; margin: 4px 0 2px; }
.rr-error { color: var(--rr-danger); margin: 4px 0; }
.rr-muted { color: var(--rr-muted); }
.rr-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
${swatches('light')}
@media (prefers-color-scheme: dark) {
  :host, .rr-root { ${vars(UI_PALETTE.dark)} }
${swatches('dark')}
}
`;

/** The list in the side panel. */
export const HIGHLIGHT_LIST_CSS = `${PANEL_CSS}
.rr-list { padding: 8px; }
.rr-tabs { display: flex; gap: 4px; margin-bottom: 8px; }
.rr-tabs [aria-selected="true"] { border-color: var(--rr-accent); border-width: 2px; font-weight: 600; }
.rr-search { width: 100%; box-sizing: border-box; padding: 4px 6px; border: 1px solid var(--rr-border); border-radius: 6px; background: var(--rr-surface); }
.rr-items { list-style: none; margin: 8px 0; padding: 0; }
.rr-item { border-inline-start: 6px solid var(--rr-border); padding: 6px 8px; margin: 6px 0; content-visibility: auto; contain-intrinsic-size: auto 6rem; }
.rr-item[data-color] blockquote { margin: 0 0 4px; padding: 2px 4px; border-radius: 4px; }
.rr-group h3 { font-size: 1rem; margin: 12px 0 4px; }
.rr-orphan { color: var(--rr-danger); font-weight: 600; }
.rr-note { white-space: pre-wrap; margin: 4px 0; }
.rr-tools { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 8px; }
${COLORS.map((c) => `.rr-item[data-color="${c}"] blockquote { background: ${HIGHLIGHT_PALETTE.light[c].background}; color: ${HIGHLIGHT_PALETTE.light[c].text}; }`).join('\n')}
@media (prefers-color-scheme: dark) {
${COLORS.map((c) => `.rr-item[data-color="${c}"] blockquote { background: ${HIGHLIGHT_PALETTE.dark[c].background}; color: ${HIGHLIGHT_PALETTE.dark[c].text}; }`).join('\n')}
}
`;
