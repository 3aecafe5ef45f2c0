import type { Highlight } from '../highlights/highlight.ts';
import { canonicalForm, type Tombstone } from './encoding.ts';

/*
 * Merging this device's highlights with what the sync area holds, highlight by highlight.
 *
 * - The version updated last wins; each highlight is merged on its own, so two devices editing
 *   different highlights of one document both keep their edits.
 * - A deletion is a tombstone with its time. It wins over every version updated before it and
 *   loses to one updated after (the reader edited it elsewhere later, or restored it): a tie
 *   keeps the highlight, since losing a deletion costs the reader a click and losing a highlight
 *   costs them their note.
 * - Clocks differ between devices. An edit, a deletion or a restore is always stamped later
 *   than the version it replaced (clock.ts), so whatever a device did after seeing a version
 *   beats that version however wrong its clock. Only edits that never saw each other are
 *   ordered by the clocks alone; then every device still picks the same one.
 * - Two versions with the same time but different content (two devices in the same
 *   millisecond) are ordered by their encoding, the same on every device.
 * - Missing from the sync area means nothing: a highlight can be left out for lack of room, or
 *   not have arrived yet. Only a tombstone deletes.
 */

/**
 * How long a deletion is kept: a device that comes back after more than this may bring a
 * highlight deleted meanwhile back with it. Three months covers holidays and a laptop left in a
 * drawer for a term; a tombstone is about 40 bytes.
 */
export const TOMBSTONE_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** The most deletions a device keeps (newest first), whatever their age. */
export const MAX_TOMBSTONES = 1000;

export interface MergeInput {
  local: readonly Highlight[];
  localTombstones: readonly Tombstone[];
  remote: { highlights: readonly Highlight[]; tombstones: readonly Tombstone[] };
  now: number;
}

export interface MergeResult {
  /** Every highlight that lives on after the merge, as this device should hold it. */
  highlights: Highlight[];
  /** The deletions to keep (merged, not expired), newest first. */
  tombstones: Tombstone[];
  /** To store here: new from another device, or a later version of one held here. */
  put: Highlight[];
  /** To delete here: a later deletion arrived. */
  remove: Tombstone[];
}

/** True when `a` is the version to keep over `b`. */
function wins(a: Highlight, b: Highlight): boolean {
  if (a.updated !== b.updated) return a.updated > b.updated;
  return canonicalForm(a) > canonicalForm(b);
}

export function merge({ local, localTombstones, remote, now }: MergeInput): MergeResult {
  const localById = new Map(local.map((h) => [h.id, h]));

  // The latest version of each highlight the sync area holds (an id twice is a half-written area).
  const remoteById = new Map<string, Highlight>();
  for (const h of remote.highlights) {
    const other = remoteById.get(h.id);
    if (!other || wins(h, other)) remoteById.set(h.id, h);
  }
  const tombstones = new Map<string, Tombstone>();
  for (const t of [...localTombstones, ...remote.tombstones]) {
    const other = tombstones.get(t.id);
    if (!other || t.at > other.at) tombstones.set(t.id, t);
  }

  const result: MergeResult = { highlights: [], tombstones: [], put: [], remove: [] };
  for (const id of new Set([...localById.keys(), ...remoteById.keys(), ...tombstones.keys()])) {
    const mine = localById.get(id);
    const theirs = remoteById.get(id);
    const deletion = tombstones.get(id);
    // The remote version wins only if it is strictly better: the same version stays as it is
    // here, with its full quote context and this device's own marks.
    let winner = mine;
    if (theirs && (!mine || wins(theirs, mine))) {
      winner = { ...theirs, ...(mine?.orphan !== undefined && { orphan: mine.orphan }) };
    }
    if (winner && deletion && deletion.at > winner.updated) {
      if (mine) result.remove.push(deletion);
      continue;
    }
    if (winner) {
      result.highlights.push(winner);
      if (winner !== mine) result.put.push(winner);
      if (deletion) tombstones.delete(id); // a later version outlived it
    }
  }

  result.tombstones = [...tombstones.values()]
    .filter((t) => now - t.at <= TOMBSTONE_TTL_MS)
    .sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_TOMBSTONES);
  return result;
}
