import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RiksrefDatabase } from '@/lib/db/database';
import { createMetadataService, type MetadataService, type MetadataServiceOptions } from '@/lib/db/metadata';
import { createHttpClient } from '@/lib/riksdagen/http';
import { createLawClient, type LawFetchOutcome } from '@/lib/riksdagen/laws';
import type { LookupOutcome } from '@/lib/riksdagen/types';
import { apiAnswer, readApiFixture } from '../fixtures/api/serve.ts';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date(2026, 11, 1, 12).getTime();

let db: RiksrefDatabase;
let clock: number;
let requests: string[];
let override: ((url: URL) => Response | Promise<Response> | undefined) | undefined;
let documentCalls: string[];
let service: MetadataService;
let dbCount = 0;

/** data.riksdagen.se as recorded, counting every request; `override` answers instead when it will. */
const fetch = (async (input: RequestInfo | URL) => {
  const url = new URL(String(input));
  requests.push(url.pathname);
  const special = await override?.(url);
  if (special) return special;
  const answer = apiAnswer(url);
  return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType } });
}) as typeof globalThis.fetch;

function makeService(extra: Partial<MetadataServiceOptions> = {}) {
  const http = createHttpClient({ fetch, sleep: async () => {}, random: () => 0.5, timeoutMs: 10_000 });
  return createMetadataService({
    db,
    fetchDocument: async (id): Promise<LookupOutcome> => {
      documentCalls.push(id);
      return { status: 'not-found' };
    },
    fetchLaw: createLawClient({ http, now: () => clock }).fetchLaw,
    now: () => clock,
    answerWithinMs: 2000,
    ...extra,
  });
}

function place(outcome: LookupOutcome | undefined) {
  if (outcome?.status !== 'found') throw new Error(`expected found, got ${JSON.stringify(outcome)}`);
  return outcome.meta.law?.place;
}

beforeEach(() => {
  db = new RiksrefDatabase(`riksref-laws-test-${++dbCount}`);
  clock = T0;
  requests = [];
  documentCalls = [];
  override = undefined;
  service = makeService();
});

afterEach(async () => {
  await service.settled();
  db.close();
  await db.delete();
});

