import { describe, expect, test } from 'vitest';
import { lazyEntries } from '@/lib/messages/lazy-entries';
import { MESSAGES, TAB_MESSAGES } from '@/lib/messages/protocol';

describe('lazyEntries', () => {
  test('lists every key without making any entry, makes an entry once on first read, and keeps it', () => {
    const made: string[] = [];
    const table = lazyEntries({
      a: () => (made.push('a'), { n: 1 }),
      b: () => (made.push('b'), { n: 2 }),
    });
    expect(Object.keys(table)).toEqual(['a', 'b']);
    expect(made).toEqual([]);
    const first = table.a;
    expect(first).toEqual({ n: 1 });
    expect(table.a).toBe(first);
    expect(made).toEqual(['a']);
    expect('b' in table).toBe(true);
    expect(made).toEqual(['a']);
  });

  test('the message tables: every entry has a request and a response schema', () => {
    for (const table of [MESSAGES, TAB_MESSAGES]) {
      for (const [name, entry] of Object.entries(table)) {
        expect(entry.request, name).toHaveProperty('_zod');
        expect(entry.response, name).toHaveProperty('_zod');
      }
    }
    expect(Object.keys(MESSAGES)).toContain('lookupReferences');
  });
});
