/*
 * The hover card's look, as a string for its shadow root (the content script injects nothing
 * into the page for it). The colours are data so that a unit test can check every text/background
 * pair against WCAG AA (4.5:1) in both schemes: a colour changed here fails a test, not a reader.
 *
 * Sizes are in px on purpose: rem would follow the page's root font size, which a site may set to
 * anything (62.5 % is common); the card must look the same on every page. Browser zoom still scales it.
 */

export interface Palette {
  background: string;
  text: string;
  muted: string;
  accent: string;
  /** Text on an accent-coloured button. */
  onAccent: string;
  border: string;
  skeleton: string;
  error: string;
  noteBackground: string;
  noteText: string;
  /** Behind a law's own words (the law card's section text). */
  quoteBackground: string;
}

export const CARD_PALETTE: Readonly<Record<'light' | 'dark', Palette>> = {
  light: {
    background: '#ffffff',
    text: '#1b1f24',
    muted: '#4d5661',
    accent: '#0a4f8f',
    onAccent: '#ffffff',
    border: '#c5ccd4',
    skeleton: '#e3e7ec',
    error: '#a11d1d',
    noteBackground: '#fff4d6',
    noteText: '#5c4400',
    quoteBackground: '#f3f5f8',
  },
  dark: {
    background: '#1d2127',
    text: '#eef1f4',
    muted: '#b4bdc7',
    accent: '#8fc3ff',
    onAccent: '#0d1b2a',
    border: '#46505c',
    skeleton: '#313842',
    error: '#ff9e9e',
    noteBackground: '#3a3220',
    noteText: '#ffe2a0',
    quoteBackground: '#272c33',
  },
};

/** The text/background pairs the card actually uses, for the contrast test. */
export const TEXT_PAIRS: ReadonlyArray<[keyof Palette, keyof Palette]> = [
  ['text', 'background'],
  ['muted', 'background'],
  ['accent', 'background'],
  ['error', 'background'],
  ['onAccent', 'accent'],
  ['noteText', 'noteBackground'],
  ['text', 'quoteBackground'],
  // The copy menu's focused or hovered choice.
  ['accent', 'quoteBackground'],
];

const vars = (p: Palette) =>
  Object.entries(p)
    .map(([name, value]) => `--rr-${name}: ${value};`)
    .join(' ');

/** Hues of the kinds, as in the links' own tint (entrypoints/content/links.css). */
const KIND_HUES: Readonly<Record<string, number>> = {
  sou: 210, ds: 210, dir: 210, skr: 210, prop: 210,
  bet: 150, rskr: 150, mot: 150, fr: 150, ip: 150,
  sfs: 35,
  eu: 270,
};

const kindRules = Object.entries(KIND_HUES)
  .map(([kind, hue]) => `.card[data-kind='${kind}'] { --rr-hue: ${hue}; }`)
  .join('\n');

/** Width is fixed and height has a floor, so the card does not jump when its content arrives. */
export const CARD_WIDTH_PX = 360;
export const CARD_MIN_HEIGHT_PX = 168;
/**
 * A law's section can run to pages; its text scrolls within this height (or 40 % of a short
 * window), so the card stays beside the reference with its actions in view.
 */
export const LAW_TEXT_MAX_HEIGHT_PX = 220;

