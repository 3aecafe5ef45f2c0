import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RiksrefDatabase } from '@/lib/db/database';
import { createTrailService, TRAIL_POLICY, type TrailService } from '@/lib/db/trails';
import type { TrailFetchOutcome } from '@/lib/riksdagen/client';
import type { TrailFacts } from '@/lib/riksdagen/trail';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 10);

function facts(dokId: string, open: boolean, title = `Trail of ${dokId}`): TrailFacts {
  return {
    dokId,
    title,
    url: `https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/_${dokId}`,
    treatedIn: [],
    treats: [],
    followUpMotions: [],
    otherRelations: [],
    proposals: [],
    points: [],
    open,
  };
}

let db: RiksrefDatabase;
let clock: number;
let calls: string[];
let network: (dokId: string) => Promise<TrailFetchOutcome>;
let service: TrailService;
let n = 0;

function makeService(options: { answerWithinMs?: number; maxTrails?: number } = {}) {
  return createTrailService({
    db,
    fetchTrail: (dokId) => {
      calls.push(dokId);
      return network(dokId);
    },
    now: () => clock,
    ...options,
  });
}

beforeEach(() => {
  db = new RiksrefDatabase(`riksref-trails-${++n}`);
  clock = T0;
  calls = [];
  // OPEN… documents are open matters, CLOSED… closed ones, anything else is not in the open data.
  network = async (dokId) =>
    dokId.startsWith('OPEN') || dokId.startsWith('CLOSED') ? { status: 'found', facts: facts(dokId, dokId.startsWith('OPEN')) } : { status: 'not-found' };
  service = makeService();
});

afterEach(async () => {
  await service.settled();
  db.close();
  await db.delete();
});

describe('trail cache', () => {
  test('a miss asks the network once; the answer is stored and served from the cache', async () => {
    expect(await service.get('CLOSED1')).toEqual({ status: 'found', facts: facts('CLOSED1', false) });
    expect(await service.get('CLOSED1')).toEqual({ status: 'found', facts: facts('CLOSED1', false) });
    expect(calls).toEqual(['CLOSED1']);
    expect(await db.trails.get('CLOSED1')).toMatchObject({ status: 'found', storedAt: T0 });
  });

  test('a closed matter is fresh as long as a document; then served stale and refreshed', async () => {
    await service.get('CLOSED1');
    clock += TRAIL_POLICY.closedFreshFor - DAY;
    expect(await service.get('CLOSED1')).toEqual({ status: 'found', facts: facts('CLOSED1', false) });
    expect(calls).toHaveLength(1);

    clock += 2 * DAY;
    network = async (dokId) => ({ status: 'found', facts: facts(dokId, false, 'Updated') });
    expect(await service.get('CLOSED1')).toEqual({ status: 'found', facts: facts('CLOSED1', false), stale: true });
    await service.settled();
    expect(calls).toHaveLength(2);
    expect(await service.get('CLOSED1')).toEqual({ status: 'found', facts: facts('CLOSED1', false, 'Updated') });
  });

  test('an open matter is fresh for a day only: its decision may come any day', async () => {
    expect(TRAIL_POLICY.openFreshFor).toBe(DAY);
    await service.get('OPEN1');
    clock += DAY - 1;
    expect(await service.get('OPEN1')).not.toHaveProperty('stale');
    clock += 2;
    expect(await service.get('OPEN1')).toMatchObject({ status: 'found', stale: true });
    await service.settled();
    expect(calls).toEqual(['OPEN1', 'OPEN1']);
  });

  test('"not found" is believed a day, then asked again', async () => {
    expect(await service.get('H000000')).toEqual({ status: 'not-found' });
    clock += DAY - 1;
    expect(await service.get('H000000')).toEqual({ status: 'not-found' });
    expect(calls).toHaveLength(1);
    clock += 2;
    await service.get('H000000');
    expect(calls).toHaveLength(2);
  });

  test('a failure is never stored: the next question asks again', async () => {
    network = async () => ({ status: 'unavailable', reason: 'http' });
    expect(await service.get('CLOSED1')).toEqual({ status: 'unavailable', reason: 'http' });
    expect(await db.trails.count()).toBe(0);
    network = async (dokId) => ({ status: 'found', facts: facts(dokId, false) });
    expect(await service.get('CLOSED1')).toMatchObject({ status: 'found' });
    expect(calls).toHaveLength(2);
  });

  test('a failed refresh keeps the stale trail', async () => {
    await service.get('OPEN1');
    clock += 2 * DAY;
    network = async () => ({ status: 'unavailable', reason: 'timeout' });
    expect(await service.get('OPEN1')).toMatchObject({ status: 'found', stale: true });
    await service.settled();
    expect(await service.get('OPEN1')).toMatchObject({ status: 'found', facts: facts('OPEN1', true), stale: true });
  });

  test('a hung service: the answer comes by the deadline as a timeout, and the late trail is stored when it arrives', async () => {
    service = makeService({ answerWithinMs: 30 });
    let arrive: (outcome: TrailFetchOutcome) => void = () => {};
    network = () => new Promise((resolve) => (arrive = resolve));
    expect(await service.get('CLOSED1')).toEqual({ status: 'unavailable', reason: 'timeout' });
    // Asking again while the first request is still out makes no second request.
    expect(await service.get('CLOSED1')).toEqual({ status: 'unavailable', reason: 'timeout' });
    expect(calls).toEqual(['CLOSED1']);
    arrive({ status: 'found', facts: facts('CLOSED1', false) });
    await service.settled();
    expect(await service.get('CLOSED1')).toEqual({ status: 'found', facts: facts('CLOSED1', false) });
    expect(calls).toHaveLength(1);
  });

  test('at most maxTrails are kept, the least recently used go first; stats and clear', async () => {
    service = makeService({ maxTrails: 2 });
    await service.get('CLOSED1');
    clock += 1;
    await service.get('CLOSED2');
    clock += 1;
    await service.get('CLOSED1');
    clock += 1;
    await service.get('CLOSED3');
    expect((await db.trails.toCollection().primaryKeys()).sort()).toEqual(['CLOSED1', 'CLOSED3']);
    await service.get('H000000');
    const stats = await service.stats();
    expect(stats.count).toBe(1);
    expect(stats.approxBytes).toBeGreaterThan(100);
    expect(await service.clear()).toBe(2);
    expect(await service.stats()).toEqual({ count: 0, approxBytes: 0 });
  });
});
