import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Highlight } from '@/lib/highlights/highlight';
import { laterThan } from '@/lib/sync/clock';
import type { Tombstone } from '@/lib/sync/encoding';
import { MAX_TOMBSTONES, merge, TOMBSTONE_TTL_MS } from '@/lib/sync/merge';
import { makeHighlight } from './highlight-fixtures.ts';

const T0 = Date.UTC(2025, 4, 2, 12);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const h = (id: string, overrides: Partial<Highlight> = {}) => makeHighlight({ id, created: T0, updated: T0, ...overrides });
const dead = (id: string, at: number, dokId = 'H612523'): Tombstone => ({ id, dokId, at });
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id).sort();

/** One device's view merged with the sync area's. */
const mergeOf = (local: Highlight[], remote: Highlight[], tombstones: { local?: Tombstone[]; remote?: Tombstone[] } = {}, now = T0 + HOUR) =>
  merge({ local, localTombstones: tombstones.local ?? [], remote: { highlights: remote, tombstones: tombstones.remote ?? [] }, now });

describe('merge: per highlight, the later version wins', () => {
  test('a highlight new on either side is kept; one new from elsewhere is stored here', () => {
    const result = mergeOf([h('a')], [h('b')]);
    expect(ids(result.highlights)).toEqual(['a', 'b']);
    expect(ids(result.put)).toEqual(['b']);
    expect(result.remove).toEqual([]);
  });

  test('two devices edited different highlights of one document: both edits are kept', () => {
    const base = [h('a'), h('b')];
    const deviceA = [{ ...base[0]!, note: 'A:s anteckning', updated: T0 + 5 * MINUTE }, base[1]!];
    const deviceB = [base[0]!, { ...base[1]!, color: 'green' as const, updated: T0 + 6 * MINUTE }];
    for (const [mine, theirs] of [[deviceA, deviceB], [deviceB, deviceA]] as const) {
      const result = mergeOf([...mine], [...theirs]);
      const byId = new Map(result.highlights.map((x) => [x.id, x]));
      expect(byId.get('a')!.note).toBe('A:s anteckning');
      expect(byId.get('b')!.color).toBe('green');
    }
  });

  test('the later edit of the same highlight wins on both devices; the same version stays as it is here', () => {
    const older = h('a', { note: 'först', updated: T0 + MINUTE });
    const newer = h('a', { note: 'sedan', updated: T0 + 2 * MINUTE });
    expect(mergeOf([older], [newer]).put).toEqual([newer]);
    expect(mergeOf([newer], [older]).put).toEqual([]);
    expect(mergeOf([newer], [older]).highlights).toEqual([newer]);
    // The sync area's copy has only 32 characters of context: the same version, not an update.
    const trimmed = { ...newer, selectors: { ...newer.selectors, quote: { ...newer.selectors.quote, prefix: newer.selectors.quote.prefix.slice(-32) } } };
    expect(trimmed.selectors.quote.prefix).not.toBe(newer.selectors.quote.prefix);
    expect(mergeOf([newer], [trimmed]).put).toEqual([]);
  });

  test('this device’s orphan mark survives a newer version from elsewhere', () => {
    const here = h('a', { orphan: true });
    const there = h('a', { note: 'ny', updated: T0 + MINUTE });
    expect(mergeOf([here], [there]).put).toEqual([{ ...there, orphan: true }]);
  });

  test('the same time on two devices with different content: both devices choose the same version', () => {
    const x = h('a', { note: 'x', updated: T0 + MINUTE });
    const y = h('a', { note: 'y', updated: T0 + MINUTE });
    const onA = mergeOf([x], [y]).highlights;
    const onB = mergeOf([y], [x]).highlights;
    expect(onA).toEqual(onB);
  });

  test('missing from the sync area is not a deletion', () => {
    const result = mergeOf([h('a'), h('b')], []);
    expect(ids(result.highlights)).toEqual(['a', 'b']);
    expect(result.remove).toEqual([]);
  });
});

