import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Highlight } from '@/lib/highlights/highlight';
import { decodeArea, type Tombstone } from '@/lib/sync/encoding';
import { budgetFor, planItems, type SyncBudget } from '@/lib/sync/plan';
import { RESERVED_FOR_SETTINGS } from '@/lib/sync/quota';
import { CHROME_SYNC, chromeAreaBytes, chromeItemBytes } from './sync-area.ts';
import { averageQuoteLength, T0, typicalHighlight, typicalHighlights } from './sync-typical.ts';

/** The room highlights have in an otherwise empty area, as the engine computes it. */
const EMPTY_AREA = budgetFor(0, 0, RESERVED_FOR_SETTINGS);

/** Every promise the plan makes, checked with Chrome's own count (tests/unit/sync-area.ts). */
function expectWithinQuota(items: Record<string, unknown>, budget: SyncBudget, claimedBytes: number) {
  for (const [key, value] of Object.entries(items)) expect(chromeItemBytes(key, value)).toBeLessThanOrEqual(CHROME_SYNC.QUOTA_BYTES_PER_ITEM);
  expect(chromeAreaBytes(items)).toBe(claimedBytes);
  expect(claimedBytes).toBeLessThanOrEqual(budget.bytes);
  expect(Object.keys(items).length).toBeLessThanOrEqual(budget.items);
}

const long = (n: number, unit = 'ö') => unit.repeat(n);

describe('quota accounting', () => {
  test('the budget leaves room for the settings and everything else in the area', () => {
    expect(EMPTY_AREA).toEqual({ bytes: 102_400 - 2_048, items: 512 - 8, bytesPerItem: 8_192 });
    expect(budgetFor(1_000, 2, RESERVED_FOR_SETTINGS)).toEqual({ bytes: 102_400 - 2_048 - 1_000, items: 502, bytesPerItem: 8_192 });
  });

  test('what the plan counts is what Chrome counts, item by item and in all (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 40 }), fc.nat(40), (count, perDocument, deletions) => {
        const highlights = typicalHighlights(count, perDocument);
        const tombstones: Tombstone[] = Array.from({ length: deletions }, (_, i) => ({ id: `d${i}`, dokId: highlights[i % count]!.dokId, at: T0 + i }));
        const plan = planItems(highlights, tombstones, EMPTY_AREA);
        expectWithinQuota(plan.items, EMPTY_AREA, plan.bytes);
        const decoded = decodeArea(plan.items);
        expect(decoded.highlights).toHaveLength(plan.synced);
        expect(decoded.tombstones).toHaveLength(plan.tombstones);
      }),
      { numRuns: 60 },
    );
  });

  test('a note too long for one item stays here, marked "note"; a quote too long, "quote"; the rest sync', () => {
    const ok = typicalHighlight(0);
    const longNote = { ...typicalHighlight(1), note: long(5_000) }; // 10 000 bytes in UTF-8
    const longQuote = typicalHighlight(2);
    const exact = long(9_000, 'a');
    const bigQuote: Highlight = {
      ...longQuote,
      selectors: { ...longQuote.selectors, quote: { ...longQuote.selectors.quote, exact }, position: { type: 'TextPositionSelector', start: 0, end: exact.length } },
    };
    // Just under the limit still syncs: the entry may take the whole item.
    const atLimit = { ...typicalHighlight(3), note: long(3_500) };
    const plan = planItems([ok, longNote, bigQuote, atLimit], [], EMPTY_AREA);
    expect(plan.unsynced).toEqual(new Map([[longNote.id, 'note'], [bigQuote.id, 'quote']]));
    expect(decodeArea(plan.items).highlights.map((h) => h.id).sort()).toEqual([ok.id, atLimit.id].sort());
    expectWithinQuota(plan.items, EMPTY_AREA, plan.bytes);
  });

  test('past the quota the newest stay here, marked "quota"; the oldest keep their place', () => {
    const all = typicalHighlights(1_000);
    const plan = planItems(all, [], EMPTY_AREA);
    expectWithinQuota(plan.items, EMPTY_AREA, plan.bytes);
    expect(plan.synced).toBeGreaterThan(250);
    expect(plan.synced + plan.unsynced.size).toBe(1_000);
    expect([...plan.unsynced.values()].every((r) => r === 'quota')).toBe(true);
    // Oldest first: every highlight synced is older than every one left out of its document…
    const synced = new Set(decodeArea(plan.items).highlights.map((h) => h.id));
    const firstLeftOut = all.findIndex((h) => !synced.has(h.id));
    expect(all.slice(0, firstLeftOut).every((h) => synced.has(h.id))).toBe(true);
    // …and a new highlight changes nothing for those already synced.
    const more = planItems([...all, typicalHighlight(1_000)], [], EMPTY_AREA);
    expect(more.items).toEqual(plan.items);
    // The area filled up, close to the budget (a small highlight could still squeeze in).
    expect(plan.bytes).toBeGreaterThan(EMPTY_AREA.bytes - 1_000);
  });

  test('a document with many highlights is split into items of at most 8 KB, and read back whole', () => {
    const all = typicalHighlights(120, 120);
    const plan = planItems(all, [], EMPTY_AREA);
    expect(Object.keys(plan.items).length).toBeGreaterThan(3);
    expect(Object.keys(plan.items).every((k) => k.startsWith('h1:') && k.endsWith(`:${all[0]!.dokId}`))).toBe(true);
    expectWithinQuota(plan.items, EMPTY_AREA, plan.bytes);
    expect(decodeArea(plan.items).highlights.map((h) => h.id).sort()).toEqual(all.map((h) => h.id).sort());
  });

  test('one highlight in each of 600 documents: the item count is the limit, not the bytes', () => {
    const all = Array.from({ length: 600 }, (_, n) => ({
      ...typicalHighlight(n, 1),
      url: `https://data.riksdagen.se/dokument/H${n}.html`,
      title: '',
      note: '',
      selectors: { quote: { type: 'TextQuoteSelector' as const, exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start: 0, end: 1 } },
    }));
    const plan = planItems(all, [], EMPTY_AREA);
    expect(plan.synced).toBe(EMPTY_AREA.items);
    expect(Object.keys(plan.items)).toHaveLength(EMPTY_AREA.items);
    expectWithinQuota(plan.items, EMPTY_AREA, plan.bytes);
  });

  test('deletions take at most a quarter of the room, the newest first', () => {
    const tombstones: Tombstone[] = Array.from({ length: 2_000 }, (_, i) => ({ id: `5f0c1d2e-7a3b-4c5d-9e8f-${String(i).padStart(12, '0')}`, dokId: `H6${i % 50}`, at: T0 + i }));
    const plan = planItems(typicalHighlights(100), tombstones, EMPTY_AREA);
    expect(plan.tombstones).toBeLessThan(2_000);
    expect(plan.synced).toBe(100);
    const kept = decodeArea(plan.items).tombstones;
    expect(Math.min(...kept.map((t) => t.at))).toBe(T0 + 2_000 - plan.tombstones);
    expectWithinQuota(plan.items, EMPTY_AREA, plan.bytes);
  });

  test('the same highlights in any order give the same items', () => {
    const all = typicalHighlights(400);
    const shuffled = [...all].reverse();
    expect(planItems(shuffled, [], EMPTY_AREA).items).toEqual(planItems(all, [], EMPTY_AREA).items);
  });
});

