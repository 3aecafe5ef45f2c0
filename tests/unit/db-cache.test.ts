import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RiksrefDatabase } from '@/lib/db/database';
import { CACHE_POLICY, DocumentRepository } from '@/lib/db/documents';
import { createMetadataService, type MetadataService } from '@/lib/db/metadata';
import type { DocumentMeta, LookupOutcome } from '@/lib/riksdagen/types';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 0, 1);

function meta(id: string, title = `Titel för ${id}`): DocumentMeta {
  return { id, dokId: `X${id.length}`, kind: 'sou', label: id, title, url: 'https://www.riksdagen.se/', fetchedAt: T0 };
}

let db: RiksrefDatabase;
let clock: number;
let calls: string[];
let network: (id: string) => Promise<LookupOutcome>;
let service: MetadataService;
let dbCount = 0;

function makeService(maxDocuments?: number) {
  return createMetadataService({
    db,
    fetchDocument: (id) => {
      calls.push(id);
      return network(id);
    },
    now: () => clock,
    maxDocuments,
  });
}

beforeEach(() => {
  db = new RiksrefDatabase(`riksref-test-${++dbCount}`);
  clock = T0;
  calls = [];
  network = async (id) => (id.startsWith('sou') ? { status: 'found', meta: meta(id) } : { status: 'not-found' });
  service = makeService();
});

afterEach(async () => {
  await service.settled();
  db.close();
  await db.delete();
});

