import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findReferences, formatReferenceId, parseReferenceId, type Reference } from '@/lib/refs';
import { FIXTURES, readFixture } from './fixtures.ts';

interface Line {
  text: string;
  refs: Array<{ id: string; text: string }>;
  /** The cited text's own date, `YYYY-MM-DD`: it decides which law a name means. */
  date?: string;
  source: string;
}

// The date option is part of the contract (DESIGN.md); typed here so the corpus can pass it
// whether or not the recognizer's signature has caught up yet.
const find = findReferences as (text: string, options?: { date?: string }) => Reference[];

// Real sentences from riksdag and government documents, each with the references a careful
// reader would mark (tests/fixtures/refs/README.md says where they come from).
const files = readdirSync(`${FIXTURES}/refs`).filter((f) => f.endsWith('.jsonl'));
const corpus = files.flatMap((file) =>
  readFixture(`refs/${file}`)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => ({ file, line: i + 1, raw: JSON.parse(line) as Record<string, unknown>, ...(JSON.parse(line) as Line) })),
);
const named = (s: (typeof corpus)[number]) => `${s.file}:${s.line} ${s.text.slice(0, 60)}`;
const isNegatives = (file: string) => /(^|-)negatives\.jsonl$/.test(file);
const lawCorpus = corpus.filter((s) => s.file.startsWith('laws-'));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SFS_NUMBER = /\d{4}:\d+/;

describe('the corpus files', () => {
  test('hold at least 150 sentences, with and without references', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(corpus.filter((s) => s.refs.length === 0).length).toBeGreaterThan(20);
  });

  test('hold at least 140 sentences with law references and 35 law negatives in laws-*.jsonl', () => {
    expect(lawCorpus.filter((s) => s.refs.some((r) => r.id.startsWith('sfs:'))).length).toBeGreaterThanOrEqual(140);
    expect(lawCorpus.filter((s) => isNegatives(s.file)).length).toBeGreaterThanOrEqual(35);
  });

  test.each(corpus.map((s) => [named(s), s] as const))('%s is well formed', (_name, s) => {
    expect(Object.keys(s.raw).sort(), 'keys').toEqual(s.date === undefined ? ['refs', 'source', 'text'] : ['date', 'refs', 'source', 'text']);
    expect(typeof s.text).toBe('string');
    expect(typeof s.source).toBe('string');
    if (s.date !== undefined) {
      expect(s.date).toMatch(DATE);
      expect(new Date(`${s.date}T00:00:00Z`).toISOString().slice(0, 10), 'a real day').toBe(s.date);
    }
    if (isNegatives(s.file)) expect(s.refs).toEqual([]);
    let from = 0;
    for (const ref of s.refs) {
      expect(Object.keys(ref).sort()).toEqual(['id', 'text']);
      const parsed = parseReferenceId(ref.id);
      expect(parsed, ref.id).not.toBeNull();
      expect(formatReferenceId(parsed!), ref.id).toBe(ref.id);
      const at = s.text.indexOf(ref.text, from);
      expect(at, `"${ref.text}" after offset ${from}`).toBeGreaterThanOrEqual(0);
      from = at + ref.text.length;
    }
  });

  test('no sentence appears twice', () => {
    const seen = new Map<string, string>();
    for (const s of corpus) {
      expect(seen.get(s.text), `${s.file}:${s.line} repeats`).toBeUndefined();
      seen.set(s.text, `${s.file}:${s.line}`);
    }
  });

  test('a law named without its number (or by abbreviation) in laws-*.jsonl comes with the text’s date', () => {
    for (const s of lawCorpus)
      for (const ref of s.refs)
        if (ref.id.startsWith('sfs:') && !SFS_NUMBER.test(ref.text)) expect(s.date, `${named(s)}: ${ref.text}`).toMatch(DATE);
  });

  test('at least six names mean different laws on different dates', () => {
    const lawsByName = new Map<string, Set<string>>();
    for (const s of lawCorpus)
      for (const ref of s.refs) {
        if (!ref.id.startsWith('sfs:') || SFS_NUMBER.test(ref.text) || !s.date) continue;
        const name = /([a-zåäö-]+(?:lagen|balken|ordningen))s?$/i.exec(ref.text.replace(/\s+/g, ' '))?.[1]?.toLowerCase();
        if (!name) continue;
        lawsByName.set(name, (lawsByName.get(name) ?? new Set()).add(ref.id.replace(/#.*/, '')));
      }
    const changed = [...lawsByName].filter(([, laws]) => laws.size > 1).map(([name]) => name);
    expect(changed.length, changed.join(', ')).toBeGreaterThanOrEqual(6);
  });
});

describe('the recognizer on the real-sentence corpus', () => {
  test.each(corpus.map((s) => [named(s), s] as const))('%s', (_name, sentence) => {
    const found = find(sentence.text, sentence.date ? { date: sentence.date } : undefined).map((r) => ({
      id: r.id,
      text: sentence.text.slice(r.start, r.end),
    }));
    expect(found).toEqual(sentence.refs);
  });
});
