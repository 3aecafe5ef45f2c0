import type messages from '@/public/_locales/sv/messages.json';
import { browser } from 'wxt/browser';

/*
 * Every word of ours comes from _locales (public/_locales/<lang>/messages.json): Swedish in a
 * Swedish browser, English in any other (the manifest's default_locale is `en`, the browser's
 * fallback). The keys are the Swedish file's, checked at compile time; a test holds the English
 * file to the same keys and substitutions (tests/unit/i18n-messages.test.ts). The browser reads
 * the files, so none of these words is in our scripts.
 */

export type MessageKey = keyof typeof messages;

/** The message `key`, with `$1`, `$2` … replaced by the substitutions (numbers as given: format them first). */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.length ? substitutions.map(String) : undefined);
}

/** The keys that come in two forms, `<base>_one` and `<base>_other`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer B}_one` ? (`${B}_other` extends MessageKey ? B : never) : never;
}[MessageKey];

let pluralRules: Intl.PluralRules | undefined;

/**
 * The form of `base` for `count`: `_one` or `_other`, as the language's own plural rules say
 * (Swedish and English agree today, but the choice is the language's, not ours). `$1` is the
 * count as the language writes numbers; further substitutions follow it.
 */
export function plural(base: PluralKey, count: number, ...more: (string | number)[]): string {
  const rules = (pluralRules ??= new Intl.PluralRules(uiLocale()));
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return t(`${base}_${form}` as MessageKey, formatNumber(count), ...more);
}

let locale: string | undefined;

/**
 * The locale for dates and numbers: the language our words are in (the `locale` message), with
 * the browser's region when the browser speaks that language (en-GB writes dates as en-GB does).
 * So a date never comes in another language than the sentence around it.
 */
export function uiLocale(): string {
  return (locale ??= pickLocale(browser.i18n.getUILanguage(), t('locale')));
}

export function pickLocale(browserLanguage: string, messagesLocale: string): string {
  const language = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  return browserLanguage && language(browserLanguage) === language(messagesLocale) ? browserLanguage.replace('_', '-') : messagesLocale;
}

/** For tests that change the language: the next call asks the browser again. */
export function forgetLocale(): void {
  locale = undefined;
  pluralRules = undefined;
  made.clear();
}

const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

// Formatters are made on first use, not as modules load: building one costs milliseconds (locale
// data), and the content script runs on every riksdagen.se page, most of which never show a date.
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(name: string, make: (locale: string) => F): F {
  let f = made.get(name) as F | undefined;
  if (!f) made.set(name, (f = make(uiLocale())));
  return f;
}

/** `1 234,5` / `1,234.5`: at most one decimal. */
export function formatNumber(n: number): string {
  return formatter('number', (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 1 })).format(n);
}

/** `1 december 2026` / `December 1, 2026`. */
export function formatLongDate(date: Date | number): string {
  return formatter('long-date', (l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'long', year: 'numeric' })).format(date);
}

/** `2026-12-01 14:05` / `12/1/26, 2:05 PM`. */
export function formatDateTime(date: Date | number): string {
  return formatter('date-time', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'short', timeStyle: 'short' })).format(date);
}

/** `2026-12-01` / `12/1/26`. */
export function formatShortDate(date: Date | number): string {
  return formatter('short-date', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'short' })).format(date);
}