describe('metadata cache policy', () => {
  test('a miss goes to the network once; the next lookup is served from the cache', async () => {
    const first = await service.lookupMany(['sou:2018:65', 'sou:2018:65', 'dir:2017:75']);
    expect(Object.keys(first)).toEqual(['sou:2018:65', 'dir:2017:75']);
    expect(first['sou:2018:65']).toEqual({ status: 'found', meta: meta('sou:2018:65') });
    expect(first['dir:2017:75']).toEqual({ status: 'not-found' });
    expect(calls).toEqual(['sou:2018:65', 'dir:2017:75']);

    clock += 29 * DAY;
    const second = await service.lookupMany(['sou:2018:65']);
    expect(second).toEqual({ 'sou:2018:65': { status: 'found', meta: meta('sou:2018:65') } });
    expect(calls).toHaveLength(2);
  });

  test('after 30 days a found document is served stale at once and refreshed behind the answer', async () => {
    await service.lookupMany(['sou:2018:65']);
    clock += 30 * DAY + 1;
    network = async (id) => ({ status: 'found', meta: { ...meta(id, 'Ny titel'), fetchedAt: clock } });
    const stale = await service.lookupMany(['sou:2018:65']);
    expect(stale['sou:2018:65']).toEqual({ status: 'found', meta: meta('sou:2018:65'), stale: true });
    await service.settled();
    expect(calls).toEqual(['sou:2018:65', 'sou:2018:65']);
    const fresh = await service.lookupMany(['sou:2018:65']);
    expect(fresh['sou:2018:65']).toMatchObject({ status: 'found', meta: { title: 'Ny titel' } });
    expect(fresh['sou:2018:65']).not.toHaveProperty('stale');
    expect(calls).toHaveLength(2);
  });

  test('a failed refresh keeps the stale document', async () => {
    await service.lookupMany(['sou:2018:65']);
    clock += 31 * DAY;
    network = async () => ({ status: 'unavailable', reason: 'timeout' });
    await service.lookupMany(['sou:2018:65']);
    await service.settled();
    expect((await service.lookupMany(['sou:2018:65']))['sou:2018:65']).toMatchObject({ status: 'found', stale: true });
  });

  test('"not found" is remembered for one day, then asked again', async () => {
    await service.lookupMany(['dir:2017:75']);
    clock += DAY - 1;
    await service.lookupMany(['dir:2017:75']);
    expect(calls).toHaveLength(1);
    clock += 2;
    network = async (id) => ({ status: 'found', meta: meta(id) });
    expect((await service.lookupMany(['dir:2017:75']))['dir:2017:75']).toMatchObject({ status: 'found' });
    expect(calls).toHaveLength(2);
  });

  test('errors are answered but never cached', async () => {
    network = async () => ({ status: 'unavailable', reason: 'rate-limited', retryAfter: T0 + 60_000 });
    expect(await service.lookupMany(['sou:2018:65'])).toEqual({
      'sou:2018:65': { status: 'unavailable', reason: 'rate-limited', retryAfter: T0 + 60_000 },
    });
    expect(await db.documents.count()).toBe(0);
    network = async (id) => ({ status: 'found', meta: meta(id) });
    expect((await service.lookupMany(['sou:2018:65']))['sou:2018:65']).toMatchObject({ status: 'found' });
    expect(calls).toHaveLength(2);
  });

  test('a lookup that throws is unavailable for that id only', async () => {
    network = async (id) => {
      if (id === 'sou:1:1') throw new Error('bug');
      return { status: 'found', meta: meta(id) };
    };
    const results = await service.lookupMany(['sou:1:1', 'sou:2018:65']);
    expect(results['sou:1:1']).toEqual({ status: 'unavailable', reason: 'network' });
    expect(results['sou:2018:65']).toMatchObject({ status: 'found' });
  });

  test('the least recently used documents are evicted beyond the bound', async () => {
    service = makeService(3);
    for (const id of ['sou:1:1', 'sou:1:2', 'sou:1:3']) {
      await service.lookupMany([id]);
      clock += 1000;
    }
    // Using sou:1:1 again makes sou:1:2 the least recently used.
    await service.lookupMany(['sou:1:1']);
    clock += 1000;
    await service.lookupMany(['sou:1:4']);
    expect((await db.documents.toCollection().primaryKeys()).sort()).toEqual(['sou:1:1', 'sou:1:3', 'sou:1:4']);
    expect(await db.documents.count()).toBe(3);
  });

  test('stats count documents and their approximate size; clear empties the cache', async () => {
    expect(await service.stats()).toEqual({ count: 0, approxBytes: 0, service: {} });
    await service.lookupMany(['sou:2018:65', 'dir:2017:75']);
    const stats = await service.stats();
    // dir:2017:75 is a remembered "not found": it takes space but is no document.
    expect(stats.count).toBe(1);
    expect(stats.approxBytes).toBeGreaterThan(JSON.stringify(meta('sou:2018:65')).length);
    expect(stats.service).toEqual({ lastSuccessAt: T0 });
    expect(await service.clear()).toBe(2);
    expect(await service.stats()).toMatchObject({ count: 0, approxBytes: 0 });
    await service.lookupMany(['sou:2018:65']);
    expect(calls).toHaveLength(3);
  });

  test('a failure to reach the service is recorded for the options page', async () => {
    network = async () => ({ status: 'unavailable', reason: 'timeout' });
    clock = T0 + 5;
    await service.lookupMany(['sou:2018:65']);
    expect((await service.stats()).service).toEqual({ lastFailureAt: T0 + 5, lastFailureReason: 'timeout' });
  });

  test('the policy constants are the issue\'s', () => {
    expect(CACHE_POLICY.foundFreshFor).toBe(30 * DAY);
    expect(CACHE_POLICY.notFoundFor).toBe(DAY);
  });
});

describe('document repository', () => {
  test('eviction removes exactly the excess, oldest use first', async () => {
    const repo = new DocumentRepository(db, 10);
    await repo.putMany([{ id: 'a' }, { id: 'b' }], 1);
    await repo.putMany([{ id: 'c', meta: meta('c') }], 2);
    await repo.touch(['a'], 3);
    expect(await repo.evictLeastRecentlyUsed(2)).toBe(1);
    expect((await repo.getMany(['a', 'b', 'c'])).has('b')).toBe(false);
    expect(await repo.evictLeastRecentlyUsed(2)).toBe(0);
  });
});
