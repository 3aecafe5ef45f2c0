import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findReferences } from '@/lib/refs';
import { FIXTURES, readFixture } from './fixtures.ts';

interface Line {
  text: string;
  refs: Array<{ id: string; text: string }>;
  source: string;
}

// Real sentences from riksdag and government documents, each with the references a careful
// reader would mark (tests/fixtures/refs/README.md says where they come from).
const files = readdirSync(`${FIXTURES}/refs`).filter((f) => f.endsWith('.jsonl'));
const corpus = files.flatMap((file) =>
  readFixture(`refs/${file}`)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => ({ file, line: i + 1, ...(JSON.parse(line) as Line) })),
);

describe('the real-sentence corpus', () => {
  test('holds at least 150 sentences, with and without references', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(corpus.filter((s) => s.refs.length === 0).length).toBeGreaterThan(20);
  });

  test.each(corpus.map((s) => [`${s.file}:${s.line} ${s.text.slice(0, 60)}`, s] as const))('%s', (_name, sentence) => {
    const found = findReferences(sentence.text).map((r) => ({ id: r.id, text: sentence.text.slice(r.start, r.end) }));
    expect(found).toEqual(sentence.refs);
  });
});