describe('figures: what a typical highlight costs', () => {
  test('bytes per highlight and how many fit (asserted as floors; printed with SYNC_FIGURES=1)', () => {
    const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');
    const doc = typicalHighlights(5);
    // What a highlight adds to its document's item beyond its quote and note.
    const overheads = doc.slice(1).map((h) => {
      const before = planItems(doc.slice(0, 1), [], EMPTY_AREA).bytes;
      const after = planItems([doc[0]!, h], [], EMPTY_AREA).bytes;
      return after - before - utf8(h.selectors.quote.exact) - utf8(h.note);
    });
    const overhead = Math.max(...overheads);
    // What a document adds once: its item's key, title and address.
    const documentCost = planItems(doc.slice(0, 1), [], EMPTY_AREA).bytes - (planItems(doc.slice(0, 2), [], EMPTY_AREA).bytes - planItems(doc.slice(1, 2), [], EMPTY_AREA).bytes);
    const typical = planItems(typicalHighlights(1_000), [], EMPTY_AREA);
    const noNotes = planItems(typicalHighlights(1_000).map((h) => ({ ...h, note: '' })), [], EMPTY_AREA);
    const oneDocument = planItems(typicalHighlights(1_000, 1_000), [], EMPTY_AREA);
    if (process.env.SYNC_FIGURES) {
      console.info(
        [
          `room for highlights: ${EMPTY_AREA.bytes} bytes (100 KiB less ${RESERVED_FOR_SETTINGS.bytes} kept for settings)`,
          `a highlight: its quote and note in UTF-8 + at most ${overhead} bytes (id, times, colour, position, context, punctuation)`,
          `a document: about ${documentCost} bytes once per item (key, title, address)`,
          `typical (seed sentences, ~${Math.round(averageQuoteLength())} chars; 5 per document; a short note on every other): ${Math.round(typical.bytes / typical.synced)} bytes each, ${typical.synced} fit`,
          `the same without notes: ${noNotes.synced} fit; all in one document: ${oneDocument.synced} fit`,
        ].join('\n'),
      );
    }
    // Floors the format must keep: a regression to named fields, full ids or full context breaks them.
    expect(overhead).toBeLessThanOrEqual(100);
    expect(typical.synced).toBeGreaterThanOrEqual(280);
  });
});
