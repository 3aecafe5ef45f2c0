import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RiksrefDatabase } from '@/lib/db/database';
import { HighlightRepository } from '@/lib/db/highlights';
import { watchAllHighlights } from '@/lib/db/live-highlights';
import { MessageError } from '@/lib/messages/send';
import { showWhenAnchored } from '@/entrypoints/sidepanel/highlights-link';
import { makeHighlight } from './highlight-fixtures.ts';

describe('watchAllHighlights: the side panel’s live view of the database', () => {
  let db: RiksrefDatabase;
  let n = 0;
  beforeEach(() => {
    db = new RiksrefDatabase(`riksref-live-${++n}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  test('the list now, and again after every write; stops when asked', async () => {
    const repo = new HighlightRepository(db);
    await repo.save(makeHighlight({ id: 'a', updated: 1 }));
    const seen: string[][] = [];
    const waitForLength = async (length: number) => {
      for (let i = 0; i < 200 && seen.length < length; i++) await new Promise((r) => setTimeout(r, 5));
    };
    const stop = watchAllHighlights(db, (hs) => seen.push(hs.map((h) => h.id).sort()), (error) => {
      throw error;
    });
    await waitForLength(1);
    await repo.save(makeHighlight({ id: 'b', updated: 2 }));
    await waitForLength(2);
    await repo.delete('a');
    await waitForLength(3);
    expect(seen).toEqual([['a'], ['a', 'b'], ['b']]);

    stop();
    await repo.save(makeHighlight({ id: 'c', updated: 3 }));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(3);
  });

  test('a read that fails reaches the error callback', async () => {
    const onError = vi.fn();
    // The read as Dexie reports a failure: a rejected query.
    vi.spyOn(db.highlights, 'orderBy').mockReturnValue({
      limit: () => ({ toArray: () => Promise.reject(new Error('blockerad')) }),
    } as unknown as ReturnType<typeof db.highlights.orderBy>);
    const stop = watchAllHighlights(db, () => {}, onError);
    await vi.waitFor(() => expect(onError).toHaveBeenCalled());
    expect(String(onError.mock.calls[0]![0])).toContain('blockerad');
    stop();
  });
});

describe('showWhenAnchored: "Visa" waits for the right page', () => {
  const highlight = { id: 'h1', dokId: 'H612523' };
  /** A clock that moves only when the loop sleeps. */
  const clock = () => {
    let t = 0;
    return { now: () => t, sleep: async (ms: number) => void (t += ms), every: 250, within: 5_000 };
  };

  test('ignores the page it is leaving and asks again while the new one has no content script', async () => {
    const answers = [
      () => Promise.resolve({ dokId: 'H601KU21', shown: false }), // the old page, still there
      () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      () => Promise.resolve({ dokId: 'H612523', shown: true }),
    ];
    const ask = vi.fn(() => answers.shift()!());
    expect(await showWhenAnchored(ask, highlight, clock())).toBe('shown');
    expect(ask).toHaveBeenCalledTimes(3);
    expect(ask).toHaveBeenCalledWith({ id: 'h1', dokId: 'H612523' });
  });

  test('the right page saying "not here" a few times: not anchored (an orphan)', async () => {
    const ask = vi.fn(async () => ({ dokId: 'H612523', shown: false }));
    expect(await showWhenAnchored(ask, highlight, clock())).toBe('not-anchored');
    expect(ask).toHaveBeenCalledTimes(4);
  });

  test('found by the slower fuzzy search on a later ask: shown', async () => {
    const ask = vi.fn().mockResolvedValueOnce({ dokId: 'H612523', shown: false }).mockResolvedValue({ dokId: 'H612523', shown: true });
    expect(await showWhenAnchored(ask, highlight, clock())).toBe('shown');
  });

  test('no answer at all before the deadline: timeout; a wrong reply is an error', async () => {
    const silent = vi.fn(() => Promise.reject(new Error('Receiving end does not exist.')));
    expect(await showWhenAnchored(silent, highlight, clock())).toBe('timeout');
    expect(silent).toHaveBeenCalledTimes(21); // at 0, 250, …, 5000 ms
    const broken = vi.fn(() => Promise.reject(new MessageError('showHighlight: unexpected reply')));
    await expect(showWhenAnchored(broken, highlight, clock())).rejects.toThrow(MessageError);
  });
});