export const REF_CARD_CSS = `
.card {
  ${vars(CARD_PALETTE.light)}
  --rr-hue: 210;
  box-sizing: border-box;
  width: ${CARD_WIDTH_PX}px;
  max-width: calc(100vw - 16px);
  min-height: ${CARD_MIN_HEIGHT_PX}px;
  padding: 12px 14px 12px 16px;
  border: 1px solid var(--rr-border);
  border-left: 4px solid hsl(var(--rr-hue) 70% 42%);
  border-radius: 8px;
  background: var(--rr-background);
  color: var(--rr-text);
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18), 0 1px 3px rgb(0 0 0 / 0.12);
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  text-align: left;
  overflow-wrap: anywhere;
  display: flex;
  flex-direction: column;
  gap: 6px;
}
@media (prefers-color-scheme: dark) {
  .card {
    ${vars(CARD_PALETTE.dark)}
    border-left-color: hsl(var(--rr-hue) 60% 60%);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.5);
  }
}
${kindRules}
.card * { box-sizing: border-box; }
.head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; margin: 0; }
.kind { margin: 0; color: var(--rr-muted); font-size: 13px; font-weight: 600; }
.label { margin: 0; color: var(--rr-muted); font-size: 13px; font-weight: 600; white-space: nowrap; }
.title { margin: 0; font-size: 16px; line-height: 1.3; font-weight: 650; color: var(--rr-text); }
.subtitle { margin: 0; color: var(--rr-muted); }
.facts { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; font-size: 13px; }
.facts dt { color: var(--rr-muted); margin: 0; }
.facts dd { margin: 0; }
.note { margin: 0; padding: 4px 8px; border-radius: 4px; background: var(--rr-noteBackground); color: var(--rr-noteText); font-size: 13px; }
.problem { margin: 0; color: var(--rr-error); font-weight: 600; }
.place { margin: 0; font-size: 14px; font-weight: 650; color: var(--rr-text); }
.chapter-title { margin: 0; color: var(--rr-muted); font-size: 13px; }
.law-text {
  margin: 0; padding: 6px 10px; border-radius: 4px; border-left: 3px solid var(--rr-border);
  background: var(--rr-quoteBackground); color: var(--rr-text); font-size: 13.5px; line-height: 1.5;
  max-height: min(${LAW_TEXT_MAX_HEIGHT_PX}px, 40vh); overflow-y: auto; overscroll-behavior: contain; flex: none;
}
.law-text p { margin: 0 0 6px; white-space: pre-line; }
.law-text p:last-child { margin-bottom: 0; }
.explain { margin: 0; color: var(--rr-muted); font-size: 13px; }
.trail { margin: 0; padding: 0; list-style: none; }
.trail a { white-space: nowrap; }
.actions { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; margin-top: auto; padding-top: 4px; }
.actions a, .actions button, .extras a, .extras button {
  font: inherit; font-size: 13px; color: var(--rr-accent); background: none; border: 0; padding: 2px 0;
  cursor: pointer; text-decoration: underline; text-underline-offset: 2px;
}
.actions button.primary {
  background: var(--rr-accent); color: var(--rr-onAccent); border-radius: 4px; padding: 4px 10px; text-decoration: none; font-weight: 600;
}
.actions a:hover, .actions button:hover, .extras a:hover, .extras button:hover { text-decoration-thickness: 2px; }
.card :focus-visible { outline: 2px solid var(--rr-accent); outline-offset: 2px; border-radius: 2px; }
.menu { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: 4px; padding: 4px; border: 1px solid var(--rr-border); border-radius: 4px; }
.menu [role=menuitem] { padding: 2px 8px; border-radius: 4px; color: var(--rr-accent); font-size: 13px; cursor: pointer; }
.menu [role=menuitem]:hover, .menu [role=menuitem]:focus { background: var(--rr-quoteBackground); }
.copied { margin: 0; min-height: 1.2em; color: var(--rr-muted); font-size: 12px; }
.skeleton { display: block; height: 12px; border-radius: 4px; background: var(--rr-skeleton); }
.skeleton.title-line { height: 18px; width: 90%; }
.skeleton.short { width: 55%; }
.skeleton.medium { width: 75%; }
@media (prefers-reduced-motion: no-preference) {
  .skeleton { animation: rr-pulse 1.2s ease-in-out infinite alternate; }
  @keyframes rr-pulse { from { opacity: 1; } to { opacity: 0.45; } }
}
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
@media (forced-colors: active) {
  .card { border: 1px solid CanvasText; }
  .actions button.primary { border: 1px solid ButtonText; }
}
`;
