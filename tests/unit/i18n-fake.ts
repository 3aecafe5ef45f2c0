import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetLocale } from '@/lib/i18n';
import en from '@/public/_locales/en/messages.json';
import sv from '@/public/_locales/sv/messages.json';

/*
 * The browser's i18n for unit and component tests, from the real messages.json files: components
 * render the words the reader sees. Swedish unless a test asks for English (setup.ts).
 */

export type Language = 'sv' | 'en';
type Messages = Readonly<Record<string, { message: string }>>;

export const MESSAGES: Readonly<Record<Language, Messages>> = { sv, en };
const UI_LANGUAGE: Readonly<Record<Language, string>> = { sv: 'sv-SE', en: 'en-US' };

/** As the browsers substitute: `$1`…`$9` by the substitutions (missing ones by nothing), `$$` by `$`. */
export function substitute(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));
}

export function useLanguage(language: Language): void {
  const messages = MESSAGES[language];
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
    const message = messages[key]?.message;
    if (message === undefined) return '';
    return substitute(message, substitutions === undefined ? [] : ([] as string[]).concat(substitutions));
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => UI_LANGUAGE[language];
  forgetLocale();
}
