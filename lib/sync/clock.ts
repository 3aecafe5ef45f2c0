/**
 * The time to stamp on a change made now to a version stamped `previous`: later than both.
 *
 * Clocks differ between the reader's computers, and the sync keeps the version stamped last
 * (lib/sync/merge.ts). A change made after seeing a version (an edit, a deletion, a restore) must
 * beat that version even when this computer's clock runs behind the one that stamped it; one
 * millisecond past it is enough, and costs nothing when the clocks agree.
 */
export function laterThan(previous: number, now: number): number {
  return Math.max(now, previous + 1);
}
