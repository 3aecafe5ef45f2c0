import type { DBCore, Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RiksrefDatabase } from '@/lib/db/database';
import { createHighlightHandlers } from '@/lib/db/highlight-handlers';
import { createMetadataService, type MetadataService } from '@/lib/db/metadata';
import { createHttpClient } from '@/lib/riksdagen/http';
import { createLawClient } from '@/lib/riksdagen/laws';
import type { DocumentMeta, LookupOutcome } from '@/lib/riksdagen/types';
import { apiAnswer } from '../fixtures/api/serve.ts';
import { makeHighlight } from './highlight-fixtures.ts';

/*
 * Issue 12: the disk is full. Every IndexedDB write fails as Chromium reports it (a
 * QuotaExceededError, here inside the aborted transaction's AbortError). Reading still works.
 * Links and cards must work as before, only uncached; a highlight that cannot be saved comes back
 * with a message that says why; nothing already stored is lost.
 */

const T0 = Date.UTC(2025, 0, 1);

/** A DBCore middleware that refuses every write (put, add, delete) the way a full disk does. */
const fullDisk: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'full-disk',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return {
        ...table,
        mutate: () =>
          Promise.reject(
            Object.assign(new Error('The transaction was aborted'), {
              name: 'AbortError',
              inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
            }),
          ),
      };
    },
  }),
};

/** From now on every write fails (middlewares take effect when the database opens). */
async function fillDisk() {
  db.close();
  db.use(fullDisk);
  await db.open();
}

let n = 0;
let db: RiksrefDatabase;
let service: MetadataService;
let documentRequests: string[];
let lawRequests: string[];

function meta(id: string): DocumentMeta {
  return { id, dokId: 'H5B3200', kind: 'sou', label: 'SOU 2018:65', title: 'Informationsutbyte vid samverkan mot terrorism', url: 'https://www.riksdagen.se/', fetchedAt: T0 };
}

beforeEach(() => {
  db = new RiksrefDatabase(`riksref-full-disk-${++n}`);
  documentRequests = [];
  lawRequests = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    lawRequests.push(url.pathname);
    const answer = apiAnswer(url);
    return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType } });
  }) as typeof globalThis.fetch;
  const http = createHttpClient({ fetch, sleep: async () => {}, random: () => 0.5, timeoutMs: 10_000 });
  service = createMetadataService({
    db,
    fetchDocument: async (id): Promise<LookupOutcome> => {
      documentRequests.push(id);
      return id.startsWith('sou:') ? { status: 'found', meta: meta(id) } : { status: 'not-found' };
    },
    fetchLaw: createLawClient({ http, now: () => T0 }).fetchLaw,
    now: () => T0,
    answerWithinMs: 2000,
  });
});

afterEach(async () => {
  await service.settled();
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

describe('a full disk: metadata caching fails', () => {
  test('documents and laws are still answered, every time, from the network (uncached)', async () => {
    // Something is cached from before the disk filled up: it is still served.
    await service.lookupMany(['sou:2017:1']);
    await fillDisk();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ids = ['sou:2018:65', 'dir:2017:75', 'sfs:2009:400#K10P2', 'sou:2017:1'];

    const first = await service.lookupMany(ids);
    expect(first['sou:2018:65']).toEqual({ status: 'found', meta: meta('sou:2018:65') });
    expect(first['dir:2017:75']).toEqual({ status: 'not-found' });
    expect(first['sfs:2009:400#K10P2']).toMatchObject({ status: 'found', meta: { law: { place: { state: 'found' } } } });
    expect(first['sou:2017:1']).toEqual({ status: 'found', meta: meta('sou:2017:1') });
    await service.settled();

    // Nothing could be stored: the next page asks the network again, and is answered again.
    const second = await service.lookupMany(ids);
    expect(second).toEqual(first);
    expect(documentRequests).toEqual(['sou:2017:1', 'sou:2018:65', 'dir:2017:75', 'sou:2018:65', 'dir:2017:75']);
    expect(lawRequests.filter((p) => p.includes('sfs-2009-400'))).toHaveLength(2);

    // The writes really failed, and what was there before is intact.
    expect(await db.documents.count()).toBe(1);
    expect(await db.laws.count()).toBe(0);
    // The options page can still read the cache's size.
    expect(await service.stats()).toMatchObject({ count: 1 });
  });
});

describe('a full disk: saving highlights fails with a clear message, nothing lost', () => {
  test('save hands the highlight back with the reason; edits and imports change nothing', async () => {
    const handlers = createHighlightHandlers(db, () => T0);
    const kept = makeHighlight({ id: 'kept', note: 'sparad innan disken blev full' });
    await handlers.saveHighlight({ highlight: kept });
    const changed = vi.fn();
    const full = createHighlightHandlers(db, () => T0, changed);
    await fillDisk();

    const unsaved = makeHighlight({ id: 'new', note: 'min anteckning' });
    const outcome = await full.saveHighlight({ highlight: unsaved });
    expect(outcome).toEqual({
      saved: false,
      highlight: unsaved,
      error: expect.stringMatching(/^Markeringen kunde inte sparas: webbläsaren har inte mer lagringsutrymme åt Riksref\. Frigör utrymme/),
    });

    const edit = await full.updateHighlight({ id: 'kept', changes: { note: 'ändrad' } });
    expect(edit.outcome).toMatchObject({ saved: false, highlight: { note: 'ändrad' }, error: expect.stringMatching(/lagringsutrymme/) });

    const imported = await full.importHighlights({ file: [] });
    expect(imported.imported).toBe(false);
    const importedTwo = await full.importHighlights({
      file: [{ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:00000000-0000-4000-8000-000000000009', type: 'Annotation', created: '2025-01-01T00:00:00.000Z', target: { source: unsaved.url, selector: [unsaved.selectors.quote, unsaved.selectors.position] } }],
    });
    expect(importedTwo).toEqual({ imported: false, error: expect.stringMatching(/^Importen misslyckades och ingenting ändrades: webbläsaren har inte mer lagringsutrymme/) });

    expect(changed).not.toHaveBeenCalled();
    expect(await db.highlights.toArray()).toEqual([kept]);
  });
});
