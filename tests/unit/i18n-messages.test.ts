import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickLocale } from '@/lib/i18n';
import { MESSAGES, substitute } from './i18n-fake';

// Every message in both languages, with the same substitutions: a key missing in one file would
// show the reader an empty string (the browser's answer for an unknown key), a `$2` missing in one
// a sentence without its number.

const LOCALES_DIR = resolve(import.meta.dirname, '../../public/_locales');
const substitutions = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

describe('public/_locales', () => {
  it('has exactly Swedish and English', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(['en', 'sv']);
  });

  it('has every message in both languages', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.sv).sort());
  });

  for (const [key, { message }] of Object.entries(MESSAGES.sv)) {
    it(`"${key}" is worded in both, with the same substitutions`, () => {
      const english = MESSAGES.en[key]?.message ?? '';
      expect(message.trim()).not.toBe('');
      expect(english.trim()).not.toBe('');
      expect(substitutions(english)).toEqual(substitutions(message));
    });
  }

  it('uses only names the browsers accept, with a description for translators', () => {
    for (const language of ['sv', 'en'] as const) {
      const file = JSON.parse(readFileSync(resolve(LOCALES_DIR, language, 'messages.json'), 'utf8')) as Record<string, { description?: string }>;
      for (const [key, entry] of Object.entries(file)) {
        expect(key).toMatch(/^[A-Za-z0-9_]+$/);
        expect(entry.description, key).toBeTruthy();
      }
    }
  });

  it('has a `$` only as a substitution (a lone one would be read as one)', () => {
    for (const language of ['sv', 'en'] as const)
      for (const [key, { message }] of Object.entries(MESSAGES[language])) expect(message.replace(/\$[1-9]/g, ''), key).not.toContain('$');
  });

  it('pairs every `_one` with an `_other`', () => {
    const keys = Object.keys(MESSAGES.sv);
    for (const key of keys.filter((k) => k.endsWith('_one'))) expect(keys).toContain(key.replace(/_one$/, '_other'));
  });
});

describe('substitute (the tests\' stand-in for the browser)', () => {
  it('replaces numbered substitutions and leaves missing ones empty', () => {
    expect(substitute('$1 av $2 ($3)', ['34', '100'])).toBe('34 av 100 ()');
  });
});

describe('pickLocale', () => {
  it("keeps the browser's region when it speaks the messages' language", () => {
    expect(pickLocale('en-GB', 'en')).toBe('en-GB');
    expect(pickLocale('sv', 'sv-SE')).toBe('sv');
    expect(pickLocale('sv_FI', 'sv-SE')).toBe('sv-FI');
  });

  it("takes the messages' locale when the browser speaks another language", () => {
    expect(pickLocale('de-DE', 'en')).toBe('en');
    expect(pickLocale('', 'sv-SE')).toBe('sv-SE');
  });
});