describe('merge: deletions', () => {
  test('a deletion from elsewhere deletes here; the tombstone is kept for other devices', () => {
    const result = mergeOf([h('a'), h('b')], [h('b')], { remote: [dead('a', T0 + MINUTE)] });
    expect(ids(result.highlights)).toEqual(['b']);
    expect(result.remove).toEqual([dead('a', T0 + MINUTE)]);
    expect(result.tombstones).toEqual([dead('a', T0 + MINUTE)]);
  });

  test('a deletion here wins over the older version the sync area still has; nothing is fetched back', () => {
    const result = mergeOf([], [h('a')], { local: [dead('a', T0 + MINUTE)] });
    expect(result.highlights).toEqual([]);
    expect(result.put).toEqual([]);
    expect(result.remove).toEqual([]); // nothing here to delete
  });

  test('delete against edit: the later one wins, either way round', () => {
    const edited = h('a', { note: 'redigerad', updated: T0 + 2 * MINUTE });
    // Deleted on A at +1 min, edited on B at +2 min: the edit lives, the tombstone goes.
    const editWins = mergeOf([], [edited], { local: [dead('a', T0 + MINUTE)] });
    expect(editWins.highlights).toEqual([edited]);
    expect(editWins.put).toEqual([edited]);
    expect(editWins.tombstones).toEqual([]);
    // Deleted on A at +3 min after B's edit at +2 min: gone on both.
    const deleteWins = mergeOf([edited], [], { remote: [dead('a', T0 + 3 * MINUTE)] });
    expect(deleteWins.highlights).toEqual([]);
    expect(deleteWins.remove).toEqual([dead('a', T0 + 3 * MINUTE)]);
  });

  test('a deletion and an edit stamped the same millisecond: the highlight is kept', () => {
    const edited = h('a', { updated: T0 + MINUTE });
    expect(mergeOf([edited], [], { remote: [dead('a', T0 + MINUTE)] }).highlights).toEqual([edited]);
  });

  test('tombstones expire after the TTL and the newest are kept up to the cap', () => {
    const now = T0 + TOMBSTONE_TTL_MS + HOUR;
    const result = merge({
      local: [],
      localTombstones: [dead('old', T0 + HOUR - 1), dead('fresh', T0 + 2 * HOUR)],
      remote: { highlights: [], tombstones: [] },
      now,
    });
    expect(ids(result.tombstones)).toEqual(['fresh']);
    const many = Array.from({ length: MAX_TOMBSTONES + 50 }, (_, i) => dead(`t${i}`, T0 + i));
    const capped = mergeOf([], [], { local: many });
    expect(capped.tombstones).toHaveLength(MAX_TOMBSTONES);
    expect(capped.tombstones[0]!.id).toBe(`t${MAX_TOMBSTONES + 49}`);
  });

  test('an expired tombstone still deletes the old version it meets, once', () => {
    const now = T0 + TOMBSTONE_TTL_MS + HOUR;
    const result = merge({ local: [h('a')], localTombstones: [], remote: { highlights: [], tombstones: [dead('a', T0 + 1)] }, now });
    expect(result.remove).toEqual([dead('a', T0 + 1)]);
    expect(result.tombstones).toEqual([]);
  });
});

describe('merge: clocks that differ between devices', () => {
  test('an edit made after seeing a version wins even on a computer whose clock is an hour behind', () => {
    const fromA = h('a', { note: 'A', updated: T0 + HOUR }); // A's clock is right
    const bNow = T0 + 5 * MINUTE; // B's clock runs 55 minutes behind, B edits after seeing A's version
    const fromB = { ...fromA, note: 'B', updated: laterThan(fromA.updated, bNow) };
    expect(fromB.updated).toBe(fromA.updated + 1);
    expect(mergeOf([fromA], [fromB]).highlights).toEqual([fromB]);
    expect(mergeOf([fromB], [fromA]).highlights).toEqual([fromB]);
  });

  test('a deletion made after seeing a version wins the same way', () => {
    const fromA = h('a', { updated: T0 + HOUR });
    const deletion = dead('a', laterThan(fromA.updated, T0));
    expect(mergeOf([fromA], [], { remote: [deletion] }).highlights).toEqual([]);
  });

  test('edits that never saw each other: every device keeps the same one, whatever the skew (fast-check)', () => {
    const version = fc.record({ note: fc.string({ maxLength: 8 }), color: fc.constantFrom('yellow', 'green', 'blue', 'pink'), updated: fc.integer({ min: T0, max: T0 + 10 * HOUR }) });
    fc.assert(
      fc.property(version, version, fc.option(fc.integer({ min: T0, max: T0 + 10 * HOUR })), (a, b, deletedAt) => {
        const mine = h('a', a as Partial<Highlight>);
        const theirs = h('a', b as Partial<Highlight>);
        const deletion = deletedAt === null ? [] : [dead('a', deletedAt)];
        const onA = mergeOf([mine], [theirs], { local: deletion });
        const onB = mergeOf([theirs], [mine], { remote: deletion });
        expect(onA.highlights).toEqual(onB.highlights);
        expect(onA.tombstones).toEqual(onB.tombstones);
      }),
      { numRuns: 500 },
    );
  });
});
