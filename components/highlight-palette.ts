import type { HighlightColor } from '@/lib/highlights/highlight';

/*
 * The highlight colours and the UI colours, light and dark, in one place so that one test can
 * check every pair for WCAG AA contrast (4.5:1 for text). A painted highlight sets both its
 * background and its text colour: the page's own text colour is unknown to us, and only a pair
 * we choose is a pair we can vouch for.
 */

export interface Pair {
  background: string;
  text: string;
}

export const HIGHLIGHT_PALETTE: Readonly<Record<'light' | 'dark', Readonly<Record<HighlightColor, Pair>>>> = {
  light: {
    yellow: { background: '#fff1a8', text: '#1a1a1a' },
    green: { background: '#c9efc4', text: '#1a1a1a' },
    blue: { background: '#cfe3ff', text: '#1a1a1a' },
    pink: { background: '#ffd5e8', text: '#1a1a1a' },
  },
  dark: {
    yellow: { background: '#665c00', text: '#ffffff' },
    green: { background: '#1f5c2a', text: '#ffffff' },
    blue: { background: '#1d4f80', text: '#ffffff' },
    pink: { background: '#7a2450', text: '#ffffff' },
  },
};

/** Panels (toolbar, popover, list): surface, text, muted text, accent (focus, links), danger. */
export const UI_PALETTE = {
  light: { surface: '#ffffff', text: '#1a1a1a', muted: '#575757', accent: '#0b4f8a', danger: '#a4161a', border: '#767676' },
  dark: { surface: '#1f1f1f', text: '#f2f2f2', muted: '#bdbdbd', accent: '#8cc4ff', danger: '#ffb3b0', border: '#9a9a9a' },
} as const;

/** WCAG 2 relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