describe('law lookups', () => {
  test('many places in one law, and the law itself: one request, each answered with its own words', async () => {
    const ids = ['sfs:2009:400#K10P2', 'sfs:2009:400#K26P1', 'sfs:2009:400#K21', 'sfs:2009:400', 'sfs:2009:400#K10P99'];
    const results = await service.lookupMany(ids);
    expect(requests).toEqual(['/dokumentstatus/sfs-2009-400.json']);
    expect(Object.keys(results)).toEqual(ids);
    expect(place(results['sfs:2009:400#K10P2'])).toMatchObject({ state: 'found', paragraphs: [expect.stringMatching(/^Sekretess hindrar inte/)] });
    expect(place(results['sfs:2009:400#K26P1'])!.paragraphs).toHaveLength(6);
    expect(place(results['sfs:2009:400#K21'])).toMatchObject({ state: 'found', inForceUntil: '2027-01-01' });
    expect(place(results['sfs:2009:400#K10P99'])).toMatchObject({ state: 'missing', chapterTitle: expect.stringMatching(/^Sekretessbrytande/) });
    expect(results['sfs:2009:400']).toMatchObject({ status: 'found', meta: { id: 'sfs:2009:400', title: 'Offentlighets- och sekretesslag (2009:400)' } });
    expect(place(results['sfs:2009:400'])).toBeUndefined();
    // Laws never go through the documents' lookup.
    expect(documentCalls).toEqual([]);
  });

  test('later pages citing other places of a cached law cost no request', async () => {
    await service.lookupMany(['sfs:2009:400#K10P2']);
    clock += 29 * DAY;
    const later = await service.lookupMany(['sfs:2009:400#K1P1', 'sfs:2009:400#K10P3a']);
    expect(requests).toHaveLength(1);
    expect(place(later['sfs:2009:400#K1P1'])!.paragraphs![0]).toMatch(/^Denna lag innehåller bestämmelser/);
    expect(later['sfs:2009:400#K1P1']).not.toHaveProperty('stale');
  });

  test('concurrent pages asking for places in the same laws share one request per law', async () => {
    const [a, b, c] = await Promise.all([
      service.lookupMany(['sfs:2009:400#K10P2', 'sfs:1974:152#K2P1']),
      service.lookupMany(['sfs:2009:400#K26P1', 'sfs:1974:152#K1P1']),
      service.lookupMany(['sfs:2009:400', 'sou:2018:65']),
    ]);
    expect(requests.sort()).toEqual(['/dokumentstatus/sfs-1974-152.json', '/dokumentstatus/sfs-2009-400.json']);
    expect(place(a['sfs:1974:152#K2P1'])!.state).toBe('found');
    expect(place(b['sfs:1974:152#K1P1'])!.paragraphs![0]).toBe('All offentlig makt i Sverige utgår från folket.');
    expect(c['sou:2018:65']).toEqual({ status: 'not-found' });
    expect(documentCalls).toEqual(['sou:2018:65']);
    expect(await db.laws.count()).toBe(2);
  });

  test('after 30 days a law is served stale at once and refreshed behind the answer; a failed refresh keeps it', async () => {
    await service.lookupMany(['sfs:2009:400#K10P2']);
    clock += 30 * DAY + 1;
    override = () => new Response('fel', { status: 503 });
    const stale = await service.lookupMany(['sfs:2009:400#K10P2']);
    expect(stale['sfs:2009:400#K10P2']).toMatchObject({ status: 'found', stale: true });
    await service.settled();
    expect(requests.filter((r) => r.includes('sfs-2009-400'))).toHaveLength(1 + 3); // the refresh, tried three times
    override = undefined;
    const again = await service.lookupMany(['sfs:2009:400#K10P2']);
    expect(again['sfs:2009:400#K10P2']).toMatchObject({ status: 'found', stale: true });
    await service.settled();
    const fresh = await service.lookupMany(['sfs:2009:400#K10P2']);
    expect(fresh['sfs:2009:400#K10P2']).toMatchObject({ status: 'found' });
    expect(fresh['sfs:2009:400#K10P2']).not.toHaveProperty('stale');
    expect(requests.filter((r) => r.includes('sfs-2009-400'))).toHaveLength(5);
  });

  test('"not found" is believed a day, then asked again', async () => {
    expect(await service.lookupMany(['sfs:2099:1#K1P1', 'sfs:2099:1'])).toEqual({
      'sfs:2099:1#K1P1': { status: 'not-found' },
      'sfs:2099:1': { status: 'not-found' },
    });
    clock += DAY - 1;
    await service.lookupMany(['sfs:2099:1#K2P2']);
    expect(requests).toEqual(['/dokumentstatus/sfs-2099-1.json']);
    clock += 2;
    await service.lookupMany(['sfs:2099:1']);
    expect(requests).toHaveLength(2);
  });

  test('failures are never stored: the next lookup asks again', async () => {
    override = () => new Response(readApiFixture('quirks/truncated.json'));
    expect(await service.lookupMany(['sfs:2009:400#K10P2'])).toEqual({ 'sfs:2009:400#K10P2': { status: 'unavailable', reason: 'malformed' } });
    expect(await db.laws.count()).toBe(0);
    override = undefined;
    expect(place((await service.lookupMany(['sfs:2009:400#K10P2']))['sfs:2009:400#K10P2'])!.state).toBe('found');
    expect(requests).toHaveLength(2);
    expect((await service.stats()).service).toMatchObject({ lastFailureReason: 'malformed', lastSuccessAt: T0 });
  });

  test('a law whose text could not be had is answered (the place unavailable) but not stored', async () => {
    override = (url) => {
      if (url.pathname.startsWith('/dokument/')) return new Response('nej', { status: 404 });
      const json = JSON.parse(readApiFixture('dokumentstatus/sfs-2009-400.json')) as { dokumentstatus: { dokument: { html?: string } } };
      delete json.dokumentstatus.dokument.html;
      return new Response(JSON.stringify(json));
    };
    const first = await service.lookupMany(['sfs:2009:400#K10P2', 'sfs:2009:400']);
    expect(place(first['sfs:2009:400#K10P2'])).toEqual({ anchor: 'K10P2', label: '10 kap. 2 §', state: 'unavailable', reason: 'http' });
    expect(first['sfs:2009:400']).toMatchObject({ status: 'found', meta: { title: 'Offentlighets- och sekretesslag (2009:400)' } });
    expect(await db.laws.count()).toBe(0);
    override = undefined;
    expect(place((await service.lookupMany(['sfs:2009:400#K10P2']))['sfs:2009:400#K10P2'])!.state).toBe('found');
    expect(requests).toEqual(['/dokumentstatus/sfs-2009-400.json', '/dokument/sfs-2009-400.html', '/dokumentstatus/sfs-2009-400.json']);
  });

  test('only the parsed text is stored, never the HTML; the stats count a law once and its bytes', async () => {
    await service.lookupMany(['sfs:2009:400#K10P2', 'sfs:2009:400#K26P1', 'sfs:2099:1']);
    const record = await db.laws.get('sfs:2009:400');
    expect(record).toMatchObject({ status: 'found', storedAt: T0, lastUsedAt: T0, meta: { id: 'sfs:2009:400' } });
    expect(Object.keys(record!).sort()).toEqual(['id', 'lastUsedAt', 'meta', 'size', 'status', 'storedAt', 'text']);
    expect(JSON.stringify(record)).not.toMatch(/<[a-z/]/i);
    expect(record!.size).toBe(new TextEncoder().encode(JSON.stringify({ ...record, size: undefined })).length);
    const notFound = (await db.laws.get('sfs:2099:1'))!;
    const stats = await service.stats();
    expect(stats.count).toBe(1);
    expect(stats.approxBytes).toBe(record!.size + notFound.size);
  });

  test('"Töm cachen" empties the laws with the documents', async () => {
    await service.lookupMany(['sfs:2009:400#K10P2', 'sfs:1974:152', 'sou:2018:65']);
    expect(await service.clear()).toBe(3);
    expect(await db.laws.count()).toBe(0);
    expect((await service.stats()).count).toBe(0);
    await service.lookupMany(['sfs:2009:400#K10P2']);
    expect(requests.filter((r) => r.includes('sfs-2009-400'))).toHaveLength(2);
  });

  test('the least recently used laws go first when there are too many', async () => {
    service = makeService({ maxLaws: 2 });
    await service.lookupMany(['sfs:2009:400#K10P2']);
    clock += 1;
    await service.lookupMany(['sfs:1974:152#K2P1']);
    clock += 1;
    await service.lookupMany(['sfs:2009:400#K10P3']);
    clock += 1;
    await service.lookupMany(['sfs:1994:1738#K7P19']);
    expect((await db.laws.toCollection().primaryKeys()).sort()).toEqual(['sfs:1994:1738', 'sfs:2009:400']);
  });
});

