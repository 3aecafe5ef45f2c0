// Dexie needs IndexedDB; happy-dom has none. fake-indexeddb is a complete in-memory implementation.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { useLanguage } from './i18n-fake';

// Components render real Swedish words from public/_locales (tests that want English ask for it).
useLanguage('sv');
beforeEach(() => useLanguage('sv'));