describe('every lookup ends within its time', () => {
  test('a law that never arrives is unavailable (timeout) by the deadline, and stored when it does arrive', async () => {
    let release!: (outcome: LawFetchOutcome) => void;
    const held = new Promise<LawFetchOutcome>((resolve) => (release = resolve));
    const real = createLawClient({ http: createHttpClient({ fetch }), now: () => clock });
    service = makeService({ fetchLaw: () => held, answerWithinMs: 50 });
    const started = performance.now();
    const results = await service.lookupMany(['sfs:2009:400#K10P2', 'sfs:2009:400', 'sou:2018:65']);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(results).toEqual({
      'sfs:2009:400#K10P2': { status: 'unavailable', reason: 'timeout' },
      'sfs:2009:400': { status: 'unavailable', reason: 'timeout' },
      'sou:2018:65': { status: 'not-found' },
    });
    release(await real.fetchLaw('sfs:2009:400'));
    await service.settled();
    expect(place((await service.lookupMany(['sfs:2009:400#K10P2']))['sfs:2009:400#K10P2'])!.state).toBe('found');
  });

  test('a service that sends headers and then stalls: the lookup ends as a timeout, the page’s other answers intact', async () => {
    override = (url) =>
      url.pathname.includes('1974-152')
        ? new Response(new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"dokumentstatus"')) }))
        : undefined;
    const http = createHttpClient({ fetch, timeoutMs: 60 });
    service = makeService({ fetchLaw: createLawClient({ http, now: () => clock }).fetchLaw, answerWithinMs: 5000 });
    const results = await service.lookupMany(['sfs:1974:152#K2P1', 'sfs:2009:400#K10P2']);
    expect(results['sfs:1974:152#K2P1']).toEqual({ status: 'unavailable', reason: 'timeout' });
    expect(place(results['sfs:2009:400#K10P2'])!.state).toBe('found');
  });

  test('documents too: a lookup that hangs times out by the deadline, others are answered', async () => {
    let release!: (outcome: LookupOutcome) => void;
    const held = new Promise<LookupOutcome>((resolve) => (release = resolve));
    service = makeService({ fetchDocument: () => held, answerWithinMs: 50 });
    const results = await service.lookupMany(['sou:2018:65', 'sfs:2009:400#K10P2']);
    expect(results['sou:2018:65']).toEqual({ status: 'unavailable', reason: 'timeout' });
    expect(place(results['sfs:2009:400#K10P2'])!.state).toBe('found');
    // When it does come, it is kept for the next page.
    release({ status: 'not-found' });
    await service.settled();
    expect(await db.documents.get('sou:2018:65')).toMatchObject({ status: 'not-found' });
  });
});
